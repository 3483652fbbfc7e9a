'use strict';
// PandaDoc OAuth2 (authorization code) through the n8n harness: the node signs calls with the stored access
// token, and on a 401 n8n-core refreshes it at /oauth2/access_token with the client ID and secret in the form
// body (reference §4.2) and stores the new token data in the credential.

const { startPandaDocMock, PANDADOC_IDS } = require('../../mocks/pandadoc');
const { createInstance, errorText } = require('../../helpers/harness');

let mock;
beforeAll(async () => {
	mock = await startPandaDocMock();
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

/** The credential after consent. The harness does not apply a type's defaults, so the hidden fields are spelled out. */
function oauth2Credential(overrides = {}) {
	return {
		grantType: 'authorizationCode',
		baseUrl: mock.url,
		authUrl: `${mock.url}/oauth2/authorize`,
		accessTokenUrl: `${mock.url}/oauth2/access_token`,
		clientId: mock.clientId,
		clientSecret: mock.clientSecret,
		scope: 'read write',
		authentication: 'body',
		oauthTokenData: mock.issueTokens(),
		...overrides,
	};
}

async function startN8n(overrides) {
	const n8n = await createInstance({ pandaDocOAuth2Api: oauth2Credential(overrides) });
	const run = (parameters = { authentication: 'oAuth2', resource: 'member', operation: 'getCurrent' }) => n8n.run({ type: 'pandaDoc', parameters });
	return { run, stored: () => n8n.credentials.pandaDocOAuth2Api.oauthTokenData };
}

const apiCalls = () => mock.requests.filter((r) => r.path.startsWith('/public/'));
const tokenCalls = () => mock.requests.filter((r) => r.path === '/oauth2/access_token');

test('the calls carry the stored access token as Bearer; no token request', async () => {
	const { run, stored } = await startN8n();
	const { error, json } = await run();
	expect(error).toBeUndefined();
	expect(json[0].id).toBe(PANDADOC_IDS.adminUserId);
	expect(apiCalls().map((r) => r.headers.authorization)).toEqual([`Bearer ${stored().access_token}`]);
	expect(tokenCalls()).toHaveLength(0);
});

test('after a 401 n8n refreshes once with the client ID and secret in the body, retries and stores the token', async () => {
	const { run, stored } = await startN8n();
	const before = stored();
	mock.expireTokens();
	const { error, json } = await run();
	expect(error).toBeUndefined();
	expect(json[0].id).toBe(PANDADOC_IDS.adminUserId);

	const [refresh] = tokenCalls();
	expect(tokenCalls()).toHaveLength(1);
	expect(refresh.headers.authorization).toBeUndefined();
	expect(refresh.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
	expect(refresh.body).toEqual({
		grant_type: 'refresh_token',
		refresh_token: before.refresh_token,
		client_id: mock.clientId,
		client_secret: mock.clientSecret,
	});
	const issued = mock.tokenRequests[0];
	expect(apiCalls().map((r) => r.headers.authorization)).toEqual([`Bearer ${before.access_token}`, `Bearer ${issued.access_token}`]);
	expect(stored()).toMatchObject({ access_token: issued.access_token, refresh_token: issued.refresh_token });

	await run();
	expect(tokenCalls()).toHaveLength(1);
});

test('a revoked refresh token fails with invalid grant and leaks no token or secret', async () => {
	const { run, stored } = await startN8n();
	const before = stored();
	mock.refreshTokens.forEach((t) => (t.revoked = true));
	mock.expireTokens();
	const { error } = await run();
	expect(mock.tokenRequests.map((t) => t.outcome)).toEqual(['invalid_grant']);
	expect(error.message).toMatch(/needs to be reconnected/);
	const text = errorText(error);
	for (const secret of [before.access_token, before.refresh_token, mock.clientSecret]) expect(text).not.toContain(secret);
});
