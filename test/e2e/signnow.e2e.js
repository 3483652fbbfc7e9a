'use strict';
// SignNow node in a real n8n against the SignNow mock (reference §2, team seed 002, organization seed 000): the
// password-grant token followed in n8n's database (one for many items and the next execution, a new sign-in after
// a 401), the OAuth2 credential's refresh, the credential test through the REST API, and every operation.
// Case model: see README.md in this folder.

const { defaultSeed, hexId, startSignNowMock, SIGNNOW_IDS } = require('../mocks/signnow');
const { rosterSyncCase } = require('./lib/roster');
const { eventSummary, executions, pollEnded, triggerWorkflow } = require('./lib/trigger');

const T = SIGNNOW_IDS.teams;
const U = SIGNNOW_IDS.userId;
const R = SIGNNOW_IDS.requests;
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });

const mock = (options) => () => startSignNowMock(options);

function passwordData(m, overrides = {}) {
	return {
		environment: 'custom',
		baseUrl: m.url,
		clientId: m.clientId,
		clientSecret: m.clientSecret,
		username: m.adminEmail,
		password: m.adminPassword,
		accessToken: '',
		...overrides,
	};
}

const credentials = ({ mock: m }) => ({ signNowApi: passwordData(m) });

/** The SignNow node (password grant unless `parameters` say otherwise), named "SignNow" unless given a name. */
const signNow = (parameters, extra = {}) => ({ name: 'SignNow', type: 'signNow', parameters: { authentication: 'password', ...parameters }, ...extra });
const once = (name) => ({ name, executeOnce: true });

const bearer = (r) => String(r.headers.authorization || '').replace(/^Bearer\s+/i, '');
const apiCalls = (m, since = 0) => m.requests.slice(since).filter((r) => r.path !== '/oauth2/token');
const team = (m, id) => m.state.teams.find((t) => t.id === id);
const memberOf = (m, teamId, userId) => team(m, teamId)?.members.find((x) => x.userId === userId);

/**
 * Roster e2e: the default seed plus a team "Field" of ada (primary admin) and 330 accepted members (bulk1–330), and
 * a roster of Field limited by Only Team: ada, bulk1–280 (2–11 made admins) and 20 new users; bulk281–330 are
 * missing: 50 removals (15 % of the 331 members).
 */
function rosterSeed() {
	const seed = defaultSeed({ orgUserCount: 330 });
	const members = seed.users.filter((u) => u.email.startsWith('bulk')).map((u) => ({ userId: u.id, role: 'member', status: 'accepted', primary: false }));
	const field = { id: hexId('team:field'), name: 'Field', type: 'VIEWABLE', active: true, created: 1704067200, updated: null };
	seed.teams.push({ ...field, members: [{ userId: U(1), role: 'admin', status: 'accepted', primary: true }, ...members] });
	const rows = [{ email: 'ada.admin@example.com', role: 'admin' }];
	for (let n = 1; n <= 280; n++) rows.push({ email: `bulk${n}@example.com`, role: n >= 2 && n <= 11 ? 'admin' : 'member' });
	for (let n = 1; n <= 20; n++) rows.push({ email: `new${n}@example.com`, role: 'member' });
	return { mock: mock({ seed: () => structuredClone(seed) }), rows, fieldId: field.id };
}
const roster = rosterSeed();

/** Team › Get Many (4 teams, so 4 items) → Team › Get for each: four concurrent items. */
const teamsThenEach = () => [
	signNow({ resource: 'team', operation: 'getAll', returnAll: true }, { name: 'Teams' }),
	signNow({ resource: 'team', operation: 'get', team: byId('={{ $json.id }}') }, { name: 'Each' }),
];

module.exports = {
	name: 'signnow',
	cases: [
		{
			name: 'password grant › one token for many items and the next execution, one new sign-in after a 401 (n8n database)',
			mock: mock(),
			credentials,
			workflows: { main: teamsThenEach },
			async cli(ctx) {
				const { assert, mock: m } = ctx;
				const first = await ctx.execute('main');
				assert.equal(first.status, 'success', first.error && first.error.message);
				assert.deepEqual(first.items('Each').map((t) => t.id), [T.sales, T.legal, T.support, T.partners]);
				assert.deepEqual(m.tokenRequests.map((t) => [t.grantType, t.outcome]), [['password', 'issued']], 'one sign-in for five requests');
				const tokenCall = m.requests.find((r) => r.path === '/oauth2/token');
				assert.equal(tokenCall.headers.authorization, `Basic ${m.basicToken}`, 'Basic client auth on the token call');
				const token1 = m.tokenRequests[0].access_token;
				assert.ok(apiCalls(m).every((r) => bearer(r) === token1), 'every API call used the Bearer token');
				const stored1 = await ctx.storedCredential('signNowApi');
				assert.equal(stored1.data.accessToken, token1, 'n8n saved the token in the credential (database)');
				assert.equal(stored1.data.password, m.adminPassword, 'the rest of the credential is intact');

				// a new n8n process: the token comes from the database
				const second = await ctx.execute('main');
				assert.equal(second.status, 'success', second.error && second.error.message);
				assert.equal(m.tokenRequests.length, 1, 'the stored token was reused');

				// SignNow rejects the token: one new password grant (never the single-use refresh token), saved
				m.expireTokens();
				const before = m.requests.length;
				const third = await ctx.execute('main');
				assert.equal(third.status, 'success', third.error && third.error.message);
				assert.deepEqual(m.tokenRequests.map((t) => t.grantType), ['password', 'password'], 'exactly one new sign-in');
				const token2 = m.tokenRequests[1].access_token;
				const thirdCalls = apiCalls(m, before);
				assert.equal(bearer(thirdCalls[0]), token1, 'first tried the stored token');
				assert.ok(thirdCalls.slice(1).every((r) => bearer(r) === token2), 'then only the new one');
				assert.equal((await ctx.storedCredential('signNowApi')).data.accessToken, token2, 'n8n saved the new token');
			},
		},
		{
			name: 'oauth2 › the stored token signs the calls; after a 401 n8n refreshes the single-use refresh token once and saves the new one',
			mock: mock(),
			credentials: ({ mock: m }) => ({
				signNowOAuth2Api: {
					environment: 'custom',
					baseUrl: m.url,
					clientId: m.clientId,
					clientSecret: m.clientSecret,
					oauthTokenData: m.issueCodeGrantTokens(),
				},
			}),
			workflows: {
				main: () => [
					signNow({ authentication: 'oAuth2', resource: 'team', operation: 'getAll', returnAll: true }, { name: 'Teams' }),
					signNow({ authentication: 'oAuth2', resource: 'team', operation: 'get', team: byId('={{ $json.id }}') }, { name: 'Each' }),
				],
			},
			async cli(ctx) {
				const { assert, mock: m } = ctx;
				const minted = ctx.credentials.signNowOAuth2Api.data.oauthTokenData;
				const first = await ctx.execute('main');
				assert.equal(first.status, 'success', first.error && first.error.message);
				assert.equal(first.items('Each').length, 4);
				assert.equal(m.tokenRequests.length, 0, 'no token request');
				assert.ok(apiCalls(m).every((r) => bearer(r) === minted.access_token), 'the lowercase "bearer" token type still signs as Bearer');

				m.expireTokens();
				const second = await ctx.execute('main');
				assert.equal(second.status, 'success', second.error && second.error.message);
				assert.deepEqual(m.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientId]), [['refresh_token', 'issued', m.clientId]], 'one refresh');
				assert.equal(m.requests.find((r) => r.path === '/oauth2/token').headers.authorization, `Basic ${m.basicToken}`);
				const stored = await ctx.storedCredential('signNowOAuth2Api');
				assert.equal(stored.data.oauthTokenData.access_token, m.tokenRequests[0].access_token, 'n8n saved the new access token');
				assert.equal(stored.data.oauthTokenData.refresh_token, m.tokenRequests[0].refresh_token, 'and the new refresh token');
			},
		},
		{
			name: 'credential › test through the REST API: OK, and errors that say whether the client or the password is wrong',
			mock: mock(),
			credentials: ({ mock: m }) => ({
				good: { type: 'signNowApi', data: passwordData(m) },
				badClient: { type: 'signNowApi', data: passwordData(m, { clientSecret: 'wrong-client-secret-e2e' }) },
				badPassword: { type: 'signNowApi', data: passwordData(m, { password: 'wrong-password-e2e' }) },
			}),
			async server(ctx) {
				const { assert, rest, mock: m } = ctx;
				const ok = await rest.testCredential(ctx.credentials.good.id);
				assert.equal(ok.status, 'OK', `good: ${JSON.stringify(ok)}`);
				const verify = m.requests.find((r) => r.method === 'GET' && r.path === '/oauth2/token');
				assert.ok(verify, 'the test verified the token (GET /oauth2/token)');
				assert.equal(bearer(verify), m.tokenRequests.find((t) => t.outcome === 'issued').access_token);

				const badClient = await rest.testCredential(ctx.credentials.badClient.id);
				assert.equal(badClient.status, 'Error', `bad client: ${JSON.stringify(badClient)}`);
				assert.match(badClient.message, /client ID or client secret/);
				const badPassword = await rest.testCredential(ctx.credentials.badPassword.id);
				assert.equal(badPassword.status, 'Error', `bad password: ${JSON.stringify(badPassword)}`);
				assert.match(badPassword.message, /username or password/);
				const shown = JSON.stringify([badClient, badPassword]);
				for (const secret of ['wrong-client-secret-e2e', 'wrong-password-e2e', m.clientSecret, m.adminPassword]) {
					assert.ok(!shown.includes(secret), 'no secret in the test result');
				}
			},
		},
		{
			name: 'user › create (Basic), get current, update current, resend verification, organization users',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock({ orgUserCount: 108 }),
			credentials,
			workflow: () => [
				signNow({ resource: 'user', operation: 'create', email: 'e2e.new@example.com', password: 'E2e-password-1', firstName: 'Eve', lastName: 'Tu' }, { name: 'Create' }),
				signNow({ resource: 'user', operation: 'getCurrent' }, once('Current')),
				signNow({ resource: 'user', operation: 'updateCurrent', updateFields: { lastName: 'Administrator' } }, once('Update')),
				signNow({ resource: 'user', operation: 'resendVerification', email: '={{ $("Create").first().json.email }}' }, once('Resend')),
				signNow({ resource: 'user', operation: 'getAll', returnAll: true }, once('Organization Users')),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const [created] = result.items('Create');
				assert.equal(created.email, 'e2e.new@example.com');
				assert.equal(created.status, 'invited');
				const createCall = m.requests.find((r) => r.method === 'POST' && r.path === '/user');
				assert.equal(createCall.headers.authorization, `Basic ${m.basicToken}`, 'POST /user used Basic');
				assert.ok(!JSON.stringify(result.items('Create')).includes('E2e-password-1'), 'no password in the output');
				assert.deepEqual(
					[result.items('Current')[0].email, result.items('Current')[0].role, result.items('Current')[0].teamName],
					['ada.admin@example.com', 'admin', 'Sales'],
				);
				assert.equal(result.items('Update')[0].lastName, 'Administrator');
				assert.deepEqual(result.items('Resend'), [{ email: 'e2e.new@example.com', sent: true, status: 'success' }]);
				assert.equal(m.requests.find((r) => r.path === '/user/verifyemail').headers.authorization, `Basic ${m.basicToken}`);
				const users = result.items('Organization Users');
				assert.equal(users.length, 120, 'all pages (120 users, 100 a page)');
				assert.deepEqual(
					m.requests.filter((r) => r.path.endsWith('/users')).map((r) => [r.query.page, r.query.per_page]).sort(),
					[['1', '100'], ['2', '100']],
				);
			},
		},
		{
			name: 'team › create, get, get many, rename, get admins, delete',
			mock: mock(),
			credentials,
			workflow: () => {
				const created = byId('={{ $("Create").first().json.id }}');
				return [
					signNow({ resource: 'team', operation: 'create', name: 'E2E Team', type: 'SHAREABLE' }, { name: 'Create' }),
					signNow({ resource: 'team', operation: 'get', team: byId(T.sales) }, once('Get')),
					signNow({ resource: 'team', operation: 'getAll', returnAll: false, limit: 3 }, once('Get Many')),
					signNow({ resource: 'team', operation: 'rename', team: created, name: 'E2E Team Renamed' }, once('Rename')),
					signNow({ resource: 'team', operation: 'getAdmins', team: byId(T.sales) }, once('Admins')),
					signNow({ resource: 'team', operation: 'delete', team: created }, once('Delete')),
				];
			},
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const created = result.items('Create')[0];
				assert.equal(created.name, 'E2E Team');
				assert.equal(created.members[0].email, 'ada.admin@example.com');
				const statuses = result.items('Get')[0].members.map((x) => x.status);
				assert.deepEqual(statuses, ['active', 'active', 'active', 'active', 'active', 'invited']);
				assert.equal(result.items('Get Many').length, 3);
				assert.equal(result.items('Rename')[0].name, 'E2E Team Renamed');
				assert.deepEqual(result.items('Admins').map((a) => a.id), [U(1), U(2)]);
				assert.deepEqual(result.items('Delete'), [{ teamId: created.id, deleted: true }]);
				assert.ok(!m.state.teams.some((t) => t.id === created.id), 'deleted at the mock');
			},
		},
		{
			name: 'team › invite users: four items, one request; remove user, grant and revoke admin, transfer ownership',
			mock: mock(),
			credentials,
			workflow: () => [
				signNow({ resource: 'team', operation: 'getAll', returnAll: true }, { name: 'Teams' }),
				signNow({ resource: 'team', operation: 'inviteUsers', team: byId(T.support), inviteBy: 'emails', emails: '={{ "invitee" + $itemIndex + "@example.com" }}' }, { name: 'Invite' }),
				signNow({ resource: 'team', operation: 'removeUser', team: byId(T.sales), user: byEmail('cleo.diaz@example.com') }, once('Remove')),
				signNow({ resource: 'team', operation: 'grantAdmin', team: byId(T.sales), user: byId(U(4)) }, once('Grant')),
				signNow({ resource: 'team', operation: 'revokeAdmin', team: byId(T.sales), user: byId(U(2)) }, once('Revoke')),
				signNow({ resource: 'team', operation: 'transferOwnership', team: byId(T.legal), user: byEmail('gia.rossi@example.com') }, once('Transfer')),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const invites = m.requests.filter((r) => r.method === 'POST' && r.path === `/team/${T.support}/request`);
				assert.equal(invites.length, 1, 'one request for the four items');
				assert.deepEqual(invites[0].body.emails, [0, 1, 2, 3].map((n) => `invitee${n}@example.com`));
				assert.deepEqual(result.items('Invite').map((x) => x.status), ['success', 'success', 'success', 'success']);
				assert.equal(result.items('Remove')[0].userId, U(3));
				assert.equal(memberOf(m, T.sales, U(3)), undefined);
				assert.equal(result.items('Grant')[0].role, 'admin');
				assert.equal(memberOf(m, T.sales, U(4)).role, 'admin');
				assert.equal(result.items('Revoke')[0].role, 'member');
				assert.equal(memberOf(m, T.sales, U(2)).role, 'member');
				assert.equal(result.items('Transfer')[0].id, U(7));
				assert.equal(memberOf(m, T.legal, U(7)).primary, true);
			},
		},
		{
			name: 'team › change team: invite to the target, remove from the source, both steps in the output',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflow: () => [signNow({ resource: 'team', operation: 'changeTeam', fromTeam: byId(T.sales), user: byEmail('eva.novak@example.com'), toTeam: byId(T.legal) })],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const [out] = result.items('SignNow');
				assert.equal(out.success, true);
				assert.equal(out.invite.status, 'done');
				assert.equal(out.removal.status, 'done');
				assert.equal(memberOf(m, T.sales, U(5)), undefined);
				assert.equal(memberOf(m, T.legal, U(5)).status, 'pending');
			},
		},
		{
			name: 'team › change team: a removal that fails after the invitation is reported, not dropped (Continue On Fail)',
			mock: async () => {
				const m = await startSignNowMock();
				m.failNext({ status: 403, body: { errors: [{ code: 65600, message: 'Removal blocked' }] }, match: (r) => r.method === 'DELETE' });
				return m;
			},
			credentials,
			workflow: () => [
				signNow({ resource: 'team', operation: 'changeTeam', fromTeam: byId(T.sales), user: byEmail('eva.novak@example.com'), toTeam: byId(T.legal) }, { continueOnFail: true }),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.status, 'success', result.error && result.error.message);
				const [out] = result.items('SignNow');
				assert.match(out.error, /^Change Team half done: eva\.novak@example\.com was invited to the To Team .* removing them from the From Team failed: SignNow returned 403: Removal blocked/);
				assert.match(out.description, /Team › Remove User/);
				assert.equal(memberOf(m, T.sales, U(5)).status, 'accepted', 'still in the source team');
				assert.equal(memberOf(m, T.legal, U(5)).status, 'pending', 'and invited to the target');
			},
		},
		{
			name: 'invitation › get, accept and decline; organization › get',
			mock: mock(),
			credentials,
			workflow: () => [
				signNow({ resource: 'invitation', operation: 'get', requestId: R.onboarding }, { name: 'Get' }),
				signNow({ resource: 'invitation', operation: 'accept', requestId: R.onboarding }, once('Accept')),
				signNow({ resource: 'invitation', operation: 'decline', requestId: R.finance }, once('Decline')),
				signNow({ resource: 'organization', operation: 'get' }, once('Organization')),
			],
			check(ctx) {
				const { assert, result } = ctx;
				assert.equal(result.items('Get')[0].request_status, 'waiting');
				assert.equal(result.items('Accept')[0].request_status, 'accepted');
				assert.equal(result.items('Decline')[0].request_status, 'declined');
				const [org] = result.items('Organization');
				assert.equal(org.id, SIGNNOW_IDS.organizationId);
				assert.equal(org.name, 'Acme Signing');
				assert.ok(org.teams.some((t) => t.id === T.sales && t.name === 'Sales'));
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
						name: 'SignNow Users Trigger',
						type: 'signNowUsersTrigger',
						parameters: { authentication: 'password' },
						credentials: { signNowApi: ctx.credential('signNowApi') },
					}),
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			timeoutMs: 300_000,
			async server(ctx) {
				const { assert, mock: m, session } = ctx;
				const id = ctx.workflows.main;
				const isTeams = (r) => r.path === '/v2/teams';
				// n8n polled once when it activated the published workflow at start: the baseline, no execution.
				await pollEnded(m, isTeams, { what: 'the activation poll' });
				assert.equal(session.readExecutions(id).length, 0, 'the baseline poll emitted nothing');
				// The spec's other cases used this mock too: count from the activation poll's team listing on.
				const listed = m.requests.map(isTeams).lastIndexOf(true);
				assert.equal(m.requests.slice(listed).filter((r) => /^\/team\/[0-9a-f]{40}$/.test(r.path)).length, 4, 'each of the four teams read once');

				// What Grant Admin and Remove User do at SignNow (seed 002).
				memberOf(m, T.sales, U(4)).role = 'admin';
				team(m, T.legal).members = team(m, T.legal).members.filter((x) => x.userId !== U(8));
				const polls = m.requests.filter(isTeams).length;
				const [first] = await executions(session, id, 'SignNow Users Trigger', 1, { what: 'the scheduled poll to emit' });
				assert.ok(m.requests.filter(isTeams).length > polls, 'a scheduled poll read the teams');
				assert.deepEqual(eventSummary(first), [
					['user.role_changed', U(4), { role: 'member' }],
					['user.removed', U(8), {}],
				]);
				assert.equal(first[0].vendor, 'signnow');
				assert.deepEqual([first[0].user.role, first[0].user.teamId, first[0].user.teamName], ['admin', T.sales, 'Sales']);

				// n8n stops; meanwhile a member moves from Legal to Support (invited there); n8n starts and polls at activation.
				await session.stopServer();
				team(m, T.legal).members = team(m, T.legal).members.filter((x) => x.userId !== U(7));
				team(m, T.support).members.push({ userId: U(7), role: 'member', status: 'pending', primary: false });
				const before = m.requests.length;
				await session.startServer();
				const all = await executions(session, id, 'SignNow Users Trigger', 2, { timeoutMs: 120_000, what: 'the activation poll after the restart to emit' });
				assert.deepEqual(eventSummary(all[1]), [['user.team_changed', U(7), { teamId: T.legal, teamName: 'Legal' }]]);
				assert.deepEqual([all[1][0].user.teamId, all[1][0].user.status], [T.support, 'invited']);
				await pollEnded(m, isTeams, { after: before, what: 'the activation poll after the restart' });
				assert.equal(session.readExecutions(id).length, 2, 'nothing emitted twice');
				// One sign-in: n8n kept the token in the credential (its database) across polls and the restart.
				assert.deepEqual(m.tokenRequests.map((t) => [t.grantType, t.outcome]), [['password', 'issued']]);
				const token = m.tokenRequests[0].access_token;
				assert.ok(apiCalls(m).every((r) => bearer(r) === token), 'every poll signed with that token');
			},
		},
		rosterSyncCase({
			name: 'user › sync roster: a Code node’s 301-user roster of one team of 331 members, Plan Only, Apply, re-run',
			mock: roster.mock,
			rows: roster.rows,
			credentials,
			type: 'signNow',
			options: { missing: 'deactivate', scopeTeam: 'Field', maxDeactivationPercent: 20 },
			plan: { unchanged: 271, update: 10, create: 20, deactivate: 50 },
			isWrite: (r) => r.method !== 'GET' && r.path !== '/oauth2/token',
			checkPlan(ctx, items) {
				const { assert, mock: m } = ctx;
				const reads = m.requests.filter((r) => r.method === 'GET' && (r.path === '/v2/teams' || /^\/team\/[0-9a-f]{40}$/.test(r.path)));
				// One page of teams, then one read per team ada administers (Sales, Legal, Support, Field): no per-user reads.
				assert.deepEqual(reads.map((r) => r.path.split('/')[1]), ['v2', 'team', 'team', 'team', 'team']);
				const byEmail = Object.fromEntries(items.map((i) => [i.email, i]));
				assert.deepEqual(byEmail['bulk2@example.com'].changes, { role: { from: 'member', to: 'admin' } });
				assert.equal(byEmail['bulk281@example.com'].action, 'deactivate');
				assert.equal(byEmail['new1@example.com'].action, 'create');
				assert.ok(!items.some((i) => i.email === 'ben.carter@example.com'), 'members of other teams are out of the plan');
			},
			checkApply(ctx, items, requests) {
				const { assert, mock: m } = ctx;
				const invites = requests.filter((r) => r.method === 'POST' && r.path === `/team/${roster.fieldId}/request`);
				assert.equal(invites.length, 1, 'the 20 invitations went in one request');
				assert.equal(invites[0].body.emails.length, 20);
				assert.equal(requests.filter((r) => r.method === 'POST' && r.path === `/team/${roster.fieldId}/admin`).length, 10);
				assert.equal(requests.filter((r) => r.method === 'DELETE' && r.path.startsWith(`/team/${roster.fieldId}/user/`)).length, 50);
				const field = m.state.teams.find((t) => t.id === roster.fieldId);
				const memberBy = (email) => field.members.find((x) => (x.email ?? m.state.users.find((u) => u.id === x.userId)?.email) === email);
				assert.equal(memberBy('bulk300@example.com'), undefined);
				assert.equal(memberBy('bulk2@example.com').role, 'admin');
				assert.equal(memberBy('new20@example.com').status, 'pending');
				assert.ok(items.filter((i) => i.action !== 'unchanged').every((i) => i.result === 'done'));
			},
		}),
		{
			name: 'error › an account whose API lacks the team routes: the error says the API does not offer them',
			mock: async () => {
				const m = await startSignNowMock();
				m.offer.teams = false;
				return m;
			},
			credentials,
			workflow: () => [signNow({ resource: 'team', operation: 'getAll', returnAll: true }, { continueOnFail: true })],
			check(ctx) {
				const { assert, result } = ctx;
				const [out] = result.items('SignNow');
				assert.equal(out.error, "This SignNow account's API does not offer teams");
				assert.match(out.description, /Unable to find a route to match the URI: v2\/teams/);
			},
		},
	],
};
