'use strict';
// Shared transport: with a token credential (preAuthentication), the first request of an execution goes alone,
// so many items running at once cause one token request, not one each; also when the stored token is rejected.
// Shown with the DocuSign JWT credential, whose mock counts token requests.

const { ORG, DOCUSIGN_IDS, startDocuSign } = require('./docusign/setup');

let env;
beforeAll(async () => {
	env = await startDocuSign();
});
afterAll(async () => env.mock.close());

// Eight different users: the router runs them concurrently (items with the same user would run in turn).
const items = Array.from({ length: 8 }, (_, n) => ({ json: { id: DOCUSIGN_IDS.userId(n + 2) } }));
const getUser = {
	resource: 'user',
	operation: 'get',
	organization: ORG,
	user: '={{ { "__rl": true, "mode": "id", "value": $json.id } }}',
};

test('eight concurrent items fetch one token; after the token is rejected, one renewal serves them all', async () => {
	const first = await env.run(getUser, { items });
	expect(first.json.map((u) => u.id)).toEqual(items.map((i) => i.json.id));
	expect(env.mock.tokenRequests).toHaveLength(1);

	env.mock.expireTokens();
	const second = await env.run(getUser, { items });
	expect(second.json).toHaveLength(8);
	expect(env.mock.tokenRequests).toHaveLength(2);
	expect(env.n8n.credentials.docuSignJwtApi.accessToken).toBe(env.mock.tokenRequests[1].access_token);
});
