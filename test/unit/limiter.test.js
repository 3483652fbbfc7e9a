'use strict';
// The rate limiter's keys and budgets (nodes/shared/limiter.ts), alone and through the transport and
// pagination with a stand-in n8n context whose HTTP helper answers 200 at once.

const { Limiter } = require('../../dist/nodes/shared/limiter');
const { apiRequestFull } = require('../../dist/nodes/shared/transport');
const { collect, pageNumberPaging } = require('../../dist/nodes/shared/pagination');

const burst = (limit, windowMs) => ({ kind: 'burst', limit, windowMs });
const hourly = (limit) => ({ kind: 'hourly', limit, windowMs: 3_600_000 });

describe('Limiter keys', () => {
	const now = 1_000_000;
	test('windows count per key: a full endpoint does not hold back another', async () => {
		const limiter = new Limiter({ concurrency: 10, windows: [burst(2, 1000)] });
		const send = async () => 'ok';
		const never = () => new Error('waited');
		await limiter.run(send, 0, never, 'GET /a');
		await limiter.run(send, 0, never, 'GET /a');
		expect(limiter.waitMs(Date.now(), 'GET /a')).toBeGreaterThan(900);
		expect(limiter.waitMs(Date.now(), 'GET /b')).toBe(0);
		await expect(limiter.run(send, 10, (ms) => new Error(`wait ${ms}`), 'GET /a')).rejects.toThrow(/^wait \d+/);
		await expect(limiter.run(send, 0, never, 'GET /b')).resolves.toBe('ok');
	});

	test('a pause holds only its key; without a key, the whole credential', () => {
		const limiter = new Limiter({ concurrency: 10, windows: [] });
		limiter.pause(5000, now, 'PATCH /x');
		expect(limiter.waitMs(now, 'PATCH /x')).toBe(5000);
		expect(limiter.waitMs(now, 'GET /y')).toBe(0);
		limiter.pause(3000, now);
		expect(limiter.waitMs(now)).toBe(3000);
		expect(limiter.waitMs(now, 'GET /y')).toBe(0);
	});

	test('live quota headers are kept per key', () => {
		const limiter = new Limiter({ concurrency: 10, windows: [hourly(100)] });
		limiter.observe({ status: 200, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }, body: {} }, now, 'GET /a');
		expect(limiter.waitMs(now, 'GET /a')).toBe(30_000);
		expect(limiter.waitMs(now, 'GET /b')).toBe(0);
	});

	test('remaining counts the chosen kinds of window only', () => {
		const limiter = new Limiter({ concurrency: 10, windows: [hourly(50), burst(5, 60_000)] });
		expect(limiter.remaining(now).count).toBe(5);
		expect(limiter.remaining(now, '', ['hourly']).count).toBe(50);
		expect(new Limiter({ concurrency: 1, windows: [burst(5, 60_000)] }).remaining(now, '', ['hourly'])).toBeUndefined();
	});
});

/** A stand-in for n8n's execute context: one node, an HTTP helper that answers every request with `body(options)`. */
function context(body = () => ({})) {
	const sent = [];
	return {
		sent,
		getNode: () => ({ name: 'Node', type: 'test', typeVersion: 1, parameters: {}, position: [0, 0], id: 'n' }),
		helpers: {
			httpRequestWithAuthentication: async (_type, options) => {
				sent.push(options);
				return { statusCode: 200, headers: {}, body: body(options) };
			},
		},
	};
}

const vendor = (more = {}) => ({
	name: 'Vendor',
	connection: async () => ({ credentialType: 'x', baseUrl: 'https://api.vendor.test', secrets: [] }),
	errorMessage: () => undefined,
	retry: { maxDelayMs: 50 },
	...more,
});

describe('through the transport', () => {
	test("the connection's own rate profile wins over the vendor's", async () => {
		const api = vendor({
			connection: async () => ({
				credentialType: 'x',
				baseUrl: 'https://api.vendor.test',
				secrets: [],
				rateProfile: { concurrency: 1, windows: [burst(1, 60_000)] },
			}),
			rateProfile: () => ({ concurrency: 10, windows: [] }),
		});
		const ctx = context();
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/a' });
		await expect(apiRequestFull.call(ctx, api, { method: 'GET', path: '/a' })).rejects.toThrow("Vendor's rate limit was reached");
		expect(ctx.sent).toHaveLength(1);
	});

	test('rateKey splits the windows by endpoint', async () => {
		const api = vendor({
			rateProfile: () => ({ concurrency: 10, windows: [burst(1, 60_000)] }),
			rateKey: (request) => `${request.method} ${request.path}`,
		});
		const ctx = context();
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/a' });
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/b' });
		await expect(apiRequestFull.call(ctx, api, { method: 'GET', path: '/a' })).rejects.toThrow(/rate limit was reached/);
		expect(ctx.sent.map((o) => o.url)).toEqual(['https://api.vendor.test/a', 'https://api.vendor.test/b']);
	});
});

test('a 429 pauses only the endpoint it came from', async () => {
	const answered = [];
	const ctx = {
		getNode: () => ({ name: 'Node', type: 'test', typeVersion: 1, parameters: {}, position: [0, 0], id: 'n' }),
		helpers: {
			httpRequestWithAuthentication: async (_type, options) => {
				answered.push(options.url);
				const first429 = options.url.endsWith('/a') && answered.filter((u) => u.endsWith('/a')).length === 1;
				return first429 ? { statusCode: 429, headers: { 'retry-after': '1' }, body: {} } : { statusCode: 200, headers: {}, body: {} };
			},
		},
	};
	const api = vendor({ retry: { maxDelayMs: 5000 }, rateKey: (request) => request.path });
	const started = Date.now();
	const slow = apiRequestFull.call(ctx, api, { method: 'GET', path: '/a' });
	await new Promise((resolve) => setTimeout(resolve, 100));
	await apiRequestFull.call(ctx, api, { method: 'GET', path: '/b' });
	expect(Date.now() - started).toBeLessThan(600);
	await slow;
	expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	expect(answered.map((u) => u.slice(-2))).toEqual(['/a', '/b', '/a']);
});

describe('a list longer than a window', () => {
	const paging = pageNumberPaging({ pageParam: 'page', sizeParam: 'count', maxPageSize: 10, items: (b) => b.results, total: (b) => b.total });
	const pages = (options) => ({ total: 50, results: Array.from({ length: 10 }, (_, i) => ({ n: (options.qs.page - 1) * 10 + i })) });

	test('a burst window is waited out, not refused', async () => {
		const ctx = context(pages);
		const api = vendor({ retry: { maxDelayMs: 5000 }, rateProfile: () => ({ concurrency: 10, windows: [burst(2, 200)] }) });
		const items = await collect.call(ctx, api, { method: 'GET', path: '/list' }, paging, { returnAll: true });
		expect(items.map((i) => i.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
	});

	test('an hourly window too small for the list is refused before the pages are sent', async () => {
		const ctx = context(pages);
		const api = vendor({ rateProfile: () => ({ concurrency: 10, windows: [hourly(3)] }) });
		await expect(collect.call(ctx, api, { method: 'GET', path: '/list' }, paging, { returnAll: true })).rejects.toThrow(
			'This run needs at least 4 more requests, more than Vendor allows before its quota resets',
		);
		expect(ctx.sent).toHaveLength(1);
	});
});
