'use strict';
// SignNow through the shared transport: SignNow publishes no rate limit and no rate-limit headers (reference
// §2.6), so its profile is a few requests at a time, and a 429 backs off and retries.

const { T, byId, startSignNow } = require('./setup');

let env;
beforeAll(async () => {
	env = await startSignNow();
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const getTeam = (id = T.sales) => ({ resource: 'team', operation: 'get', team: byId(id) });

test('a 429 without Retry-After backs off (about 1 s) and retries', async () => {
	await env.run(getTeam()); // token first
	env.mock.requests.length = 0;
	env.mock.failNext({ status: 429, match: (r) => r.path.startsWith('/team/') });
	const started = Date.now();
	const { json } = await env.run(getTeam());
	expect(json[0].id).toBe(T.sales);
	expect(env.calls('GET', `/team/${T.sales}`)).toHaveLength(2);
	expect(Date.now() - started).toBeGreaterThanOrEqual(450);
});

test('a 429 on a POST is retried too (SignNow refused it before doing anything)', async () => {
	env.mock.failNext({ status: 429, headers: { 'Retry-After': '0' }, match: (r) => r.path === '/team' });
	const { json } = await env.run({ resource: 'team', operation: 'create', name: 'Retry Team', type: 'VIEWABLE' });
	expect(json[0].name).toBe('Retry Team');
	expect(env.calls('POST', '/team')).toHaveLength(2);
});

test('a dropped answer to a POST is not sent again (it may have been done)', async () => {
	env.mock.failNext({ fault: 'drop-after-apply', match: (r) => r.path === '/team' });
	const { error } = await env.run({ resource: 'team', operation: 'create', name: 'Once Only', type: 'VIEWABLE' }, { expectError: true });
	expect(error.message).toMatch(/^Could not reach SignNow at /);
	expect(env.calls('POST', '/team')).toHaveLength(1);
});

test('no more than 4 requests in flight for one credential, whatever Items at Once says', async () => {
	await env.run(getTeam()); // token first
	const arrivals = [];
	const body = { id: T.sales, name: 'Sales', members: [] };
	env.mock.failNext({ status: 200, body, delayMs: 150, count: 12, match: (r) => r.path.startsWith('/team/') && arrivals.push(Date.now()) > 0 });
	const items = Array.from({ length: 12 }, (_, n) => ({ json: { n } }));
	const { json } = await env.run({ ...getTeam(), requestOptions: { concurrency: 12 } }, { items });
	expect(json).toHaveLength(12);
	const overlapping = arrivals.map((t) => arrivals.filter((u) => u <= t && u > t - 140).length);
	expect(Math.max(...overlapping)).toBeLessThanOrEqual(4);
	expect(Math.max(...overlapping)).toBeGreaterThanOrEqual(2);
});
