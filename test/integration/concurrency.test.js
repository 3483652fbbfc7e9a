'use strict';
// Items at once and the per-credential rate limiter (nodes/shared/router.ts, limiter.ts), through n8n-core's
// engine against the BoldSign mock over HTTP.

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { createInstance, errorText } = require('../helpers/harness');

const API_KEY = 'bs-concurrency-key-4711';
const USERS = 30;

let mock;
let n8n;

const seed = () => ({
	teams: [{ teamId: BOLDSIGN_IDS.defaultTeamId, teamName: 'Default', createdDate: 1704067200, modifiedDate: 1704067200 }],
	users: Array.from({ length: USERS }, (_, i) => ({
		userId: `u-${i + 1}`,
		email: `user${i + 1}@example.com`,
		firstName: 'User',
		lastName: String(i + 1),
		teamId: BOLDSIGN_IDS.defaultTeamId,
		teamName: 'Default',
		role: 'Member',
		userStatus: 'Active',
		createdDate: 1704067200 + i,
		modifiedDate: 1704067200 + i,
		metaData: {},
	})),
});

const getById = (extra = {}) => ({
	resource: 'user',
	operation: 'get',
	user: '={{ { "__rl": true, "mode": "id", "value": $json.id } }}',
	...extra,
});
const itemsFor = (ids) => ids.map((id) => ({ json: { id } }));
const ids = (n) => Array.from({ length: n }, (_, i) => `u-${i + 1}`);
const gets = () => mock.requests.filter((r) => r.path === '/v1/users/get');

async function run(parameters, items, extra = {}) {
	const result = await n8n.run({ type: 'boldSign', parameters, items, ...extra });
	expect(errorText(result.error) + JSON.stringify(result.output)).not.toContain(API_KEY);
	return result;
}

beforeAll(async () => {
	mock = await startBoldSignMock({ apiKey: API_KEY, seed });
	n8n = await createInstance({ boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: mock.url } });
});
afterAll(async () => mock.close());
beforeEach(() => {
	mock.reset();
	mock.rateLimit = null;
	mock.latencyMs = 30;
});

describe('items at once', () => {
	test('by default 20 items run at once; output order and pairing follow the input', async () => {
		// Slow answers, so that all 20 overlap even on a loaded machine.
		mock.latencyMs = 300;
		const { output, error } = await run(getById(), itemsFor(ids(USERS)));
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.id)).toEqual(ids(USERS));
		expect(output.map((o) => o.pairedItem)).toEqual(ids(USERS).map((_, i) => ({ item: i })));
		expect(mock.maxInFlight).toBe(20);
	});

	test('Items at Once bounds the requests in flight', async () => {
		mock.latencyMs = 200;
		await run(getById({ requestOptions: { concurrency: 3 } }), itemsFor(ids(12)));
		expect(gets()).toHaveLength(12);
		expect(mock.maxInFlight).toBe(3);
		mock.reset();
		await run(getById({ requestOptions: { concurrency: 1 } }), itemsFor(ids(4)));
		expect(mock.maxInFlight).toBe(1);
	});

	test('the same user twice in one run is changed in input order, other users alongside', async () => {
		// The first change of u-1 is answered slowly; the second must still come after it.
		mock.failNext({ delayMs: 400, match: (r) => r.method === 'PUT' && r.body?.userId === 'u-1' && r.body?.userRole === 'Admin' });
		const { json, error } = await run(
			{ resource: 'user', operation: 'updateRole', role: '={{ $json.role }}', user: '={{ { "__rl": true, "mode": "id", "value": $json.id } }}' },
			[
				{ json: { id: 'u-3', role: 'Admin' } },
				{ json: { id: 'u-1', role: 'Admin' } },
				{ json: { id: 'u-2', role: 'TeamAdmin' } },
				{ json: { id: 'u-1', role: 'TeamAdmin' } },
			],
		);
		expect(error).toBeUndefined();
		const put = (userId, role) => mock.requests.find((r) => r.method === 'PUT' && r.body.userId === userId && r.body.userRole === role);
		// The second change of u-1 was sent only after the first one was answered (400 ms later)...
		expect(put('u-1', 'TeamAdmin').at).toBeGreaterThanOrEqual(put('u-1', 'Admin').at + 400);
		// ...while u-2 did not wait for it.
		expect(put('u-2', 'TeamAdmin').at).toBeLessThan(put('u-1', 'Admin').at + 300);
		expect(mock.state.users.find((u) => u.userId === 'u-1').role).toBe('TeamAdmin');
		expect(json.map((u) => u.role)).toEqual(['Admin', 'Admin', 'TeamAdmin', 'TeamAdmin']);
	});

	test('without Continue On Fail no item starts after one has failed; with it every item runs', async () => {
		const items = itemsFor(['u-1', 'missing', ...ids(USERS).slice(1)]);
		const stopped = await run(getById({ requestOptions: { concurrency: 2 } }), items);
		expect(stopped.error.message).toBe('BoldSign returned 400: Invalid User ID.');
		expect(gets().length).toBeLessThan(6);
		mock.reset();
		const { output } = await run(getById({ requestOptions: { concurrency: 2 } }), items, { continueOnFail: true });
		expect(output).toHaveLength(items.length);
		expect(output[1]).toMatchObject({ json: { error: 'BoldSign returned 400: Invalid User ID.' }, pairedItem: { item: 1 } });
	});
});

describe('one rate limiter per credential', () => {
	test('a 429 pauses every request of the credential, not only its own', async () => {
		mock.latencyMs = 0;
		mock.failNext({ status: 429, headers: { 'Retry-After': '1' }, match: (r) => r.query.userId === 'u-3' });
		const { json } = await run(getById({ requestOptions: { concurrency: 2 } }), itemsFor(ids(20)));
		expect(json).toHaveLength(20);
		const refused = gets().find((r) => r.query.userId === 'u-3');
		// Within the second after the 429, only the request already in flight may arrive.
		const during = gets().filter((r) => r.at > refused.at && r.at < refused.at + 900);
		expect(during.length).toBeLessThanOrEqual(1);
		expect(gets()).toHaveLength(21);
	});

	test('requests wait for the quota the vendor announces instead of provoking 429s', async () => {
		const reset = Math.floor(Date.now() / 1000) + 2;
		mock.rateLimit = { limit: 2000, remaining: 3, reset, enforce: true };
		const { json } = await run(getById(), itemsFor(ids(8)));
		expect(json.map((u) => u.id)).toEqual(ids(8));
		expect(mock.refused).toBe(0);
		// 3 were left until the reset: the other 5 waited for it.
		expect(gets().filter((r) => r.at < reset * 1000)).toHaveLength(3);
		expect(gets()).toHaveLength(8);
	});

	test('a quota used up until a reset far away fails at once, saying when it resets', async () => {
		mock.rateLimit = { limit: 2000, remaining: 0, reset: Math.floor(Date.now() / 1000) + 1800 };
		const { error } = await run(getById(), itemsFor(ids(3)));
		expect(error.message).toBe("BoldSign's rate limit was reached");
		expect(error.description).toMatch(/^The quota resets at [\d-]+T[\d:]+Z \(in about 30 min\).* 0 requests were left/);
		// The first answer announced the empty quota; nothing more was sent.
		expect(gets()).toHaveLength(1);
	});

	test('a run that needs more requests than the hourly budget says so before sending any', async () => {
		// BoldSign allows 2,000 requests an hour (../shared/reference/vendor-apis.md §3.4); each item needs one.
		const { error } = await run(getById(), itemsFor(Array.from({ length: 2001 }, (_, i) => `u-${(i % USERS) + 1}`)));
		expect(error.message).toBe('This run needs at least 2001 more requests, more than BoldSign allows before its quota resets');
		expect(error.description).toMatch(/2000 requests were left/);
		expect(mock.requests).toHaveLength(0);
	});
});

describe('users by email across many items', () => {
	const byEmail = { resource: 'user', operation: 'get', user: '={{ { "__rl": true, "mode": "email", "value": $json.email } }}' };
	const lists = () => mock.requests.filter((r) => r.path === '/v1/users/list');

	test('12 items by email: one pass over the list answers them all, no search per item', async () => {
		const emails = Array.from({ length: 12 }, (_, i) => ({ json: { email: `User${i + 1}@example.com` } }));
		const { json, error } = await run(byEmail, emails);
		expect(error).toBeUndefined();
		expect(json.map((u) => u.id)).toEqual(ids(12));
		expect(lists().map((r) => r.query)).toEqual([{ Page: '1', PageSize: '100' }]);
		expect(gets()).toHaveLength(0);
	});

	test('an email the pass does not find is that item’s error only', async () => {
		const emails = [...ids(5).map((id) => `user${id.slice(2)}@example.com`), 'nobody@example.com'].map((email) => ({ json: { email } }));
		const { output } = await run(byEmail, emails, { continueOnFail: true });
		expect(output.slice(0, 5).map((o) => o.json.id)).toEqual(ids(5));
		expect(output[5].json.error).toBe('No BoldSign user has the email nobody@example.com');
		expect(lists()).toHaveLength(1);
	});

	test('a few items by email are searched one by one', async () => {
		const { json } = await run(byEmail, [{ json: { email: 'user2@example.com' } }, { json: { email: 'user3@example.com' } }]);
		expect(json.map((u) => u.id)).toEqual(['u-2', 'u-3']);
		expect(lists().map((r) => r.query.Search).sort()).toEqual(['user2@example.com', 'user3@example.com']);
	});
});
