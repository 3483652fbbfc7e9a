'use strict';
// Token credentials in one n8n process that runs several executions at once (an n8n worker in queue mode runs ten by
// default): executions that start together with no stored token sign in once between them, and executions whose
// token is rejected together renew it once; a request that comes back 401 after another execution renewed takes the
// new token instead of signing in again. Shown with DocuSign JWT and SignNow's password grant, whose mocks count
// token requests.

const { ORG, DOCUSIGN_IDS, startDocuSign } = require('./docusign/setup');
const { startSignNowMock, SIGNNOW_IDS } = require('../mocks/signnow');
const { passwordCredential } = require('./signnow/setup');
const { createInstance } = require('../helpers/harness');

const items = (ids) => ids.map((id) => ({ json: { id } }));
const byId = '={{ { "__rl": true, "mode": "id", "value": $json.id } }}';

describe('DocuSign JWT', () => {
	let env;
	beforeAll(async () => {
		env = await startDocuSign();
	});
	afterAll(async () => env.mock.close());

	const getUser = { resource: 'user', operation: 'get', organization: ORG, user: byId };
	const users = items([2, 3, 4, 5].map((n) => DOCUSIGN_IDS.userId(n)));

	test('three executions at once fetch one token; after the token is rejected, one renewal serves all three', async () => {
		const runs = await Promise.all([1, 2, 3].map(() => env.run(getUser, { items: users })));
		expect(runs.map((r) => r.json.length)).toEqual([4, 4, 4]);
		expect(env.mock.tokenRequests).toHaveLength(1);

		env.mock.expireTokens();
		const again = await Promise.all([1, 2, 3].map(() => env.run(getUser, { items: users })));
		expect(again.map((r) => r.json.length)).toEqual([4, 4, 4]);
		expect(env.mock.tokenRequests).toHaveLength(2);
		expect(env.n8n.credentials.docuSignJwtApi.accessToken).toBe(env.mock.tokenRequests[1].access_token);
	});
});

describe('SignNow password grant', () => {
	let mock;
	let n8n;
	beforeAll(async () => {
		mock = await startSignNowMock();
		n8n = await createInstance({ signNowApi: passwordCredential(mock) });
	});
	afterAll(async () => mock.close());

	const run = () =>
		n8n.run({ type: 'signNow', parameters: { authentication: 'password', resource: 'team', operation: 'get', team: byId }, items: items(Object.values(SIGNNOW_IDS.teams).slice(0, 2)) });

	test('three executions at once sign in once; after the token is revoked, one new sign-in serves all three', async () => {
		const runs = await Promise.all([run(), run(), run()]);
		expect(runs.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
		expect(mock.tokenRequests).toHaveLength(1);

		mock.expireTokens();
		const again = await Promise.all([run(), run(), run()]);
		expect(again.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
		expect(again.map((r) => r.json.length)).toEqual([2, 2, 2]);
		expect(mock.tokenRequests).toHaveLength(2);
	});
});
