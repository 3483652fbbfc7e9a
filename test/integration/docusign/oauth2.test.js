'use strict';
// DocuSign OAuth2 (authorization code) credential through the n8n harness: the node signs Admin API calls
// with the stored access token, and on a 401 n8n-core refreshes it with the refresh token (../shared/reference/vendor-apis.md §1.2,
// "Authorization code / refresh") and stores the new token data in the credential.

const { ORG, DOCUSIGN_IDS, byEmail, byId, createInstance, errorText, startDocuSignMock, isAdmin } = require('./setup');

const CLIENT_SECRET = 'oauth2-client-secret-for-tests';

let mock;
beforeAll(async () => {
	mock = await startDocuSignMock({ clientSecret: CLIENT_SECRET });
});
afterAll(async () => mock.close());
beforeEach(() => {
	mock.reset();
	mock.rotateRefreshTokens = true;
});

/**
 * The credential after consent, the mock's tokens in `oauthTokenData`. The harness does not apply a credential
 * type's defaults as n8n does, so the hidden token URL, grant type and client authentication are spelled out
 * (the real-n8n suite relies on the credential's defaults).
 */
function oauth2Credential(overrides = {}) {
	return {
		grantType: 'authorizationCode',
		environment: 'custom',
		oauthBaseUrl: mock.url,
		adminBaseUrl: mock.adminBaseUrl,
		accessTokenUrl: `${mock.url}/oauth/token`,
		clientId: mock.integrationKey,
		clientSecret: CLIENT_SECRET,
		scope: 'signature user_read user_write organization_read account_read group_read permission_read',
		authentication: 'header',
		oauthTokenData: mock.issueCodeGrantTokens(),
		...overrides,
	};
}

const getUser = {
	authentication: 'oAuth2',
	resource: 'user',
	operation: 'get',
	organization: ORG,
	user: byEmail('jordan.patel@example.com'),
};

async function startN8n(overrides) {
	const n8n = await createInstance({ docuSignOAuth2Api: oauth2Credential(overrides) });
	const run = (parameters = getUser) => n8n.run({ type: 'docuSignAdmin', parameters });
	return { run, stored: () => n8n.credentials.docuSignOAuth2Api.oauthTokenData };
}

const bearers = (requests) => requests.filter(isAdmin).map((r) => r.headers.authorization);
const refreshGrants = () => mock.tokenRequests.filter((t) => t.grantType === 'refresh_token');

test('the Admin API calls carry the stored access token; no token request', async () => {
	const { run, stored } = await startN8n();
	const { error, json } = await run();
	expect(error).toBeUndefined();
	expect(json[0]).toMatchObject({ id: DOCUSIGN_IDS.userId(3), email: 'jordan.patel@example.com' });
	expect(new Set(bearers(mock.requests))).toEqual(new Set([`Bearer ${stored().access_token}`]));
	expect(mock.tokenRequests).toHaveLength(0);
});

test('after a 401 n8n refreshes once (Basic client auth), retries with the new token and stores it', async () => {
	const { run, stored } = await startN8n();
	const before = stored();
	mock.expireTokens();

	const { error, json } = await run();
	expect(error).toBeUndefined();
	expect(json[0].email).toBe('jordan.patel@example.com');

	expect(refreshGrants()).toEqual([expect.objectContaining({ outcome: 'issued', clientAuth: 'basic', clientId: mock.integrationKey })]);
	const tokenCall = mock.requests.find((r) => r.path === '/oauth/token');
	const basic = Buffer.from(`${mock.integrationKey}:${CLIENT_SECRET}`).toString('base64');
	expect(tokenCall.headers.authorization).toBe(`Basic ${basic}`);
	expect(tokenCall.body).toEqual({ grant_type: 'refresh_token', refresh_token: before.refresh_token });

	const [{ access_token: accessToken, refresh_token: refreshToken }] = refreshGrants();
	expect(bearers(mock.requests)).toEqual([`Bearer ${before.access_token}`, `Bearer ${accessToken}`]);
	expect(stored()).toMatchObject({ access_token: accessToken, refresh_token: refreshToken });
	expect(refreshToken).not.toBe(before.refresh_token);

	// the next execution uses the stored token without another refresh
	await run();
	expect(refreshGrants()).toHaveLength(1);
	expect(bearers(mock.requests).at(-1)).toBe(`Bearer ${accessToken}`);
});

test('without rotation the refresh response has no refresh token and n8n keeps the old one', async () => {
	mock.rotateRefreshTokens = false;
	const { run, stored } = await startN8n();
	const before = stored();
	mock.expireTokens();
	expect((await run()).error).toBeUndefined();
	expect(refreshGrants()).toHaveLength(1);
	expect(stored()).toMatchObject({ access_token: refreshGrants()[0].access_token, refresh_token: before.refresh_token });
});

test('a revoked refresh token (invalid_grant) asks to reconnect the credential, without leaking tokens or the secret', async () => {
	const { run, stored } = await startN8n();
	const before = stored();
	mock.refreshTokens.forEach((t) => (t.revoked = true));
	mock.expireTokens();
	const { error } = await run({ ...getUser, user: byId(DOCUSIGN_IDS.userId(2)) });
	expect(refreshGrants().map((t) => t.outcome)).toEqual(['invalid_grant']);
	expect(error.message).toMatch(/needs to be reconnected/);
	const text = errorText(error);
	for (const secret of [before.access_token, before.refresh_token, CLIENT_SECRET]) expect(text).not.toContain(secret);
	expect(stored()).toEqual(before);
});

test('a wrong client secret fails the refresh with invalid_client', async () => {
	const { run } = await startN8n({ clientSecret: 'not-the-secret' });
	mock.expireTokens();
	const { error } = await run();
	expect(refreshGrants().map((t) => t.outcome)).toEqual(['invalid_client']);
	expect(error.message).toMatch(/client authentication failed/i);
	expect(errorText(error)).not.toContain('not-the-secret');
});
