'use strict';
// Shared setup of the SignNow integration tests: the mock (reference §2 and the seeds), an n8n instance whose
// password-grant credential points at it, and a runner for the SignNow node through the n8n harness.

const { startSignNowMock, SIGNNOW_IDS } = require('../../mocks/signnow');
const { createInstance, errorText } = require('../../helpers/harness');
const { expectNoSecrets } = require('../../helpers/secrets');

const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });
const fromItem = (key) => `={{ { "__rl": true, "mode": "id", "value": $json.${key} } }}`;

function passwordCredential(mock, overrides = {}) {
	return {
		environment: 'custom',
		baseUrl: mock.url,
		clientId: mock.clientId,
		clientSecret: mock.clientSecret,
		username: mock.adminEmail,
		password: mock.adminPassword,
		accessToken: '',
		...overrides,
	};
}

/** Everything secret the tests hand to the node: none of it may show in an error or an output. */
function secretsOf(mock, credential) {
	const tokens = mock.issuedTokens.flatMap((t) => [t.access_token, t.refresh_token]);
	return [credential.password, credential.clientSecret, mock.basicToken, ...tokens];
}

/** Starts a mock and an n8n instance with the password-grant credential; `run` executes the SignNow node. */
async function startSignNow(mockOptions = {}, credentialOverrides = {}) {
	const mock = await startSignNowMock(mockOptions);
	const n8n = await createInstance({ signNowApi: passwordCredential(mock, credentialOverrides) });
	async function run(parameters, extra = {}) {
		const result = await n8n.run({ type: 'signNow', parameters, ...extra });
		expectNoSecrets(result, secretsOf(mock, n8n.credentials.signNowApi));
		if (result.error && !extra.expectError) throw result.error;
		return result;
	}
	const calls = (method, path) => mock.requests.filter((r) => r.method === method && (path instanceof RegExp ? path.test(r.path) : r.path === path));
	const resetToken = () => (n8n.credentials.signNowApi.accessToken = '');
	return { mock, n8n, run, calls, resetToken };
}

const T = SIGNNOW_IDS.teams;
const U = SIGNNOW_IDS.userId;

module.exports = { SIGNNOW_IDS, T, U, byId, byEmail, fromItem, passwordCredential, secretsOf, startSignNow, startSignNowMock, createInstance, errorText };
