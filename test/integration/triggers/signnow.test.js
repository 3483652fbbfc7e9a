'use strict';
// SignNow Users Trigger through n8n-core's poll executor (PollTriggerExecutor → poll() in a PollContext) against
// the SignNow mock over HTTP: the members of every team the credential's user can see (`GET /v2/teams`, then
// `GET /team/{id}`, seed 002 beside ../shared/reference/vendor-apis.md §2.4), changed between two polls through the
// SignNow node's own operations where the API has one, in the mock's state where it has none (an email changed in
// the web app, an invitation accepted by the invitee).

const { startSignNowMock, SIGNNOW_IDS, hexId } = require('../../mocks/signnow');
const { createInstance, errorText } = require('../../helpers/harness');

const T = SIGNNOW_IDS.teams;
const U = SIGNNOW_IDS.userId;
const byId = (value) => ({ __rl: true, mode: 'id', value });
const ALL_EVENTS = ['user.created', 'user.updated', 'user.role_changed', 'user.team_changed', 'user.deactivated', 'user.reactivated', 'user.removed'];
/** The users the credential's user (ada, user 1) sees in Support, Partners, Sales and Legal, in the trigger's order (teams by ID). */
const VISIBLE = [1, 9, 10, 2, 3, 4, 5, 6, 7, 8].map(U);

let mock;
let n8n;

function passwordCredential() {
	return {
		environment: 'custom',
		baseUrl: mock.url,
		clientId: mock.clientId,
		clientSecret: mock.clientSecret,
		username: mock.adminEmail,
		password: mock.adminPassword,
		accessToken: '',
	};
}

function trigger(parameters = {}, instance = n8n) {
	return instance.trigger({ type: 'signNowUsersTrigger', parameters: { events: ALL_EVENTS, ...parameters } });
}

/** Runs the SignNow node (the way a team admin changes teams at SignNow). */
async function act(parameters) {
	const result = await n8n.run({ type: 'signNow', parameters: { authentication: 'password', ...parameters } });
	if (result.error) throw result.error;
	return result.json;
}

const team = (id) => mock.state.teams.find((t) => t.id === id);
const memberOf = (teamId, userId) => team(teamId).members.find((m) => m.userId === userId);
const account = (n) => mock.state.users.find((u) => u.id === U(n));
const teamsCalls = () => mock.requests.filter((r) => r.method === 'GET' && r.path === '/v2/teams');
const teamReads = () => mock.requests.filter((r) => r.method === 'GET' && /^\/team\/[0-9a-f]{40}$/.test(r.path));

/** Event, user ID and previous values of each emitted item. */
const summary = (items) => items.map((i) => [i.event, i.user.id, i.previous]);

/** The team the snapshot remembers for a user (decoded as nodes/shared/poll/snapshot.ts writes it). */
function storedTeam(t, userId) {
	const snapshot = t.snapshot();
	const text = snapshot.scopes[''][`^${Buffer.from(userId, 'hex').toString('base64url')}`];
	const ref = text.slice(7).split('|')[1];
	return ref ? snapshot.dict[parseInt(ref, 36)] : null;
}

function expectNoSecret(result) {
	const text = errorText(result.error) + JSON.stringify(result.items);
	for (const secret of [mock.adminPassword, mock.clientSecret, mock.basicToken, ...mock.issuedTokens.map((x) => x.access_token)]) {
		expect(text).not.toContain(secret);
	}
}

beforeAll(async () => {
	mock = await startSignNowMock();
	n8n = await createInstance({ signNowApi: passwordCredential() });
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

describe('SignNow Users Trigger: baseline', () => {
	test('the first poll reads the teams and each team’s members and emits nothing; the token is kept for the next poll', async () => {
		const t = trigger();
		expect(await t.activate()).toMatchObject({ emitted: false, error: null });
		expect(Object.keys(t.snapshot().scopes[''])).toHaveLength(VISIBLE.length);
		expect(t.snapshot().source).toBe('signnow|signNowApi:signNowApi');
		expect(teamsCalls().map((r) => r.query)).toEqual([{ page: '1', per_page: '100' }]);
		expect(teamReads().map((r) => r.path).sort()).toEqual([T.legal, T.partners, T.sales, T.support].map((id) => `/team/${id}`).sort());
		expect(await t.poll()).toMatchObject({ emitted: false, error: null });
		expect(mock.tokenRequests.filter((x) => x.grantType === 'password')).toHaveLength(1);
		expect(t.executions).toEqual([]);
	});

	test('Emit Existing Users on First Poll: every member once, as user.created, with team, role and status', async () => {
		const t = trigger({ options: { emitExisting: true } });
		const { items } = await t.activate();
		expect(summary(items)).toEqual(VISIBLE.map((id) => ['user.created', id, {}]));
		const user = (n) => items.find((i) => i.user.id === U(n)).user;
		// ada is in four teams: one record, the accepted team with the smallest ID.
		expect(user(1)).toEqual({
			vendor: 'signnow', id: U(1), email: 'ada.admin@example.com', firstName: null, lastName: null, role: 'admin', status: 'active',
			teamId: T.support, teamName: 'Support', createdAt: null, updatedAt: null,
		});
		expect(user(6)).toMatchObject({ email: 'finn.olsen@example.com', role: 'member', status: 'invited', teamId: T.sales, teamName: 'Sales' });
		expect(user(9)).toMatchObject({ role: 'admin', status: 'active', teamId: T.partners });
		expect((await t.poll()).emitted).toBe(false);
	});
});

describe('SignNow Users Trigger: two polls with changes between them', () => {
	test('one change of each kind gives exactly one event each, with the previous values; the next poll repeats none', async () => {
		const t = trigger();
		await t.activate();

		await act({ resource: 'team', operation: 'inviteUsers', team: byId(T.legal), inviteBy: 'emails', emails: 'new.hire@example.com' }); // created
		account(3).email = 'cleo.diaz@example.org'; // changed in the web app: updated
		await act({ resource: 'team', operation: 'revokeAdmin', team: byId(T.sales), user: byId(U(2)) }); // role: admin → member
		await act({ resource: 'team', operation: 'grantAdmin', team: byId(T.sales), user: byId(U(4)) }); // role: member → admin
		await act({ resource: 'team', operation: 'changeTeam', fromTeam: byId(T.legal), user: byId(U(7)), toTeam: byId(T.support) }); // team
		await act({ resource: 'team', operation: 'removeUser', team: byId(T.legal), user: byId(U(8)) }); // removed from the only team

		const result = await t.poll();
		expectNoSecret(result);
		expect(result.error).toBeNull();
		const newId = hexId('invitee:new.hire@example.com');
		expect(summary(result.items)).toEqual([
			['user.team_changed', U(7), { teamId: T.legal, teamName: 'Legal' }],
			['user.role_changed', U(2), { role: 'admin' }],
			['user.updated', U(3), { email: 'cleo.diaz@example.com' }],
			['user.role_changed', U(4), { role: 'member' }],
			['user.created', newId, {}],
			['user.removed', U(8), {}],
		]);
		const byEvent = Object.fromEntries(result.items.map((i) => [`${i.event} ${i.user.id}`, i]));
		// Moved: invited to Support, not yet accepted (active → invited is no event of its own).
		expect(byEvent[`user.team_changed ${U(7)}`].user).toMatchObject({ teamId: T.support, teamName: 'Support', status: 'invited', role: 'member' });
		expect(byEvent[`user.role_changed ${U(4)}`].user).toMatchObject({ role: 'admin', teamId: T.sales, vendor: 'signnow' });
		expect(byEvent[`user.updated ${U(3)}`].user.email).toBe('cleo.diaz@example.org');
		expect(byEvent[`user.created ${newId}`].user).toMatchObject({ email: 'new.hire@example.com', status: 'invited', role: 'member', teamId: T.legal });
		expect(byEvent[`user.removed ${U(8)}`].user).toMatchObject({
			id: U(8), email: 'hugo.lind@example.com', role: 'member', status: 'active', teamId: T.legal, teamName: 'Legal',
		});
		expect(Object.keys(result.items[0]).sort()).toEqual(['event', 'previous', 'user', 'vendor']);
		expect(t.executions).toHaveLength(1);

		expect((await t.poll()).emitted).toBe(false);
		expect(t.executions).toHaveLength(1);
	});

	test('an accepted invitation, a renamed team and an account deactivated at SignNow emit nothing; the new team name is remembered', async () => {
		const t = trigger();
		await t.activate();
		memberOf(T.sales, U(6)).status = 'accepted'; // finn accepts (only the invitee can)
		team(T.sales).name = 'Sales EMEA';
		account(5).active = '0'; // team lists show no account status (seed 002): SignNow gives the trigger no deactivation
		expect((await t.poll()).emitted).toBe(false);
		await act({ resource: 'team', operation: 'changeTeam', fromTeam: byId(T.sales), user: byId(U(5)), toTeam: byId(T.legal) });
		expect(summary((await t.poll()).items)).toEqual([['user.team_changed', U(5), { teamId: T.sales, teamName: 'Sales EMEA' }]]);
	});

	test('the credential’s user leaving a team: its members in no other visible team are removed, the user keeps their team', async () => {
		const t = trigger();
		await t.activate();
		await act({ resource: 'team', operation: 'removeUser', team: byId(T.partners), user: byId(U(1)) });
		expect(summary((await t.poll()).items)).toEqual([
			['user.removed', U(9), {}],
			['user.removed', U(10), {}],
		]);
		expect(storedTeam(t, U(1))).toBe(T.support);
	});

	test('Simplify off: raw is the member record of the user’s team, with every team the user is in', async () => {
		const t = trigger({ simplify: false, options: { emitExisting: true } });
		const { items } = await t.activate();
		const ada = items.find((i) => i.user.id === U(1));
		expect(ada.raw).toEqual({
			id: U(1), emails: ['ada.admin@example.com'], role: 'admin', status: 'accepted', can_admin_view: true, primary: true, billing: 1, document_access: 1,
			teams: [
				{ id: T.support, name: 'Support', role: 'admin', status: 'accepted' },
				{ id: T.partners, name: 'Partners', role: 'member', status: 'accepted' },
				{ id: T.sales, name: 'Sales', role: 'admin', status: 'accepted' },
				{ id: T.legal, name: 'Legal', role: 'admin', status: 'accepted' },
			],
		});
		await act({ resource: 'team', operation: 'removeUser', team: byId(T.legal), user: byId(U(8)) });
		const removed = (await t.poll()).items;
		expect(summary(removed)).toEqual([['user.removed', U(8), {}]]);
		expect(removed[0].raw).toBeNull();
	});
});

describe('SignNow Users Trigger: a user in several teams', () => {
	test('the reported team does not depend on the order SignNow lists teams or members in', async () => {
		const t = trigger();
		await t.activate();
		expect(storedTeam(t, U(1))).toBe(T.support);
		const saved = t.saved;
		mock.state.teams.reverse();
		for (const x of mock.state.teams) x.members.reverse();
		expect(await t.poll()).toMatchObject({ emitted: false, error: null });
		expect(await t.poll()).toMatchObject({ emitted: false, error: null });
		expect(storedTeam(t, U(1))).toBe(T.support);
		expect(t.saved).toBe(saved); // nothing emitted, so n8n saved nothing
		account(1).first_name = 'Adaline'; // no event either: team members carry no names (seed 002)
		account(1).email = 'ada@example.org';
		const { items } = await t.poll();
		expect(summary(items)).toEqual([['user.updated', U(1), { email: 'ada.admin@example.com' }]]);
		expect(items[0].user).toMatchObject({ teamId: T.support, role: 'admin', firstName: null });
	});

	test('joining another team keeps the team (and its role); leaving it for the other one is user.team_changed', async () => {
		const t = trigger();
		await t.activate();
		// cleo (Sales only) joins Support, whose ID sorts first, and becomes its admin.
		await act({ resource: 'team', operation: 'inviteUsers', team: byId(T.support), inviteBy: 'emails', emails: 'cleo.diaz@example.com' });
		expect((await t.poll()).emitted).toBe(false);
		memberOf(T.support, U(3)).status = 'accepted';
		await act({ resource: 'team', operation: 'grantAdmin', team: byId(T.support), user: byId(U(3)) });
		expect((await t.poll()).emitted).toBe(false);
		expect(storedTeam(t, U(3))).toBe(T.sales);
		// Restarted from the database, the team is still the remembered one.
		expect((await t.restart()).emitted).toBe(false);
		expect(storedTeam(t, U(3))).toBe(T.sales);

		await act({ resource: 'team', operation: 'removeUser', team: byId(T.sales), user: byId(U(3)) });
		const { items } = await t.poll();
		expect(summary(items)).toEqual([
			['user.role_changed', U(3), { role: 'member' }],
			['user.team_changed', U(3), { teamId: T.sales, teamName: 'Sales' }],
		]);
		expect(items[1].user).toMatchObject({ teamId: T.support, role: 'admin', status: 'active' });
	});

	test('a new user in two teams at once is reported in the accepted one, whatever the IDs', async () => {
		const t = trigger({ options: { emitExisting: true } });
		const lena = { userId: U(12), role: 'member', primary: false };
		team(T.support).members.push({ ...lena, status: 'pending' }); // Support sorts before Legal
		team(T.legal).members.push({ ...lena, status: 'accepted' });
		const { items } = await t.activate();
		expect(items.find((i) => i.user.id === U(12)).user).toMatchObject({ teamId: T.legal, status: 'active' });
	});
});

describe('SignNow Users Trigger: failed polls', () => {
	test.each([
		['the team list answers 429 (a wait longer than the node accepts)', (r) => r.path === '/v2/teams', { status: 429, headers: { 'Retry-After': '3600' } }, '429'],
		['a team read answers 503', (r) => r.path === `/team/${T.legal}`, { status: 503, headers: { 'Retry-After': '3600' } }, '503'],
	])('%s: the poll fails, the snapshot is unchanged, the next poll finds the change', async (_name, match, failure, httpCode) => {
		const t = trigger();
		await t.activate();
		const before = t.saved;
		await act({ resource: 'team', operation: 'grantAdmin', team: byId(T.legal), user: byId(U(7)) });
		mock.failNext({ ...failure, match });
		const failed = await t.poll();
		expectNoSecret(failed);
		expect(failed).toMatchObject({ emitted: false, error: expect.objectContaining({ httpCode }) });
		expect(t.failures).toHaveLength(1);
		expect(JSON.stringify(t.workflow.staticData)).toBe(before);
		expect(t.saved).toBe(before);
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', U(7), { role: 'member' }]]);
	});

	test('a failure on the second page of teams leaves the snapshot alone: nobody is taken as removed', async () => {
		const big = await startSignNowMock({ extraTeams: 150 });
		try {
			const instance = await createInstance({ signNowApi: { ...passwordCredential(), baseUrl: big.url } });
			// kai is a member of a team on the second page only.
			big.state.teams.at(-1).members.push({ userId: U(11), role: 'member', status: 'accepted', primary: false });
			const t = trigger({}, instance);
			await t.activate();
			expect(Object.keys(t.snapshot().scopes[''])).toHaveLength(VISIBLE.length + 1);
			const before = JSON.stringify(t.workflow.staticData);
			big.state.teams.find((x) => x.id === T.sales).members.find((m) => m.userId === U(3)).role = 'admin';
			big.failNext({ status: 500, headers: { 'Retry-After': '3600' }, match: (r) => r.path === '/v2/teams' && r.query.page === '2' });
			const failed = await t.poll();
			expect(failed).toMatchObject({ emitted: false, error: expect.objectContaining({ httpCode: '500' }) });
			expect(JSON.stringify(t.workflow.staticData)).toBe(before);
			expect(summary((await t.poll()).items)).toEqual([['user.role_changed', U(3), { role: 'member' }]]);
			expect(big.requests.filter((r) => r.path === '/v2/teams').map((r) => r.query.page)).toEqual(['1', '2', '1', '2', '1', '2']);
		} finally {
			await big.close();
		}
	});

	test('a dropped connection on every attempt of a team read fails the poll after the retries; the next poll finds the change', async () => {
		const t = trigger();
		await t.activate();
		await act({ resource: 'team', operation: 'removeUser', team: byId(T.sales), user: byId(U(5)) });
		mock.failNext({ fault: 'drop', count: 5, match: (r) => r.path === `/team/${T.partners}` });
		const failed = await t.poll();
		expect(failed.emitted).toBe(false);
		expect(failed.error.message).toMatch(/Could not reach SignNow/);
		expect(summary((await t.poll()).items)).toEqual([['user.removed', U(5), {}]]);
	}, 40000);

	test('an account whose API lacks the team routes: activating fails saying so, and no snapshot is written', async () => {
		const t = trigger();
		mock.offer.teams = false;
		try {
			await expect(t.activate()).rejects.toThrow("This SignNow account's API does not offer teams");
			expect(t.snapshot()).toBeUndefined();
		} finally {
			mock.offer.teams = true;
		}
	});
});

describe('SignNow Users Trigger: n8n restarts', () => {
	test('what was emitted is not emitted again after a restart, and a change made while n8n was down is emitted once', async () => {
		const t = trigger();
		await t.activate();
		await act({ resource: 'team', operation: 'grantAdmin', team: byId(T.sales), user: byId(U(5)) });
		expect(summary((await t.poll()).items)).toEqual([['user.role_changed', U(5), { role: 'member' }]]);

		await act({ resource: 'team', operation: 'removeUser', team: byId(T.legal), user: byId(U(7)) });
		const restarted = await t.restart();
		expect(summary(restarted.items)).toEqual([['user.removed', U(7), {}]]);
		expect((await t.poll()).emitted).toBe(false);

		// A crash right after an emitting poll: n8n saved the snapshot when it emitted.
		await act({ resource: 'team', operation: 'changeTeam', fromTeam: byId(T.sales), user: byId(U(4)), toTeam: byId(T.legal) });
		expect((await t.poll()).items).toHaveLength(1);
		expect((await t.crash()).emitted).toBe(false);
		expect((await t.poll()).emitted).toBe(false);
		expect(t.executions).toHaveLength(3);
	});
});

describe('SignNow Users Trigger: manual test run', () => {
	test('shows a sample of real current members, reading teams only until it has five, and leaves the snapshot alone', async () => {
		const t = trigger({ events: ['user.team_changed', 'user.removed'] });
		await t.activate();
		const saved = t.saved;
		mock.reset();
		const { json, error } = await t.manual();
		expect(error).toBeUndefined();
		expect(json.map((i) => i.user.id)).toEqual(VISIBLE.slice(0, 5));
		expect(json[0]).toEqual({
			event: 'user.team_changed',
			vendor: 'signnow',
			user: expect.objectContaining({ id: U(1), email: 'ada.admin@example.com', teamId: T.support, role: 'admin' }),
			previous: { teamId: null, teamName: null },
			sample: true,
		});
		expect(teamsCalls().map((r) => r.query)).toEqual([{ page: '1', per_page: '5' }]);
		expect(teamReads().map((r) => r.path)).toEqual([T.support, T.partners, T.sales].map((id) => `/team/${id}`));
		expect(t.saved).toBe(saved);
		expect(JSON.stringify(t.workflow.staticData)).toBe(saved);
	});
});

describe('SignNow Users Trigger: OAuth2 credential', () => {
	test('Authentication OAuth2: the stored token signs every poll; after a 401 n8n refreshes it once and the poll goes on', async () => {
		const oauth = await createInstance({
			signNowOAuth2Api: {
				grantType: 'authorizationCode',
				environment: 'custom',
				baseUrl: mock.url,
				accessTokenUrl: `${mock.url}/oauth2/token`,
				clientId: mock.clientId,
				clientSecret: mock.clientSecret,
				scope: '*',
				authentication: 'header',
				oauthTokenData: mock.issueCodeGrantTokens(),
			},
		});
		const minted = oauth.credentials.signNowOAuth2Api.oauthTokenData.access_token;
		const t = trigger({ authentication: 'oAuth2' }, oauth);
		expect(await t.activate()).toMatchObject({ emitted: false, error: null });
		expect(t.snapshot().source).toBe('signnow|signNowOAuth2Api:signNowOAuth2Api');
		memberOf(T.legal, U(8)).role = 'admin';
		mock.expireTokens();
		const result = await t.poll();
		expectNoSecret(result);
		expect(summary(result.items)).toEqual([['user.role_changed', U(8), { role: 'member' }]]);
		expect(mock.tokenRequests.map((x) => [x.grantType, x.outcome])).toEqual([['refresh_token', 'issued']]);
		const refreshed = mock.tokenRequests[0].access_token;
		const bearers = mock.requests.filter((r) => r.path !== '/oauth2/token').map((r) => r.headers.authorization);
		expect(new Set(bearers)).toEqual(new Set([`Bearer ${minted}`, `Bearer ${refreshed}`]));
		expect(oauth.credentials.signNowOAuth2Api.oauthTokenData.access_token).toBe(refreshed);
	});
});
