'use strict';
// Smoke check of the mock servers over real HTTP: `node test/mocks/selfcheck.js`.

const assert = require('node:assert/strict');
const { startBoldSignMock } = require('./boldsign');
const { startDocuSignMock } = require('./docusign');

const results = { passed: 0, failed: 0 };

async function check(name, fn) {
	try {
		await fn();
		results.passed++;
	} catch (err) {
		results.failed++;
		console.error(`FAIL ${name}:`, err.message);
	}
}

async function call(base, method, path, { headers = {}, body, form } = {}) {
	const init = { method, headers: { ...headers } };
	if (form) {
		init.body = new URLSearchParams(form);
	} else if (body !== undefined) {
		init.body = typeof body === 'string' ? body : JSON.stringify(body);
		init.headers['content-type'] = 'application/json';
	}
	const res = await fetch(base + path, init);
	const text = await res.text();
	return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

async function boldSignChecks() {
	const bs = await startBoldSignMock({ rateLimit: { limit: 2000, remaining: 1999, reset: 1700000000 } });
	const auth = { headers: { 'X-API-KEY': bs.apiKey } };
	const get = (path) => call(bs.url, 'GET', path, auth);
	try {
		await check('boldsign paginates users without totals', async () => {
			const page3 = await get('/v1/users/list?Page=3&PageSize=10');
			assert.equal(page3.status, 200);
			assert.deepEqual(page3.json.pageDetails, { pageSize: 10, page: 3 });
			assert.equal(page3.json.result.length, 5);
			assert.equal(page3.headers.get('x-ratelimit-remaining'), '1999');
		});
		await check('boldsign validates paging and auth', async () => {
			assert.equal((await get('/v1/users/list?page=1&pagesize=101')).status, 400);
			assert.equal((await get('/v1/users/list')).status, 400);
			const denied = await call(bs.url, 'GET', '/v1/users/list?Page=1', { headers: { 'X-API-KEY': 'wrong' } });
			assert.equal(denied.status, 401);
			assert.equal(typeof denied.json.error, 'string');
		});
		await check('boldsign invites a user as InvitationPending', async () => {
			const invite = [{ EmailId: 'new.hire@example.com', UserRole: 'Member' }];
			const created = await call(bs.url, 'POST', '/v1/users/create', { ...auth, body: invite });
			assert.equal(created.status, 200);
			const [{ userId, emailId }] = created.json.users;
			assert.equal(emailId, 'new.hire@example.com');
			assert.equal((await get(`/v1/users/get?userId=${userId}`)).json.userStatus, 'InvitationPending');
			const again = await call(bs.url, 'POST', '/v1/users/create', { ...auth, body: [{ emailId: 'NEW.HIRE@example.com' }] });
			assert.equal(again.status, 400);
			const cancel = await call(bs.url, 'POST', `/v1/users/cancelInvitation?UserId=${userId}`, auth);
			assert.deepEqual([cancel.status, cancel.text], [200, '']);
		});
		await check('boldsign deactivates with document transfer (empty 200)', async () => {
			const body = { userId: bs.ids.userId(5), userStatus: 'Deactivate', toUserId: bs.ids.adminUserId };
			const res = await call(bs.url, 'PUT', '/v1/users/update', { ...auth, body });
			assert.deepEqual([res.status, res.text], [200, '']);
			assert.equal(bs.state.documentTransfers.length, 1);
		});
		await check('boldsign teams use "results"', async () => {
			const teams = await get('/v1/teams/list?Page=1');
			assert.deepEqual(teams.json.results.map((t) => t.teamName), ['Default', 'Sales']);
		});
		await check('boldsign failNext and invalid JSON', async () => {
			bs.failNext({ status: 429, headers: { 'Retry-After': '3' } });
			const limited = await get('/v1/teams/list?Page=1');
			assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '3']);
			assert.equal((await call(bs.url, 'POST', '/v1/teams/create', { ...auth, body: '{bad' })).status, 400);
			assert.equal((await get('/v1/nowhere')).status, 404);
			assert.equal(bs.requests.at(-1).path, '/v1/nowhere');
		});
	} finally {
		await bs.close();
	}
}

async function docuSignChecks() {
	const ds = await startDocuSignMock({ rateLimit: { limit: 3000, remaining: 2990, burstLimit: 500, burstRemaining: 499 } });
	const grant = (assertion) => call(ds.url, 'POST', '/oauth/token', {
		form: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion },
	});
	const org = `/management/v2/organizations/${ds.ids.organizationId}`;
	let token;
	const api = (method, path, body) => call(ds.url, method, path, { headers: { authorization: `Bearer ${token}` }, body });
	try {
		await check('docusign JWT grant', async () => {
			const ok = await grant(ds.createAssertion());
			assert.equal(ok.status, 200);
			assert.deepEqual(Object.keys(ok.json).sort(), ['access_token', 'expires_in', 'token_type']);
			token = ok.json.access_token;
			assert.equal((await grant(ds.createAssertion({ iss: 'someone-else' }))).json.error_description, 'issuer_not_found');
			assert.equal((await grant(ds.createAssertion({ scope: 'signature' }))).json.error, 'invalid_scope');
			ds.consented = false;
			assert.deepEqual((await grant(ds.createAssertion())).json, { error: 'consent_required' });
			ds.consented = true;
		});
		await check('docusign users paging with next/previous', async () => {
			const first = await api('GET', `${org.replace('management', 'Management')}/users?account_id=${ds.ids.mainAccountId}&take=10`);
			assert.equal(first.status, 200);
			assert.equal(first.headers.get('x-burstlimit-remaining'), '499');
			assert.equal(first.json.paging.total_set_size, 24);
			const second = await call(first.json.paging.next, 'GET', '', { headers: { authorization: `Bearer ${token}` } });
			assert.equal(second.json.paging.result_set_start_position, 10);
			assert.ok(second.json.paging.previous.startsWith(ds.url));
			assert.equal((await api('GET', `${org}/users`)).status, 400);
		});
		await check('docusign create, update and close a user', async () => {
			const profile = { id: ds.ids.permissionProfiles.main.viewer };
			const accounts = [{ id: ds.ids.mainAccountId, permission_profile: profile }];
			const created = await api('POST', `${org}/users`, { email: 'pat.new@example.com', accounts });
			assert.equal(created.json.accounts[0].permission_profile.name, 'DS Viewer');
			const users = [{ id: created.json.id, site_id: 1, first_name: 'Pat' }, { id: 'missing', site_id: 1 }];
			const updated = await api('POST', `${org}/users/profiles`, { users });
			assert.equal(updated.json.success, false);
			assert.equal(updated.json.users[1].error_details.error, 'user_not_found');
			const close = { accounts: [{ id: ds.ids.mainAccountId }, { id: ds.ids.salesAccountId }] };
			const closed = await api('DELETE', `${org}/users/${created.json.id}/accounts`, close);
			assert.equal(closed.json.success, false);
			assert.ok(closed.json.accounts[1].error_details);
		});
		await check('docusign DS groups', async () => {
			const base = `/management/v2.1/organizations/${ds.ids.organizationId}/accounts/${ds.ids.mainAccountId}/dsgroups`;
			const added = await api('POST', `${base}/${ds.ids.dsGroups.support}/users`, { user_ids: [ds.ids.userId(2)] });
			assert.equal(added.json.group_users.TotalCount, 1);
			assert.equal((await api('DELETE', `${base}/${ds.ids.dsGroups.support}`)).status, 204);
		});
		await check('docusign expired tokens and injected 429', async () => {
			ds.failNext({ status: 429, match: (req) => req.path.startsWith('/management') });
			assert.equal((await api('GET', '/management/v2/organizations')).json.error, 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED');
			ds.expireTokens();
			assert.equal((await api('GET', '/management/v2/organizations')).status, 401);
		});
		await check('docusign authorization code and refresh grants', async () => {
			const basic = { authorization: `Basic ${Buffer.from(`${ds.integrationKey}:mock-ds-client-secret`).toString('base64')}` };
			const tokenCall = (form, headers = basic) => call(ds.url, 'POST', '/oauth/token', { headers, form });
			const redirectUri = 'https://n8n.example.com/rest/oauth2-credential/callback';
			const code = ds.issueAuthorizationCode({ redirectUri });
			const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
			const issued = await tokenCall(exchange);
			assert.deepEqual(Object.keys(issued.json).sort(), ['access_token', 'expires_in', 'refresh_token', 'token_type']);
			assert.equal((await tokenCall(exchange)).json.error, 'invalid_grant', 'a code is single-use');
			const refresh = { grant_type: 'refresh_token', refresh_token: issued.json.refresh_token };
			assert.equal((await tokenCall(refresh, {})).json.error, 'invalid_client', 'client authentication is required');
			const inBody = { ...refresh, client_id: ds.integrationKey, client_secret: 'mock-ds-client-secret' };
			assert.equal((await tokenCall(inBody, {})).json.error, 'invalid_client', 'body client auth is off by default');
			const renewed = await tokenCall(refresh);
			assert.notEqual(renewed.json.refresh_token, issued.json.refresh_token, 'refresh tokens rotate');
			assert.equal((await tokenCall(refresh)).json.error, 'invalid_grant', 'the rotated-out refresh token is revoked');
			ds.expireTokens();
			const userinfo = await call(ds.url, 'GET', '/oauth/userinfo', { headers: { authorization: `Bearer ${renewed.json.access_token}` } });
			assert.equal(userinfo.status, 401, 'expireTokens covers code-grant tokens');
			assert.deepEqual(ds.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientAuth]).slice(-3), [
				['refresh_token', 'invalid_client', 'body'],
				['refresh_token', 'issued', 'basic'],
				['refresh_token', 'invalid_grant', 'basic'],
			]);
		});
	} finally {
		await ds.close();
	}
}

(async () => {
	await boldSignChecks();
	await docuSignChecks();
	console.log(`mocks selfcheck: ${results.passed} passed, ${results.failed} failed`);
	process.exitCode = results.failed ? 1 : 0;
})();
