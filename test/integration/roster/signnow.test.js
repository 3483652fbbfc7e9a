'use strict';
// Issue 13: SignNow Create or Update and Sync Roster against the SignNow mock (../shared/reference/vendor-apis.md
// §2.4, team seed 002). The roster is the members of the teams the credential's user (ada, primary admin of
// Sales, Legal and Support) administers; SignNow has no deactivated state: "deactivate" removes the member.

const { passwordCredential, startSignNowMock } = require('../signnow/setup');
const { rosterCases } = require('./cases');

const STATUS = { accepted: 'active', pending: 'invited' };
const lower = (value) => String(value ?? '').toLowerCase();
const emailOf = (mock, m) => m.email ?? mock.state.users.find((u) => u.id === m.userId)?.email;
const TEAM_READ = /^\/team\/[0-9a-f]{40}$/;
const isInvite = (r) => r.method === 'POST' && /^\/team\/[0-9a-f]{40}\/request$/.test(r.path);

let current;

/** The teams ada administers, in the mock's order (the order `GET /v2/teams` lists them). */
const adminTeams = (mock) =>
	mock.state.teams.filter((t) => t.active && t.members.some((m) => m.userId === mock.ids.adminUserId && m.status === 'accepted' && m.role === 'admin'));

rosterCases({
	name: 'SignNow',
	type: 'signNow',
	resource: 'user',
	async start() {
		current = await startSignNowMock();
		return current;
	},
	credentials: (mock) => ({ signNowApi: passwordCredential(mock) }),
	get secrets() {
		return [current.adminPassword, current.clientSecret, current.basicToken, ...current.issuedTokens.flatMap((t) => [t.access_token, t.refresh_token])];
	},
	/** One record per email: its first membership among ada's admin teams (as the node compares it). */
	users(mock) {
		const out = new Map();
		for (const team of adminTeams(mock)) {
			for (const m of team.members) {
				const email = emailOf(mock, m);
				if (!out.has(lower(email))) out.set(lower(email), { email, role: m.role, status: STATUS[m.status], teamName: team.name });
			}
		}
		return [...out.values()];
	},
	teams: ['Sales', 'Legal'],
	roles: { member: 'member', other: 'admin', admin: 'admin' },
	canReactivate: false,
	teamRequired: true,
	isList: (r) => r.method === 'GET' && (r.path === '/v2/teams' || TEAM_READ.test(r.path)),
	isWrite: (r) => r.method !== 'GET' && r.path !== '/oauth2/token',
	invitations: (mock, email) => mock.state.requests.filter((r) => lower(r.email) === lower(email)).length,
	failChange(mock, email) {
		const user = mock.state.users.find((u) => lower(u.email) === lower(email));
		const concerns = (r) => lower(r.body?.email) === lower(email) || (user && r.path.includes(user.id));
		mock.failNext({ status: 403, match: (r) => r.method !== 'GET' && r.path !== '/oauth2/token' && concerns(r) });
	},
	failCreate: (mock) => mock.failNext({ status: 403, match: isInvite }),
	listFloor: (mock) => Math.ceil(mock.state.teams.length / 100) + adminTeams(mock).length,
});

describe('SignNow roster: team memberships', () => {
	const { createInstance } = require('../../helpers/harness');
	let mock;
	let n8n;
	beforeAll(async () => {
		mock = await startSignNowMock();
		n8n = await createInstance({ signNowApi: passwordCredential(mock) });
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.reset());

	const team = (name) => mock.state.teams.find((t) => t.name === name);
	const inTeam = (name, email) => team(name).members.some((m) => lower(emailOf(mock, m)) === lower(email));
	const writes = () => mock.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth2/token');
	const sync = (rows, options = {}) =>
		n8n.run({ type: 'signNow', parameters: { resource: 'user', operation: 'syncRoster', rosterMode: 'apply', rosterOptions: { missing: 'deactivate', maxDeactivationPercent: 100, ...options } }, items: rows.map((json) => ({ json })) });
	/** Cleo (Sales member) is also a member of Legal. */
	function cleoInLegal() {
		const cleo = team('Sales').members.find((m) => lower(emailOf(mock, m)) === 'cleo.diaz@example.com');
		team('Legal').members.push({ ...cleo });
		return 'cleo.diaz@example.com';
	}
	const rosterWithout = (drop) => [...new Set(adminTeams(mock).flatMap((t) => t.members.map((m) => emailOf(mock, m))))].filter((e) => !drop.includes(e)).map((email) => ({ email }));

	test('without Only Team, a user missing from the roster leaves every team read; with it, only that team', async () => {
		const cleo = cleoInLegal();
		const scoped = await sync(rosterWithout([cleo]).filter((r) => inTeam('Legal', r.email)), { scopeTeam: 'Legal' });
		expect(scoped.json.find((j) => j.email === cleo)).toMatchObject({ action: 'deactivate', result: 'done' });
		expect([inTeam('Legal', cleo), inTeam('Sales', cleo)]).toEqual([false, true]);

		mock.reset();
		cleoInLegal();
		const { json } = await sync(rosterWithout([cleo]));
		expect(json.find((j) => j.email === cleo)).toMatchObject({ action: 'deactivate', result: 'done', user: { teamName: 'Sales' } });
		expect([inTeam('Legal', cleo), inTeam('Sales', cleo)]).toEqual([false, false]);
		expect(writes().map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
	});

	test('a team change to a team the user is already in only removes the old membership; a re-run is unchanged', async () => {
		const cleo = cleoInLegal();
		const rows = rosterWithout([]).map((r) => (r.email === cleo ? { ...r, team: 'Legal' } : r));
		const { json } = await sync(rows);
		expect(json.find((j) => j.email === cleo)).toMatchObject({ action: 'update', result: 'done', changes: { team: { from: 'Sales', to: 'Legal' } } });
		expect(writes().map((r) => `${r.method} ${r.path.split('/').length}`)).toEqual(['DELETE 5']);
		expect([inTeam('Legal', cleo), inTeam('Sales', cleo)]).toEqual([true, false]);
		mock.requests.length = 0;
		const again = await sync(rows);
		expect(new Set(again.json.map((j) => j.action))).toEqual(new Set(['unchanged']));
		expect(writes()).toEqual([]);
	});

	test('a new user without a team (no Only Team) fails without a request; a pending member’s role is not changed', async () => {
		const rows = rosterWithout([]).map((r) => (r.email === 'finn.olsen@example.com' ? { ...r, role: 'admin' } : r));
		rows.push({ email: 'nobody.yet@example.com' });
		const { json } = await sync(rows);
		expect(json.find((j) => j.email === 'nobody.yet@example.com')).toMatchObject({ action: 'create', result: 'failed', error: 'No team for nobody.yet@example.com' });
		expect(json.find((j) => j.email === 'finn.olsen@example.com')).toMatchObject({
			action: 'update',
			result: 'failed',
			error: 'role: finn.olsen@example.com has not accepted the invitation to the team yet',
		});
		expect(writes()).toEqual([]);
	});

	test('Only Team naming no team of the credential’s user stops the node before any change', async () => {
		const { error } = await sync([{ email: 'ada.admin@example.com' }], { scopeTeam: 'Nowhere' });
		expect(error.message).toBe('Only Team: "Nowhere" is not a team of the credential’s user');
		expect(writes()).toEqual([]);
	});
});
