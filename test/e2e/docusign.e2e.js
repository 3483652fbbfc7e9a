'use strict';
// DocuSign Admin node in a real n8n against the DocuSign mock (OAuth server + Admin API on one port):
// the JWT credential's token lifecycle and the OAuth2 credential's refresh proven in n8n's database, the
// credential test through the REST API, and the node's reads, pagination and an error path.
// Case model: see README.md in this folder.

const crypto = require('node:crypto');

const { startDocuSignMock, defaultSeed, DOCUSIGN_IDS } = require('../mocks/docusign');
const { rosterSyncCase } = require('./lib/roster');
const { eventSummary, executions, pollEnded, triggerWorkflow } = require('./lib/trigger');

const SCOPES = 'signature impersonation user_read user_write organization_read account_read group_read permission_read';
const ORG = DOCUSIGN_IDS.organizationId;
const MAIN = DOCUSIGN_IDS.mainAccountId;
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });

let keys;
/** One RSA key pair for the whole spec (generating one costs ~100 ms). */
function rsaKeys() {
	if (!keys) {
		const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
			modulusLength: 2048,
			publicKeyEncoding: { type: 'spki', format: 'pem' },
			privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
		});
		keys = { publicKey, privateKey };
	}
	return keys;
}

const mock = (options = {}) => () => startDocuSignMock({ publicKeyPem: rsaKeys().publicKey, ...options });

function jwtData(m, overrides = {}) {
	return {
		environment: 'custom',
		oauthBaseUrl: m.url,
		adminBaseUrl: m.adminBaseUrl,
		integrationKey: m.integrationKey,
		userId: m.userId,
		privateKey: rsaKeys().privateKey,
		scopes: SCOPES,
		redirectUri: 'https://n8n.example.com/rest/oauth2-credential/callback',
		accessToken: '',
		...overrides,
	};
}

const credentials = ({ mock: m }) => ({ docuSignJwtApi: jwtData(m) });

const OAUTH2_SECRET = 'e2e-oauth2-client-secret';

/**
 * A docuSignOAuth2Api credential as the editor saves it: only the visible fields (the hidden URLs, grant type
 * and client authentication come from the credential type), plus `oauthTokenData` once the user consented.
 */
function oauth2Data(m, oauthTokenData) {
	return {
		environment: 'custom',
		oauthBaseUrl: m.url,
		adminBaseUrl: m.adminBaseUrl,
		clientId: m.integrationKey,
		clientSecret: OAUTH2_SECRET,
		scope: 'signature user_read user_write organization_read account_read group_read permission_read',
		oauthTokenData,
	};
}

/** The DocuSign Admin node (JWT authentication unless `parameters` say otherwise), named "DocuSign" unless given a name. */
const docuSign = (parameters, extra = {}) => ({
	name: 'DocuSign',
	type: 'docuSignAdmin',
	parameters: { authentication: 'jwt', ...parameters },
	...extra,
});

const isAdmin = (r) => r.path.toLowerCase().startsWith('/management');
const bearer = (r) => String(r.headers.authorization || '').replace(/^Bearer\s+/i, '');

/** 226 more members of the main account (250 with the seed's own), for pagination. */
function bigSeed(options) {
	const seed = defaultSeed(options);
	const on = '2024-06-01T00:00:00.000';
	for (let n = 1; n <= 226; n++) {
		const id = `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
		seed.users.push({
			id,
			site_id: 1,
			user_name: `Bulk ${n}`,
			first_name: 'Bulk',
			last_name: String(n),
			email: `bulk${n}@example.com`,
			user_status: 'active',
			default_account_id: MAIN,
			language_culture: 'en',
			is_organization_admin: false,
			created_on: on,
			last_modified_on: on,
			memberships: [
				{
					id: `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
					account_id: MAIN,
					status: 'active',
					permission_profile_id: DOCUSIGN_IDS.permissionProfiles.main.sender,
					group_ids: [DOCUSIGN_IDS.groups.main.everyone],
					created_on: on,
				},
			],
		});
	}
	return seed;
}

/**
 * The roster e2e: 300 members of the main account at @bulk.example.net, DS Sender; 1–20 in the Support DS
 * group. The roster (a Code node): members 1–280 (1–10 as DS Viewer, 11–20 moved to Engineering) and 20 new.
 */
function rosterSeed() {
	const seed = defaultSeed();
	const on = '2024-06-01T00:00:00.000';
	const support = seed.dsGroups.find((g) => g.ds_group_id === DOCUSIGN_IDS.dsGroups.support);
	for (let n = 1; n <= 300; n++) {
		const id = `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
		seed.users.push({
			id, site_id: 1, user_name: `Member ${n}`, first_name: 'Member', last_name: String(n), email: `member${n}@bulk.example.net`,
			user_status: 'active', default_account_id: MAIN, language_culture: 'en', is_organization_admin: false, created_on: on, last_modified_on: on,
			memberships: [{
				id: `f1000000-0000-4000-8000-${String(n).padStart(12, '0')}`, account_id: MAIN, status: 'active',
				permission_profile_id: DOCUSIGN_IDS.permissionProfiles.main.sender, group_ids: [DOCUSIGN_IDS.groups.main.everyone], created_on: on,
			}],
		});
		if (n <= 20) support.user_ids.push(id);
	}
	const rows = Array.from({ length: 280 }, (_, i) => {
		const n = i + 1;
		const row = { email: `member${n}@bulk.example.net`, role: n <= 10 ? 'DS Viewer' : 'DS Sender' };
		if (n <= 20) row.team = n <= 10 ? 'Support' : 'Engineering';
		return row;
	});
	for (let n = 1; n <= 20; n++) rows.push({ email: `new${n}@bulk.example.net`, role: 'DS Sender', team: 'Support' });
	return { seed, rows };
}

const getUser = (userId = DOCUSIGN_IDS.userId(2)) => docuSign({ resource: 'user', operation: 'get', organization: ORG, user: byId(userId) });

module.exports = {
	name: 'docusign',
	cases: [
		{
			name: 'jwt › one token per credential: fetched once, reused by the next execution, renewed after a 401 (n8n database)',
			mock: mock(),
			credentials,
			workflows: { main: () => [getUser()] },
			async cli(ctx) {
				const { assert, mock: m } = ctx;
				// 1st execution: no token in the credential yet → preAuthentication fetches one and n8n stores it
				const first = await ctx.execute('main');
				assert.equal(first.status, 'success', first.error && first.error.message);
				assert.equal(first.items('DocuSign')[0].email, m.state.users.find((u) => u.id === DOCUSIGN_IDS.userId(2)).email);
				assert.equal(m.tokenRequests.length, 1, 'one token request');
				const token1 = m.tokenRequests[0].access_token;
				assert.ok(token1, 'the mock issued a token');
				const stored1 = await ctx.storedCredential('docuSignJwtApi');
				assert.equal(stored1.data.accessToken, token1, 'n8n saved the token in the credential (database)');
				assert.ok(stored1.data.privateKey.includes('PRIVATE KEY'), 'the rest of the credential is intact');

				// 2nd execution, a new n8n process: the token comes from the database, no token request
				const second = await ctx.execute('main');
				assert.equal(second.status, 'success', second.error && second.error.message);
				assert.equal(m.tokenRequests.length, 1, 'the stored token was reused');
				const adminCalls = m.requests.filter(isAdmin);
				assert.ok(adminCalls.length >= 2);
				assert.ok(adminCalls.every((r) => bearer(r) === token1), 'every Admin API call used the stored token');

				// the mock revokes the token: the next call gets 401, n8n fetches a new one once and saves it
				m.expireTokens();
				const before = m.requests.length;
				const third = await ctx.execute('main');
				assert.equal(third.status, 'success', third.error && third.error.message);
				assert.equal(m.tokenRequests.length, 2, 'exactly one renewal');
				const token2 = m.tokenRequests[1].access_token;
				assert.notEqual(token2, token1);
				const thirdCalls = m.requests.slice(before).filter(isAdmin);
				assert.equal(bearer(thirdCalls[0]), token1, 'first tried the stored token');
				assert.equal(bearer(thirdCalls[thirdCalls.length - 1]), token2, 'then the renewed one');
				const stored2 = await ctx.storedCredential('docuSignJwtApi');
				assert.equal(stored2.data.accessToken, token2, 'n8n saved the renewed token');
			},
		},
		{
			name: 'oauth2 › the stored access token signs the calls; after a 401 n8n refreshes it once and saves it (n8n database)',
			mock: mock({ clientSecret: OAUTH2_SECRET }),
			credentials: ({ mock: m }) => ({ docuSignOAuth2Api: oauth2Data(m, m.issueCodeGrantTokens()) }),
			workflows: {
				main: () => [docuSign({ authentication: 'oAuth2', resource: 'user', operation: 'get', organization: ORG, user: byId(DOCUSIGN_IDS.userId(2)) })],
			},
			async cli(ctx) {
				const { assert, mock: m } = ctx;
				const minted = ctx.credentials.docuSignOAuth2Api.data.oauthTokenData;
				const adminCallsSince = (index) => m.requests.slice(index).filter(isAdmin);

				// 1st execution: the token from consent signs every Admin API call; no token request
				const first = await ctx.execute('main');
				assert.equal(first.status, 'success', first.error && first.error.message);
				assert.equal(first.items('DocuSign')[0].id, DOCUSIGN_IDS.userId(2));
				assert.equal(m.tokenRequests.length, 0, 'no token request');
				assert.ok(adminCallsSince(0).length > 0 && adminCallsSince(0).every((r) => bearer(r) === minted.access_token));

				// the mock revokes the access token: one refresh_token grant (Basic client auth), then the retry succeeds
				m.expireTokens();
				const before = m.requests.length;
				const second = await ctx.execute('main');
				assert.equal(second.status, 'success', second.error && second.error.message);
				assert.equal(second.items('DocuSign')[0].id, DOCUSIGN_IDS.userId(2));
				assert.deepEqual(
					m.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientAuth, t.clientId]),
					[['refresh_token', 'issued', 'basic', m.integrationKey]],
					'exactly one refresh grant',
				);
				const refreshed = m.tokenRequests[0];
				assert.equal(m.requests.find((r) => r.path === '/oauth/token').body.refresh_token, minted.refresh_token);
				const secondCalls = adminCallsSince(before);
				assert.equal(bearer(secondCalls[0]), minted.access_token, 'first tried the stored token');
				assert.equal(bearer(secondCalls[secondCalls.length - 1]), refreshed.access_token, 'then the refreshed one');

				const stored = await ctx.storedCredential('docuSignOAuth2Api');
				assert.equal(stored.data.oauthTokenData.access_token, refreshed.access_token, 'n8n saved the new access token');
				assert.equal(stored.data.oauthTokenData.refresh_token, refreshed.refresh_token, 'and the rotated refresh token');
				assert.equal(stored.data.clientSecret, OAUTH2_SECRET, 'the rest of the credential is intact');

				// 3rd execution, a new n8n process: the saved token works without another refresh
				const third = await ctx.execute('main');
				assert.equal(third.status, 'success', third.error && third.error.message);
				assert.equal(m.tokenRequests.length, 1, 'no further refresh');
				assert.equal(bearer(m.requests.filter(isAdmin).at(-1)), refreshed.access_token);
			},
		},
		{
			name: 'oauth2 › consent: the editor’s authorization URL, then n8n exchanges the code (Basic client auth) and stores the token',
			mock: mock({ clientSecret: OAUTH2_SECRET }),
			credentials: ({ mock: m }) => ({ docuSignOAuth2Api: oauth2Data(m) }),
			async server(ctx) {
				const { assert, rest, mock: m } = ctx;
				const { id, data } = ctx.credentials.docuSignOAuth2Api;
				// the editor's "Connect" button: n8n builds the authorization URL from the credential
				const authUrl = new URL(await rest.get(`/rest/oauth2-credential/auth?id=${encodeURIComponent(id)}`));
				assert.equal(`${authUrl.origin}${authUrl.pathname}`, `${m.url}/oauth/auth`);
				const query = Object.fromEntries(authUrl.searchParams);
				assert.equal(query.response_type, 'code');
				assert.equal(query.client_id, m.integrationKey);
				assert.equal(query.scope, data.scope);
				assert.equal(query.redirect_uri, `${ctx.server.url.replace(/\/+$/, '')}/rest/oauth2-credential/callback`);

				// the user consents at DocuSign, which redirects the browser back to n8n with a code
				const code = m.issueAuthorizationCode({ redirectUri: query.redirect_uri, scope: query.scope });
				const callback = await rest.request('GET', `/rest/oauth2-credential/callback?${new URLSearchParams({ code, state: query.state })}`);
				assert.equal(callback.status, 200, callback.text.slice(0, 300));
				assert.deepEqual(
					m.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientAuth, t.clientId]),
					[['authorization_code', 'issued', 'basic', m.integrationKey]],
					`one code exchange: ${callback.text.slice(0, 300)}`,
				);
				assert.equal(m.requests.find((r) => r.path === '/oauth/token').body.redirect_uri, query.redirect_uri);
				const stored = await rest.get(`/rest/credentials/${encodeURIComponent(id)}?includeData=true`);
				assert.equal(stored.data.oauthTokenData, true, 'the credential is connected (token data stored, redacted by the API)');
			},
		},
		{
			name: 'credential › JWT test: OK with the right key, an error when DocuSign refuses the assertion',
			mock: mock(),
			credentials: ({ mock: m }) => {
				const other = crypto.generateKeyPairSync('rsa', {
					modulusLength: 2048,
					privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
					publicKeyEncoding: { type: 'spki', format: 'pem' },
				});
				return {
					good: { type: 'docuSignJwtApi', data: jwtData(m) },
					bad: { type: 'docuSignJwtApi', data: jwtData(m, { privateKey: other.privateKey }) },
				};
			},
			async server(ctx) {
				const { assert, rest, mock: m } = ctx;
				const ok = await rest.testCredential(ctx.credentials.good.id);
				assert.equal(ok.status, 'OK', `good key: ${JSON.stringify(ok)}`);
				assert.ok(m.requests.some((r) => r.path === '/oauth/token'), 'a token was fetched for the test');
				assert.ok(m.requests.some((r) => r.path === '/oauth/userinfo'), 'the test request reached the mock');
				const bad = await rest.testCredential(ctx.credentials.bad.id);
				assert.equal(bad.status, 'Error', `wrong key: ${JSON.stringify(bad)}`);
				assert.ok(!JSON.stringify(bad).includes('PRIVATE KEY'), 'the key is not in the message');
			},
		},
		{
			name: 'user › get by ID and by email',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflow: () => [
				getUser(),
				docuSign({ resource: 'user', operation: 'get', organization: ORG, user: byEmail('jordan.patel@example.com') }, { name: 'By Email', executeOnce: true }),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const [user] = result.items('DocuSign');
				const seeded = m.state.users.find((u) => u.id === DOCUSIGN_IDS.userId(2));
				assert.equal(user.id, DOCUSIGN_IDS.userId(2));
				assert.equal(user.email, seeded.email);
				assert.equal(user.vendor, 'docusign');
				assert.equal(result.items('By Email')[0].email, 'jordan.patel@example.com');
				assert.equal(m.tokenRequests.length, 1, 'one token for the whole execution');
			},
		},
		{
			name: 'user › get many: Return All walks 3 pages (start/take) of 250 users',
			mock: mock({ seed: bigSeed }),
			credentials,
			workflow: () => [docuSign({ resource: 'user', operation: 'getAll', organization: ORG, filters: { account: MAIN }, returnAll: true })],
			check(ctx) {
				const { assert, result } = ctx;
				const out = result.items('DocuSign');
				assert.equal(out.length, 250);
				assert.equal(new Set(out.map((u) => u.id)).size, 250);
				const usersPath = `/management/v2/organizations/${ORG}/users`.toLowerCase();
				// DocuSign states the total, so pages 2 and 3 are fetched at once and may arrive in either order.
				const pages = ctx.mock.requests
					.filter((r) => r.method === 'GET' && r.path.toLowerCase() === usersPath)
					.map((r) => [r.query.start, r.query.take])
					.sort((a, b) => Number(a[0]) - Number(b[0]));
				assert.deepEqual(pages, [
					['0', '100'],
					['100', '100'],
					['200', '100'],
				]);
			},
		},
		{
			name: 'organization › get many',
			mock: mock(),
			credentials,
			workflow: () => [docuSign({ resource: 'organization', operation: 'getAll', returnAll: true })],
			check(ctx) {
				const { assert, result } = ctx;
				const out = result.items('DocuSign');
				assert.ok(out.some((o) => o.id === ORG), `organization ${ORG} listed: ${JSON.stringify(out).slice(0, 300)}`);
				assert.ok(ctx.mock.requests.some((r) => r.method === 'GET' && r.path.toLowerCase() === '/management/v2/organizations'));
			},
		},
		{
			name: 'user › create with a membership on an account',
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign({
					resource: 'user',
					operation: 'create',
					organization: ORG,
					email: 'new.hire@example.com',
					firstName: 'New',
					lastName: 'Hire',
					account: MAIN,
					permissionProfile: String(DOCUSIGN_IDS.permissionProfiles.main.sender),
					additionalFields: { jobTitle: 'Analyst' },
				}),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const [user] = result.items('DocuSign');
				assert.equal(user.email, 'new.hire@example.com');
				const stored = m.state.users.find((u) => u.email === 'new.hire@example.com');
				assert.ok(stored, 'the user exists at the mock');
				assert.equal(user.id, stored.id);
				assert.deepEqual(
					stored.memberships.map((x) => [x.account_id, String(x.permission_profile_id)]),
					[[MAIN, String(DOCUSIGN_IDS.permissionProfiles.main.sender)]],
				);
			},
		},
		{
			name: 'user › update profile fields',
			// in the n8n 1.x smoke set (run-e2e.js --smoke)
			smoke: true,
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign({
					resource: 'user',
					operation: 'update',
					organization: ORG,
					user: byId(DOCUSIGN_IDS.userId(4)),
					updateFields: { firstName: 'Rileigh', jobTitle: 'Head of Legal' },
				}),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.items('DocuSign')[0].firstName, 'Rileigh');
				assert.equal(m.state.users.find((u) => u.id === DOCUSIGN_IDS.userId(4)).first_name, 'Rileigh');
				assert.ok(m.requests.some((r) => r.method === 'POST' && /\/users\/profiles$/i.test(r.path)));
			},
		},
		{
			name: 'user › update role (permission profile on an account)',
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign({
					resource: 'user',
					operation: 'updateRole',
					organization: ORG,
					user: byId(DOCUSIGN_IDS.userId(2)),
					account: MAIN,
					permissionProfile: String(DOCUSIGN_IDS.permissionProfiles.main.admin),
				}),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.items('DocuSign').length, 1);
				const membership = m.state.users.find((u) => u.id === DOCUSIGN_IDS.userId(2)).memberships.find((x) => x.account_id === MAIN);
				assert.equal(String(membership.permission_profile_id), String(DOCUSIGN_IDS.permissionProfiles.main.admin));
			},
		},
		{
			name: 'user › close the membership on one account',
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign({
					resource: 'user',
					operation: 'close',
					organization: ORG,
					user: byId(DOCUSIGN_IDS.userId(3)),
					closeFrom: 'selectedAccounts',
					accounts: [DOCUSIGN_IDS.salesAccountId],
				}),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.items('DocuSign').length, 1);
				const user = m.state.users.find((u) => u.id === DOCUSIGN_IDS.userId(3));
				const status = (id) => user.memberships.find((x) => x.account_id === id).status;
				assert.equal(status(DOCUSIGN_IDS.salesAccountId), 'closed');
				assert.equal(status(MAIN), 'active', 'the other membership stays');
				assert.ok(m.requests.some((r) => r.method === 'DELETE' && /\/users\/[^/]+\/accounts$/i.test(r.path)));
			},
		},
		{
			name: 'user › reactivate a disabled membership',
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign({
					resource: 'user',
					operation: 'reactivate',
					organization: ORG,
					user: byId(DOCUSIGN_IDS.userId(30)),
					account: DOCUSIGN_IDS.salesAccountId,
				}),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.items('DocuSign').length, 1);
				const user = m.state.users.find((u) => u.id === DOCUSIGN_IDS.userId(30));
				assert.equal(user.memberships.find((x) => x.account_id === DOCUSIGN_IDS.salesAccountId).status, 'active');
			},
		},
		{
			name: 'user › change team (DS group) and update email',
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign({
					resource: 'user',
					operation: 'changeTeam',
					organization: ORG,
					user: byId(DOCUSIGN_IDS.userId(2)),
					account: MAIN,
					toDsGroup: byId(DOCUSIGN_IDS.dsGroups.support),
					fromDsGroup: byId(DOCUSIGN_IDS.dsGroups.engineering),
				}),
				docuSign(
					{ resource: 'user', operation: 'updateEmail', organization: ORG, user: byId(DOCUSIGN_IDS.userId(5)), newEmail: 'casey.kim@new.example.com' },
					{ name: 'Update Email', executeOnce: true },
				),
			],
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.items('DocuSign').length, 1);
				const group = (id) => m.state.dsGroups.find((g) => g.ds_group_id === id);
				assert.ok(group(DOCUSIGN_IDS.dsGroups.support).user_ids.includes(DOCUSIGN_IDS.userId(2)), 'added to Support');
				assert.ok(!group(DOCUSIGN_IDS.dsGroups.engineering).user_ids.includes(DOCUSIGN_IDS.userId(2)), 'removed from Engineering');
				assert.equal(result.items('Update Email')[0].email, 'casey.kim@new.example.com');
				assert.equal(m.state.users.find((u) => u.id === DOCUSIGN_IDS.userId(5)).email, 'casey.kim@new.example.com');
			},
		},
		{
			name: 'account › permission profiles and groups',
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign({ resource: 'account', operation: 'getPermissionProfiles', organization: ORG, account: MAIN }),
				docuSign({ resource: 'account', operation: 'getGroups', organization: ORG, account: MAIN, returnAll: true }, { name: 'Groups', executeOnce: true }),
			],
			check(ctx) {
				const { assert, result } = ctx;
				const profiles = result.items('DocuSign');
				const ids = JSON.stringify(profiles);
				for (const id of Object.values(DOCUSIGN_IDS.permissionProfiles.main)) assert.ok(ids.includes(String(id)), `profile ${id} listed`);
				const groups = JSON.stringify(result.items('Groups'));
				for (const id of Object.values(DOCUSIGN_IDS.groups.main)) assert.ok(groups.includes(String(id)), `group ${id} listed`);
			},
		},
		{
			name: 'dsGroup › create, get, get many, add users, get users, remove users, delete',
			mock: mock(),
			credentials,
			workflow: () => {
				const base = { resource: 'dsGroup', organization: ORG, account: MAIN };
				const created = byId("={{ $('Create').first().json.dsGroupId || $('Create').first().json.ds_group_id || $('Create').first().json.id }}");
				const once = { executeOnce: true };
				return [
					docuSign({ ...base, operation: 'create', groupName: 'E2E Group', description: 'made by the e2e suite' }, { name: 'Create' }),
					docuSign({ ...base, operation: 'get', dsGroup: created }, { name: 'Get', ...once }),
					docuSign({ ...base, operation: 'getAll', returnAll: true }, { name: 'Get Many', ...once }),
					docuSign({ ...base, operation: 'addUsers', dsGroup: created, users: `${DOCUSIGN_IDS.userId(10)}, riley.novak@example.com` }, { name: 'Add Users', ...once }),
					docuSign({ ...base, operation: 'getUsers', dsGroup: created, returnAll: true }, { name: 'Get Users', ...once }),
					docuSign({ ...base, operation: 'removeUsers', dsGroup: created, users: DOCUSIGN_IDS.userId(10) }, { name: 'Remove Users', ...once }),
					docuSign({ ...base, operation: 'delete', dsGroup: created }, { name: 'Delete', ...once }),
				];
			},
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				const createdReq = m.requests.find((r) => r.method === 'POST' && /\/dsgroups$/i.test(r.path));
				assert.ok(createdReq, 'POST dsgroups sent');
				const get = result.items('Get')[0];
				assert.equal(get.group_name || get.groupName || get.name, 'E2E Group');
				assert.ok(JSON.stringify(result.items('Get Many')).includes('E2E Group'));
				const riley = DOCUSIGN_IDS.userId(4);
				assert.deepEqual(result.items('Add Users')[0].userIds, [DOCUSIGN_IDS.userId(10), riley]);
				const members = JSON.stringify(result.items('Get Users'));
				assert.ok(members.includes(DOCUSIGN_IDS.userId(10)) && members.includes(riley), 'both users in the group');
				assert.deepEqual(result.items('Remove Users')[0].userIds, [DOCUSIGN_IDS.userId(10)]);
				assert.ok(!m.state.dsGroups.some((g) => g.group_name === 'E2E Group'), 'the group was deleted');
				assert.ok(m.requests.some((r) => r.method === 'DELETE' && /\/dsgroups\/[^/]+\/users$/i.test(r.path)), 'users removed');
			},
		},
		{
			name: 'trigger › published, polls every minute: one execution with the changes; after a restart only what changed meanwhile',
			mock: mock(),
			credentials,
			workflows: {
				main: (ctx) =>
					triggerWorkflow({
						name: 'DocuSign Admin Users Trigger',
						type: 'docuSignAdminUsersTrigger',
						parameters: { authentication: 'jwt', organization: ORG, accounts: [MAIN] },
						credentials: { docuSignJwtApi: ctx.credential('docuSignJwtApi') },
					}),
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			timeoutMs: 300_000,
			async server(ctx) {
				const { assert, mock: m, session } = ctx;
				const id = ctx.workflows.main;
				const uid = DOCUSIGN_IDS.userId;
				const isUserList = (r) => /\/management\/v2\/organizations\/[^/]+\/users$/i.test(r.path);
				const user = (n) => m.state.users.find((u) => u.id === uid(n));
				const mainMembership = (n) => user(n).memberships.find((ms) => ms.account_id === MAIN);
				const modified = () => new Date().toISOString().replace(/Z$/, '');
				// The activation poll at start: the whole main account and every member's profile, no execution.
				await pollEnded(m, isUserList, { what: 'the activation poll' });
				assert.equal(session.readExecutions(id).length, 0, 'the baseline poll emitted nothing');

				// What users/profiles does for a role change and a rename (../shared/reference/vendor-apis.md §1.3).
				mainMembership(12).permission_profile_id = DOCUSIGN_IDS.permissionProfiles.main.viewer;
				user(12).last_modified_on = modified();
				Object.assign(user(15), { first_name: 'Emery', last_modified_on: modified() });
				const [first] = await executions(session, id, 'DocuSign Admin Users Trigger', 1, { what: 'the scheduled poll to emit' });
				assert.deepEqual(eventSummary(first), [
					['user.role_changed', uid(12), { role: 'DS Sender' }],
					['user.updated', uid(15), { firstName: 'Emerson' }],
				]);
				assert.equal(first[0].accountId, MAIN);
				assert.equal(first[0].user.role, 'DS Viewer');
				const since = m.requests.filter((r) => isUserList(r) && r.query.last_modified_since);
				assert.ok(since.length >= 1 && since.every((r) => r.query.account_id === MAIN), 'modified users asked for, per account');

				// n8n stops; meanwhile a membership is closed; n8n starts and polls at activation.
				await session.stopServer();
				Object.assign(mainMembership(16), { status: 'closed', closed_on: modified() });
				Object.assign(user(16), { user_status: 'closed', closed_on: modified(), last_modified_on: modified() });
				const before = m.requests.length;
				await session.startServer();
				const all = await executions(session, id, 'DocuSign Admin Users Trigger', 2, { timeoutMs: 120_000, what: 'the activation poll after the restart to emit' });
				assert.deepEqual(eventSummary(all[1]), [['user.deactivated', uid(16), { status: 'active' }]]);
				await pollEnded(m, isUserList, { after: before, what: 'the activation poll after the restart' });
				assert.equal(session.readExecutions(id).length, 2, 'nothing emitted twice');
			},
		},
		// ------------------------------------------------------------------ roster (issue 13)
		rosterSyncCase({
			name: 'user › sync roster: a Code node’s 300-member roster of one account and one email domain, Plan Only, Apply, re-run',
			mock: mock({ seed: () => rosterSeed().seed }),
			credentials,
			type: 'docuSignAdmin',
			parameters: { authentication: 'jwt', organization: ORG, account: MAIN },
			rows: rosterSeed().rows,
			options: { missing: 'deactivate', scopeDomain: 'bulk.example.net' },
			plan: { unchanged: 260, update: 20, create: 20, deactivate: 20 },
			isWrite: (r) => isAdmin(r) && r.method !== 'GET',
			checkPlan(ctx, items) {
				const { assert } = ctx;
				const lists = ctx.requests('GET', /\/v2\/organizations\/[^/]+\/users$/);
				// 324 members of the account: 4 pages of 100, plus pages fetched ahead past the end.
				assert.ok(lists.length >= 4 && lists.length <= 7, `users listed ${lists.length} times`);
				assert.ok(lists.every((r) => r.query.take === '100' && r.query.account_id === MAIN), 'full pages of the account');
				const byEmail = Object.fromEntries(items.map((i) => [i.email, i]));
				assert.deepEqual(byEmail['member1@bulk.example.net'].changes, { role: { from: 'DS Sender', to: 'DS Viewer' } });
				assert.deepEqual(byEmail['member11@bulk.example.net'].changes, { team: { from: 'Support', to: 'Engineering' } });
				assert.equal(byEmail['member300@bulk.example.net'].action, 'deactivate');
				assert.equal(byEmail['new1@bulk.example.net'].action, 'create');
				assert.ok(!items.some((i) => i.email.endsWith('@example.com')), 'users of other domains are out of scope');
			},
			checkApply(ctx, items, requests) {
				const { assert, mock: m } = ctx;
				const creates = requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/accounts/${MAIN}/users`));
				assert.equal(creates.length, 20, 'one create per new member');
				const user = (email) => m.state.users.find((u) => u.email === email);
				const membership = (email) => user(email).memberships.find((x) => x.account_id === MAIN);
				assert.equal(membership('member1@bulk.example.net').permission_profile_id, DOCUSIGN_IDS.permissionProfiles.main.viewer);
				assert.equal(membership('member300@bulk.example.net').status, 'closed');
				assert.equal(membership('new20@bulk.example.net').status, 'activation_sent');
				const group = (id) => m.state.dsGroups.find((g) => g.ds_group_id === id).user_ids;
				assert.ok(group(DOCUSIGN_IDS.dsGroups.engineering).includes(user('member11@bulk.example.net').id));
				assert.ok(!group(DOCUSIGN_IDS.dsGroups.support).includes(user('member11@bulk.example.net').id));
				assert.ok(group(DOCUSIGN_IDS.dsGroups.support).includes(user('new1@bulk.example.net').id));
				assert.equal(items.filter((i) => i.result === 'done').length, 60);
			},
		}),
		{
			name: 'error › Continue On Fail: an unknown user becomes an error item',
			mock: mock(),
			credentials,
			workflow: () => [
				docuSign(
					{ resource: 'user', operation: 'get', organization: ORG, user: byEmail('nobody@example.com') },
					{ continueOnFail: true },
				),
			],
			check(ctx) {
				const { assert, result } = ctx;
				assert.equal(result.status, 'success', result.error && result.error.message);
				const [item] = result.items('DocuSign');
				assert.equal(typeof item.error, 'string');
				assert.match(item.error, /nobody@example\.com|not found|no .*user/i);
			},
		},
	],
};
