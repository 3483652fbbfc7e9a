'use strict';
// Smoke check of the mock servers over real HTTP: `node test/mocks/selfcheck.js`.

const assert = require('node:assert/strict');
const http = require('node:http');
const { startOtherHost } = require('./common');
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

/** A GET with node:http, to see the low-level error of a broken response (fetch wraps it). */
function rawGet(url) {
	return new Promise((resolve) => {
		http.get(url, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode }));
		}).on('error', (error) => resolve({ error }));
	});
}

async function faultChecks() {
	const bs = await startBoldSignMock();
	const headers = { 'X-API-KEY': bs.apiKey, 'content-type': 'application/json' };
	const userOf = (n) => bs.state.users.find((u) => u.userId === bs.ids.userId(n));
	const deactivate = (n) => fetch(`${bs.url}/v1/users/update`, {
		method: 'PUT', headers, body: JSON.stringify({ userId: bs.ids.userId(n), userStatus: 'Deactivate' }),
	});
	const getUser = (init) => fetch(`${bs.url}/v1/users/get?userId=${bs.ids.adminUserId}`, { headers, ...init });
	const isGet = (r) => r.path === '/v1/users/get';
	try {
		await check('fault drop: no answer, nothing applied', async () => {
			bs.failNext({ fault: 'drop' });
			await assert.rejects(deactivate(6));
			assert.equal(userOf(6).userStatus, 'Active');
			assert.equal(bs.requests.at(-1).method, 'PUT');
		});
		await check('fault drop-after-apply: no answer, change applied', async () => {
			bs.failNext({ fault: 'drop-after-apply' });
			await assert.rejects(deactivate(7));
			assert.equal(userOf(7).userStatus, 'Deactivated');
			const retried = await deactivate(7);
			assert.deepEqual([retried.status, (await retried.json()).error], [400, 'Only active users can be deactivated.']);
		});
		await check('fault hang: held open until released', async () => {
			bs.failNext({ fault: 'hang', match: isGet });
			const pending = getUser();
			await new Promise((resolve) => setTimeout(resolve, 150));
			assert.equal(bs.releaseHanging(), 1);
			await assert.rejects(pending);
			bs.failNext({ fault: 'hang', match: isGet });
			await assert.rejects(getUser({ signal: AbortSignal.timeout(200) }), { name: 'TimeoutError' });
		});
		await check('fault truncate: the real status, half the JSON, a matching Content-Length', async () => {
			bs.failNext({ fault: 'truncate', match: isGet });
			const res = await getUser();
			const text = await res.text();
			assert.equal(res.status, 200);
			assert.equal(Number(res.headers.get('content-length')), Buffer.byteLength(text));
			assert.ok(text.startsWith('{"userId"'));
			assert.throws(() => JSON.parse(text));
		});
		await check('fault html: 200 text/html', async () => {
			bs.failNext({ fault: 'html' });
			const res = await getUser();
			assert.equal(res.status, 200);
			assert.match(res.headers.get('content-type'), /^text\/html/);
			assert.match(await res.text(), /^<html>.*<\/html>$/s);
		});
		await check('fault echo-headers: the request headers in the error message and body', async () => {
			bs.failNext({ fault: 'echo-headers', status: 400 });
			const res = await getUser();
			const body = await res.json();
			assert.equal(res.status, 400);
			assert.match(body.error, new RegExp(`^Bad Request\\. Request headers: .*x-api-key: ${bs.apiKey}`));
			assert.equal(body.requestHeaders['x-api-key'], bs.apiKey);
			bs.failNext({ fault: 'echo-headers' });
			assert.equal((await getUser()).status, 500);
		});
		await check('fault redirect, and another host that records requests', async () => {
			const other = await startOtherHost();
			try {
				assert.notEqual(other.port, bs.port);
				bs.failNext({ fault: 'redirect', location: `${other.url}/elsewhere?x=1` });
				const res = await getUser({ redirect: 'manual' });
				assert.deepEqual([res.status, res.headers.get('location')], [302, `${other.url}/elsewhere?x=1`]);
				assert.equal(other.requests.length, 0);
				bs.failNext({ fault: 'redirect', status: 307, location: `${other.url}/followed` });
				const followed = await getUser();
				assert.deepEqual([followed.status, await followed.json()], [200, { ok: true }]);
				assert.deepEqual(other.requests.map((r) => [r.method, r.path, r.headers['x-api-key']]), [['GET', '/followed', bs.apiKey]]);
			} finally {
				await other.close();
			}
		});
		await check('fault bad-status-line: an HTTP parse error', async () => {
			bs.failNext({ fault: 'bad-status-line' });
			const { error } = await rawGet(`${bs.url}/v1/users/list?Page=1`);
			assert.equal(error?.code, 'HPE_INVALID_STATUS');
			assert.equal((await getUser()).status, 200, 'only the next request is broken');
		});
		await check('failNext refuses an unknown fault and a redirect without location', async () => {
			assert.throws(() => bs.failNext({ fault: 'explode' }), /Unknown fault/);
			assert.throws(() => bs.failNext({ fault: 'redirect' }), /location/);
		});
	} finally {
		await bs.close();
	}

	const ds = await startDocuSignMock({ maxTake: 10, maxPageSize: 3 });
	try {
		const token = (await call(ds.url, 'POST', '/oauth/token', {
			form: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: ds.createAssertion() },
		})).json.access_token;
		const auth = { headers: { authorization: `Bearer ${token}` } };
		const org = `/management/v2/organizations/${ds.ids.organizationId}`;
		await check('docusign echo-headers puts the bearer token in error_description', async () => {
			ds.failNext({ fault: 'echo-headers', status: 400 });
			const res = await call(ds.url, 'GET', '/management/v2/organizations', auth);
			assert.equal(res.json.error, 'invalid_request');
			assert.ok(res.json.error_description.includes(`authorization: Bearer ${token}`));
		});
		await check('docusign maxTake caps take; paging and next say so', async () => {
			const first = await call(ds.url, 'GET', `${org}/users?account_id=${ds.ids.mainAccountId}&take=100`, auth);
			assert.equal(first.json.users.length, 10);
			assert.equal(first.json.paging.total_set_size, 24);
			assert.match(first.json.paging.next, /start=10&take=10$/);
		});
		await check('docusign maxPageSize caps DS group pages', async () => {
			const base = `/management/v2.1/organizations/${ds.ids.organizationId}/accounts/${ds.ids.mainAccountId}/dsgroups`;
			const page = await call(ds.url, 'GET', `${base}?page=2&page_size=100`, auth);
			assert.deepEqual([page.json.page, page.json.page_size, page.json.total_count, page.json.ds_groups.length], [2, 3, 4, 1]);
		});
	} finally {
		await ds.close();
	}
}

(async () => {
	await boldSignChecks();
	await docuSignChecks();
	await faultChecks();
	console.log(`mocks selfcheck: ${results.passed} passed, ${results.failed} failed`);
	process.exitCode = results.failed ? 1 : 0;
})();
