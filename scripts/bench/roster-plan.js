'use strict';
// In-process cost of the roster planner (nodes/shared/roster/plan.ts, compiled in dist/): a roster of N rows
// against N vendor users with every kind of difference, timed without n8n or HTTP. The n8n side (requests and
// wall time of a Sync Roster plan in a real n8n) is the bench row `bs-roster-plan` (--rows=bs-roster).
//   node scripts/bench/roster-plan.js [--users=10000] [--runs=5]

const { performance } = require('node:perf_hooks');
const { planRoster } = require('../../dist/nodes/shared/roster');
const { normalizedUser } = require('../../dist/nodes/shared/user');

const arg = (name, fallback) => Number((process.argv.find((a) => a.startsWith(`--${name}=`)) ?? '').split('=')[1] || fallback);
const N = arg('users', 10000);
const RUNS = arg('runs', 5);
const node = { id: 'bench', name: 'Bench', type: 'bench', typeVersion: 1, position: [0, 0], parameters: {} };
const teams = [{ id: 't-1', name: 'Default' }, { id: 't-2', name: 'Sales' }];

const users = Array.from({ length: N }, (_, i) => {
	const user = normalizedUser('bench', {
		id: `u-${i}`,
		email: `user${i}@bench.example.com`,
		role: i % 50 === 0 ? 'Admin' : 'Member',
		status: i % 97 === 0 ? 'deactivated' : i % 89 === 0 ? 'invited' : 'active',
		teamId: i % 3 ? 't-1' : 't-2',
		teamName: i % 3 ? 'Default' : 'Sales',
	});
	return { user, raw: { userId: user.id } };
});
// Rows: every user but 1 % (missing → deactivate), 1 % new, 1 % another role, 1 % another team.
const rows = [];
for (let i = 0; i < N; i++) {
	if (i % 100 === 1) continue;
	const role = i % 100 === 2 ? 'TeamAdmin' : users[i].user.role;
	const team = i % 100 === 3 ? (users[i].user.teamName === 'Sales' ? 'Default' : 'Sales') : users[i].user.teamName;
	rows.push({ email: i % 100 === 4 ? `new${i}@bench.example.com` : users[i].user.email.toUpperCase(), role, team, itemIndex: rows.length });
}
const options = { fields: ['role', 'team'], missing: 'deactivate', reactivate: true, protectedEmails: [], protectedRoles: ['Admin'] };

const times = [];
let counts;
for (let run = 0; run < RUNS; run++) {
	const start = performance.now();
	counts = planRoster(node, 'Bench', rows, { users, teams }, options).counts;
	times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ rows: rows.length, users: N, medianMs: Math.round(times[Math.floor(RUNS / 2)]), maxMs: Math.round(times[RUNS - 1]), counts }));
