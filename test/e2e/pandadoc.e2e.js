'use strict';
// PandaDoc node in a real n8n against the PandaDoc mock: every operation with the API key, offboarding
// (transfer then removal, a failed transfer that keeps the member, a half-done move), the unconfirmed role
// PATCH refused, an audit under a sandbox-sized limit, the API-key credential test through the REST API, the
// OAuth2 credential: the consent callback and n8n's own refresh, proven in n8n's database, and the users trigger
// published and polling every minute across a restart.
// Case model: see README.md in this folder.

const { startPandaDocMock, defaultSeed, PANDADOC_IDS } = require('../mocks/pandadoc');
const { rosterSyncCase } = require('./lib/roster');
const { eventSummary, executions, pollEnded, triggerWorkflow } = require('./lib/trigger');

const API_KEY = 'pd-e2e-key-7a2f91';
const MAIN = PANDADOC_IDS.mainWorkspaceId;
const SALES = PANDADOC_IDS.salesWorkspaceId;
const mid = PANDADOC_IDS.membershipId;
const uid = PANDADOC_IDS.userId;
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byUserId = (value) => ({ __rl: true, mode: 'userId', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });

/** The PandaDoc node (API key unless `parameters` say otherwise), named "PandaDoc" unless given a name. */
const pandaDoc = (parameters, extra = {}) => ({ name: 'PandaDoc', type: 'pandaDoc', parameters: { authentication: 'apiKey', ...parameters }, ...extra });
const once = (name) => ({ name, executeOnce: true });

const mock = (options = {}, prepare = () => {}) => async () => {
	const m = await startPandaDocMock({ apiKey: API_KEY, ...options });
	prepare(m);
	return m;
};
const credentials = ({ mock: m }) => ({ pandaDocApi: { apiKey: API_KEY, keyType: 'production', baseUrl: m.url } });

/** Every API request carried the key as `API-Key <key>`. */
function assertApiKey(ctx) {
	const api = ctx.mock.requests.filter((r) => r.path.startsWith('/public/'));
	ctx.assert.ok(api.length > 0, 'the mock received no request');
	for (const r of api) ctx.assert.equal(r.headers.authorization, `API-Key ${API_KEY}`, `${r.method} ${r.path} without the key`);
}

const live = (ctx, id) => ctx.mock.state.memberships.find((m) => m.membership_id === id && !m.removed);
const owner = (ctx, doc) => ctx.mock.state.documents.find((d) => d.id === doc).owner;
const isOwnership = (r) => r.method === 'PATCH' && r.path === '/public/v1/documents/ownership';
const isRemoval = (r) => r.method === 'DELETE' && r.path.startsWith('/public/v1/workspaces/');

const OAUTH_SECRET = 'pd-e2e-client-secret';

/** A pandaDocOAuth2Api credential as the editor saves it: the visible fields, plus token data once connected. */
function oauth2Data(m, oauthTokenData) {
	return { baseUrl: m.url, authUrl: `${m.url}/oauth2/authorize`, clientId: m.clientId, clientSecret: OAUTH_SECRET, oauthTokenData };
}
const bearer = (r) => String(r.headers.authorization || '').replace(/^Bearer\s+/i, '');
const apiCalls = (m, since = 0) => m.requests.slice(since).filter((r) => r.path.startsWith('/public/'));

/**
 * Roster e2e: the default seed plus 300 Members of the main workspace (312 users), and a roster of 292: the 12
 * seed users as they are, bulk users 1–270 (1–10 made Managers, 11–20 moved to Acme Sales) and 10 new users in
 * Acme Sales. Bulk users 271–300 are missing: 30 removals, their documents handed to the owner first.
 */
function rosterSeed() {
	const seed = defaultSeed({ bulk: 300 });
	const bulk = (k) => `bulk.user${k}@example.com`;
	const workspaceName = (id) => seed.workspaces.find((w) => w.id === id).name;
	const rows = seed.users.slice(0, 12).map((u) => {
		const mine = seed.memberships.filter((m) => m.user_id === u.user_id);
		const m = mine.find((one) => one.workspace_id === MAIN) ?? mine[0];
		return { email: u.email, role: m.role, team: workspaceName(m.workspace_id) };
	});
	for (let k = 1; k <= 270; k++) rows.push({ email: bulk(k), role: k <= 10 ? 'Manager' : 'Member', team: k > 10 && k <= 20 ? 'Acme Sales' : 'Acme' });
	for (let n = 1; n <= 10; n++) rows.push({ email: `new${n}@example.com`, role: 'Member', team: 'Acme Sales' });
	seed.documents.push(...[271, 300].map((k) => ({ id: `doc-bulk-${k}`, name: `Bulk ${k}`, owner: mid(100 + k) })));
	return { mock: mock({ seed: () => structuredClone(seed) }), credentials, rows, bulk };
}

const roster = rosterSeed();

module.exports = {
	name: 'pandadoc',
	cases: [
		// ------------------------------------------------------------------ members: reads
		{
			name: 'member › get by membership ID, user ID and email; get many; get current',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflow: () => [
				pandaDoc({ resource: 'member', operation: 'get', member: byId(mid(2)) }),
				pandaDoc({ resource: 'member', operation: 'get', member: byUserId(uid(4)) }, once('By User ID')),
				pandaDoc({ resource: 'member', operation: 'get', member: byEmail('cleo.carter@example.com'), simplify: false }, once('By Email')),
				pandaDoc({ resource: 'member', operation: 'getAll', returnAll: true }, once('Get Many')),
				pandaDoc({ resource: 'member', operation: 'getCurrent' }, once('Get Current')),
			],
			check(ctx) {
				const { assert, result } = ctx;
				const [ben] = result.items('PandaDoc');
				assert.deepEqual(ben, {
					vendor: 'pandadoc',
					id: uid(2),
					email: 'ben.brooks@example.com',
					firstName: 'Ben',
					lastName: 'Brooks',
					role: 'Manager',
					status: 'active',
					teamId: MAIN,
					teamName: 'Acme',
					createdAt: '2024-03-03T09:00:00.000Z',
					updatedAt: '2024-04-02T09:00:00.000Z',
				});
				assert.equal(result.items('By User ID')[0].email, 'dev.desai@example.com');
				assert.equal(result.items('By Email')[0].membership_id, mid(3));
				assert.equal(result.items('Get Many').length, 10);
				assert.equal(result.items('Get Current')[0].id, PANDADOC_IDS.adminUserId);
				assertApiKey(ctx);
			},
		},
		// ------------------------------------------------------------------ members: changes
		{
			name: 'member › add to workspace by email, then update role (PATCH /members/{id})',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflow: () => [
				pandaDoc({ resource: 'member', operation: 'addToWorkspace', user: byEmail('jade.jensen@example.com'), role: 'Member', options: { notifyUser: false } }, { name: 'Add' }),
				pandaDoc(
					{ resource: 'member', operation: 'updateRole', member: byEmail('jade.jensen@example.com'), role: 'Manager' },
					once('Update Role'),
				),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.deepEqual(
					[result.items('Add')[0].id, result.items('Add')[0].teamId, result.items('Add')[0].role],
					[uid(10), MAIN, 'Member'],
				);
				const [add] = ctx.requests('POST', `/public/v1/workspaces/${MAIN}/members`);
				assert.deepEqual(add.body, { user_id: uid(10), role: 'Member' });
				assert.deepEqual(add.query, { notify_user: 'false' });
				const membership = m.state.memberships.find((x) => x.user_id === uid(10) && x.workspace_id === MAIN);
				assert.equal(membership.role, 'Manager');
				assert.deepEqual(ctx.requests('PATCH', `/public/v1/members/${membership.membership_id}`)[0].body, { role: 'Manager' });
				assert.equal(result.items('Update Role')[0].role, 'Manager');
			},
		},
		{
			name: 'member › update role on a server without PATCH /members/{id}: a clear error, nothing changed',
			mock: mock({ memberPatch: false }),
			credentials,
			workflow: () => [pandaDoc({ resource: 'member', operation: 'updateRole', member: byId(mid(5)), role: 'Admin' }, { continueOnFail: true })],
			check(ctx) {
				const { assert, result } = ctx;
				const [item] = result.items('PandaDoc');
				assert.match(item.error, /^PandaDoc refused the role change \(PATCH \/public\/v1\/members\/\{id\} is not in PandaDoc’s published API\)/);
				assert.equal(item.httpCode, '405');
				assert.equal(live(ctx, mid(5)).role, 'Member');
			},
		},
		{
			name: 'member › remove with Transfer Documents To: the documents move first, then the membership goes',
			mock: mock(),
			credentials,
			workflow: () => [
				pandaDoc({ resource: 'member', operation: 'remove', member: byEmail('cleo.carter@example.com'), transferTo: byEmail('ben.brooks@example.com') }),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.deepEqual(result.items('PandaDoc')[0], {
					vendor: 'pandadoc',
					membershipId: mid(3),
					userId: uid(3),
					email: 'cleo.carter@example.com',
					workspaceId: MAIN,
					removed: true,
					documentsTransferredTo: mid(2),
				});
				assert.deepEqual(m.state.log.map((e) => e.type), ['transfer', 'remove']);
				assert.ok(m.requests.findIndex(isOwnership) < m.requests.findIndex(isRemoval), 'transfer sent before the removal');
				assert.deepEqual(['doc-1', 'doc-2', 'doc-3'].map((d) => owner(ctx, d)), [mid(2), mid(2), mid(2)]);
				assert.equal(live(ctx, mid(3)), undefined);
			},
		},
		{
			name: 'member › remove: a failed transfer keeps the member (the workflow fails and says why)',
			mock: mock({}, (m) =>
				m.failNext({ status: 400, body: { type: 'request_error', detail: 'Documents are locked.' }, match: isOwnership }),
			),
			credentials,
			workflow: () => [pandaDoc({ resource: 'member', operation: 'remove', member: byId(mid(3)), transferTo: byId(mid(2)) })],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.status, 'error');
				const error = result.nodeError('PandaDoc');
				assert.equal(error.message, 'The documents could not be transferred, so the member was not removed: PandaDoc returned 400: Documents are locked.');
				assert.equal(String(error.httpCode), '400');
				assert.equal(m.requests.filter(isRemoval).length, 0, 'no removal sent');
				assert.ok(live(ctx, mid(3)), 'the member is still there');
				assert.equal(owner(ctx, 'doc-1'), mid(3));
			},
		},
		{
			name: 'member › change workspace: added to the target, documents handed over, removed from the source',
			mock: mock(),
			credentials,
			workflow: () => [
				pandaDoc({
					resource: 'member',
					operation: 'changeWorkspace',
					member: byEmail('dev.desai@example.com'),
					toWorkspace: byId(SALES),
					role: 'keep',
					transferTo: byEmail('ben.brooks@example.com'),
				}),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const [out] = result.items('PandaDoc');
				const added = m.state.memberships.find((x) => x.user_id === uid(4) && x.workspace_id === SALES);
				assert.deepEqual(out.added, { workspaceId: SALES, membershipId: added.membership_id, role: 'Member' });
				assert.deepEqual(out.removed, { workspaceId: MAIN, membershipId: mid(4) });
				assert.equal(out.documentsTransferredTo, mid(2));
				assert.deepEqual(m.state.log.map((e) => e.type), ['add', 'transfer', 'remove']);
			},
		},
		{
			name: 'member › change workspace that stops after the add is reported as half done (Continue On Fail)',
			mock: mock({}, (m) => m.failNext({ status: 403, body: { type: 'permission_error', detail: 'Not allowed.' }, match: isRemoval })),
			credentials,
			workflow: () => [
				pandaDoc({ resource: 'member', operation: 'changeWorkspace', member: byId(mid(5)), toWorkspace: byId(SALES), role: 'Collaborator' }, { continueOnFail: true }),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const [item] = result.items('PandaDoc');
				assert.match(item.error, /^Half-done move: eli\.evans@example\.com was added to workspace ws-sales-0002 but is still a member of workspace ws-main-0001/);
				assert.equal(item.httpCode, '403');
				const workspaces = m.state.memberships.filter((x) => x.user_id === uid(5) && !x.removed).map((x) => x.workspace_id);
				assert.deepEqual(workspaces.sort(), [MAIN, SALES].sort());
			},
		},
		// ------------------------------------------------------------------ users and workspaces
		{
			name: 'user › create in two workspaces with a license; get many with show removed',
			mock: mock({ maxCount: 5 }),
			credentials,
			workflow: () => [
				pandaDoc(
					{
						resource: 'user',
						operation: 'create',
						email: 'new.hire@example.com',
						role: 'Member',
						license: 'Creator',
						additionalFields: { firstName: 'New', lastName: 'Hire', additionalWorkspaces: { workspace: [{ id: SALES, role: 'Manager' }] } },
					},
					{ name: 'Create' },
				),
				pandaDoc({ resource: 'user', operation: 'getAll', returnAll: true, filters: { showRemoved: true } }, once('Get Many')),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const created = m.state.users.find((u) => u.email === 'new.hire@example.com');
				assert.ok(created, 'the user exists at the mock');
				assert.deepEqual(
					[result.items('Create')[0].id, result.items('Create')[0].teamId, result.items('Create')[0].role],
					[created.user_id, MAIN, 'Member'],
				);
				assert.deepEqual(ctx.requests('POST', '/public/v1/users')[0].body.workspaces, [
					{ workspace_id: MAIN, role: 'Member' },
					{ workspace_id: SALES, role: 'Manager' },
				]);
				assert.equal(result.items('Get Many').length, 13);
				assert.ok(ctx.requests('GET', '/public/v1/users').every((r) => r.query.show_removed === 'true'));
			},
		},
		{
			name: 'workspace › create (201), get many, deactivate',
			mock: mock(),
			credentials,
			workflow: () => [
				pandaDoc({ resource: 'workspace', operation: 'create', name: 'Legal' }, { name: 'Create' }),
				pandaDoc({ resource: 'workspace', operation: 'getAll', returnAll: true }, once('Get Many')),
				pandaDoc({ resource: 'workspace', operation: 'deactivate', workspace: byId("={{ $('Create').first().json.id }}") }, once('Deactivate')),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const { id } = result.items('Create')[0];
				assert.deepEqual(result.items('Get Many').map((w) => w.name), ['Acme', 'Acme Sales', 'Legal']);
				assert.deepEqual(result.items('Deactivate'), [{ id, deactivated: true }]);
				assert.equal(m.state.workspaces.find((w) => w.id === id).active, false);
			},
		},
		// ------------------------------------------------------------------ rate limits
		{
			name: 'rate limit › an audit of 312 users and 25 members under 10 requests per 2 s per endpoint finishes without an error',
			mock: mock({ seed: () => defaultSeed({ bulk: 300 }), maxCount: 10, rateLimit: { limit: 10, windowMs: 2000 } }),
			credentials,
			workflow: () => [
				pandaDoc({ resource: 'member', operation: 'getAll', returnAll: false, limit: 25, simplify: false }, { name: 'Members' }),
				pandaDoc({ resource: 'member', operation: 'get', member: byId('={{ $json.membership_id }}') }, { name: 'Each' }),
				pandaDoc({ resource: 'user', operation: 'getAll', returnAll: true }, once('Users')),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.status, 'success', result.error && result.error.message);
				assert.equal(result.items('Each').length, 25);
				assert.equal(result.items('Users').length, 312);
				assert.ok(m.throttled.length > 0, 'the limit was reached');
				for (const t of m.throttled) {
					const again = m.requests.find((r) => r.at > t.at && r.method === t.method && r.path === t.path && JSON.stringify(r.query) === JSON.stringify(t.query));
					assert.ok(again && again.at >= t.availableAt, `${t.method} ${t.path} came back before its slot was free`);
				}
			},
		},
		// ------------------------------------------------------------------ credentials
		{
			name: 'credential › API key test: OK with the key (GET /public/v1/members/current), an error with a wrong one',
			mock: mock(),
			credentials: ({ mock: m }) => ({
				good: { type: 'pandaDocApi', data: { apiKey: API_KEY, baseUrl: m.url } },
				bad: { type: 'pandaDocApi', data: { apiKey: 'wrong-key', baseUrl: m.url } },
			}),
			async server(ctx) {
				const { assert, rest } = ctx;
				const ok = await rest.testCredential(ctx.credentials.good.id);
				assert.equal(ok.status, 'OK', `good key: ${JSON.stringify(ok)}`);
				const [seen] = ctx.requests('GET', '/public/v1/members/current');
				assert.ok(seen, 'the test request reached the mock');
				assert.equal(seen.headers.authorization, `API-Key ${API_KEY}`);
				const bad = await rest.testCredential(ctx.credentials.bad.id);
				assert.equal(bad.status, 'Error', `wrong key: ${JSON.stringify(bad)}`);
			},
		},
		{
			name: 'oauth2 › consent: the editor’s authorization URL (scope=read+write), then n8n exchanges the code with the client in the body',
			mock: mock({ clientSecret: OAUTH_SECRET }),
			credentials: ({ mock: m }) => ({ pandaDocOAuth2Api: oauth2Data(m) }),
			async server(ctx) {
				const { assert, rest, mock: m } = ctx;
				const { id } = ctx.credentials.pandaDocOAuth2Api;
				const raw = await rest.get(`/rest/oauth2-credential/auth?id=${encodeURIComponent(id)}`);
				const authUrl = new URL(raw);
				assert.equal(`${authUrl.origin}${authUrl.pathname}`, `${m.url}/oauth2/authorize`);
				assert.match(raw, /[?&]scope=read\+write(&|$)/, `scope as PandaDoc documents it: ${raw}`);
				const query = Object.fromEntries(authUrl.searchParams);
				assert.equal(query.response_type, 'code');
				assert.equal(query.client_id, m.clientId);

				const code = m.issueAuthorizationCode({ redirectUri: query.redirect_uri });
				const callback = await rest.request('GET', `/rest/oauth2-credential/callback?${new URLSearchParams({ code, state: query.state })}`);
				assert.equal(callback.status, 200, callback.text.slice(0, 300));
				assert.deepEqual(
					m.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientAuth, t.clientId]),
					[['authorization_code', 'issued', 'body', m.clientId]],
					`one code exchange: ${callback.text.slice(0, 300)}`,
				);
				const exchange = m.requests.find((r) => r.path === '/oauth2/access_token');
				assert.equal(exchange.body.client_secret, OAUTH_SECRET);
				assert.equal(exchange.headers.authorization, undefined);
				const stored = await rest.get(`/rest/credentials/${encodeURIComponent(id)}?includeData=true`);
				assert.equal(stored.data.oauthTokenData, true, 'the credential is connected (token data stored, redacted by the API)');
			},
		},
		{
			name: 'oauth2 › the stored token signs the calls; after a 401 n8n refreshes it once and saves it (n8n database)',
			mock: mock({ clientSecret: OAUTH_SECRET }),
			credentials: ({ mock: m }) => ({ pandaDocOAuth2Api: oauth2Data(m, m.issueTokens()) }),
			workflows: { main: () => [pandaDoc({ authentication: 'oAuth2', resource: 'member', operation: 'get', member: byEmail('ben.brooks@example.com') })] },
			async cli(ctx) {
				const { assert, mock: m } = ctx;
				const minted = ctx.credentials.pandaDocOAuth2Api.data.oauthTokenData;
				const first = await ctx.execute('main');
				assert.equal(first.status, 'success', first.error && first.error.message);
				assert.equal(first.items('PandaDoc')[0].id, uid(2));
				assert.equal(m.tokenRequests.length, 0, 'no token request');
				assert.ok(apiCalls(m).every((r) => bearer(r) === minted.access_token));

				m.expireTokens();
				const before = m.requests.length;
				const second = await ctx.execute('main');
				assert.equal(second.status, 'success', second.error && second.error.message);
				assert.deepEqual(m.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientAuth]), [['refresh_token', 'issued', 'body']]);
				const refreshed = m.tokenRequests[0];
				const calls = apiCalls(m, before);
				assert.equal(bearer(calls[0]), minted.access_token, 'first tried the stored token');
				assert.equal(bearer(calls[calls.length - 1]), refreshed.access_token, 'then the refreshed one');

				const stored = await ctx.storedCredential('pandaDocOAuth2Api');
				assert.equal(stored.data.oauthTokenData.access_token, refreshed.access_token, 'n8n saved the new access token');
				assert.equal(stored.data.oauthTokenData.refresh_token, refreshed.refresh_token, 'and the rotated refresh token');

				const third = await ctx.execute('main');
				assert.equal(third.status, 'success', third.error && third.error.message);
				assert.equal(m.tokenRequests.length, 1, 'no further refresh');
				assert.equal(bearer(apiCalls(m).at(-1)), refreshed.access_token);
			},
		},
		// ------------------------------------------------------------------ users trigger (published, polling every minute)
		{
			name: 'trigger › published, polls every minute: one execution with the changes; after a restart only what changed meanwhile',
			mock: mock(),
			credentials,
			workflows: {
				main: (ctx) =>
					triggerWorkflow({
						name: 'PandaDoc Users Trigger',
						type: 'pandaDocUsersTrigger',
						parameters: { authentication: 'apiKey' },
						credentials: { pandaDocApi: ctx.credential('pandaDocApi') },
					}),
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			timeoutMs: 300_000,
			async server(ctx) {
				const { assert, mock: m, session } = ctx;
				const id = ctx.workflows.main;
				const isUsers = (r) => r.method === 'GET' && r.path === '/public/v1/users';
				// n8n polled once when it activated the published workflow at start: the baseline, no execution.
				await pollEnded(m, isUsers, { what: 'the activation poll' });
				// The spec's other cases used this mock too: count from the poll's first request (the members list) on.
				const isMembers = (r) => r.method === 'GET' && r.path === '/public/v1/members';
				const poll = m.requests.slice(m.requests.map(isMembers).lastIndexOf(true));
				const count = (path) => poll.filter((r) => r.method === 'GET' && r.path === path).length;
				assert.equal(session.readExecutions(id).length, 0, 'the baseline poll emitted nothing');
				assert.deepEqual(
					['/public/v1/members', '/public/v1/users', '/public/v1/workspaces'].map(count),
					[1, 1, 1],
					'one request to each endpoint',
				);

				// A role changed (Update Role), a member deactivated in the web app, one removed from their only workspace.
				live(ctx, mid(4)).role = 'Admin';
				live(ctx, mid(5)).is_active = false;
				live(ctx, mid(8)).removed = true;
				const polls = m.requests.filter(isUsers).length;
				const [first] = await executions(session, id, 'PandaDoc Users Trigger', 1, { what: 'the scheduled poll to emit' });
				assert.ok(m.requests.filter(isUsers).length > polls, 'a scheduled poll read the users');
				assert.deepEqual(eventSummary(first), [
					['user.role_changed', uid(4), { role: 'Member' }],
					['user.deactivated', uid(5), { status: 'active' }],
					['user.removed', uid(8), {}],
				]);
				assert.equal(first[0].vendor, 'pandadoc');
				assert.deepEqual([first[0].user.role, first[0].user.teamId, first[0].user.teamName], ['Admin', MAIN, 'Acme']);

				// n8n stops; meanwhile a member moves from the main workspace to Sales; n8n starts and polls at activation.
				await session.stopServer();
				live(ctx, mid(7)).removed = true;
				m.state.memberships.push({ ...live(ctx, mid(10, 'sales')), membership_id: 'pd-mbr-sales-0007', user_id: uid(7) });
				const before = m.requests.length;
				await session.startServer();
				const all = await executions(session, id, 'PandaDoc Users Trigger', 2, { timeoutMs: 120_000, what: 'the activation poll after the restart to emit' });
				assert.deepEqual(eventSummary(all[1]), [['user.team_changed', uid(7), { teamId: MAIN, teamName: 'Acme' }]]);
				assert.deepEqual([all[1][0].user.teamId, all[1][0].user.teamName], [SALES, 'Acme Sales']);
				await pollEnded(m, isUsers, { after: before, what: 'the activation poll after the restart' });
				assert.equal(session.readExecutions(id).length, 2, 'nothing emitted twice');
				assertApiKey(ctx);
			},
		},

		// ------------------------------------------------------------------ roster (issue 13)
		rosterSyncCase({
			name: 'user › sync roster: a Code node’s 292-user roster against 312 users, Plan Only, Apply, re-run',
			...roster,
			type: 'pandaDoc',
			options: { missing: 'deactivate', maxDeactivationPercent: 20, transferTo: 'ada.admin@example.com' },
			plan: { unchanged: 262, update: 20, create: 10, deactivate: 30 },
			isWrite: (r) => r.method !== 'GET',
			checkPlan(ctx, items) {
				const { assert } = ctx;
				const lists = ctx.requests('GET', '/public/v1/users');
				assert.equal(lists.length, 4, `312 users: 4 pages of 100 (the floor), not ${lists.length}`);
				assert.ok(lists.every((r) => r.query.count === '100'), 'full pages');
				const byEmail = Object.fromEntries(items.map((i) => [i.email, i]));
				assert.deepEqual(byEmail[roster.bulk(2)].changes, { role: { from: 'Member', to: 'Manager' } });
				assert.deepEqual(byEmail[roster.bulk(12)].changes, { team: { from: 'Acme', to: 'Acme Sales' } });
				assert.equal(byEmail[roster.bulk(281)].action, 'deactivate');
				assert.equal(byEmail['new1@example.com'].action, 'create');
			},
			checkApply(ctx, items, requests) {
				const { assert, mock: m } = ctx;
				const creates = requests.filter((r) => r.method === 'POST' && r.path === '/public/v1/users');
				assert.equal(creates.length, 10, 'one POST /public/v1/users per new user');
				assert.ok(creates.every((r) => r.body.workspaces.length === 1 && r.body.workspaces[0].workspace_id === SALES && r.body.workspaces[0].role === 'Member'));
				assert.equal(requests.filter((r) => r.method === 'PATCH' && /^\/public\/v1\/members\//.test(r.path)).length, 10, 'role changes');
				assert.equal(requests.filter((r) => r.method === 'POST' && r.path === `/public/v1/workspaces/${SALES}/members`).length, 10, 'moves: added to Sales');
				assert.equal(requests.filter((r) => r.method === 'DELETE').length, 40, 'moves and removals');
				const transfers = requests.filter((r) => r.path === '/public/v1/documents/ownership');
				assert.equal(transfers.length, 30);
				assert.ok(transfers.every((r) => r.body.to_membership_id === mid(1)));
				const user = (email) => m.state.users.find((u) => u.email === email);
				const memberships = (email) => m.state.memberships.filter((x) => x.user_id === user(email).user_id && !x.removed);
				assert.deepEqual(memberships(roster.bulk(300)), []);
				assert.equal(m.state.documents.find((d) => d.id === 'doc-bulk-300').owner, mid(1));
				assert.deepEqual(memberships(roster.bulk(15)).map((x) => x.workspace_id), [SALES]);
				assert.equal(memberships(roster.bulk(2))[0].role, 'Manager');
				assert.deepEqual(memberships('new10@example.com').map((x) => [x.workspace_id, x.role]), [[SALES, 'Member']]);
				assert.ok(items.filter((i) => i.action !== 'unchanged').every((i) => i.result === 'done'));
				assertApiKey(ctx);
			},
		}),
	],
};
