'use strict';
// PandaDoc's per-endpoint, per-minute limits (reference §4.3) with the mock's window shortened to seconds:
// the node waits as long as the 429 asks (body "Expected available in N seconds", or Retry-After), and an
// audit of a few hundred members under a sandbox-sized limit (10 per window) finishes without an error.

const { PANDADOC_IDS, byId, startPandaDoc } = require('./setup');
const { defaultSeed } = require('../../mocks/pandadoc');

const mid = PANDADOC_IDS.membershipId;
const getMember = (member) => ({ resource: 'member', operation: 'get', member, requestOptions: { concurrency: 1 } });

/** Every 429 the mock sent, with the time the same request came back: never before the slot it named. */
function retriesAfterThrottles(mock) {
	return mock.throttled.map((t) => {
		const again = mock.requests.find(
			(r) => r.at > t.at && r.method === t.method && r.path === t.path && JSON.stringify(r.query) === JSON.stringify(t.query),
		);
		return { early: again ? again.at < t.availableAt : undefined, retried: Boolean(again) };
	});
}

describe('waits', () => {
	let env;
	beforeAll(async () => {
		env = await startPandaDoc({ rateLimit: { limit: 1, windowMs: 2000 } });
	});
	afterAll(async () => env.mock.close());
	beforeEach(() => env.mock.reset());

	test('a 429 body "Expected available in 2 seconds" (no header) is waited out, not a 1 s backoff', async () => {
		const { json } = await env.run(getMember('={{ $json.member }}'), {
			items: [{ json: { member: byId(mid(2)) } }, { json: { member: byId(mid(3)) } }],
		});
		expect(json.map((m) => m.email)).toEqual(['ben.brooks@example.com', 'cleo.carter@example.com']);
		expect(env.mock.throttled).toHaveLength(1);
		expect(env.mock.requests.find((r) => r.method === 'GET' && r.path.endsWith(mid(3)) && r.at > env.mock.throttled[0].at)).toBeDefined();
		expect(retriesAfterThrottles(env.mock)).toEqual([{ early: false, retried: true }]);
	});

	test('Retry-After is honoured when the body gives no hint', async () => {
		env.mock.rateLimit = null;
		env.mock.failNext({ status: 429, headers: { 'Retry-After': '1' }, body: { type: 'request_throttled', detail: 'Too many requests.' } });
		const started = Date.now();
		const { json } = await env.run(getMember(byId(mid(2))));
		expect(json[0].email).toBe('ben.brooks@example.com');
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		env.mock.rateLimit = { limit: 1, windowMs: 2000 };
	});

	test('a 429 with neither hint is retried after a backoff', async () => {
		env.mock.failNext({ status: 429, body: { type: 'request_throttled', detail: 'Too many requests.' } });
		const { json } = await env.run(getMember(byId(mid(2))));
		expect(json[0].email).toBe('ben.brooks@example.com');
		expect(env.mock.requests).toHaveLength(2);
	});

	test('a wait over 90 s fails at once and says when to come back', async () => {
		env.mock.failNext({ status: 429, body: { type: 'request_throttled', detail: 'Request was throttled. Expected available in 91 seconds.' } });
		const { error } = await env.run(getMember(byId(mid(2))), { expectError: true });
		expect(error.message).toBe("PandaDoc's rate limit was reached: Request was throttled. Expected available in 91 seconds.");
		expect(error.description).toMatch(/\(in about 2 min\), longer than this node waits/);
		expect(env.mock.requests).toHaveLength(1);
	});
});

describe('an audit of a few hundred members under 10 requests per window and endpoint', () => {
	let env;
	beforeAll(async () => {
		// 312 users and members; pages of at most 10, so the users list alone needs 32 requests.
		env = await startPandaDoc({ seed: () => defaultSeed({ bulk: 300 }), maxCount: 10, rateLimit: { limit: 10, windowMs: 2000 } });
	});
	afterAll(async () => env.mock.close());

	test('every user, every member and 25 members one by one, paced by the 429s, without an error', async () => {
		const started = Date.now();
		const users = await env.run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(users.json).toHaveLength(312);
		expect(new Set(users.json.map((u) => u.id)).size).toBe(312);

		const members = await env.run({ resource: 'member', operation: 'getAll', returnAll: true, simplify: false });
		expect(members.json).toHaveLength(310);

		const ids = members.json.slice(0, 25).map((m) => ({ json: { member: byId(m.membership_id) } }));
		const each = await env.run({ resource: 'member', operation: 'get', member: '={{ $json.member }}' }, { items: ids });
		expect(each.json.map((m) => m.id)).toEqual(members.json.slice(0, 25).map((m) => m.user_id));

		// The limit was hit on both endpoints, and every refused request came back only when its slot was free.
		expect(new Set(env.mock.throttled.map((t) => t.key))).toEqual(new Set(['GET /public/v1/users', 'GET /public/v1/members/:id']));
		const retries = retriesAfterThrottles(env.mock);
		expect(retries.every((r) => r.retried && r.early === false)).toBe(true);
		// 32 + 25 requests at 10 per 2 s take at least 2 × 2 s per endpoint; a fast test all the same.
		expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
	}, 60_000);
});
