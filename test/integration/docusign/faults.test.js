'use strict';
// Issue 7, DocuSign Admin: how the node behaves when the network, a proxy or the vendor misbehaves.
// Each test is named after the defect it proves fixed (#1 … #11; the BoldSign ones are in ../faults.test.js).
// Real HTTP through the n8n harness against a fresh mock and a fresh JWT credential (empty access token, so
// the token is fetched during the run) per test; retry waits are real (base 2 s).

const { startOtherHost } = require('../../mocks/common');
const { errorText } = require('../../helpers/harness');
const { expectNoSecrets } = require('../../helpers/secrets');
const {
	ORG,
	MAIN,
	DOCUSIGN_IDS,
	makeKeys,
	keyFragments,
	jwtCredential,
	byId,
	isAdmin,
	createInstance,
	startDocuSignMock,
} = require('./setup');

const uid = DOCUSIGN_IDS.userId;
const D = DOCUSIGN_IDS.dsGroups;

let keys;
let mock;
let n8n;

beforeAll(() => {
	keys = makeKeys();
});
beforeEach(async () => {
	mock = await startDocuSignMock({ publicKeyPem: keys.publicKey });
	n8n = await createInstance({ docuSignJwtApi: jwtCredential(mock, keys.pkcs1) });
});
afterEach(async () => mock.close());

const isToken = (r) => r.path === '/oauth/token';
const isAdminGet = (r) => r.method === 'GET' && isAdmin(r);
const isProfileGet = (r) => r.method === 'GET' && r.path === `/management/v2.1/organizations/${ORG}/users/${uid(2)}/dsprofile`;
const isDsGroupCreate = (r) => r.method === 'POST' && /\/dsgroups$/.test(r.path);
const requestsTo = (match) => mock.requests.filter(match);
const stateUser = (id) => mock.state.users.find((u) => u.id === id);

/** Everything secret in this test: the private key, every token issued, every signed assertion sent. */
function secrets() {
	return [
		...keyFragments(keys.pkcs1),
		keys.literal,
		...mock.issuedTokens.map((t) => t.access_token),
		...requestsTo(isToken).map((r) => r.body?.assertion),
	];
}

/** Runs the DocuSign Admin node; no secret may reach an error or an output item, whatever happened. */
async function run(parameters, extra = {}) {
	const result = await n8n.run({ type: 'docuSignAdmin', parameters, ...extra });
	expectNoSecrets(result, secrets());
	if (result.error && !extra.expectError) throw result.error;
	if (!result.error && extra.expectError) throw new Error(`Expected the run to fail; it output ${JSON.stringify(result.json)}`);
	return result;
}

const getUser = (more = {}) => ({ resource: 'user', operation: 'get', organization: ORG, user: byId(uid(2)), ...more });
const createDsGroup = (more = {}) => ({ resource: 'dsGroup', operation: 'create', organization: ORG, account: MAIN, groupName: 'Fault Group', ...more });
const nowSec = () => Math.floor(Date.now() / 1000);

describe('#1 5xx and 408 on an idempotent request are retried, whatever X-RateLimit-Reset says', () => {
	test.each([503, 408])('#1 GET user answered %i once, with the hourly reset an hour away: retried, succeeds', async (status) => {
		mock.rateLimit = { limit: 3000, remaining: 2990, reset: nowSec() + 3600, burstLimit: 500, burstRemaining: 480 };
		mock.failNext({ status, match: isProfileGet });
		const { json } = await run(getUser());
		expect(json[0].id).toBe(uid(2));
		expect(requestsTo(isProfileGet)).toHaveLength(2);
	});
});

describe('#2 credentials echoed back by the server never reach the error or the output', () => {
	test('#2 a 400 echoing the request headers does not show the bearer token fetched during this very run', async () => {
		mock.failNext({ fault: 'echo-headers', status: 400, match: isAdmin });
		const failed = await run(getUser(), { expectError: true });
		expect(failed.error.httpCode).toBe('400');
		// The token was fetched in this run and the echoed request carried it.
		expect(mock.tokenRequests.map((t) => t.outcome)).toEqual(['issued']);
		expect(requestsTo(isAdmin)[0].headers.authorization).toBe(`Bearer ${mock.issuedTokens[0].access_token}`);

		n8n.credentials.docuSignJwtApi.accessToken = ''; // first run of the credential again
		mock.failNext({ fault: 'echo-headers', status: 400, match: isAdmin });
		const { output } = await run(getUser(), { continueOnFail: true });
		expect(mock.tokenRequests.map((t) => t.outcome)).toEqual(['issued', 'issued']);
		expect(output).toHaveLength(1);
		expect(output[0].json.httpCode).toBe('400');
	});
});

describe('#2 an OAuth error that echoes the form', () => {
	test('#2 a token error quoting a signed assertion shows it masked', async () => {
		const echoed = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJpbnRlZ3JhdGlvbiJ9.c2lnbmF0dXJlLWJ5dGVz';
		mock.failNext({
			status: 400,
			body: { error: 'invalid_request', error_description: `could not read grant_type=jwt-bearer&assertion=${echoed}` },
			match: isToken,
		});
		const { error } = await run(getUser(), { expectError: true });
		expect(error.message).toContain('assertion=***');
		expect(errorText(error)).not.toContain(echoed);
		expect(errorText(error)).not.toContain(echoed.split('.')[0]);
	});
});

describe('#3 redirects', () => {
	let other;
	beforeEach(async () => {
		other = await startOtherHost();
	});
	afterEach(async () => other.close());

	test('#3 a 302 to another host fails with a NodeApiError naming that host, and nothing is sent there', async () => {
		const location = `${other.url}/management/v2.1/organizations/${ORG}/users/${uid(2)}/dsprofile`;
		mock.failNext({ fault: 'redirect', location, match: isProfileGet });
		const { error } = await run(getUser(), { expectError: true });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toContain(other.host);
		expect(other.requests).toHaveLength(0);
	});

	test('#3 a 302 to another path of the same origin (relative Location) is followed', async () => {
		const location = `/Management/v2.1/organizations/${ORG}/users/${uid(2)}/dsprofile`;
		mock.failNext({ fault: 'redirect', location, match: isProfileGet });
		const { json } = await run(getUser());
		expect(json[0].id).toBe(uid(2));
		expect(requestsTo(isAdminGet).map((r) => r.path)).toEqual([
			`/management/v2.1/organizations/${ORG}/users/${uid(2)}/dsprofile`,
			location,
		]);
		expect(other.requests).toHaveLength(0);
	});
});

describe('#4 request timeout (Options → Request Options → Timeout)', () => {
	const timeout1s = { requestOptions: { timeout: 1 } };

	test('#4 a GET that is never answered times out after 1 s and is retried', async () => {
		mock.failNext({ fault: 'hang', match: isProfileGet });
		const { json } = await run(getUser(timeout1s));
		expect(json[0].id).toBe(uid(2));
		expect(requestsTo(isProfileGet)).toHaveLength(2);
	}, 15_000);

	// A POST is not retried after a timeout (it may have been applied), so "every request hangs" ends after one
	// timeout here; a hanging GET would take every retry and its backoff first.
	test('#4 when the vendor never answers, the error says it did not answer within 1 s and names DocuSign', async () => {
		mock.failNext({ fault: 'hang', count: Infinity, match: isDsGroupCreate });
		const { error } = await run(createDsGroup(timeout1s), { expectError: true });
		expect(error.message).toMatch(/did not answer within 1 s/i);
		expect(error.message).toMatch(/DocuSign/);
	}, 15_000);
});

describe('#5 a 200 whose body is not JSON is an error, never an empty user', () => {
	// Injected on every GET, in case the node retries such an answer: it must end in this error either way.
	test.each(['truncate', 'html'])('#5 GET user answered 200 with a %s body', async (fault) => {
		mock.failNext({ fault, count: 10, match: isProfileGet });
		const { error } = await run(getUser(), { expectError: true });
		expect(error.message).toMatch(/DocuSign answered 200 with a body that is not (valid )?JSON/i);
	});
});

describe('#6 a change applied whose answer was lost: the retry finds it done and the item succeeds', () => {
	test('#6 close: the DELETE is applied, the connection drops, the retry hears membership_not_found', async () => {
		const isClose = (r) => r.method === 'DELETE' && r.path === `/management/v2/organizations/${ORG}/users/${uid(3)}/accounts`;
		mock.failNext({ fault: 'drop-after-apply', match: isClose });
		const { json } = await run({ resource: 'user', operation: 'close', organization: ORG, user: byId(uid(3)) });
		expect(requestsTo(isClose)).toHaveLength(2);
		expect(stateUser(uid(3)).user_status).toBe('closed');
		expect(json[0]).toMatchObject({ userId: uid(3), success: true });
	});

	// Activating a membership is idempotent by nature (a second activation answers OK), so its POST may be retried.
	test('#6 reactivate: the membership POST is applied, the connection drops, the retry succeeds', async () => {
		const isActivate = (r) => r.method === 'POST' && r.path.includes(`/users/${uid(29)}/memberships/`);
		mock.failNext({ fault: 'drop-after-apply', match: isActivate });
		const { json } = await run({ resource: 'user', operation: 'reactivate', organization: ORG, user: byId(uid(29)), account: MAIN });
		expect(requestsTo(isActivate)).toHaveLength(2);
		expect(stateUser(uid(29)).memberships[0].status).toBe('active');
		expect(json[0].status).toBe('active');
	});
});

describe('#8 the JWT token request is retried on 429 and 5xx', () => {
	test.each([
		['429 with Retry-After: 1', 429, { 'Retry-After': '1' }],
		['503', 503, {}],
	])('#8 POST /oauth/token answered %s once: retried, the item succeeds', async (_label, status, headers) => {
		mock.failNext({ status, headers, match: isToken });
		const { json } = await run(getUser());
		expect(json[0].id).toBe(uid(2));
		expect(requestsTo(isToken)).toHaveLength(2);
		expect(mock.tokenRequests.map((t) => t.outcome)).toEqual(['issued']);
	});
});

describe('#9 an invalid HTTP status line is a network error', () => {
	test('#9 a GET answered with a broken status line is retried and succeeds', async () => {
		mock.failNext({ fault: 'bad-status-line', match: isProfileGet });
		const { json } = await run(getUser());
		expect(json[0].id).toBe(uid(2));
		expect(requestsTo(isProfileGet)).toHaveLength(2);
	});

	// As in #4, a POST is not retried, so this is the "it persists" case without waiting for every retry.
	test('#9 when it persists, the error names DocuSign', async () => {
		mock.failNext({ fault: 'bad-status-line', count: Infinity, match: isDsGroupCreate });
		const { error } = await run(createDsGroup(), { expectError: true });
		expect(error.message).toMatch(/DocuSign/);
	});
});

describe('#10 the hourly API quota says so, and when it resets', () => {
	test.each([400, 429])('#10 HOURLY_APIINVOCATION_LIMIT_EXCEEDED as HTTP %i', async (status) => {
		const reset = nowSec() + 1800;
		mock.failNext({
			status,
			body: {
				errorCode: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED',
				message: 'The maximum number of hourly API invocations has been exceeded. The hourly limit is 3000.',
			},
			headers: { 'X-RateLimit-Limit': '3000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
			count: 10,
			match: isAdmin,
		});
		const { error } = await run(getUser(), { expectError: true });
		expect(error.message).toMatch(/hourly/i);
		expect(error.message).toMatch(/rate limit|quota/i);
		const resetsAt = new Date(reset * 1000).toISOString().slice(0, 16); // e.g. 2026-05-30T13:45
		expect(`${error.message} ${error.description}`).toContain(resetsAt);
		expect(['429', '400']).toContain(error.httpCode);
	});
});

describe('#11 pagination follows the vendor’s totals, not the page size asked for', () => {
	test('#11 users: the server serves at most 10 (take capped) → Return All still gets all 24', async () => {
		mock.maxTake = 10;
		const { json } = await run({ resource: 'user', operation: 'getAll', organization: ORG, filters: { account: MAIN }, returnAll: true });
		expect(json).toHaveLength(24);
		expect(new Set(json.map((u) => u.id)).size).toBe(24);
	});

	test('#11 DS groups and DS group users: the server caps page_size at 3 → Return All still gets all', async () => {
		mock.maxPageSize = 3;
		const dsGroups = await run({ resource: 'dsGroup', operation: 'getAll', organization: ORG, account: MAIN, returnAll: true });
		expect(dsGroups.json.map((g) => g.ds_group_id).sort()).toEqual([D.administrators, D.engineering, D.salesOps, D.support].sort());

		const users = await run({ resource: 'dsGroup', operation: 'getUsers', organization: ORG, account: MAIN, dsGroup: byId(D.engineering), returnAll: true });
		expect(users.json.map((u) => u.user_id).sort()).toEqual([2, 3, 4, 5, 6].map(uid).sort());
	});
});
