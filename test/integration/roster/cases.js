'use strict';
// The roster cases every vendor runs (issue 13): Sync Roster and Create or Update through n8n-core's engine
// against the vendor's mock over HTTP. A vendor test file calls rosterCases(harness); the harness says how
// the vendor's mock and node look (see boldsign.test.js for one):
//
//   name            'BoldSign' (test titles)
//   type, resource  the node type ('boldSign') and the resource holding the two operations ('user')
//   start()         starts the vendor's mock; credentials(mock) the harness credentials; secrets: never shown
//   users(mock)     the vendor's users now, from the mock's state: [{ email, role, status, teamName }]
//                   (status: active | invited | deactivated, role in the vendor's casing)
//   teams           two team names of the seed, [home, other]
//   roles           { member, other, admin }: a plain role, another plain role, the protected admin role
//   isList(r), isWrite(r)   a request that lists users; a request that changes something
//   invitations(mock, email)  how many times the email was invited (create requests that carried it)
//   failChange(mock, email)   the next change of this user fails with an error that is not retried
//   failCreate(mock)          the next create request fails with an error that is not retried
//   listFloor(mock)           list requests one full listing of the mock's users costs
//   createdStatus             status of a user just created (default 'invited')
//   parameters                more node parameters every run needs (e.g. DocuSign's { account })
//   canReactivate             false: the vendor cannot reactivate (SignNow, PandaDoc): the reactivation parts are left out
//   teamRequired              true: the vendor creates users only in a team (SignNow): Create or Update gives each its team
//
// The mock's seed needs an admin, three active users of roles.member, a deactivated user (unless canReactivate
// is false), and active non-admin users in teams[1]. A user the vendor removes instead of deactivating may vanish from users(mock).

const { createInstance } = require('../../helpers/harness');
const { expectNoSecrets } = require('../../helpers/secrets');

function rosterCases(h) {
	let mock;
	let n8n;

	beforeAll(async () => {
		mock = await h.start();
		n8n = await createInstance(h.credentials(mock));
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.reset());

	const key = (email) => email.toLowerCase();
	const userOf = (email) => h.users(mock).find((u) => key(u.email) === key(email));
	const writes = () => mock.requests.filter(h.isWrite);
	const createdStatus = h.createdStatus ?? 'invited';
	const isGone = (user) => !user || user.status === 'deactivated';
	const canReactivate = h.canReactivate !== false;

	async function run(parameters, items, extra = {}) {
		const result = await n8n.run({ type: h.type, parameters: { resource: h.resource, ...h.parameters, ...parameters }, items, ...extra });
		expectNoSecrets(result, h.secrets);
		if (result.error && !extra.expectError) throw result.error;
		if (!result.error && extra.expectError) throw new Error(`Expected the run to fail; it output ${JSON.stringify(result.json)}`);
		return result;
	}

	const sync = (mode, items, options = {}, extra) =>
		run({ operation: 'syncRoster', rosterMode: mode, rosterOptions: { reactivate: true, missing: 'deactivate', ...options } }, items, extra);
	const rowOf = (u) => ({ json: { email: u.email, role: u.role, team: u.teamName } });
	const byEmail = (json) => Object.fromEntries(json.map((j) => [key(j.email), j]));
	const counts = (json) => json.reduce((acc, j) => ({ ...acc, [j.action]: (acc[j.action] ?? 0) + 1 }), {});

	/**
	 * The seed's roster with one difference of each kind: a member dropped (deactivate), a role and a team
	 * changed, a new user, a deactivated user back (reactivate); the rest as they are.
	 */
	function differences() {
		const users = h.users(mock);
		const members = users.filter((u) => u.status === 'active' && u.role === h.roles.member);
		const [gone, roleChanged, teamChanged] = members;
		const back = canReactivate ? users.find((u) => u.status === 'deactivated') : undefined;
		const fresh = `new.hire.${Date.now()}@example.com`;
		const rows = users
			.filter((u) => u.status !== 'deactivated' && u !== gone)
			.map((u) => {
				if (u === roleChanged) return { json: { email: u.email, role: h.roles.other, team: u.teamName } };
				if (u === teamChanged) return { json: { email: u.email.toUpperCase(), role: u.role, team: h.teams.find((t) => t !== u.teamName) } };
				return rowOf(u);
			});
		rows.push({ json: { email: fresh, role: h.roles.member, team: h.teams[1] } });
		if (back) rows.push({ json: { email: back.email, role: back.role, team: back.teamName } });
		const stillDeactivated = users.filter((u) => u.status === 'deactivated' && u !== back).length;
		return { users, rows, gone, roleChanged, teamChanged, back, fresh, stillDeactivated };
	}

	describe(`${h.name} Sync Roster`, () => {
		test('Plan Only: every kind of difference, from one listing at the request floor, and nothing changed', async () => {
			const d = differences();
			const floor = h.listFloor(mock);
			const { json, output } = await sync('plan', d.rows);
			const e = byEmail(json);
			expect(e[key(d.gone.email)]).toMatchObject({ action: 'deactivate', reason: 'not in the roster' });
			expect(e[key(d.roleChanged.email)]).toMatchObject({ action: 'update', changes: { role: { from: h.roles.member, to: h.roles.other } } });
			expect(e[key(d.teamChanged.email)]).toMatchObject({ action: 'update', changes: { team: { from: d.teamChanged.teamName } } });
			expect(e[key(d.fresh)]).toMatchObject({ action: 'create', user: null });
			if (canReactivate) expect(e[key(d.back.email)]).toMatchObject({ action: 'update', changes: { status: { from: 'deactivated', to: 'active' } } });
			const updates = canReactivate ? 3 : 2;
			expect(counts(json)).toEqual({ create: 1, update: updates, deactivate: 1, unchanged: d.rows.length - 1 - updates + d.stillDeactivated });
			expect(json.every((j) => j.result === undefined)).toBe(true);
			// Rows pair with their input item; the user missing from the roster with item 0.
			expect(output.find((o) => key(o.json.email) === key(d.fresh)).pairedItem).toEqual({ item: d.rows.findIndex((r) => r.json.email === d.fresh) });
			expect(output.find((o) => key(o.json.email) === key(d.gone.email)).pairedItem).toEqual({ item: 0 });
			expect(mock.requests.filter(h.isList)).toHaveLength(floor);
			expect(writes()).toEqual([]);
		});

		test('Apply makes the vendor match the roster; a re-run finds everything unchanged and sends no change', async () => {
			const d = differences();
			const { json } = await sync('apply', d.rows);
			const changed = json.filter((j) => ['create', 'update', 'deactivate'].includes(j.action));
			expect(changed.map((j) => [j.email, j.result, j.error])).toEqual(changed.map((j) => [j.email, 'done', undefined]));
			expect(isGone(userOf(d.gone.email))).toBe(true);
			expect(userOf(d.roleChanged.email).role).toBe(h.roles.other);
			expect(userOf(d.teamChanged.email).teamName).toBe(h.teams.find((t) => t !== d.teamChanged.teamName));
			expect(userOf(d.fresh)).toMatchObject({ status: createdStatus, role: h.roles.member, teamName: h.teams[1] });
			if (canReactivate) expect(userOf(d.back.email).status).toBe('active');
			expect(h.invitations(mock, d.fresh)).toBe(1);

			mock.requests.length = 0;
			const again = await sync('apply', d.rows);
			expect(new Set(again.json.map((j) => j.action))).toEqual(new Set(['unchanged']));
			expect(writes()).toEqual([]);
		});

		test('the safety limit refuses a roster that would deactivate most users, before any change', async () => {
			const users = h.users(mock).filter((u) => u.status === 'active');
			const { error } = await sync('apply', users.slice(0, 2).map(rowOf), { maxDeactivationPercent: 30 }, { expectError: true });
			expect(error.message).toMatch(/^Refusing to apply: the plan deactivates \d+ of \d+ users in scope \(\d+ %\), over the safety limit of 30 %$/);
			expect(error.description).toMatch(/Plan: 0 create, 0 update, \d+ deactivate, \d+ unchanged, \d+ skipped\. Nothing was changed\./);
			expect(writes()).toEqual([]);
			// The default limit (20 %) applies when the option is not set.
			const byDefault = await sync('apply', users.slice(0, 2).map(rowOf), {}, { expectError: true });
			expect(byDefault.error.message).toContain('over the safety limit of 20 %');
			// Plan Only shows the same plan without refusing.
			const { json } = await sync('plan', users.slice(0, 2).map(rowOf));
			expect(json.filter((j) => j.action === 'deactivate').length).toBeGreaterThan(users.length / 2);
		});

		test('protected users (the admin role, a listed email) are never deactivated nor given another role', async () => {
			const users = h.users(mock).filter((u) => u.status !== 'deactivated');
			const admin = users.find((u) => u.role === h.roles.admin);
			const listed = users.find((u) => u.role === h.roles.member && u.status === 'active');
			const keptRole = users.filter((u) => u.role === h.roles.member && u.status === 'active')[1];
			const rows = users.filter((u) => u !== admin && u !== listed).map((u) => (u === keptRole ? { json: { ...rowOf(u).json, role: h.roles.other } } : rowOf(u)));
			const { json } = await sync('apply', rows, { protectedEmails: `${keptRole.email}, ${listed.email}` });
			const e = byEmail(json);
			expect(e[key(admin.email)]).toMatchObject({ action: 'skipped', reason: 'not in the roster, but protected' });
			expect(e[key(listed.email)]).toMatchObject({ action: 'skipped', reason: 'not in the roster, but protected' });
			expect(e[key(keptRole.email)]).toMatchObject({ action: 'skipped', reason: 'protected: role kept' });
			expect(userOf(admin.email)).toMatchObject({ status: 'active', role: h.roles.admin });
			expect(userOf(listed.email).status).toBe('active');
			expect(userOf(keptRole.email).role).toBe(h.roles.member);
			expect(writes()).toEqual([]);
		});

		test('scope: only the users of one team are compared and changed; new users are created in it', async () => {
			const other = h.teams[1];
			const before = h.users(mock);
			const inTeam = before.filter((u) => u.teamName === other && u.status === 'active' && u.role !== h.roles.admin);
			const outside = before.filter((u) => u.teamName !== other);
			const fresh = `scoped.${Date.now()}@example.com`;
			const rows = [...inTeam.slice(1).map((u) => ({ json: { email: u.email, role: u.role } })), { json: { email: fresh, role: h.roles.member } }];
			// A row naming a user of another team is outside the scope: left alone even though its role differs.
			rows.push({ json: { email: outside.find((u) => u.status === 'active' && u.role === h.roles.member).email, role: h.roles.other } });
			const { json } = await sync('apply', rows, { scopeTeam: other, maxDeactivationPercent: 100 });
			const e = byEmail(json);
			expect(e[key(inTeam[0].email)]).toMatchObject({ action: 'deactivate', result: 'done' });
			expect(e[key(fresh)]).toMatchObject({ action: 'create', result: 'done' });
			expect(userOf(fresh).teamName).toBe(other);
			expect(json.filter((j) => j.reason === 'outside the scope')).toHaveLength(1);
			expect(json.some((j) => outside.some((u) => key(u.email) === key(j.email) && j.action !== 'skipped'))).toBe(false);
			for (const u of outside) expect(userOf(u.email)).toEqual(u);
		});

		test('a partial failure reports each user’s result, and a re-run finishes the job without inviting twice', async () => {
			const d = differences();
			h.failChange(mock, d.roleChanged.email);
			h.failCreate(mock);
			const first = await sync('apply', d.rows);
			const e = byEmail(first.json);
			expect(e[key(d.roleChanged.email)]).toMatchObject({ action: 'update', result: 'failed', error: expect.stringMatching(/^role: /) });
			expect(e[key(d.fresh)]).toMatchObject({ action: 'create', result: 'failed' });
			expect(e[key(d.teamChanged.email)].result).toBe('done');
			expect(e[key(d.gone.email)].result).toBe('done');
			expect(userOf(d.roleChanged.email).role).toBe(h.roles.member);
			expect(userOf(d.fresh)).toBeUndefined();

			const second = await sync('apply', d.rows);
			const e2 = byEmail(second.json);
			expect(e2[key(d.roleChanged.email)]).toMatchObject({ action: 'update', result: 'done' });
			expect(e2[key(d.fresh)]).toMatchObject({ action: 'create', result: 'done' });
			expect(counts(second.json)).toEqual({ create: 1, update: 1, unchanged: second.json.length - 2 });
			expect(h.invitations(mock, d.fresh)).toBe(1);

			const third = await sync('apply', d.rows);
			expect(new Set(third.json.map((j) => j.action))).toEqual(new Set(['unchanged']));
		});

		test('the roster’s fields are named by the Field parameters (a sheet’s column headers); an empty one is not read', async () => {
			const users = h.users(mock).filter((u) => u.status === 'active' && u.role === h.roles.member);
			const rows = users.map((u, i) => ({ json: { 'Work Email': u.email, Access: i === 0 ? h.roles.other : u.role, team: 'no such team' } }));
			const parameters = { operation: 'syncRoster', rosterMode: 'plan', emailColumn: 'Work Email', roleColumn: 'Access', teamColumn: '' };
			const { json } = await run(parameters, rows);
			const e = byEmail(json);
			expect(e[key(users[0].email)]).toMatchObject({ action: 'update', changes: { role: { from: h.roles.member, to: h.roles.other } } });
			expect(users.slice(1).map((u) => e[key(u.email)].action)).toEqual(users.slice(1).map(() => 'unchanged'));
			const missing = await run({ ...parameters, emailColumn: 'email' }, rows, { expectError: true });
			expect(missing.error.message).toBe('Input item 1 has no email in the field "email"');
		});

		test('the same email twice in the roster stops the node before any request, naming both items', async () => {
			const users = h.users(mock).filter((u) => u.status === 'active');
			const rows = [rowOf(users[0]), rowOf(users[1]), { json: { ...rowOf(users[0]).json, email: users[0].email.toUpperCase() } }];
			const { error } = await sync('apply', rows, {}, { expectError: true });
			expect(error.message).toBe(`The email ${users[0].email.toUpperCase()} is in the roster twice: input items 1 and 3`);
			expect(mock.requests).toEqual([]);
		});
	});

	describe(`${h.name} Create or Update`, () => {
		const ensure = (email, role, team, extra = {}) => ({
			operation: 'createOrUpdate',
			email,
			role,
			team: team ? { __rl: true, mode: 'list', value: team } : { __rl: true, mode: 'list', value: '' },
			...extra,
		});

		test('invites when missing, changes what differs, reactivates when asked; a second run is unchanged', async () => {
			const users = h.users(mock);
			const member = users.find((u) => u.status === 'active' && u.role === h.roles.member);
			const off = canReactivate ? users.find((u) => u.status === 'deactivated') : undefined;
			const fresh = `ensure.${Date.now()}@example.com`;
			const items = [{ json: { email: fresh, role: h.roles.member } }, { json: { email: member.email, role: h.roles.other } }];
			if (off) items.push({ json: { email: off.email, role: off.role } });
			if (h.teamRequired) items.forEach((item) => (item.json.team = member.teamName));
			const team = h.teamRequired ? '={{ $json.team }}' : undefined;
			const parameters = ensure('={{ $json.email }}', '={{ $json.role }}', team, { ensureOptions: { reactivate: true } });
			const { json, output } = await run(parameters, items);
			expect(json.map((j) => j.action)).toEqual(off ? ['created', 'updated', 'reactivated'] : ['created', 'updated']);
			expect(json[0]).toMatchObject({ email: fresh, status: createdStatus, role: h.roles.member });
			expect(json[1]).toMatchObject({ email: member.email, role: h.roles.other, changes: { role: { from: h.roles.member, to: h.roles.other } } });
			if (off) expect(json[2]).toMatchObject({ email: off.email, status: 'active', changes: { status: { from: 'deactivated', to: 'active' } } });
			expect(output.map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
			expect(userOf(member.email).role).toBe(h.roles.other);
			if (off) expect(userOf(off.email).status).toBe('active');

			mock.requests.length = 0;
			const again = await run(parameters, items);
			expect(again.json.map((j) => j.action)).toEqual(items.map(() => 'unchanged'));
			expect(writes()).toEqual([]);
			expect(h.invitations(mock, fresh)).toBe(1);
		});

		test('a deactivated user is skipped unless Reactivate is on; an unknown role is refused before any request', async () => {
			const off = h.users(mock).find((u) => u.status === (canReactivate ? 'deactivated' : 'active'));
			if (canReactivate) {
				const { json } = await run(ensure(off.email, off.role), [{ json: {} }]);
				expect(json[0]).toMatchObject({ action: 'skipped', status: 'deactivated' });
				expect(writes()).toEqual([]);
			}
			mock.requests.length = 0;
			const { error } = await run(ensure(off.email, 'Overlord'), [{ json: {} }], { expectError: true });
			expect(error.message).toContain('"Overlord" is not a');
			expect(mock.requests).toEqual([]);
		});
	});
}

module.exports = { rosterCases };
