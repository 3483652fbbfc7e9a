'use strict';
// BoldSign node in a real n8n against the BoldSign mock: every operation, pagination across pages,
// error paths (Continue On Fail and a failing workflow), the credential test through the REST API and the
// OAuth2 credential's consent.
// Case model: see README.md in this folder.

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { codeNode, countActions, exampleWorkflow, rosterSyncCase } = require('./lib/roster');
const { eventSummary, executions, pollEnded, triggerWorkflow } = require('./lib/trigger');

const API_KEY = 'bs-e2e-key-5d1c08';
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });

/** The BoldSign node, named "BoldSign" unless given a name. */
const boldSign = (parameters, extra = {}) => ({ name: 'BoldSign', type: 'boldSign', parameters, ...extra });

const mock = (options = {}) => () => startBoldSignMock({ apiKey: API_KEY, ...options });
const credentials = ({ mock: m }) => ({ boldSignApi: { region: 'custom', baseUrl: m.url, apiKey: API_KEY } });

/** A seed of `users` active users and `teams` teams, for pagination. */
function bigSeed({ users = 0, teams = 1 }) {
	const at = 1704067200;
	const teamList = Array.from({ length: teams }, (_, i) => ({
		teamId: i === 0 ? BOLDSIGN_IDS.defaultTeamId : `t-${String(i + 1).padStart(4, '0')}`,
		teamName: i === 0 ? 'Default' : `Team ${i + 1}`,
		createdDate: at + i,
		modifiedDate: at + i,
	}));
	const userList = Array.from({ length: users }, (_, i) => ({
		userId: `u-${String(i + 1).padStart(4, '0')}`,
		email: `user${i + 1}@example.com`,
		firstName: 'User',
		lastName: String(i + 1),
		teamId: BOLDSIGN_IDS.defaultTeamId,
		role: 'Member',
		userStatus: 'Active',
		createdDate: at + i,
		modifiedDate: at + i,
		metaData: {},
	}));
	return () => ({ teams: teamList, users: userList });
}

/** Checks common to every request our node sent: the API key header, loopback mock only. */
function assertAuthenticated(ctx) {
	const { assert } = ctx;
	assert.ok(ctx.mock.requests.length > 0, 'the mock received no request');
	for (const r of ctx.mock.requests) assert.equal(r.headers['x-api-key'], API_KEY, `${r.method} ${r.path} without the API key`);
}

function stateUser(ctx, userId) {
	return ctx.mock.state.users.find((u) => u.userId === userId);
}

/**
 * Roster e2e: 330 BoldSign users (user1 the Admin), and a roster of 300: users 1–280 (2–11 promoted to
 * TeamAdmin, 12–21 moved to Sales) and 20 new users in Sales. Users 281–330 are missing: 50 deactivations.
 */
function rosterSeed() {
	const seed = bigSeed({ users: 330, teams: 1 })();
	seed.teams.push({ teamId: BOLDSIGN_IDS.salesTeamId, teamName: 'Sales', createdDate: 1704067200, modifiedDate: 1704067200 });
	seed.users[0].role = 'Admin';
	const rows = seed.users.slice(0, 280).map((u, i) => ({
		email: u.email,
		role: i === 0 ? 'Admin' : i >= 1 && i <= 10 ? 'TeamAdmin' : 'Member',
		team: i >= 11 && i <= 20 ? 'Sales' : 'Default',
	}));
	for (let n = 1; n <= 20; n++) rows.push({ email: `new${n}@example.com`, role: 'Member', team: 'Sales' });
	return { mock: mock({ seed: () => structuredClone(seed) }), credentials, rows };
}

/**
 * The example's Google Sheet as a Code node of the same name: the default mock seed's users except two
 * active members (missing → deactivated), Carol promoted, and one new hire in Sales.
 */
function exampleSheet() {
	const { defaultSeed } = require('../mocks/boldsign');
	const seed = defaultSeed();
	const teamName = (id) => seed.teams.find((t) => t.teamId === id).teamName;
	const rows = seed.users
		.filter((u) => u.userStatus !== 'Deactivated' && !['david.brown@example.com', 'emma.jones@example.com'].includes(u.email))
		.map((u) => ({ email: u.email, role: u.email === 'carol.williams@example.com' ? 'TeamAdmin' : u.role, team: teamName(u.teamId) }));
	rows.push({ email: 'new.hire@example.com', role: 'Member', team: 'Sales' });
	return { ...codeNode('Read Roster Sheet', rows), type: 'n8n-nodes-base.code' };
}

module.exports = {
	name: 'boldsign',
	cases: [
		// ------------------------------------------------------------------ users
		{
			name: 'user › invite: several emails in one users/create call, normalized output',
			mock: mock(),
			credentials,
			workflow: () => [
				boldSign({
					resource: 'user',
					operation: 'invite',
					emails: 'new.one@example.com, new.two@example.com',
					team: byId(BOLDSIGN_IDS.salesTeamId),
					role: 'TeamAdmin',
					metadata: { entry: [{ key: 'costCenter', value: 'CC-42' }] },
				}),
			],
			check(ctx) {
				const { assert, result } = ctx;
				const out = result.items('BoldSign');
				assert.deepEqual(out.map((u) => [u.vendor, u.email, u.status, u.role, u.teamId]), [
					['boldsign', 'new.one@example.com', 'invited', 'TeamAdmin', BOLDSIGN_IDS.salesTeamId],
					['boldsign', 'new.two@example.com', 'invited', 'TeamAdmin', BOLDSIGN_IDS.salesTeamId],
				]);
				const creates = ctx.requests('POST', '/v1/users/create');
				assert.equal(creates.length, 1, 'one users/create call');
				assert.deepEqual(creates[0].body, [
					{ emailId: 'new.one@example.com', userRole: 'TeamAdmin', teamId: BOLDSIGN_IDS.salesTeamId, metaData: { costCenter: 'CC-42' } },
					{ emailId: 'new.two@example.com', userRole: 'TeamAdmin', teamId: BOLDSIGN_IDS.salesTeamId, metaData: { costCenter: 'CC-42' } },
				]);
				const created = ctx.mock.state.users.filter((u) => u.email.startsWith('new.'));
				assert.deepEqual(created.map((u) => u.userStatus), ['InvitationPending', 'InvitationPending']);
				assert.ok(out.every((u) => created.some((c) => c.userId === u.id)), 'output ids are the created users');
				assertAuthenticated(ctx);
			},
		},
		{
			name: 'user › invite: an existing user is returned, not invited again',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'invite', emails: 'Alice.Johnson@example.com', role: 'Member' })],
			check(ctx) {
				const { assert, result } = ctx;
				const out = result.items('BoldSign');
				assert.equal(out.length, 1);
				assert.equal(out[0].id, BOLDSIGN_IDS.adminUserId);
				assert.equal(out[0].status, 'active');
				assert.equal(ctx.requests('POST', '/v1/users/create').length, 0, 'no users/create call');
			},
		},
		{
			name: 'user › get by ID: normalized record',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'get', user: byId(BOLDSIGN_IDS.adminUserId) })],
			check(ctx) {
				const { assert, result } = ctx;
				const [user, ...rest] = result.items('BoldSign');
				assert.equal(rest.length, 0);
				assert.match(user.createdAt, /^2024-01-02T/);
				assert.match(user.updatedAt, /^2024-01-02T01:/);
				delete user.createdAt;
				delete user.updatedAt;
				assert.deepEqual(user, {
					vendor: 'boldsign',
					id: BOLDSIGN_IDS.adminUserId,
					email: 'alice.johnson@example.com',
					firstName: 'Alice',
					lastName: 'Johnson',
					role: 'Admin',
					status: 'active',
					teamId: BOLDSIGN_IDS.defaultTeamId,
					teamName: 'Default',
				});
				const gets = ctx.requests('GET', '/v1/users/get');
				assert.deepEqual(gets.map((r) => r.query), [{ userId: BOLDSIGN_IDS.adminUserId }]);
				assertAuthenticated(ctx);
			},
		},
		{
			name: 'user › get by email, Simplify off: the vendor object',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'get', user: byEmail('Bob.Smith@example.com'), simplify: false })],
			check(ctx) {
				const { assert, result } = ctx;
				const [user] = result.items('BoldSign');
				assert.equal(user.userId, BOLDSIGN_IDS.teamAdminUserId);
				assert.equal(user.role, 'TeamAdmin');
				assert.equal(user.userStatus, 'Active');
				assert.equal(typeof user.createdDate, 'number');
				assert.equal(ctx.requests('GET', '/v1/users/list')[0].query.Search, 'Bob.Smith@example.com');
			},
		},
		{
			name: 'user › get many: Return All reads 3 pages of 100 (250 users), at most 3 pages ahead, in order',
			mock: mock({ seed: bigSeed({ users: 250 }) }),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'getAll', returnAll: true })],
			check(ctx) {
				const { assert, result } = ctx;
				const out = result.items('BoldSign');
				assert.equal(out.length, 250);
				assert.equal(new Set(out.map((u) => u.id)).size, 250, 'no duplicates across pages');
				assert.equal(out[0].id, 'u-0001');
				assert.equal(out[249].id, 'u-0250');
				// No totals in BoldSign's pages: up to 3 pages are read ahead of the short last one.
				const pages = ctx.requests('GET', '/v1/users/list').map((r) => r.query);
				assert.ok(pages.every((q) => q.PageSize === '100'));
				assert.deepEqual(pages.map((q) => Number(q.Page)).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6]);
			},
		},
		{
			name: 'user › get many: Limit 150 stops after 2 pages; filters are sent',
			mock: mock({ seed: bigSeed({ users: 250 }) }),
			credentials,
			workflow: () => [
				boldSign({ resource: 'user', operation: 'getAll', returnAll: false, limit: 150 }),
				boldSign(
					{ resource: 'user', operation: 'getAll', returnAll: true, filters: { search: 'user12', userIds: 'u-0012, u-0120, u-0200' } },
					{ name: 'Filtered', executeOnce: true },
				),
			],
			check(ctx) {
				const { assert, result } = ctx;
				assert.equal(result.items('BoldSign').length, 150);
				assert.deepEqual(result.items('Filtered').map((u) => u.id).sort(), ['u-0012', 'u-0120']);
				const lists = ctx.requests('GET', '/v1/users/list').map((r) => r.query);
				assert.deepEqual(lists.slice(0, 2), [
					{ Page: '1', PageSize: '100' },
					{ Page: '2', PageSize: '100' },
				]);
				assert.deepEqual(lists.slice(2), [{ Page: '1', PageSize: '100', Search: 'user12', UserId: ['u-0012', 'u-0120', 'u-0200'] }]);
			},
		},
		{
			name: 'user › update role',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'updateRole', user: byId(BOLDSIGN_IDS.teamAdminUserId), role: 'Member' })],
			check(ctx) {
				const { assert, result } = ctx;
				const [user] = result.items('BoldSign');
				assert.equal(user.id, BOLDSIGN_IDS.teamAdminUserId);
				assert.equal(user.role, 'Member');
				assert.deepEqual(ctx.requests('PUT', '/v1/users/update').map((r) => r.body), [{ userId: BOLDSIGN_IDS.teamAdminUserId, userRole: 'Member' }]);
				assert.equal(stateUser(ctx, BOLDSIGN_IDS.teamAdminUserId).role, 'Member');
			},
		},
		{
			name: 'user › deactivate with document transfer (user by email)',
			mock: mock(),
			credentials,
			workflow: () => [
				boldSign({
					resource: 'user',
					operation: 'deactivate',
					user: byEmail('carol.williams@example.com'),
					transferTo: byId(BOLDSIGN_IDS.adminUserId),
				}),
			],
			check(ctx) {
				const { assert, result } = ctx;
				const carol = BOLDSIGN_IDS.userId(3);
				const [user] = result.items('BoldSign');
				assert.equal(user.id, carol);
				assert.equal(user.status, 'deactivated');
				assert.deepEqual(ctx.requests('PUT', '/v1/users/update').map((r) => r.body), [
					{ userId: carol, userStatus: 'Deactivate', toUserId: BOLDSIGN_IDS.adminUserId },
				]);
				assert.deepEqual(
					ctx.mock.state.documentTransfers.map((t) => [t.fromUserId, t.toUserId]),
					[[carol, BOLDSIGN_IDS.adminUserId]],
				);
			},
		},
		{
			name: 'user › reactivate',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'reactivate', user: byId(BOLDSIGN_IDS.deactivatedUserId) })],
			check(ctx) {
				const { assert, result } = ctx;
				const [user] = result.items('BoldSign');
				assert.equal(user.status, 'active');
				assert.deepEqual(ctx.requests('PUT', '/v1/users/update').map((r) => r.body), [
					{ userId: BOLDSIGN_IDS.deactivatedUserId, userStatus: 'Activate' },
				]);
				assert.equal(stateUser(ctx, BOLDSIGN_IDS.deactivatedUserId).userStatus, 'Active');
			},
		},
		{
			name: 'user › change team with document transfer',
			mock: mock(),
			credentials,
			workflow: () => [
				boldSign({
					resource: 'user',
					operation: 'changeTeam',
					user: byId(BOLDSIGN_IDS.userId(4)),
					team: byId(BOLDSIGN_IDS.salesTeamId),
					transferTo: byId(BOLDSIGN_IDS.userId(5)),
				}),
			],
			check(ctx) {
				const { assert, result } = ctx;
				const [user] = result.items('BoldSign');
				assert.equal(user.teamId, BOLDSIGN_IDS.salesTeamId);
				assert.equal(user.teamName, 'Sales');
				const calls = ctx.requests('PUT', '/v1/users/changeTeam');
				assert.equal(calls.length, 1);
				assert.deepEqual(calls[0].query, { userId: BOLDSIGN_IDS.userId(4) });
				assert.deepEqual(calls[0].body, { toTeamId: BOLDSIGN_IDS.salesTeamId, transferDocumentsToUserId: BOLDSIGN_IDS.userId(5) });
				assert.equal(stateUser(ctx, BOLDSIGN_IDS.userId(4)).teamId, BOLDSIGN_IDS.salesTeamId);
			},
		},
		{
			name: 'user › update metadata',
			mock: mock(),
			credentials,
			workflow: () => [
				boldSign({
					resource: 'user',
					operation: 'updateMetadata',
					user: byId(BOLDSIGN_IDS.userId(6)),
					metadata: { entry: [{ key: 'Department', value: 'Legal' }, { key: 'costCenter', value: '7' }] },
					simplify: false,
				}),
			],
			check(ctx) {
				const { assert, result } = ctx;
				const [user] = result.items('BoldSign');
				assert.deepEqual(user.metaData, { Department: 'Legal', costCenter: '7' });
				assert.deepEqual(ctx.requests('PUT', '/v1/users/updateMetaData').map((r) => r.body), [
					{ userId: BOLDSIGN_IDS.userId(6), metaData: { Department: 'Legal', costCenter: '7' } },
				]);
			},
		},
		{
			name: 'user › resend invitation',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'resendInvitation', user: byId(BOLDSIGN_IDS.pendingUserId) })],
			check(ctx) {
				const { assert, result } = ctx;
				assert.deepEqual(result.items('BoldSign'), [{ success: true, userId: BOLDSIGN_IDS.pendingUserId }]);
				assert.deepEqual(ctx.requests('POST', '/v1/users/resendInvitation').map((r) => r.query), [{ UserId: BOLDSIGN_IDS.pendingUserId }]);
				assert.deepEqual(ctx.mock.state.invitations.map((i) => [i.userId, i.kind]), [[BOLDSIGN_IDS.pendingUserId, 'resend']]);
			},
		},
		{
			name: 'user › cancel invitation',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'user', operation: 'cancelInvitation', user: byEmail('uma.lee@example.com') })],
			check(ctx) {
				const { assert, result } = ctx;
				assert.deepEqual(result.items('BoldSign'), [{ success: true, userId: BOLDSIGN_IDS.pendingUserId }]);
				assert.deepEqual(ctx.requests('POST', '/v1/users/cancelInvitation').map((r) => r.query), [{ UserId: BOLDSIGN_IDS.pendingUserId }]);
				assert.equal(stateUser(ctx, BOLDSIGN_IDS.pendingUserId), undefined, 'the invitee is gone');
			},
		},

		// ------------------------------------------------------------------ teams
		{
			name: 'team › create',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'team', operation: 'create', teamName: 'Procurement' })],
			check(ctx) {
				const { assert, result } = ctx;
				const [team] = result.items('BoldSign');
				assert.equal(team.teamName, 'Procurement');
				const stored = ctx.mock.state.teams.find((t) => t.teamName === 'Procurement');
				assert.ok(stored, 'team created at the mock');
				assert.equal(team.teamId, stored.teamId);
				assert.deepEqual(ctx.requests('POST', '/v1/teams/create').map((r) => r.body), [{ teamName: 'Procurement' }]);
			},
		},
		{
			name: 'team › get: the team and its users',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'team', operation: 'get', team: byId(BOLDSIGN_IDS.salesTeamId) })],
			check(ctx) {
				const { assert, result } = ctx;
				const [team] = result.items('BoldSign');
				assert.equal(team.teamId, BOLDSIGN_IDS.salesTeamId);
				assert.equal(team.teamName, 'Sales');
				const expected = ctx.mock.state.users.filter((u) => u.teamId === BOLDSIGN_IDS.salesTeamId).map((u) => u.userId);
				assert.deepEqual(team.users.map((u) => u.userId), expected);
				assert.deepEqual(ctx.requests('GET', '/v1/teams/get').map((r) => r.query), [{ teamId: BOLDSIGN_IDS.salesTeamId }]);
			},
		},
		{
			name: 'team › get many: Return All across 3 pages (205 teams); search is sent',
			mock: mock({ seed: bigSeed({ teams: 205 }) }),
			credentials,
			workflow: () => [
				boldSign({ resource: 'team', operation: 'getAll', returnAll: true }),
				boldSign({ resource: 'team', operation: 'getAll', returnAll: false, limit: 5, search: 'Team 1' }, { name: 'Searched', executeOnce: true }),
			],
			check(ctx) {
				const { assert, result } = ctx;
				const all = result.items('BoldSign');
				assert.equal(all.length, 205);
				assert.equal(new Set(all.map((t) => t.teamId)).size, 205);
				const lists = ctx.requests('GET', '/v1/teams/list').map((r) => r.query);
				const searchedPages = lists.filter((q) => q.SearchKey);
				const allPages = lists.filter((q) => !q.SearchKey);
				assert.deepEqual(allPages.map((q) => Number(q.Page)).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6]);
				assert.ok(allPages.every((q) => q.PageSize === '100'));
				assert.deepEqual(searchedPages, [{ Page: '1', PageSize: '5', SearchKey: 'Team 1' }]);
				const searched = result.items('Searched');
				assert.equal(searched.length, 5);
				assert.ok(searched.every((t) => t.teamName.includes('Team 1')));
			},
		},
		{
			name: 'team › rename',
			mock: mock(),
			credentials,
			workflow: () => [boldSign({ resource: 'team', operation: 'rename', team: byId(BOLDSIGN_IDS.salesTeamId), teamName: 'Sales EMEA' })],
			check(ctx) {
				const { assert, result } = ctx;
				assert.deepEqual(result.items('BoldSign'), [{ teamId: BOLDSIGN_IDS.salesTeamId, teamName: 'Sales EMEA' }]);
				assert.deepEqual(ctx.requests('PUT', '/v1/teams/update').map((r) => r.body), [
					{ teamId: BOLDSIGN_IDS.salesTeamId, teamName: 'Sales EMEA' },
				]);
				assert.equal(ctx.mock.state.teams.find((t) => t.teamId === BOLDSIGN_IDS.salesTeamId).teamName, 'Sales EMEA');
			},
		},

		// ------------------------------------------------------------------ errors
		{
			name: 'error › Continue On Fail: the failing item becomes an error item, the others go through',
			mock: mock(),
			credentials,
			workflow: () => [
				boldSign({ resource: 'user', operation: 'getAll', returnAll: false, limit: 3 }, { name: 'List' }),
				boldSign(
					{
						resource: 'user',
						operation: 'get',
						user: { __rl: true, mode: 'id', value: "={{ $itemIndex === 1 ? 'does-not-exist' : $json.id }}" },
					},
					{ continueOnFail: true },
				),
			],
			check(ctx) {
				const { assert, result } = ctx;
				assert.equal(result.status, 'success', `the workflow failed: ${result.error && result.error.message}`);
				const out = result.items('BoldSign');
				assert.equal(out.length, 3);
				assert.equal(out[0].id, BOLDSIGN_IDS.userId(1));
				assert.equal(out[2].id, BOLDSIGN_IDS.userId(3));
				assert.equal(out[1].error, 'BoldSign returned 400: Invalid User ID.');
				assert.equal(out[1].httpCode, '400');
				assert.equal(typeof out[1].description, 'string');
				const pairing = result.run.data.resultData.runData.BoldSign[0].data.main[0].map((i) => i.pairedItem);
				assert.deepEqual(pairing, [{ item: 0 }, { item: 1 }, { item: 2 }]);
				// Items run at once: the requests may arrive in any order, the output keeps the input's.
				assert.deepEqual(ctx.requests('GET', '/v1/users/get').map((r) => r.query.userId).sort(), [
					BOLDSIGN_IDS.userId(1),
					BOLDSIGN_IDS.userId(3),
					'does-not-exist',
				].sort());
			},
		},
		{
			name: 'error › a wrong API key fails the workflow with the 401 and a hint',
			mock: mock(),
			credentials: ({ mock: m }) => ({ boldSignApi: { region: 'custom', baseUrl: m.url, apiKey: 'not-the-key' } }),
			workflow: () => [boldSign({ resource: 'user', operation: 'get', user: byId(BOLDSIGN_IDS.adminUserId) })],
			check(ctx) {
				const { assert, result } = ctx;
				assert.equal(result.status, 'error');
				assert.match(result.error.message, /401|Unauthorized/i);
				const nodeError = result.nodeError('BoldSign');
				assert.ok(nodeError, 'the BoldSign node run carries the error');
				assert.equal(String(nodeError.httpCode), '401');
				assert.match(nodeError.description || '', /region/i, 'the hint mentions the region');
				assert.equal(ctx.requests('GET', '/v1/users/get').length, 1);
			},
		},
		{
			name: 'error › a 503 on a read and a 429 on an invite are retried after Retry-After',
			mock: async () => {
				const m = await startBoldSignMock({ apiKey: API_KEY });
				m.failNext({ status: 503, headers: { 'Retry-After': '0' }, match: (r) => r.path === '/v1/teams/get' });
				m.failNext({ status: 429, headers: { 'Retry-After': '1' }, match: (r) => r.path === '/v1/users/create' });
				return m;
			},
			credentials,
			workflow: () => [
				boldSign({ resource: 'team', operation: 'get', team: byId(BOLDSIGN_IDS.defaultTeamId) }),
				boldSign({ resource: 'user', operation: 'invite', emails: 'retry.me@example.com', role: 'Member' }, { name: 'Invite' }),
			],
			check(ctx) {
				const { assert, result } = ctx;
				assert.equal(result.items('BoldSign')[0].teamId, BOLDSIGN_IDS.defaultTeamId);
				assert.equal(ctx.requests('GET', '/v1/teams/get').length, 2, 'the 503 was retried once');
				assert.equal(result.items('Invite')[0].email, 'retry.me@example.com');
				const creates = ctx.requests('POST', '/v1/users/create');
				assert.equal(creates.length, 2, 'the 429 was retried once');
				assert.equal(ctx.mock.state.users.filter((u) => u.email === 'retry.me@example.com').length, 1, 'invited once');
			},
		},

		// ------------------------------------------------------------------ users trigger (published, polling every minute)
		{
			name: 'trigger › published, polls every minute: one execution with the changes; after a restart only what changed meanwhile',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflows: {
				main: (ctx) =>
					triggerWorkflow({
						name: 'BoldSign Users Trigger',
						type: 'boldSignUsersTrigger',
						parameters: {},
						credentials: { boldSignApi: ctx.credential('boldSignApi') },
					}),
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			timeoutMs: 300_000,
			async server(ctx) {
				const { assert, mock: m, session } = ctx;
				const id = ctx.workflows.main;
				const isList = (r) => r.path === '/v1/users/list';
				const user = (n) => m.state.users.find((u) => u.userId === BOLDSIGN_IDS.userId(n));
				// n8n polled once when it activated the published workflow at start: the baseline, no execution.
				await pollEnded(m, isList, { what: 'the activation poll' });
				assert.equal(session.readExecutions(id).length, 0, 'the baseline poll emitted nothing');

				user(8).role = 'Admin';
				user(11).userStatus = 'Deactivated';
				const polls = m.requests.filter(isList).length;
				const [first] = await executions(session, id, 'BoldSign Users Trigger', 1, { what: 'the scheduled poll to emit' });
				assert.ok(m.requests.filter(isList).length > polls, 'a scheduled poll read the users');
				assert.deepEqual(eventSummary(first), [
					['user.role_changed', BOLDSIGN_IDS.userId(8), { role: 'Member' }],
					['user.deactivated', BOLDSIGN_IDS.userId(11), { status: 'active' }],
				]);
				assert.equal(first[0].vendor, 'boldsign');
				assert.equal(first[0].user.role, 'Admin');
				for (const r of m.requests) assert.equal(r.headers['x-api-key'], API_KEY);

				// n8n stops; meanwhile a user moves team and one is removed; n8n starts and polls at activation.
				await session.stopServer();
				user(10).teamId = BOLDSIGN_IDS.salesTeamId;
				m.state.users = m.state.users.filter((u) => u.userId !== BOLDSIGN_IDS.userId(22));
				const before = m.requests.length;
				await session.startServer();
				const all = await executions(session, id, 'BoldSign Users Trigger', 2, { timeoutMs: 120_000, what: 'the activation poll after the restart to emit' });
				assert.deepEqual(eventSummary(all[1]), [
					['user.team_changed', BOLDSIGN_IDS.userId(10), { teamId: BOLDSIGN_IDS.defaultTeamId, teamName: 'Default' }],
					['user.removed', BOLDSIGN_IDS.userId(22), {}],
				]);
				await pollEnded(m, isList, { after: before, what: 'the activation poll after the restart' });
				assert.equal(session.readExecutions(id).length, 2, 'nothing emitted twice');
			},
		},

		// ------------------------------------------------------------------ roster (issue 13)
		rosterSyncCase({
			name: 'user › sync roster: a Code node’s 300-user roster against 330 users, Plan Only, Apply, re-run',
			...rosterSeed(),
			type: 'boldSign',
			options: { missing: 'deactivate', maxDeactivationPercent: 20 },
			plan: { unchanged: 260, update: 20, create: 20, deactivate: 50 },
			isWrite: (r) => r.method !== 'GET',
			checkPlan(ctx, items) {
				const { assert } = ctx;
				const lists = ctx.requests('GET', '/v1/users/list');
				// 330 users: 4 pages of 100 (the floor), plus at most the 3 pages fetched ahead past the end.
				assert.ok(lists.length >= 4 && lists.length <= 7, `users/list called ${lists.length} times`);
				assert.ok(lists.every((r) => r.query.PageSize === '100'), 'full pages');
				const byEmail = Object.fromEntries(items.map((i) => [i.email, i]));
				assert.deepEqual(byEmail['user2@example.com'].changes, { role: { from: 'Member', to: 'TeamAdmin' } });
				assert.deepEqual(byEmail['user12@example.com'].changes, { team: { from: 'Default', to: 'Sales' } });
				assert.equal(byEmail['user281@example.com'].action, 'deactivate');
				assert.equal(byEmail['new1@example.com'].action, 'create');
			},
			checkApply(ctx, items, requests) {
				const { assert, mock: m } = ctx;
				const creates = requests.filter((r) => r.path === '/v1/users/create');
				assert.equal(creates.length, 1, 'the 20 invitations went in one users/create call');
				assert.equal(creates[0].body.length, 20);
				assert.ok(creates[0].body.every((u) => u.teamId === BOLDSIGN_IDS.salesTeamId && u.userRole === 'Member'));
				const updates = requests.filter((r) => r.path === '/v1/users/update');
				assert.equal(updates.filter((r) => r.body.userStatus === 'Deactivate').length, 50);
				assert.equal(updates.filter((r) => r.body.userRole === 'TeamAdmin').length, 10);
				assert.equal(requests.filter((r) => r.path === '/v1/users/changeTeam').length, 10);
				const user = (email) => m.state.users.find((u) => u.email === email);
				assert.equal(user('user300@example.com').userStatus, 'Deactivated');
				assert.equal(user('user280@example.com').userStatus, 'Active');
				assert.equal(user('new20@example.com').userStatus, 'InvitationPending');
				assert.equal(user('user2@example.com').role, 'TeamAdmin');
				assert.equal(user('user15@example.com').teamId, BOLDSIGN_IDS.salesTeamId);
				assert.ok(items.filter((i) => i.action !== 'unchanged').every((i) => i.result === 'done'));
			},
		}),
		{
			name: 'user › sync roster: the example workflow (examples/boldsign-sync-roster-from-google-sheet.json), Plan Only then Apply',
			mock: mock(),
			credentials,
			workflows: {
				plan: exampleWorkflow('boldsign-sync-roster-from-google-sheet.json', { replace: { 'Read Roster Sheet': exampleSheet() } }),
				apply: exampleWorkflow('boldsign-sync-roster-from-google-sheet.json', {
					replace: { 'Read Roster Sheet': exampleSheet() },
					parameters: { 'Sync BoldSign Roster': { rosterMode: 'apply' } },
				}),
			},
			timeoutMs: 180_000,
			async cli(ctx) {
				const { assert, mock: m } = ctx;
				const planned = (await ctx.execute('plan')).items('Sync BoldSign Roster');
				assert.deepEqual(countActions(planned), { unchanged: 22, update: 1, create: 1, deactivate: 2 });
				assert.equal(ctx.mock.requests.filter((r) => r.method !== 'GET').length, 0, 'Plan Only changed nothing');
				const applied = (await ctx.execute('apply')).items('Sync BoldSign Roster');
				assert.deepEqual(applied.filter((i) => i.result).map((i) => [i.email, i.action, i.result]).sort(), [
					['carol.williams@example.com', 'update', 'done'],
					['david.brown@example.com', 'deactivate', 'done'],
					['emma.jones@example.com', 'deactivate', 'done'],
					['new.hire@example.com', 'create', 'done'],
				]);
				assert.equal(m.state.users.find((u) => u.email === 'carol.williams@example.com').role, 'TeamAdmin');
				assert.equal(m.state.users.find((u) => u.email === 'new.hire@example.com').teamId, BOLDSIGN_IDS.salesTeamId);
			},
		},

		// ------------------------------------------------------------------ credential test (REST API of a started n8n)
		{
			name: 'credential › test: OK with the right key, an error with a wrong one (POST /rest/credentials/test)',
			mock: mock(),
			credentials: ({ mock: m }) => ({
				good: { type: 'boldSignApi', data: { region: 'custom', baseUrl: m.url, apiKey: API_KEY } },
				bad: { type: 'boldSignApi', data: { region: 'custom', baseUrl: m.url, apiKey: 'wrong-key' } },
			}),
			async server(ctx) {
				const { assert, rest } = ctx;
				const ok = await rest.testCredential(ctx.credentials.good.id);
				assert.equal(ok.status, 'OK', `good key: ${JSON.stringify(ok)}`);
				const seen = ctx.requests('GET', '/v1/users/list');
				assert.ok(seen.length >= 1, 'the test request reached the mock');
				assert.equal(seen[0].headers['x-api-key'], API_KEY);
				assert.deepEqual(seen[0].query, { Page: '1', PageSize: '1' });
				const before = ctx.mock.requests.length;
				const bad = await rest.testCredential(ctx.credentials.bad.id);
				assert.equal(bad.status, 'Error', `wrong key: ${JSON.stringify(bad)}`);
				const badCalls = ctx.mock.requests.slice(before);
				assert.ok(badCalls.length >= 1 && badCalls.every((r) => r.headers['x-api-key'] === 'wrong-key'));
			},
		},
		{
			name: 'oauth2 › consent: the editor’s authorization URL (user and team scopes), then n8n exchanges the code with the client in the body and stores the token',
			mock: mock(),
			credentials: ({ mock: m }) => ({
				boldSignOAuth2Api: {
					region: 'custom',
					baseUrl: m.url,
					authUrl: `${m.url}/connect/authorize`,
					accessTokenUrl: `${m.url}/connect/token`,
					clientId: m.clientId,
					clientSecret: m.clientSecret,
				},
			}),
			async server(ctx) {
				const { assert, rest, mock: m } = ctx;
				const { id } = ctx.credentials.boldSignOAuth2Api;
				const authUrl = new URL(await rest.get(`/rest/oauth2-credential/auth?id=${encodeURIComponent(id)}`));
				assert.equal(`${authUrl.origin}${authUrl.pathname}`, `${m.url}/connect/authorize`);
				const query = Object.fromEntries(authUrl.searchParams);
				assert.equal(query.response_type, 'code');
				assert.equal(query.client_id, m.clientId);
				assert.deepEqual(query.scope.split(' ').sort(), ['BoldSign.Teams.All', 'BoldSign.Users.All', 'email', 'offline_access', 'openid', 'profile']);

				const code = m.issueAuthorizationCode({ redirectUri: query.redirect_uri });
				const callback = await rest.request('GET', `/rest/oauth2-credential/callback?${new URLSearchParams({ code, state: query.state })}`);
				assert.equal(callback.status, 200, callback.text.slice(0, 300));
				assert.deepEqual(
					m.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientAuth, t.clientId]),
					[['authorization_code', 'issued', 'body', m.clientId]],
					`one code exchange: ${callback.text.slice(0, 300)}`,
				);
				const stored = await rest.get(`/rest/credentials/${encodeURIComponent(id)}?includeData=true`);
				assert.equal(stored.data.oauthTokenData, true, 'the credential is connected (token data stored, redacted by the API)');
			},
		},
	],
};
