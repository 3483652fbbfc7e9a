'use strict';
// SignNow password-grant credential (reference §2.2) through the n8n harness: Basic on the token call and Bearer
// after, one token for many items and across executions, a new sign-in (never a refresh) after a 401, errors that
// say which part of the credential is wrong, and no secret in any error or output.

const { T, U, byId, fromItem, passwordCredential, startSignNow, createInstance, errorText } = require('./setup');

let env;
beforeAll(async () => {
	env = await startSignNow();
});
afterAll(async () => env.mock.close());
beforeEach(() => {
	env.mock.reset();
	env.mock.tokenErrorStyle = 'errors';
	env.resetToken();
});

const getCurrent = { resource: 'user', operation: 'getCurrent' };

/** A fresh n8n instance whose credential differs from the good one. */
async function runWith(overrides, parameters = getCurrent) {
	const n8n = await createInstance({ signNowApi: passwordCredential(env.mock, overrides) });
	return await n8n.run({ type: 'signNow', parameters });
}

describe('password grant', () => {
	test('POST /oauth2/token with Basic client auth and the password form; Bearer afterwards', async () => {
		const { json } = await env.run(getCurrent);
		expect(json[0]).toMatchObject({ vendor: 'signnow', id: U(1), email: 'ada.admin@example.com' });
		const [tokenCall] = env.calls('POST', '/oauth2/token');
		expect(tokenCall.headers.authorization).toBe(`Basic ${env.mock.basicToken}`);
		expect(tokenCall.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(tokenCall.body).toEqual({ grant_type: 'password', username: 'ada.admin@example.com', password: env.mock.adminPassword, scope: '*' });
		const [userCall] = env.calls('GET', '/user');
		expect(userCall.headers.authorization).toBe(`Bearer ${env.mock.tokenRequests[0].access_token}`);
		expect(env.n8n.credentials.signNowApi.accessToken).toBe(env.mock.tokenRequests[0].access_token);
	});

	test('one token for many items running at once and for the next execution', async () => {
		const teams = [T.sales, T.legal, T.support, T.partners];
		const items = teams.map((id) => ({ json: { id } }));
		const first = await env.run({ resource: 'team', operation: 'get', team: fromItem('id') }, { items });
		expect(first.json.map((t) => t.id)).toEqual(teams);
		await env.run({ resource: 'team', operation: 'get', team: fromItem('id') }, { items });
		expect(env.mock.tokenRequests).toHaveLength(1);
	});

	test('after a 401 the node signs in again once (password grant, never the single-use refresh token)', async () => {
		await env.run(getCurrent);
		const firstToken = env.mock.tokenRequests[0].access_token;
		env.mock.expireTokens();
		const items = [T.sales, T.legal, T.support].map((id) => ({ json: { id } }));
		const { json } = await env.run({ resource: 'team', operation: 'get', team: fromItem('id') }, { items });
		expect(json).toHaveLength(3);
		expect(env.mock.tokenRequests.map((t) => [t.grantType, t.outcome])).toEqual([
			['password', 'issued'],
			['password', 'issued'],
		]);
		const second = env.mock.tokenRequests[1].access_token;
		expect(env.n8n.credentials.signNowApi.accessToken).toBe(second);
		const teamCalls = env.calls('GET', /^\/team\//);
		expect(teamCalls[0].headers.authorization).toBe(`Bearer ${firstToken}`);
		expect(teamCalls.slice(1).every((r) => r.headers.authorization === `Bearer ${second}`)).toBe(true);
	});
});

describe('sign-in errors say which part is wrong and show no secret', () => {
	const secrets = (overrides) => [env.mock.adminPassword, env.mock.clientSecret, env.mock.basicToken, ...Object.values(overrides)];

	test.each([
		['errors', /^SignNow rejected the client ID or client secret \(invalid_client\)$/],
		['oauth', /^SignNow rejected the client ID or client secret \(invalid_client; Client authentication failed\)$/],
	])('a wrong client secret (%s bodies): the client ID or secret', async (style, message) => {
		env.mock.tokenErrorStyle = style;
		const overrides = { clientSecret: 'wrong-client-secret-93ab' };
		const { error } = await runWith(overrides);
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(/Client ID and Client Secret fields/);
		for (const secret of secrets(overrides)) expect(errorText(error)).not.toContain(secret);
	});

	test.each([
		['errors', 'SignNow rejected the username or password (Invalid user credentials)'],
		['oauth', 'SignNow rejected the username or password (invalid_grant; Invalid user credentials)'],
	])('a wrong password (%s bodies): the username or password', async (style, message) => {
		env.mock.tokenErrorStyle = style;
		const overrides = { password: 'not-the-password-4411' };
		const { error } = await runWith(overrides);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/Username .* and Password fields/);
		for (const secret of secrets(overrides)) expect(errorText(error)).not.toContain(secret);
		expect(env.mock.requests.filter((r) => r.path !== '/oauth2/token')).toHaveLength(0);
	});

	test('an unverified user: the email is not verified, with what to do', async () => {
		const { error } = await runWith({ username: 'kai.tanaka@example.com', password: 'user-11-password' });
		expect(error.message).toMatch(/email address is not verified \(unverified_email\)/);
		expect(error.description).toMatch(/Resend Verification Email/);
	});

	test('an empty field is named before any request', async () => {
		const { error } = await runWith({ clientId: ' ' });
		expect(error.message).toBe('The SignNow credential has no Client ID');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('an unreachable host names it', async () => {
		const { error } = await runWith({ baseUrl: 'http://127.0.0.1:9' });
		expect(error.message).toBe('Could not reach SignNow at http://127.0.0.1:9');
		expect(error.description).toMatch(/environment/);
	});

	test('a 5xx of the token endpoint is retried', async () => {
		env.mock.failNext({ status: 503, headers: { 'Retry-After': '0' }, match: (r) => r.path === '/oauth2/token' });
		const { error, json } = await runWith({});
		expect(error).toBeUndefined();
		expect(json[0].id).toBe(U(1));
		expect(env.calls('POST', '/oauth2/token')).toHaveLength(2);
	});

	test('an API error echoing the request headers shows neither the token nor the Basic token', async () => {
		await env.run(getCurrent);
		env.mock.failNext({ fault: 'echo-headers', status: 400, match: (r) => r.path.startsWith('/team/') });
		const { error } = await env.run({ resource: 'team', operation: 'get', team: byId(T.sales) }, { expectError: true });
		expect(error.httpCode).toBe('400');
		expect(errorText(error)).not.toContain(env.mock.tokenRequests[0].access_token);
	});
});
