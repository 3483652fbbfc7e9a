'use strict';
// Issue 7, BoldSign: how the node behaves when the network, a proxy or the vendor misbehaves.
// Each test is named after the defect it proves fixed (#1 … #11; the DocuSign ones are in docusign/faults.test.js).
// Real HTTP through the n8n harness against a fresh mock per test; retry waits are real (base 1 s).

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { startOtherHost } = require('../mocks/common');
const { createInstance } = require('../helpers/harness');
const { expectNoSecrets } = require('../helpers/secrets');

const API_KEY = 'bs-live-key-5e1f0c77';
const byId = (value) => ({ __rl: true, mode: 'id', value });
const uid = BOLDSIGN_IDS.userId;

let mock;
let n8n;

beforeEach(async () => {
	mock = await startBoldSignMock({ apiKey: API_KEY });
	n8n = await createInstance({ boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: mock.url } });
});
afterEach(async () => mock.close());

const calls = (method, path) => mock.requests.filter((r) => r.method === method && r.path === path);
const isUserGet = (r) => r.method === 'GET' && r.path === '/v1/users/get';
const isUserUpdate = (r) => r.method === 'PUT' && r.path === '/v1/users/update';
const isTeamCreate = (r) => r.method === 'POST' && r.path === '/v1/teams/create';
const stateUser = (id) => mock.state.users.find((u) => u.userId === id);

/** Runs the BoldSign node; the API key must never reach an error or an output item, whatever happened. */
async function run(parameters, extra = {}) {
	const result = await n8n.run({ type: 'boldSign', parameters, ...extra });
	expectNoSecrets(result, [API_KEY]);
	if (result.error && !extra.expectError) throw result.error;
	if (!result.error && extra.expectError) throw new Error(`Expected the run to fail; it output ${JSON.stringify(result.json)}`);
	return result;
}

const getUser = (n = 1, more = {}) => ({ resource: 'user', operation: 'get', user: byId(uid(n)), ...more });
const createTeam = (more = {}) => ({ resource: 'team', operation: 'create', teamName: 'Fault Team', ...more });
const oneHourAway = () => Math.floor(Date.now() / 1000) + 3600;

describe('#1 5xx and 408 on an idempotent request are retried, whatever X-RateLimit-Reset says', () => {
	test.each([503, 408])('#1 GET user answered %i once, with the hourly reset an hour away: retried, succeeds', async (status) => {
		mock.rateLimit = { limit: 2000, remaining: 1999, reset: oneHourAway() };
		mock.failNext({ status, match: isUserGet });
		const { json } = await run(getUser(1));
		expect(json[0].id).toBe(BOLDSIGN_IDS.adminUserId);
		expect(calls('GET', '/v1/users/get')).toHaveLength(2);
	});
});

describe('#2 credentials echoed back by the server never reach the error or the output', () => {
	test('#2 a 400 whose body and message echo the request headers (X-API-KEY) does not show the key', async () => {
		mock.failNext({ fault: 'echo-headers', status: 400, match: isUserGet });
		const failed = await run(getUser(1), { expectError: true });
		expect(failed.error.httpCode).toBe('400');
		expect(calls('GET', '/v1/users/get')[0].headers['x-api-key']).toBe(API_KEY); // the echo did carry the key

		mock.failNext({ fault: 'echo-headers', status: 400, match: isUserGet });
		const { output } = await run(getUser(1), { continueOnFail: true });
		expect(output).toHaveLength(1);
		expect(output[0].json.httpCode).toBe('400');
	});
});

describe('#3 redirects', () => {
	let other;
	beforeEach(async () => {
		other = await startOtherHost();
	});
	afterEach(async () => other.close());

	test('#3 a 302 to another host fails with a NodeApiError naming that host, and nothing is sent there', async () => {
		mock.failNext({ fault: 'redirect', location: `${other.url}/v1/users/get?userId=${uid(1)}`, match: isUserGet });
		const { error } = await run(getUser(1), { expectError: true });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toContain(other.host);
		expect(other.requests).toHaveLength(0);
	});

	test('#3 a 302 to another path of the same origin is followed', async () => {
		mock.failNext({ fault: 'redirect', location: `${mock.url}/V1/Users/Get?userId=${uid(2)}`, match: isUserGet });
		const { json } = await run(getUser(2));
		expect(json[0].id).toBe(BOLDSIGN_IDS.teamAdminUserId);
		expect(mock.requests.map((r) => r.path)).toEqual(['/v1/users/get', '/V1/Users/Get']);
		expect(other.requests).toHaveLength(0);
	});
});

describe('#4 request timeout (Options → Request Options → Timeout)', () => {
	const timeout1s = { requestOptions: { timeout: 1 } };

	test('#4 a GET that is never answered times out after 1 s and is retried', async () => {
		mock.failNext({ fault: 'hang', match: isUserGet });
		const { json } = await run(getUser(1, timeout1s));
		expect(json[0].id).toBe(BOLDSIGN_IDS.adminUserId);
		expect(calls('GET', '/v1/users/get')).toHaveLength(2);
	}, 12_000);

	// A POST is not retried after a timeout (it may have been applied), so "every request hangs" ends after one
	// timeout here; a hanging GET would take every retry and its backoff first.
	test('#4 when the vendor never answers, the error says it did not answer within 1 s and names BoldSign', async () => {
		mock.failNext({ fault: 'hang', count: Infinity, match: isTeamCreate });
		const { error } = await run(createTeam(timeout1s), { expectError: true });
		expect(error.message).toMatch(/did not answer within 1 s/i);
		expect(error.message).toMatch(/BoldSign/);
	}, 12_000);
});

describe('#5 a 200 whose body is not JSON is an error, never an empty user', () => {
	// Injected on every GET, in case the node retries such an answer: it must end in this error either way.
	test.each(['truncate', 'html'])('#5 GET user answered 200 with a %s body', async (fault) => {
		mock.failNext({ fault, count: 10, match: isUserGet });
		const { error } = await run(getUser(1), { expectError: true });
		expect(error.message).toMatch(/BoldSign answered 200 with a body that is not (valid )?JSON/i);
	});
});

describe('#6 a change applied whose answer was lost: the retry finds it done and the item succeeds', () => {
	test('#6 deactivate: the PUT is applied, the connection drops, the retry hears "only active users…"', async () => {
		mock.failNext({ fault: 'drop-after-apply', match: isUserUpdate });
		const { json } = await run({ resource: 'user', operation: 'deactivate', user: byId(uid(5)) });
		expect(calls('PUT', '/v1/users/update')).toHaveLength(2);
		expect(stateUser(uid(5)).userStatus).toBe('Deactivated');
		expect(json[0]).toMatchObject({ id: uid(5), status: 'deactivated' });
	});

	test('#6 reactivate: the PUT is applied, the connection drops, the retry hears "only deactivated users…"', async () => {
		mock.failNext({ fault: 'drop-after-apply', match: isUserUpdate });
		const { json } = await run({ resource: 'user', operation: 'reactivate', user: byId(BOLDSIGN_IDS.deactivatedUserId) });
		expect(calls('PUT', '/v1/users/update')).toHaveLength(2);
		expect(stateUser(BOLDSIGN_IDS.deactivatedUserId).userStatus).toBe('Active');
		expect(json[0]).toMatchObject({ id: BOLDSIGN_IDS.deactivatedUserId, status: 'active' });
	});
});

describe('#7 a change that was applied is reported as done even when reading it back fails', () => {
	test('#7 update role: PUT applied, every read-back GET answers 500 → success with readBackError', async () => {
		const id = uid(3);
		const afterThePut = (r) => isUserGet(r) && mock.requests.some(isUserUpdate);
		mock.failNext({ status: 500, count: 20, match: afterThePut });
		const { json, output } = await run({ resource: 'user', operation: 'updateRole', user: byId(id), role: 'Admin' });
		expect(stateUser(id).role).toBe('Admin');
		expect(calls('PUT', '/v1/users/update')).toHaveLength(1);
		expect(calls('GET', '/v1/users/get').length).toBeGreaterThanOrEqual(1); // the read-back was tried
		expect(output).toHaveLength(1);
		expect(typeof json[0].readBackError).toBe('string');
		expect(json[0].readBackError.trim()).not.toBe('');
		expect(json[0].error).toBeUndefined();
		expect(JSON.stringify(json[0])).toContain(id);
		expect(JSON.stringify(json[0])).toContain('Admin');
	}, 45_000);
});

describe('#9 an invalid HTTP status line is a network error', () => {
	test('#9 a GET answered with a broken status line is retried and succeeds', async () => {
		mock.failNext({ fault: 'bad-status-line', match: isUserGet });
		const { json } = await run(getUser(1));
		expect(json[0].id).toBe(BOLDSIGN_IDS.adminUserId);
		expect(calls('GET', '/v1/users/get')).toHaveLength(2);
	});

	// As in #4, a POST is not retried, so this is the "it persists" case without waiting for every retry.
	test('#9 when it persists, the error names BoldSign', async () => {
		mock.failNext({ fault: 'bad-status-line', count: Infinity, match: isTeamCreate });
		const { error } = await run(createTeam(), { expectError: true });
		expect(error.message).toMatch(/BoldSign/);
	});
});
