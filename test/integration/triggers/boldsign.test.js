'use strict';
// BoldSign Users Trigger through n8n-core's poll executor (PollTriggerExecutor → poll() in a PollContext)
// against the BoldSign mock over HTTP: users changed at the mock between two polls, through the BoldSign
// node's own operations where the API has one (../shared/reference/vendor-apis.md §3.2), in the mock's
// state where it has none (a user renaming themselves, an admin removing a user in the web app).

const { startBoldSignMock, defaultSeed, BOLDSIGN_IDS } = require('../../mocks/boldsign');
const { createInstance, errorText } = require('../../helpers/harness');

const API_KEY = 'bs-trigger-key-41c9e2';
const byId = (value) => ({ __rl: true, mode: 'id', value });
const ALL_EVENTS = ['user.created', 'user.updated', 'user.role_changed', 'user.team_changed', 'user.deactivated', 'user.reactivated', 'user.removed'];

let mock;
let n8n;

const userId = (n) => BOLDSIGN_IDS.userId(n);
const stateUser = (n) => mock.state.users.find((u) => u.userId === userId(n));
const listCalls = () => mock.requests.filter((r) => r.path === '/v1/users/list');

function trigger(parameters = {}) {
	return n8n.trigger({ type: 'boldSignUsersTrigger', parameters: { events: ALL_EVENTS, ...parameters } });
}

/** Runs the BoldSign action node (the way a user would change users at BoldSign). */
async function act(parameters) {
	const result = await n8n.run({ type: 'boldSign', parameters });
	if (result.error) throw result.error;
	return result.json;
}

/** Event, user ID and previous values of each emitted item. */
const summary = (items) => items.map((i) => [i.event, i.user.id, i.previous]);

function expectNoSecret(result) {
	expect(errorText(result.error) + JSON.stringify(result.items)).not.toContain(API_KEY);
}

beforeAll(async () => {
	mock = await startBoldSignMock({ apiKey: API_KEY });
	n8n = await createInstance({ boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: mock.url } });
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

describe('BoldSign Users Trigger: baseline', () => {
	test('the first poll records every user and emits nothing; a poll without changes emits nothing', async () => {
		const t = trigger();
		const first = await t.activate();
		expect(first).toMatchObject({ emitted: false, error: null });
		expect(Object.keys(t.snapshot().scopes[''])).toHaveLength(25);
		expect(listCalls()[0].query).toMatchObject({ Page: '1', PageSize: '100' });
		const second = await t.poll();
		expect(second).toMatchObject({ emitted: false, error: null });
		expect(t.executions).toEqual([]);
	});

	test('another credential starts a new baseline: nothing emitted for the users the old snapshot does not know', async () => {
		const t = trigger();
		await t.activate();
		await act({ resource: 'user', operation: 'updateRole', user: byId(userId(8)), role: 'Admin' });
		mock.state.users = mock.state.users.filter((u) => u.userId !== userId(9));
		const other = n8n.trigger({ type: 'boldSignUsersTrigger', parameters: {}, staticData: JSON.parse(t.saved), credentialIds: { boldSignApi: 'another-key' } });
		expect((await other.activate()).emitted).toBe(false);
		expect(other.snapshot().source).toBe('boldsign|boldSignApi:another-key');
		// The same credential would have reported both.
		expect(summary((await t.poll()).items)).toEqual([
			['user.role_changed', userId(8), { role: 'Member' }],
			['user.removed', userId(9), {}],
		]);
	});

	test('Emit Existing Users on First Poll: every current user as user.created', async () => {
		const t = trigger({ options: { emitExisting: true } });
		const { items } = await t.activate();
		expect(items).toHaveLength(25);
		expect(items.every((i) => i.event === 'user.created' && i.vendor === 'boldsign')).toBe(true);
		expect(items[0].user).toMatchObject({ id: userId(1), email: 'alice.johnson@example.com', role: 'Admin', status: 'active' });
		expect((await t.poll()).emitted).toBe(false);
	});
});

describe('BoldSign Users Trigger: two polls with changes between them', () => {
	test('one change of each kind gives exactly one event each, with the previous values; the next poll repeats none', async () => {
		const t = trigger();
		await t.activate();

		await act({ resource: 'user', operation: 'invite', emails: 'new.hire@example.com', role: 'Member' }); // created
		Object.assign(stateUser(5), { firstName: 'Edith', lastName: 'Clark-Young' }); // renamed in the web app
		Object.assign(stateUser(7), { email: 'grace.new@example.com' }); // email changed in the web app
		await act({ resource: 'user', operation: 'updateRole', user: byId(userId(8)), role: 'TeamAdmin' });
		await act({ resource: 'user', operation: 'changeTeam', user: byId(userId(10)), team: byId(BOLDSIGN_IDS.salesTeamId) });
		await act({ resource: 'user', operation: 'deactivate', user: byId(userId(11)) });
		await act({ resource: 'user', operation: 'reactivate', user: byId(userId(24)) });
		await act({ resource: 'user', operation: 'cancelInvitation', user: byId(userId(22)) }); // removed (cancel deletes)

		const result = await t.poll();
		expectNoSecret(result);
		expect(result.error).toBeNull();
		const newUser = mock.state.users.find((u) => u.email === 'new.hire@example.com');
		expect(summary(result.items)).toEqual([
			['user.updated', userId(5), { firstName: stateUserName(5, 'first'), lastName: stateUserName(5, 'last') }],
			['user.updated', userId(7), { email: originalEmail(7) }],
			['user.role_changed', userId(8), { role: 'Member' }],
			['user.team_changed', userId(10), { teamId: BOLDSIGN_IDS.defaultTeamId, teamName: 'Default' }],
			['user.deactivated', userId(11), { status: 'active' }],
			['user.reactivated', userId(24), { status: 'deactivated' }],
			['user.created', newUser.userId, {}],
			['user.removed', userId(22), {}],
		]);
		const byEvent = Object.fromEntries(result.items.map((i) => [`${i.event} ${i.user.id}`, i]));
		expect(byEvent[`user.role_changed ${userId(8)}`].user).toMatchObject({ role: 'TeamAdmin', status: 'active', vendor: 'boldsign' });
		expect(byEvent[`user.team_changed ${userId(10)}`].user).toMatchObject({ teamId: BOLDSIGN_IDS.salesTeamId, teamName: 'Sales' });
		expect(byEvent[`user.created ${newUser.userId}`].user).toMatchObject({ email: 'new.hire@example.com', status: 'invited' });
		// A removed user is reported as last known.
		expect(byEvent[`user.removed ${userId(22)}`].user).toMatchObject({
			id: userId(22), email: 'victor.perez@example.com', status: 'invited', role: 'Member', teamId: BOLDSIGN_IDS.defaultTeamId,
		});
		expect(Object.keys(result.items[0]).sort()).toEqual(['event', 'previous', 'user', 'vendor']);
		expect(t.executions).toHaveLength(1);

		expect((await t.poll()).emitted).toBe(false);
		expect(t.executions).toHaveLength(1);
	});

	test('a user changed in several ways gets one event per kind of change', async () => {
		const t = trigger();
		await t.activate();
		Object.assign(stateUser(4), { role: 'Admin', teamId: BOLDSIGN_IDS.salesTeamId, userStatus: 'Deactivated', email: 'dan@example.org' });
		const { items } = await t.poll();
		expect(summary(items)).toEqual([
			['user.updated', userId(4), { email: originalEmail(4) }],
			['user.role_changed', userId(4), { role: 'Member' }],
			['user.team_changed', userId(4), { teamId: BOLDSIGN_IDS.defaultTeamId, teamName: 'Default' }],
			['user.deactivated', userId(4), { status: 'active' }],
		]);
	});

	test('Events chooses what is emitted; other changes are recorded and never emitted later', async () => {
		const t = trigger({ events: ['user.deactivated', 'user.removed'] });
		await t.activate();
		await act({ resource: 'user', operation: 'updateRole', user: byId(userId(8)), role: 'Admin' });
		await act({ resource: 'user', operation: 'deactivate', user: byId(userId(9)) });
		expect(summary((await t.poll()).items)).toEqual([['user.deactivated', userId(9), { status: 'active' }]]);
		expect((await t.poll()).emitted).toBe(false);
	});

	test('no event chosen counts as every event', async () => {
		const t = trigger({ events: [] });
		await t.activate();
		await act({ resource: 'user', operation: 'updateRole', user: byId(userId(8)), role: 'Admin' });
		await act({ resource: 'user', operation: 'cancelInvitation', user: byId(userId(23)) });
		expect((await t.poll()).items.map((i) => i.event)).toEqual(['user.role_changed', 'user.removed']);
	});

	test('an accepted invitation (invited → active) and a renamed team emit nothing', async () => {
		const t = trigger();
		await t.activate();
		Object.assign(stateUser(21), { userStatus: 'Active', firstName: '', lastName: '' });
		mock.state.teams.find((team) => team.teamId === BOLDSIGN_IDS.salesTeamId).teamName = 'Sales EMEA';
		expect((await t.poll()).emitted).toBe(false);
		// The new team name is remembered: a later move out of the team reports it.
		await act({ resource: 'user', operation: 'changeTeam', user: byId(userId(3)), team: byId(BOLDSIGN_IDS.defaultTeamId) });
		expect(summary((await t.poll()).items)).toEqual([
			['user.team_changed', userId(3), { teamId: BOLDSIGN_IDS.salesTeamId, teamName: 'Sales EMEA' }],
		]);
	});

	test('Simplify off: each event carries the vendor’s record as raw (a removed user has none)', async () => {
		const t = trigger({ simplify: false });
		await t.activate();
		await act({ resource: 'user', operation: 'updateRole', user: byId(userId(6)), role: 'Admin' });
		await act({ resource: 'user', operation: 'cancelInvitation', user: byId(userId(23)) });
		const { items } = await t.poll();
		expect(items.map((i) => i.event)).toEqual(['user.role_changed', 'user.removed']);
		expect(items[0].raw).toMatchObject({ userId: userId(6), role: 'Admin', userStatus: 'Active', teamName: 'Sales', createdDate: expect.any(Number) });
		expect(items[0].user).toMatchObject({ id: userId(6), role: 'Admin' });
		expect(items[1].raw).toBeNull();
	});
});

describe('BoldSign Users Trigger: failed polls', () => {
	test.each([
		['a 429 whose Retry-After is longer than the node waits', { status: 429, headers: { 'Retry-After': '3600' } }, '429'],
		['a 503 with a long Retry-After', { status: 503, headers: { 'Retry-After': '3600' } }, '503'],
	])('%s: the poll fails, n8n records the error, the snapshot is unchanged and the next poll finds the change', async (_name, failure, httpCode) => {
		const t = trigger();
		await t.activate();
		const before = t.saved;
		await act({ resource: 'user', operation: 'updateRole', user: byId(userId(12)), role: 'Admin' });
		mock.failNext({ ...failure, match: (r) => r.path === '/v1/users/list' });
		const failed = await t.poll();
		expectNoSecret(failed);
		expect(failed.emitted).toBe(false);
		expect(failed.error).toMatchObject({ httpCode });
		expect(t.failures).toHaveLength(1);
		expect(JSON.stringify(t.workflow.staticData)).toBe(before);
		expect(t.saved).toBe(before);
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', userId(12), { role: 'Member' }]]);
	});

	test('a failure on a later page leaves the snapshot alone: no user is taken as removed', async () => {
		mock.state.users.push(...extraUsers(230));
		const t = trigger();
		await t.activate();
		const before = JSON.stringify(t.workflow.staticData);
		await act({ resource: 'user', operation: 'deactivate', user: byId(userId(2)) });
		mock.failNext({ status: 500, headers: { 'Retry-After': '3600' }, match: (r) => r.path === '/v1/users/list' && r.query.Page === '3' });
		const failed = await t.poll();
		expect(failed).toMatchObject({ emitted: false, error: expect.objectContaining({ httpCode: '500' }) });
		expect(JSON.stringify(t.workflow.staticData)).toBe(before);
		const next = await t.poll();
		expect(summary(next.items)).toEqual([['user.deactivated', userId(2), { status: 'active' }]]);
	});

	test('a dropped connection on every attempt fails the poll after the retries; the next poll finds the change', async () => {
		const t = trigger();
		await t.activate();
		await act({ resource: 'user', operation: 'deactivate', user: byId(userId(13)) });
		// The first attempt and its 4 retries (../shared/reference/vendor-apis.md gives no retry rule; ours: README).
		mock.failNext({ fault: 'drop', count: 5, match: (r) => r.path === '/v1/users/list' });
		const failed = await t.poll();
		expect(failed.emitted).toBe(false);
		expect(failed.error.message).toMatch(/Could not reach BoldSign/);
		expect(listCalls()).toHaveLength(6); // the activation poll's and five attempts
		expect(summary((await t.poll()).items)).toEqual([['user.deactivated', userId(13), { status: 'active' }]]);
	}, 40000);
});

describe('BoldSign Users Trigger: n8n restarts', () => {
	test('what was emitted is not emitted again after a restart, and a change made while n8n was down is emitted once', async () => {
		const t = trigger();
		await t.activate();
		await act({ resource: 'user', operation: 'updateRole', user: byId(userId(15)), role: 'Admin' });
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', userId(15), { role: 'Member' }]]);

		await act({ resource: 'user', operation: 'deactivate', user: byId(userId(16)) });
		const restarted = await t.restart();
		expect(summary(restarted.items)).toEqual([['user.deactivated', userId(16), { status: 'active' }]]);
		expect((await t.poll()).emitted).toBe(false);

		// A crash right after an emitting poll: n8n saved the snapshot when it emitted.
		await act({ resource: 'user', operation: 'changeTeam', user: byId(userId(17)), team: byId(BOLDSIGN_IDS.salesTeamId) });
		expect((await t.poll()).items).toHaveLength(1);
		expect((await t.crash()).emitted).toBe(false);
		expect((await t.poll()).emitted).toBe(false);
		expect(t.executions).toHaveLength(3);
	});
});

describe('BoldSign Users Trigger: manual test run', () => {
	test('shows a sample of real current users and leaves the snapshot alone', async () => {
		const t = trigger({ events: ['user.role_changed', 'user.removed'] });
		await t.activate();
		const saved = t.saved;
		mock.reset();
		const { json, error } = await t.manual();
		expect(error).toBeUndefined();
		expect(json).toHaveLength(5);
		expect(json[0]).toEqual({
			event: 'user.role_changed',
			vendor: 'boldsign',
			user: expect.objectContaining({ id: userId(1), email: 'alice.johnson@example.com', role: 'Admin' }),
			previous: { role: null },
			sample: true,
		});
		expect(listCalls()).toHaveLength(1);
		expect(listCalls()[0].query).toMatchObject({ Page: '1', PageSize: '5' });
		expect(t.saved).toBe(saved);
		expect(JSON.stringify(t.workflow.staticData)).toBe(saved);
	});
});

// ------------------------------------------------------------------------------------------------

const seedUser = (n) => defaultSeed().users[n - 1];
const originalEmail = (n) => seedUser(n).email;
const stateUserName = (n, which) => (which === 'first' ? seedUser(n).firstName : seedUser(n).lastName);

function extraUsers(count) {
	return Array.from({ length: count }, (_, i) => ({
		userId: `e0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
		email: `extra${i + 1}@example.com`,
		firstName: 'Extra',
		lastName: String(i + 1),
		teamId: BOLDSIGN_IDS.defaultTeamId,
		role: 'Member',
		userStatus: 'Active',
		createdDate: 1704067200,
		modifiedDate: 1704067200,
		metaData: {},
	}));
}
