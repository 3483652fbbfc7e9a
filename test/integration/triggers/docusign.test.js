'use strict';
// DocuSign Admin Users Trigger through n8n-core's poll executor against the DocuSign mock over HTTP:
// users modified since the previous poll (`last_modified_since`, ../shared/reference/vendor-apis.md §1.3),
// DS group changes, full checks, roles from profiles, per account. Users are changed through the DocuSign
// Admin node's own operations, or in the mock's state where the Admin API has no endpoint (a user no
// longer listed for an account; a modification DocuSign records with an earlier time).

const { startDocuSign, keyFragments, byId, ORG, MAIN, SALES, DOCUSIGN_IDS } = require('../docusign/setup');
const { errorText } = require('../../helpers/harness');

const ALL_EVENTS = ['user.created', 'user.updated', 'user.role_changed', 'user.team_changed', 'user.deactivated', 'user.reactivated', 'user.removed'];
const uid = DOCUSIGN_IDS.userId;
const D = DOCUSIGN_IDS.dsGroups;
const P = DOCUSIGN_IDS.permissionProfiles;

let ds;
beforeAll(async () => {
	ds = await startDocuSign();
});
afterAll(async () => ds.mock.close());
beforeEach(() => ds.mock.reset());

function trigger(parameters = {}) {
	return ds.n8n.trigger({
		type: 'docuSignAdminUsersTrigger',
		parameters: { authentication: 'jwt', organization: ORG, accounts: [MAIN], events: ALL_EVENTS, ...parameters },
	});
}

async function act(parameters) {
	const result = await ds.run({ resource: 'user', organization: ORG, ...parameters });
	return result.json;
}

const summary = (items) => items.map((i) => [i.event, i.user.id, i.previous, i.accountId]);
const adminCalls = (pattern) => ds.mock.requests.filter((r) => r.method === 'GET' && pattern.test(r.path));
const userLists = () => adminCalls(/\/management\/v2\/organizations\/[^/]+\/users$/);
const profileReads = () => adminCalls(/\/dsprofile$/);
/** Forgets the requests so far (those of the action node's changes), keeping the mock's state. */
const clearRequests = () => ds.mock.requests.splice(0);
const stateUser = (n) => ds.mock.state.users.find((u) => u.id === uid(n));

function expectNoSecret(result) {
	const text = errorText(result.error) + JSON.stringify(result.items);
	for (const fragment of keyFragments(ds.keys.pkcs1)) expect(text).not.toContain(fragment);
	for (const token of ds.mock.issuedTokens.map((t) => t.access_token)) expect(text).not.toContain(token);
}

describe('DocuSign Admin Users Trigger: baseline', () => {
	test('the first poll reads each account whole, with every user’s profile for the role, and emits nothing', async () => {
		const t = trigger({ accounts: [] });
		expect(await t.activate()).toMatchObject({ emitted: false, error: null });
		const snapshot = t.snapshot();
		expect(Object.keys(snapshot.scopes).sort()).toEqual([MAIN, SALES].sort());
		expect(Object.keys(snapshot.scopes[MAIN])).toHaveLength(24);
		expect(Object.keys(snapshot.scopes[SALES])).toHaveLength(14);
		// Every account of the organization, whole, with DS groups; no modified-since filter yet.
		expect(userLists().map((r) => [r.query.account_id, r.query.include_ds_groups, r.query.last_modified_since]).sort()).toEqual(
			[
				[MAIN, 'true', undefined],
				[SALES, 'true', undefined],
			].sort(),
		);
		// One profile per user, also for the 8 users on both accounts: it lists every membership.
		expect(profileReads()).toHaveLength(24 + 14 - 8);
		expect(new Set(profileReads().map((r) => r.path)).size).toBe(30);
		expect(adminCalls(/\/dsgroups$/).map((r) => r.path).sort()).toEqual(
			[MAIN, SALES].map((a) => `/management/v2.1/organizations/${ORG}/accounts/${a}/dsgroups`).sort(),
		);

		ds.mock.reset();
		expect(await t.poll()).toMatchObject({ emitted: false, error: null });
		// Then only the users modified since the previous poll began, minus the 5-minute overlap.
		const since = Date.parse(`${userLists()[0].query.last_modified_since}Z`);
		const baselineAt = Date.parse(snapshot.state.accounts[MAIN].since);
		expect(baselineAt - since).toBe(5 * 60_000);
		expect(userLists().map((r) => r.query.account_id).sort()).toEqual([MAIN, SALES].sort());
		expect(profileReads()).toHaveLength(0);
	});

	test('Emit Existing Users on First Poll: each account’s users as user.created, with the account and the role (organization Automatic)', async () => {
		const t = trigger({ organization: 'automatic', options: { emitExisting: true } });
		const { items } = await t.activate();
		expect(items).toHaveLength(24);
		expect(items.every((i) => i.event === 'user.created' && i.accountId === MAIN && i.vendor === 'docusign')).toBe(true);
		expect(items[0].user).toMatchObject({ id: uid(1), email: 'morgan.reyes@example.com', role: 'DS Admin', status: 'active', teamName: 'Administrators' });
		expect(items.find((i) => i.user.id === uid(5)).user).toMatchObject({ role: 'DS Viewer', teamId: D.engineering, teamName: 'Engineering' });
	});
});

describe('DocuSign Admin Users Trigger: two polls with changes between them', () => {
	test('one change of each kind gives exactly one event each, per account, with the previous values; the next poll repeats none', async () => {
		const t = trigger({ accounts: [MAIN, SALES] });
		await t.activate();

		await act({ operation: 'create', email: 'new.hire@example.com', firstName: 'New', lastName: 'Hire', account: MAIN, permissionProfile: String(P.main.sender) });
		await act({ operation: 'changeTeam', user: byId(uid(2)), account: MAIN, toDsGroup: byId(D.salesOps), fromDsGroup: byId(D.engineering) });
		await act({ operation: 'update', user: byId(uid(10)), updateFields: { firstName: 'Paxton' } });
		await act({ operation: 'updateEmail', user: byId(uid(11)), newEmail: 'reese.w@example.com' });
		await act({ operation: 'updateRole', user: byId(uid(12)), account: MAIN, permissionProfile: String(P.main.viewer) });
		await act({ operation: 'close', user: byId(uid(13)), closeFrom: 'selectedAccounts', accounts: [MAIN] });
		await act({ operation: 'reactivate', user: byId(uid(30)), account: SALES });
		clearRequests();

		const result = await t.poll();
		expectNoSecret(result);
		expect(result.error).toBeNull();
		const created = ds.mock.state.users.find((u) => u.email === 'new.hire@example.com');
		expect(summary(result.items)).toEqual([
			['user.team_changed', uid(2), { teamId: D.engineering, teamName: 'Engineering' }, MAIN],
			['user.updated', uid(10), { firstName: 'Parker' }, MAIN],
			['user.updated', uid(11), { email: 'reese.walsh@example.com' }, MAIN],
			['user.role_changed', uid(12), { role: 'DS Sender' }, MAIN],
			['user.deactivated', uid(13), { status: 'active' }, MAIN],
			['user.created', created.id, {}, MAIN],
			['user.reactivated', uid(30), { status: 'deactivated' }, SALES],
		]);
		const item = (event, id) => result.items.find((i) => i.event === event && i.user.id === id);
		expect(item('user.team_changed', uid(2)).user).toMatchObject({ teamId: D.salesOps, teamName: 'Sales Ops', role: 'DS Sender' });
		expect(item('user.role_changed', uid(12)).user).toMatchObject({ role: 'DS Viewer', email: 'quinn.hayes@example.com' });
		expect(item('user.created', created.id).user).toMatchObject({ email: 'new.hire@example.com', role: 'DS Sender', firstName: 'New' });
		expect(item('user.deactivated', uid(13)).user).toMatchObject({ status: 'deactivated' });
		expect(item('user.reactivated', uid(30)).user).toMatchObject({ status: 'active', role: 'DS Viewer' });
		// A DS group changed, so the main account was read whole; profiles only of the new and modified users.
		expect(userLists().filter((r) => r.query.account_id === MAIN && !r.query.last_modified_since)).toHaveLength(1);
		expect(profileReads().map((r) => r.path.split('/')[6]).sort()).toEqual([created.id, uid(10), uid(11), uid(12), uid(13), uid(30)].sort());

		expect((await t.poll()).emitted).toBe(false);
		expect(t.executions).toHaveLength(1);
	});

	test('an accepted invitation (activation sent → active) emits nothing', async () => {
		const t = trigger({ accounts: [SALES] });
		await t.activate();
		const membership = stateUser(26).memberships.find((m) => m.account_id === SALES);
		await act({ operation: 'reactivate', user: byId(uid(26)), account: SALES });
		expect(membership.status).toBe('active');
		expect((await t.poll()).emitted).toBe(false);
	});

	test('an existing user given a membership on the account is created there; a disabled membership is a deactivation', async () => {
		const t = trigger();
		await t.activate();
		const at = new Date().toISOString().replace(/Z$/, '');
		const user21 = stateUser(21);
		user21.memberships.push({ ...user21.memberships[0], id: DOCUSIGN_IDS.membershipId(21, 1), account_id: MAIN, permission_profile_id: P.main.sender, group_ids: [] });
		user21.last_modified_on = at;
		stateUser(20).memberships.find((m) => m.account_id === MAIN).status = 'disabled';
		stateUser(20).last_modified_on = at;
		const { items } = await t.poll();
		expect(summary(items)).toEqual([
			['user.deactivated', uid(20), { status: 'active' }, MAIN],
			['user.created', uid(21), {}, MAIN],
		]);
		expect(items[1].user).toMatchObject({ email: 'nico.alvarez@example.com', role: 'DS Sender', status: 'active' });
	});

	test('an account added to Accounts later gets its own baseline; an account taken out is dropped, its users not reported removed', async () => {
		const t = trigger({ accounts: [MAIN] });
		await t.activate();
		await act({ operation: 'updateRole', user: byId(uid(12)), account: MAIN, permissionProfile: String(P.main.viewer) });
		// The workflow is edited and published again: n8n activates the trigger anew, with the same static data.
		const both = ds.n8n.trigger({ type: 'docuSignAdminUsersTrigger', parameters: { authentication: 'jwt', organization: ORG, accounts: [MAIN, SALES] }, staticData: JSON.parse(t.saved) });
		expect(summary((await both.activate('update')).items)).toEqual([['user.role_changed', uid(12), { role: 'DS Sender' }, MAIN]]);
		expect(Object.keys(both.snapshot().scopes).sort()).toEqual([MAIN, SALES].sort());
		const salesOnly = ds.n8n.trigger({ type: 'docuSignAdminUsersTrigger', parameters: { authentication: 'jwt', organization: ORG, accounts: [SALES] }, staticData: JSON.parse(both.saved) });
		expect((await salesOnly.activate('update')).emitted).toBe(false);
		expect(Object.keys(salesOnly.snapshot().scopes)).toEqual([SALES]);
	});

	test('Removed: a user no longer listed for the account, found by the full check', async () => {
		const t = trigger({ options: { fullCheckHours: 0 } });
		await t.activate();
		const user = stateUser(14);
		user.memberships = user.memberships.filter((m) => m.account_id !== MAIN);
		const { items } = await t.poll();
		expect(summary(items)).toEqual([['user.removed', uid(14), {}, MAIN]]);
		expect(items[0].user).toMatchObject({ id: uid(14), email: 'sage.porter@example.com', role: 'DS Sender', status: 'active', vendor: 'docusign' });
	});

	test('with the default full check (24 h), a removal shows when a DS group of the account next changes', async () => {
		const t = trigger();
		await t.activate();
		const user = stateUser(14);
		user.memberships = user.memberships.filter((m) => m.account_id !== MAIN);
		expect((await t.poll()).emitted).toBe(false);
		await ds.run({ resource: 'dsGroup', operation: 'addUsers', organization: ORG, account: MAIN, dsGroup: byId(D.support), users: uid(15) });
		expect(summary((await t.poll()).items)).toEqual([
			['user.team_changed', uid(15), { teamId: null, teamName: null }, MAIN],
			['user.removed', uid(14), {}, MAIN],
		]);
	});

	test('the overlap finds a modification DocuSign records with a time before the previous poll; without it, it is missed', async () => {
		for (const [overlapMinutes, expected] of [
			[5, [['user.updated', uid(15), { lastName: 'Cole' }, MAIN]]],
			[0, []],
		]) {
			ds.mock.reset();
			const t = trigger({ options: { overlapMinutes } });
			await t.activate();
			const polledAt = Date.parse(t.snapshot().state.accounts[MAIN].since);
			Object.assign(stateUser(15), { last_name: 'Cole-Marsh', last_modified_on: new Date(polledAt - 2 * 60_000).toISOString().replace(/Z$/, '') });
			expect(summary((await t.poll()).items)).toEqual(expected);
		}
	});

	test('Track Roles off: no profile is read, roles are not followed', async () => {
		const t = trigger({ options: { trackRoles: false } });
		await t.activate();
		await act({ operation: 'updateRole', user: byId(uid(12)), account: MAIN, permissionProfile: String(P.main.viewer) });
		await act({ operation: 'close', user: byId(uid(16)), closeFrom: 'selectedAccounts', accounts: [MAIN] });
		clearRequests();
		const { items } = await t.poll();
		expect(summary(items)).toEqual([['user.deactivated', uid(16), { status: 'active' }, MAIN]]);
		expect(items[0].user.role).toBeNull();
		expect(profileReads()).toHaveLength(0);
	});

	test('Include DS Groups off: no DS group is asked for or followed', async () => {
		const t = trigger({ options: { includeDsGroups: false } });
		await t.activate();
		expect(userLists().every((r) => r.query.include_ds_groups === undefined)).toBe(true);
		expect(adminCalls(/\/dsgroups$/)).toHaveLength(0);
		expect(t.snapshot().scopes[MAIN]).toBeDefined();
		await act({ operation: 'changeTeam', user: byId(uid(3)), account: MAIN, toDsGroup: byId(D.support), fromDsGroup: byId(D.engineering) });
		await act({ operation: 'updateRole', user: byId(uid(3)), account: MAIN, permissionProfile: String(P.main.admin) });
		const { items } = await t.poll();
		expect(summary(items)).toEqual([['user.role_changed', uid(3), { role: 'DS Sender' }, MAIN]]);
		expect(items[0].user).toMatchObject({ teamId: null, teamName: null });
	});

	test('Simplify off: the list row and the membership read from the profile, as raw', async () => {
		const t = trigger({ simplify: false });
		await t.activate();
		await act({ operation: 'updateRole', user: byId(uid(17)), account: MAIN, permissionProfile: String(P.main.admin) });
		const { items } = await t.poll();
		expect(items).toHaveLength(1);
		expect(items[0].raw).toMatchObject({
			id: uid(17),
			membership_status: 'active',
			membership: { account_id: MAIN, permission_profile: { id: P.main.admin, name: 'DS Admin' } },
		});
	});
});

describe('DocuSign Admin Users Trigger: failed polls', () => {
	test.each([
		['the modified-users list answers 429 (quota reset in an hour)', (r) => /\/users$/.test(r.path) && r.query.last_modified_since, { status: 429, headers: { 'Retry-After': '3600' } }, '429'],
		['a profile read answers 503', (r) => /\/dsprofile$/.test(r.path), { status: 503, headers: { 'Retry-After': '3600' } }, '503'],
		['the DS group list answers 500', (r) => /\/dsgroups$/.test(r.path), { status: 500, headers: { 'Retry-After': '3600' } }, '500'],
	])('%s: the poll fails, the snapshot and its watermark are unchanged, the next poll finds the change', async (_name, match, failure, httpCode) => {
		const t = trigger();
		await t.activate();
		const before = JSON.stringify(t.workflow.staticData);
		await act({ operation: 'updateRole', user: byId(uid(18)), account: MAIN, permissionProfile: String(P.main.viewer) });
		ds.mock.failNext({ ...failure, match });
		const failed = await t.poll();
		expectNoSecret(failed);
		expect(failed).toMatchObject({ emitted: false, error: expect.objectContaining({ httpCode }) });
		expect(JSON.stringify(t.workflow.staticData)).toBe(before);
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', uid(18), { role: 'DS Sender' }, MAIN]]);
	});
});

describe('DocuSign Admin Users Trigger: n8n restarts', () => {
	test('no repeat after a restart; a change made while n8n was down is emitted once', async () => {
		const t = trigger();
		await t.activate();
		await act({ operation: 'updateRole', user: byId(uid(19)), account: MAIN, permissionProfile: String(P.main.viewer) });
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', uid(19), { role: 'DS Sender' }, MAIN]]);
		await act({ operation: 'close', user: byId(uid(19)), closeFrom: 'selectedAccounts', accounts: [MAIN] });
		expect(summary((await t.restart()).items)).toEqual([['user.deactivated', uid(19), { status: 'active' }, MAIN]]);
		expect((await t.poll()).emitted).toBe(false);
		expect((await t.crash()).emitted).toBe(false);
		expect(t.executions).toHaveLength(2);
	});
});

describe('DocuSign Admin Users Trigger: manual test run', () => {
	test('shows a sample of real current users of the first account, with roles, and leaves the snapshot alone', async () => {
		const t = trigger({ accounts: [SALES, MAIN] });
		await t.activate();
		const saved = t.saved;
		ds.mock.reset();
		const { json, error } = await t.manual();
		expect(error).toBeUndefined();
		expect(json).toHaveLength(5);
		expect(json[0]).toEqual({
			event: 'user.created',
			vendor: 'docusign',
			user: expect.objectContaining({ id: uid(1), role: 'DS Admin', status: 'active' }),
			previous: {},
			accountId: SALES,
			sample: true,
		});
		expect(userLists().map((r) => [r.query.account_id, r.query.take])).toEqual([[SALES, '5']]);
		expect(profileReads()).toHaveLength(5);
		expect(t.saved).toBe(saved);
		expect(JSON.stringify(t.workflow.staticData)).toBe(saved);
	});
});
