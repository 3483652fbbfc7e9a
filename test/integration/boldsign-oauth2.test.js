'use strict';
// BoldSign OAuth2 (authorization code) through the n8n harness: with Authentication = OAuth2 the node and the
// users trigger send the stored access token as `Authorization: Bearer` (no X-API-KEY) to the API host
// (reference §3.1); on a 401 n8n-core refreshes it at /connect/token with the client in the form body.

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { createInstance, errorText } = require('../helpers/harness');

let mock;
beforeAll(async () => {
	mock = await startBoldSignMock();
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

/** The credential after consent. The harness does not apply a type's defaults, so the hidden fields are spelled out. */
function oauth2Credential() {
	return {
		grantType: 'authorizationCode',
		region: 'custom',
		baseUrl: mock.url,
		authUrl: `${mock.url}/connect/authorize`,
		accessTokenUrl: `${mock.url}/connect/token`,
		clientId: mock.clientId,
		clientSecret: mock.clientSecret,
		scope: 'openid profile email offline_access BoldSign.Users.All BoldSign.Teams.All',
		authentication: 'body',
		oauthTokenData: mock.issueTokens(),
	};
}

const apiCalls = () => mock.requests.filter((r) => r.path.startsWith('/v1/'));

test('the node sends the stored access token as Bearer and no API key', async () => {
	const n8n = await createInstance({ boldSignOAuth2Api: oauth2Credential() });
	const token = n8n.credentials.boldSignOAuth2Api.oauthTokenData.access_token;
	const { error, json } = await n8n.run({
		type: 'boldSign',
		parameters: { authentication: 'oAuth2', resource: 'user', operation: 'get', user: { __rl: true, mode: 'id', value: BOLDSIGN_IDS.adminUserId } },
	});
	expect(errorText(error)).toBe('');
	expect(json[0].id).toBe(BOLDSIGN_IDS.adminUserId);
	expect(apiCalls().map((r) => [r.headers.authorization, r.headers['x-api-key']])).toEqual([[`Bearer ${token}`, undefined]]);
	expect(mock.tokenRequests).toHaveLength(0);
});

test('after a 401 n8n refreshes the token once (client in the body), retries, and the output holds no secret', async () => {
	const n8n = await createInstance({ boldSignOAuth2Api: oauth2Credential() });
	const before = n8n.credentials.boldSignOAuth2Api.oauthTokenData;
	mock.expireTokens();
	const { error, json } = await n8n.run({ type: 'boldSign', parameters: { authentication: 'oAuth2', resource: 'team', operation: 'getAll', returnAll: true } });
	expect(errorText(error)).toBe('');
	expect(json.length).toBeGreaterThan(0);
	expect(mock.tokenRequests.map((t) => [t.grantType, t.outcome, t.clientAuth])).toEqual([['refresh_token', 'issued', 'body']]);
	const after = n8n.credentials.boldSignOAuth2Api.oauthTokenData;
	expect(after.access_token).toBe(mock.tokenRequests[0].access_token);
	expect(apiCalls().at(-1).headers.authorization).toBe(`Bearer ${after.access_token}`);
	expect(JSON.stringify(json)).not.toContain(before.refresh_token);
});

test('the users trigger polls with the OAuth2 credential', async () => {
	const n8n = await createInstance({ boldSignOAuth2Api: oauth2Credential() });
	const token = n8n.credentials.boldSignOAuth2Api.oauthTokenData.access_token;
	const trigger = n8n.trigger({ type: 'boldSignUsersTrigger', parameters: { authentication: 'oAuth2' } });
	const { error } = await trigger.activate();
	expect(errorText(error)).toBe('');
	expect(apiCalls().length).toBeGreaterThan(0);
	expect(apiCalls().every((r) => r.headers.authorization === `Bearer ${token}` && r.headers['x-api-key'] === undefined)).toBe(true);
});
