'use strict';
// PandaDoc Users Trigger through n8n-core's poll executor (PollTriggerExecutor → poll() in a PollContext) against
// the PandaDoc mock over HTTP: the organization's users in every workspace (`GET /public/v1/users`), the credential
// workspace's members for `is_active` (`GET /public/v1/members`) and the workspace names (`GET /public/v1/workspaces`),
// ../shared/reference/vendor-apis.md §4.3. Changes between two polls go through the PandaDoc node's own operations
// where the API has one, in the mock's state where it has none (a name or email changed in the web app, a member
// deactivated or reactivated).

const { startPandaDocMock, defaultSeed, PANDADOC_IDS } = require('../../mocks/pandadoc');
const { createInstance, errorText } = require('../../helpers/harness');

const API_KEY = 'pd-trigger-key-5d1c';
const MAIN = PANDADOC_IDS.mainWorkspaceId;
const SALES = PANDADOC_IDS.salesWorkspaceId;
const U = PANDADOC_IDS.userId;
const mid = PANDADOC_IDS.membershipId;
const byId = (value) => ({ __rl: true, mode: 'id', value });
const ALL_EVENTS = ['user.created', 'user.updated', 'user.role_changed', 'user.team_changed', 'user.deactivated', 'user.reactivated', 'user.removed'];
/** Every seeded user, in the order PandaDoc's users list gives them. */
const EVERYONE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(U);

let mock;
let n8n;

const apiKeyCredential = (m = mock) => ({ apiKey: API_KEY, keyType: 'production', baseUrl: m.url });

function trigger(parameters = {}, instance = n8n) {
	return instance.trigger({ type: 'pandaDocUsersTrigger', parameters: { authentication: 'apiKey', events: ALL_EVENTS, ...parameters } });
}

/** Runs the PandaDoc node (the way a workspace admin changes members at PandaDoc). */
async function act(parameters) {
	const result = await n8n.run({ type: 'pandaDoc', parameters: { authentication: 'apiKey', ...parameters } });
	if (result.error) throw result.error;
	return result.json;
}

const account = (n) => mock.state.users.find((u) => u.user_id === U(n));
const membership = (id) => mock.state.memberships.find((m) => m.membership_id === id && !m.removed);
const calls = (path) => mock.requests.filter((r) => r.method === 'GET' && r.path === path);

/** Event, user ID and previous values of each emitted item. */
const summary = (items) => items.map((i) => [i.event, i.user.id, i.previous]);

/** The workspace the snapshot remembers for a user (decoded as nodes/shared/poll/snapshot.ts writes it; these IDs are kept as they are). */
function storedWorkspace(t, userId) {
	const snapshot = t.snapshot();
	const ref = snapshot.scopes[''][userId].slice(7).split('|')[1];
	return ref ? snapshot.dict[parseInt(ref, 36)] : null;
}

function expectNoSecret(result) {
	const text = errorText(result.error) + JSON.stringify(result.items);
	for (const secret of [API_KEY, mock.clientSecret, ...mock.issuedTokens.map((x) => x.access_token)]) expect(text).not.toContain(secret);
}

beforeAll(async () => {
	mock = await startPandaDocMock({ apiKey: API_KEY });
	n8n = await createInstance({ pandaDocApi: apiKeyCredential() });
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

describe('PandaDoc Users Trigger: baseline', () => {
	test('the first poll reads members, one page of users and the workspaces, and emits nothing', async () => {
		const t = trigger();
		expect(await t.activate()).toMatchObject({ emitted: false, error: null });
		expect(Object.keys(t.snapshot().scopes[''])).toEqual(EVERYONE);
		expect(t.snapshot().source).toBe('pandadoc|pandaDocApi:pandaDocApi');
		expect(calls('/public/v1/members')).toHaveLength(1);
		expect(calls('/public/v1/users').map((r) => r.query)).toEqual([{ page: '1', count: '100' }]);
		expect(calls('/public/v1/workspaces').map((r) => r.query)).toEqual([{ page: '1', count: '100' }]);
		expect(mock.requests.every((r) => r.headers.authorization === `API-Key ${API_KEY}`)).toBe(true);
		expect(await t.poll()).toMatchObject({ emitted: false, error: null });
		expect(t.executions).toEqual([]);
	});

	test('Emit Existing Users on First Poll: every user once, as user.created, with workspace, role and status', async () => {
		const t = trigger({ options: { emitExisting: true } });
		const { items } = await t.activate();
		expect(summary(items)).toEqual(EVERYONE.map((id) => ['user.created', id, {}]));
		const user = (n) => items.find((i) => i.user.id === U(n)).user;
		expect(user(2)).toEqual({
			vendor: 'pandadoc', id: U(2), email: 'ben.brooks@example.com', firstName: 'Ben', lastName: 'Brooks', role: 'Manager', status: 'active',
			teamId: MAIN, teamName: 'Acme', createdAt: '2024-03-03T09:00:00.000Z', updatedAt: '2024-04-02T09:00:00.000Z',
		});
		expect(user(9)).toMatchObject({ role: 'Collaborator', status: 'deactivated', teamId: MAIN });
		// Outside the credential's workspace: the users list has no status or dates.
		expect(user(10)).toMatchObject({ role: 'Member', status: null, teamId: SALES, teamName: 'Acme Sales', createdAt: null });
		// In both workspaces: the credential's.
		expect(user(12)).toMatchObject({ teamId: MAIN, teamName: 'Acme', status: 'active' });
		expect((await t.poll()).emitted).toBe(false);
	});
});

describe('PandaDoc Users Trigger: two polls with changes between them', () => {
	test('one change of each kind gives exactly one event each, with the previous values; the next poll repeats none', async () => {
		const t = trigger();
		await t.activate();

		const [created] = await act({ resource: 'user', operation: 'create', email: 'new.hire@example.com', workspace: byId(SALES), role: 'Manager', license: 'Full' });
		account(3).last_name = 'Carter-Lee'; // renamed in the web app: updated
		await act({ resource: 'member', operation: 'updateRole', member: byId(mid(4)), role: 'Admin' }); // role
		membership(mid(5)).is_active = false; // deactivated in the web app
		await act({ resource: 'member', operation: 'remove', member: byId(mid(6)), workspace: byId(MAIN) }); // in no workspace: removed
		await act({ resource: 'member', operation: 'changeWorkspace', member: byId(mid(7)), toWorkspace: byId(SALES), role: 'keep' }); // workspace
		membership(mid(9)).is_active = true; // reactivated in the web app

		const result = await t.poll();
		expectNoSecret(result);
		expect(result.error).toBeNull();
		expect(summary(result.items)).toEqual([
			['user.updated', U(3), { lastName: 'Carter' }],
			['user.role_changed', U(4), { role: 'Member' }],
			['user.deactivated', U(5), { status: 'active' }],
			['user.team_changed', U(7), { teamId: MAIN, teamName: 'Acme' }],
			['user.reactivated', U(9), { status: 'deactivated' }],
			['user.created', created.id, {}],
			['user.removed', U(6), {}],
		]);
		const byEvent = Object.fromEntries(result.items.map((i) => [i.event, i]));
		expect(byEvent['user.updated'].user).toMatchObject({ lastName: 'Carter-Lee', email: 'cleo.carter@example.com' });
		expect(byEvent['user.role_changed'].user).toMatchObject({ role: 'Admin', teamId: MAIN, vendor: 'pandadoc' });
		expect(byEvent['user.deactivated'].user.status).toBe('deactivated');
		// Moved out of the credential's workspace: no status is known there, which is no event of its own.
		expect(byEvent['user.team_changed'].user).toMatchObject({ teamId: SALES, teamName: 'Acme Sales', role: 'Member', status: null });
		expect(byEvent['user.created'].user).toMatchObject({ email: 'new.hire@example.com', role: 'Manager', teamId: SALES, status: null });
		expect(byEvent['user.removed'].user).toMatchObject({
			id: U(6), email: 'fay.fischer@example.com', firstName: 'Fay', role: 'Member', status: 'active', teamId: MAIN, teamName: 'Acme', createdAt: null,
		});
		expect(Object.keys(result.items[0]).sort()).toEqual(['event', 'previous', 'user', 'vendor']);
		expect(t.executions).toHaveLength(1);

		expect((await t.poll()).emitted).toBe(false);
		expect(t.executions).toHaveLength(1);
	});

	test('an email change, and only the chosen events: the others are recorded, never emitted later', async () => {
		const t = trigger({ events: ['user.updated'] });
		await t.activate();
		account(2).email = 'ben@example.org';
		await act({ resource: 'member', operation: 'updateRole', member: byId(mid(8)), role: 'Member' });
		expect(summary((await t.poll()).items)).toEqual([['user.updated', U(2), { email: 'ben.brooks@example.com' }]]);
		expect((await t.poll()).emitted).toBe(false);
	});

	test('a renamed workspace emits nothing; the new name is remembered and reported with the next event', async () => {
		const t = trigger();
		await t.activate();
		mock.state.workspaces.find((w) => w.id === SALES).name = 'Acme EMEA';
		expect((await t.poll()).emitted).toBe(false);
		await act({ resource: 'member', operation: 'remove', member: byId(mid(11, 'sales')), workspace: byId(SALES) });
		const { items } = await t.poll();
		expect(summary(items)).toEqual([['user.removed', U(11), {}]]);
		expect(items[0].user.teamName).toBe('Acme EMEA');
	});

	test('Simplify off: raw is the users-list entry with every workspace, plus the member record of the credential’s workspace', async () => {
		const t = trigger({ simplify: false, options: { emitExisting: true } });
		const { items } = await t.activate();
		const raw = (n) => items.find((i) => i.user.id === U(n)).raw;
		expect(raw(12)).toMatchObject({
			user_id: U(12), email: 'lena.lopez@example.com', license: 'Full',
			workspaces: [
				{ role: 'Member', workspace_id: MAIN, membership_id: mid(12) },
				{ role: 'Member', workspace_id: SALES, membership_id: mid(12, 'sales') },
			],
			member: expect.objectContaining({ membership_id: mid(12), is_active: true, workspace_name: 'Acme' }),
		});
		expect(raw(10).member).toBeNull();
		await act({ resource: 'member', operation: 'remove', member: byId(mid(3)), workspace: byId(MAIN) });
		const removed = (await t.poll()).items;
		expect(summary(removed)).toEqual([['user.removed', U(3), {}]]);
		expect(removed[0].raw).toBeNull();
	});
});

describe('PandaDoc Users Trigger: a user in several workspaces', () => {
	test('one record, whatever order PandaDoc lists users or workspaces in; a role in the other workspace is no event', async () => {
		const t = trigger();
		await t.activate();
		expect(storedWorkspace(t, U(12))).toBe(MAIN);
		const saved = t.saved;
		mock.state.memberships.reverse();
		mock.state.workspaces.reverse();
		mock.state.users.reverse();
		expect(await t.poll()).toMatchObject({ emitted: false, error: null });
		expect(await t.poll()).toMatchObject({ emitted: false, error: null });
		expect(t.saved).toBe(saved); // nothing emitted, so n8n saved nothing
		membership(mid(12, 'sales')).role = 'Admin';
		expect((await t.poll()).emitted).toBe(false);
		expect(storedWorkspace(t, U(12))).toBe(MAIN);
	});

	test('joining another workspace keeps the workspace (and its role); leaving it for the other one is user.team_changed', async () => {
		const t = trigger();
		await t.activate();
		// jade (Sales only) joins the credential's workspace, whose ID sorts first, as a Manager.
		await act({ resource: 'member', operation: 'addToWorkspace', user: byId(U(10)), role: 'Manager' });
		expect((await t.poll()).emitted).toBe(false);
		expect(storedWorkspace(t, U(10))).toBe(SALES);
		// Restarted from the database, the workspace is still the remembered one.
		expect((await t.restart()).emitted).toBe(false);
		expect(storedWorkspace(t, U(10))).toBe(SALES);

		await act({ resource: 'member', operation: 'remove', member: byId(mid(10, 'sales')), workspace: byId(SALES) });
		const { items } = await t.poll();
		expect(summary(items)).toEqual([
			['user.role_changed', U(10), { role: 'Member' }],
			['user.team_changed', U(10), { teamId: SALES, teamName: 'Acme Sales' }],
		]);
		// Now in the credential's workspace: its members list gives the status (null → active is no event).
		expect(items[1].user).toMatchObject({ teamId: MAIN, teamName: 'Acme', role: 'Manager', status: 'active' });
	});
});

describe('PandaDoc Users Trigger: failed polls', () => {
	const later = { 'Retry-After': '3600' };
	test.each([
		['the users list answers 429 (a wait longer than the node accepts)', (r) => r.path === '/public/v1/users', { status: 429, headers: later, body: { type: 'request_throttled', detail: 'Request was throttled. Expected available in 3600 seconds.' } }, '429'],
		['the members list answers 503', (r) => r.path === '/public/v1/members', { status: 503, headers: later }, '503'],
		['the workspaces list answers 500', (r) => r.path === '/public/v1/workspaces', { status: 500, headers: later }, '500'],
	])('%s: the poll fails, the snapshot is unchanged, the next poll finds the change', async (_name, match, failure, httpCode) => {
		const t = trigger();
		await t.activate();
		const before = t.saved;
		await act({ resource: 'member', operation: 'updateRole', member: byId(mid(7)), role: 'Manager' });
		mock.failNext({ ...failure, match });
		const failed = await t.poll();
		expectNoSecret(failed);
		expect(failed).toMatchObject({ emitted: false, error: expect.objectContaining({ httpCode }) });
		expect(t.failures).toHaveLength(1);
		expect(JSON.stringify(t.workflow.staticData)).toBe(before);
		expect(t.saved).toBe(before);
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', U(7), { role: 'Member' }]]);
	});

	test('a failure on a middle page of users leaves the snapshot alone: nobody is taken as removed', async () => {
		const big = await startPandaDocMock({ apiKey: API_KEY, seed: () => defaultSeed({ bulk: 250 }) });
		try {
			const instance = await createInstance({ pandaDocApi: apiKeyCredential(big) });
			const t = trigger({}, instance);
			await t.activate();
			expect(Object.keys(t.snapshot().scopes[''])).toHaveLength(262);
			const before = JSON.stringify(t.workflow.staticData);
			big.state.memberships.find((m) => m.membership_id === mid(150)).role = 'Admin';
			big.failNext({ status: 500, headers: later, match: (r) => r.path === '/public/v1/users' && r.query.page === '2' });
			const failed = await t.poll();
			expect(failed).toMatchObject({ emitted: false, error: expect.objectContaining({ httpCode: '500' }) });
			expect(JSON.stringify(t.workflow.staticData)).toBe(before);
			expect(summary((await t.poll()).items)).toEqual([['user.role_changed', U(150), { role: 'Member' }]]);
			const pages = big.requests.filter((r) => r.path === '/public/v1/users').map((r) => r.query.page);
			expect(pages.sort()).toEqual(['1', '1', '1', '2', '2', '2', '3', '3', '3']);
		} finally {
			await big.close();
		}
	});
});

describe('PandaDoc Users Trigger: n8n restarts', () => {
	test('what was emitted is not emitted again after a restart, and a change made while n8n was down is emitted once', async () => {
		const t = trigger();
		await t.activate();
		await act({ resource: 'member', operation: 'updateRole', member: byId(mid(5)), role: 'Manager' });
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', U(5), { role: 'Member' }]]);

		membership(mid(7)).is_active = false;
		const restarted = await t.restart();
		expect(summary(restarted.items)).toEqual([['user.deactivated', U(7), { status: 'active' }]]);
		expect((await t.poll()).emitted).toBe(false);

		// A crash right after an emitting poll: n8n saved the snapshot when it emitted.
		await act({ resource: 'member', operation: 'remove', member: byId(mid(4)), workspace: byId(MAIN) });
		expect(summary((await t.poll()).items)).toEqual([['user.removed', U(4), {}]]);
		expect((await t.crash()).emitted).toBe(false);
		expect((await t.poll()).emitted).toBe(false);
		expect(t.executions).toHaveLength(3);
	});
});

describe('PandaDoc Users Trigger: manual test run', () => {
	test('shows a sample of five real current users from one small page and leaves the snapshot alone', async () => {
		const t = trigger({ events: ['user.team_changed', 'user.removed'] });
		await t.activate();
		const saved = t.saved;
		mock.reset();
		const { json, error } = await t.manual();
		expect(error).toBeUndefined();
		expect(json.map((i) => i.user.id)).toEqual(EVERYONE.slice(0, 5));
		expect(json[0]).toEqual({
			event: 'user.team_changed',
			vendor: 'pandadoc',
			user: expect.objectContaining({ id: U(1), email: 'ada.admin@example.com', teamId: MAIN, teamName: 'Acme', role: 'Admin' }),
			previous: { teamId: null, teamName: null },
			sample: true,
		});
		expect(calls('/public/v1/users').map((r) => r.query)).toEqual([{ page: '1', count: '5' }]);
		expect(t.saved).toBe(saved);
		expect(JSON.stringify(t.workflow.staticData)).toBe(saved);
	});
});

describe('PandaDoc Users Trigger: OAuth2 credential', () => {
	test('Authentication OAuth2: the stored token signs every poll; after a 401 n8n refreshes it once and the poll goes on', async () => {
		const oauth = await createInstance({
			pandaDocOAuth2Api: {
				grantType: 'authorizationCode',
				baseUrl: mock.url,
				authUrl: `${mock.url}/oauth2/authorize`,
				accessTokenUrl: `${mock.url}/oauth2/access_token`,
				clientId: mock.clientId,
				clientSecret: mock.clientSecret,
				scope: 'read write',
				authentication: 'body',
				oauthTokenData: mock.issueTokens(),
			},
		});
		const minted = oauth.credentials.pandaDocOAuth2Api.oauthTokenData.access_token;
		const t = trigger({ authentication: 'oAuth2' }, oauth);
		expect(await t.activate()).toMatchObject({ emitted: false, error: null });
		expect(t.snapshot().source).toBe('pandadoc|pandaDocOAuth2Api:pandaDocOAuth2Api');
		membership(mid(8)).role = 'Manager';
		mock.expireTokens();
		const result = await t.poll();
		expectNoSecret(result);
		expect(summary(result.items)).toEqual([['user.role_changed', U(8), { role: 'Collaborator' }]]);
		expect(mock.tokenRequests.map((x) => [x.grantType, x.outcome])).toEqual([['refresh_token', 'issued']]);
		const refreshed = mock.tokenRequests[0].access_token;
		const bearers = mock.requests.filter((r) => r.path.startsWith('/public/')).map((r) => r.headers.authorization);
		expect(new Set(bearers)).toEqual(new Set([`Bearer ${minted}`, `Bearer ${refreshed}`]));
		expect(oauth.credentials.pandaDocOAuth2Api.oauthTokenData.access_token).toBe(refreshed);
	});
});
