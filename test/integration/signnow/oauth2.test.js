'use strict';
// SignNow OAuth2 (authorization code) credential through the n8n harness: the stored token signs the calls
// (SignNow's token_type is lowercase "bearer"), the Basic-only routes use the credential's client ID and secret,
// and after a 401 n8n refreshes once with the single-use refresh token and stores the new one.

const { T, U, fromItem, startSignNowMock, createInstance } = require('./setup');
const { expectNoSecrets } = require('../../helpers/secrets');

let mock;
beforeAll(async () => {
	mock = await startSignNowMock();
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

/** The credential after consent. The harness does not apply the type's hidden defaults, so they are spelled out. */
function oauth2Credential() {
	return {
		grantType: 'authorizationCode',
		environment: 'custom',
		baseUrl: mock.url,
		accessTokenUrl: `${mock.url}/oauth2/token`,
		clientId: mock.clientId,
		clientSecret: mock.clientSecret,
		scope: '*',
		authentication: 'header',
		oauthTokenData: mock.issueCodeGrantTokens(),
	};
}

async function startN8n() {
	const n8n = await createInstance({ signNowOAuth2Api: oauth2Credential() });
	const run = async (parameters, extra = {}) => {
		const result = await n8n.run({ type: 'signNow', parameters: { authentication: 'oAuth2', ...parameters }, ...extra });
		expectNoSecrets(result, [mock.clientSecret, mock.basicToken, ...mock.issuedTokens.flatMap((t) => [t.access_token, t.refresh_token])]);
		return result;
	};
	return { run, stored: () => n8n.credentials.signNowOAuth2Api.oauthTokenData };
}

const bearers = () => mock.requests.filter((r) => r.path !== '/oauth2/token').map((r) => r.headers.authorization);
const refreshes = () => mock.tokenRequests.filter((t) => t.grantType === 'refresh_token');

test('the stored access token signs the calls; no token request', async () => {
	const { run, stored } = await startN8n();
	const { error, json } = await run({ resource: 'user', operation: 'getCurrent' });
	expect(error).toBeUndefined();
	expect(json[0]).toMatchObject({ id: U(1), email: 'ada.admin@example.com' });
	expect(bearers()).toEqual([`Bearer ${stored().access_token}`]);
	expect(mock.tokenRequests).toHaveLength(0);
});

test('Create account signs with the OAuth2 credential’s client ID and secret (Basic), not its token', async () => {
	const { run } = await startN8n();
	const { error, json } = await run({ resource: 'user', operation: 'create', email: 'oauth.made@example.com', password: 'Made-by-oauth-1' });
	expect(error).toBeUndefined();
	expect(json[0]).toMatchObject({ email: 'oauth.made@example.com', status: 'invited' });
	expect(mock.requests.find((r) => r.method === 'POST' && r.path === '/user').headers.authorization).toBe(`Basic ${mock.basicToken}`);
});

test('after a 401, one refresh (Basic client auth) serves items running at once; the rotated refresh token is stored and works next time', async () => {
	const { run, stored } = await startN8n();
	const before = stored();
	mock.expireTokens();
	const items = [T.sales, T.legal, T.support, T.partners].map((id) => ({ json: { id } }));
	const { error, json } = await run({ resource: 'team', operation: 'get', team: fromItem('id') }, { items });
	expect(error).toBeUndefined();
	expect(json).toHaveLength(4);
	expect(refreshes().map((t) => [t.outcome, t.clientId])).toEqual([['issued', mock.clientId]]);
	const tokenCall = mock.requests.find((r) => r.path === '/oauth2/token');
	expect(tokenCall.headers.authorization).toBe(`Basic ${mock.basicToken}`);
	expect(tokenCall.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: before.refresh_token });
	const after = stored();
	expect(after.access_token).toBe(refreshes()[0].access_token);
	expect(after.refresh_token).not.toBe(before.refresh_token);

	// The old refresh token is spent (single-use); the stored one renews the next rejected token.
	mock.expireTokens();
	const again = await run({ resource: 'team', operation: 'get', team: fromItem('id') }, { items: items.slice(0, 1) });
	expect(again.error).toBeUndefined();
	expect(refreshes().map((t) => t.outcome)).toEqual(['issued', 'issued']);
	expect(mock.tokenRequests[1].grantType).toBe('refresh_token');
	expect(mock.requests.filter((r) => r.path === '/oauth2/token')[1].body.refresh_token).toBe(after.refresh_token);
});
