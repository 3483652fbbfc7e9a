'use strict';
// Shared setup of the PandaDoc integration tests: the mock, an n8n instance with the API-key credential,
// and a runner that checks no run ever shows the key.

const { startPandaDocMock, PANDADOC_IDS } = require('../../mocks/pandadoc');
const { createInstance } = require('../../helpers/harness');
const { expectNoSecrets } = require('../../helpers/secrets');

const API_KEY = 'pd-live-key-4c9e1b7a';
const MAIN = PANDADOC_IDS.mainWorkspaceId;
const SALES = PANDADOC_IDS.salesWorkspaceId;
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byUserId = (value) => ({ __rl: true, mode: 'userId', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });
const empty = { __rl: true, mode: 'email', value: '' };

/** Starts a mock and an n8n instance with the API-key credential; `run` executes the PandaDoc node. */
async function startPandaDoc(mockOptions = {}, credentialOverrides = {}) {
	const mock = await startPandaDocMock({ apiKey: API_KEY, ...mockOptions });
	const n8n = await createInstance({ pandaDocApi: { apiKey: API_KEY, keyType: 'production', baseUrl: mock.url, ...credentialOverrides } });
	async function run(parameters, extra = {}) {
		const result = await n8n.run({ type: 'pandaDoc', parameters, ...extra });
		expectNoSecrets(result, [API_KEY]);
		if (result.error && !extra.expectError) throw result.error;
		if (!result.error && extra.expectError) throw new Error(`Expected the run to fail; it output ${JSON.stringify(result.json)}`);
		return result;
	}
	const calls = (method, pattern) =>
		mock.requests.filter((r) => r.method === method && (pattern instanceof RegExp ? pattern.test(r.path) : r.path === pattern));
	// A live (not removed) membership.
	const membership = (id) => mock.state.memberships.find((m) => m.membership_id === id && !m.removed);
	return { mock, n8n, run, calls, membership };
}

module.exports = { API_KEY, MAIN, SALES, PANDADOC_IDS, byId, byUserId, byEmail, empty, startPandaDoc };
