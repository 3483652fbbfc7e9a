'use strict';
// pagination.ts: the paginators' arithmetic, and collect / findFirst walking real lists served over HTTP.

const { collect, findFirst, nextUrlPaging, offsetPaging, pageNumberPaging } = require('../../dist/nodes/shared/pagination');
const { NODE, delay, requestContext, send, startServer, vendor } = require('./support');

const response = (body) => ({ status: 200, headers: {}, body });
const get = (path, qs) => ({ method: 'GET', path, ...(qs ? { qs } : {}) });
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('pageNumberPaging', () => {
	const items = (body) => body.list;
	test('first page and size; pages counted from firstPage', () => {
		const p = pageNumberPaging({ pageParam: 'Page', sizeParam: 'PageSize', maxPageSize: 100, firstPage: 0, items });
		expect(p.maxPageSize).toBe(100);
		expect(p.items({ list: [1] })).toEqual([1]);
		const first = p.first(get('/x', { q: 1 }), 30);
		expect(first).toEqual({ method: 'GET', path: '/x', qs: { q: 1, Page: 0, PageSize: 30 } });
		expect(p.next(first, response({}), 30, 30, 30).qs.Page).toBe(1);
		// A request without a page number is on the first page.
		expect(p.next(get('/x'), response({}), 30, 30, 30).qs).toEqual({ Page: 1 });
		expect(p.ahead(get('/x'), 2).qs).toEqual({ Page: 2 });
	});
	test('without a total, a full page means more; an empty or short page ends the list', () => {
		const p = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, items });
		const first = p.first(get('/x'), 10);
		expect(p.next(first, response({}), 11, 10, 11).qs.page).toBe(2);
		expect(p.next(first, response({}), 0, 10, 0)).toBeUndefined();
		expect(p.next(first, response({}), 9, 10, 9)).toBeUndefined();
		expect(p.remaining(first, response({}), 10)).toBeUndefined();
	});
	test('with a total: more while fewer were fetched; an empty page still ends it', () => {
		const p = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, items, total: (b) => b.total });
		const first = p.first(get('/x'), 10);
		expect(p.next(first, response({ total: 30 }), 10, 10, 29).qs.page).toBe(2);
		expect(p.next(first, response({ total: 30 }), 10, 10, 30)).toBeUndefined();
		expect(p.next(first, response({ total: 30 }), 0, 10, 10)).toBeUndefined();
		// An unusable total: the page length decides.
		expect(p.next(first, response({ total: 'many' }), 10, 10, 10).qs.page).toBe(2);
		expect(p.next(first, response({ total: 'many' }), 5, 10, 15)).toBeUndefined();
		expect(p.ahead).toBeUndefined();
	});
	test('remaining: the pages after the first, planned from the size actually served', () => {
		const p = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, firstPage: 1, items, total: (b) => b.total });
		const first = p.first(get('/x'), 10);
		expect(p.remaining(first, response({ total: 25 }), 10).map((r) => r.qs)).toEqual([
			{ page: 2, size: 10 },
			{ page: 3, size: 10 },
		]);
		expect(p.remaining(first, response({ total: 12 }), 5).map((r) => r.qs.page)).toEqual([2, 3]);
		expect(p.remaining(first, response({ total: 10 }), 10)).toEqual([]);
		expect(p.remaining(first, response({ total: 0 }), 0)).toBeUndefined();
		expect(p.remaining(first, response({ total: 0 }), 3)).toEqual([]);
		expect(p.remaining(first, response({}), 10)).toBeUndefined();
	});
	test('remaining never plans more than 10,000 pages', () => {
		const p = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, items, total: (b) => b.total });
		const pages = p.remaining(p.first(get('/x'), 1), response({ total: 1e9 }), 1);
		expect(pages).toHaveLength(9_999);
		expect(pages[pages.length - 1].qs.page).toBe(10_000);
	});
	test('a stated total is a number, or a string of one, not negative', () => {
		const plan = (total) => {
			const p = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, items, total: () => total });
			return p.remaining(p.first(get('/x'), 10), response({}), 10)?.length;
		};
		expect(plan(30)).toBe(2);
		expect(plan('30')).toBe(2);
		expect(plan(' 30 ')).toBe(2);
		expect(plan('')).toBeUndefined();
		expect(plan('   ')).toBeUndefined();
		expect(plan('thirty')).toBeUndefined();
		expect(plan(-1)).toBeUndefined();
		expect(plan(Infinity)).toBeUndefined();
		expect(plan(null)).toBeUndefined();
		expect(plan(true)).toBeUndefined();
		expect(plan(0)).toBe(0);
	});
});

describe('offsetPaging', () => {
	const make = (extra = {}) => offsetPaging({ offsetParam: 'start', limitParam: 'take', maxPageSize: 100, items: (b) => b.list, ...extra });
	test('first at offset 0; the next offset follows what came back', () => {
		const p = make();
		expect(p.maxPageSize).toBe(100);
		expect(p.items({ list: ['a'] })).toEqual(['a']);
		const first = p.first(get('/x', { q: 'a' }), 20);
		expect(first.qs).toEqual({ q: 'a', start: 0, take: 20 });
		expect(p.next(first, response({}), 20, 20).qs).toEqual({ q: 'a', start: 20, take: 20 });
		expect(p.next({ ...first, qs: { start: 40, take: 20 } }, response({}), 20, 20).qs.start).toBe(60);
		// No offset given: from 0.
		expect(p.next(get('/x'), response({}), 5, 5).qs).toEqual({ start: 5 });
		expect(p.next(first, response({}), 19, 20)).toBeUndefined();
		expect(p.next(first, response({}), 0, 20)).toBeUndefined();
		expect(p.remaining(first, response({}), 20)).toBeUndefined();
		expect(p.ahead).toBeUndefined();
	});
	test('the total decides, even against a short or a full page', () => {
		const p = make({ total: (b) => b.total });
		const first = p.first(get('/x'), 20);
		expect(p.next(first, response({ total: 20 }), 20, 20)).toBeUndefined();
		expect(p.next(first, response({ total: 21 }), 20, 20).qs.start).toBe(20);
		expect(p.next(first, response({ total: 21 }), 0, 20)).toBeUndefined();
	});
	test('a next link means more; its absence with a short page means the end', () => {
		const p = make({ hasNextLink: (b) => Boolean(b.next) });
		const first = p.first(get('/x'), 20);
		expect(p.next(first, response({ next: '/x?start=5' }), 5, 20).qs.start).toBe(5);
		expect(p.next(first, response({}), 5, 20)).toBeUndefined();
		expect(p.next(first, response({}), 20, 20).qs.start).toBe(20);
	});
	test('remaining: every offset up to the total, in steps of the first page; at most 10,000', () => {
		const p = make({ total: (b) => b.total });
		const first = p.first(get('/x'), 20);
		expect(p.remaining(first, response({ total: 50 }), 20).map((r) => r.qs)).toEqual([
			{ start: 20, take: 20 },
			{ start: 40, take: 20 },
		]);
		expect(p.remaining(first, response({ total: 40 }), 20).map((r) => r.qs.start)).toEqual([20]);
		expect(p.remaining(first, response({ total: 20 }), 20)).toEqual([]);
		expect(p.remaining({ ...first, qs: { start: 10, take: 20 } }, response({ total: 45 }), 20).map((r) => r.qs.start)).toEqual([30]);
		expect(p.remaining(first, response({ total: 50 }), 0)).toBeUndefined();
		expect(p.remaining(first, response({ total: 1e9 }), 1)).toHaveLength(10_000);
	});
});

describe('nextUrlPaging', () => {
	test('the page size goes on the first request when the vendor takes one', () => {
		const sized = nextUrlPaging({ maxPageSize: 50, sizeParam: 'limit', items: (b) => b.data, nextUrl: (b) => b.next });
		expect(sized.maxPageSize).toBe(50);
		expect(sized.items({ data: [1, 2] })).toEqual([1, 2]);
		expect(sized.first(get('/x', { a: 1 }), 25).qs).toEqual({ a: 1, limit: 25 });
		const plain = nextUrlPaging({ maxPageSize: 50, items: (b) => b.data, nextUrl: (b) => b.next });
		const request = get('/x', { a: 1 });
		expect(plain.first(request, 25)).toBe(request);
	});
	test('follows the link given with the response; stops without one, on an empty page or a repeated link', () => {
		const seen = [];
		const p = nextUrlPaging({ maxPageSize: 50, items: (b) => b.data, nextUrl: (b, r) => (seen.push(r.status), b.next) });
		const first = { ...get('/x'), itemIndex: 4 };
		expect(p.next(first, response({ next: 'https://h/x?cursor=2' }), 50, 50)).toEqual({ method: 'GET', url: 'https://h/x?cursor=2', itemIndex: 4 });
		expect(seen).toEqual([200]);
		expect(p.next(first, response({}), 50, 50)).toBeUndefined();
		expect(p.next(first, response({ next: '' }), 50, 50)).toBeUndefined();
		expect(p.next(first, response({ next: 'https://h/x?cursor=2' }), 0, 50)).toBeUndefined();
		expect(p.next({ ...first, url: 'https://h/x?cursor=2' }, response({ next: 'https://h/x?cursor=2' }), 50, 50)).toBeUndefined();
	});
});

describe('collect and findFirst over HTTP', () => {
	let server;
	let list;
	let options;
	beforeAll(async () => {
		server = await startServer(async (req, res, rec) => {
			const o = options;
			if (o.delayMs) await delay(o.delayMs);
			if (o.delayOf) await delay(o.delayOf(rec));
			const headers = o.firstPageHeaders && server.requests.length === 1 ? o.firstPageHeaders : {};
			if (o.fail && o.fail(rec)) return send(res, 404, { message: 'gone' });
			const q = rec.query;
			let start;
			let size;
			if (rec.path === '/pages') {
				size = Math.min(Number(q.size), o.serveMax ?? Infinity);
				start = (Number(q.page) - 1) * size;
			} else if (rec.path === '/varied') {
				// Pages of the sizes the test chooses, whatever was asked for.
				const n = Number(q.page);
				const body = { list: range(1, o.sizes(n)).map((i) => ({ id: n * 1000 + i })) };
				if (o.total !== undefined) body.total = o.total;
				return send(res, 200, body);
			} else if (rec.path === '/offsets') {
				size = Math.min(Number(q.take), o.serveMax ?? Infinity);
				start = Number(q.start);
			} else {
				size = Number(q.limit ?? 5);
				start = Number(q.cursor ?? 0);
			}
			const page = list.slice(start, start + size);
			const body = { list: page };
			if (o.total !== undefined) body.total = o.total;
			if (rec.path === '/cursor' && start + size < list.length) body.next = `${server.url}/cursor?cursor=${start + size}&limit=${size}`;
			send(res, 200, body, headers);
		});
	});
	afterAll(() => server.close());
	beforeEach(() => {
		server.requests.length = 0;
		server.stats.maxInFlight = 0;
		list = range(1, 23).map((id) => ({ id }));
		options = {};
	});

	const pages = (total) =>
		pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, items: (b) => b.list, ...(total ? { total: (b) => b.total } : {}) });
	const offsets = () => offsetPaging({ offsetParam: 'start', limitParam: 'take', maxPageSize: 10, items: (b) => b.list, total: (b) => b.total });
	const run = (paginator, paging, path = '/pages', map) =>
		collect.call(requestContext(), vendor(server.url), get(path), paginator, paging, map);
	const ids = (items) => items.map((item) => item.id);
	const requested = (param) => server.requests.map((r) => Number(r.query[param]));

	test('without a total: pages fetched a few ahead, in order, until the first short page', async () => {
		options = { delayMs: 20 };
		const items = await run(pages(false), { returnAll: true });
		expect(ids(items)).toEqual(range(1, 23));
		// Page 3 is short; pages 4 to 6 were already asked for (3 ahead of the page being read).
		expect(requested('page').sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(server.stats.maxInFlight).toBe(4);
		expect(server.requests.every((r) => r.query.size === '10')).toBe(true);
	});

	test('with a Limit, pages no larger than the Limit and never more than it can use', async () => {
		expect(ids(await run(pages(false), { returnAll: false, limit: 15 }))).toEqual(range(1, 15));
		expect(requested('page')).toEqual([1, 2]);
		server.requests.length = 0;
		expect(ids(await run(pages(false), { returnAll: false, limit: 5 }))).toEqual(range(1, 5));
		expect(server.requests.map((r) => r.query)).toEqual([{ page: '1', size: '5' }]);
		server.requests.length = 0;
		expect(ids(await run(pages(false), { returnAll: false, limit: 21 }))).toEqual(range(1, 21));
		expect(requested('page')).toEqual([1, 2, 3]);
	});

	test('a list shorter than one page takes one request', async () => {
		list = range(1, 4).map((id) => ({ id }));
		expect(ids(await run(pages(false), { returnAll: true }))).toEqual(range(1, 4));
		expect(server.requests).toHaveLength(1);
	});

	test('a Limit of 0 or less asks for nothing; no Limit means 50', async () => {
		expect(await run(pages(false), { returnAll: false, limit: 0 })).toEqual([]);
		expect(await run(pages(false), { returnAll: false, limit: -3 })).toEqual([]);
		expect(server.requests).toHaveLength(0);
		list = range(1, 120).map((id) => ({ id }));
		const paginator = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 100, items: (b) => b.list });
		expect(await run(paginator, { returnAll: false })).toHaveLength(50);
		expect(server.requests.map((r) => r.query)).toEqual([{ page: '1', size: '50' }]);
	});

	test('each item goes through map', async () => {
		const items = await run(pages(false), { returnAll: false, limit: 12 }, '/pages', (item) => ({ user: item.id * 10 }));
		expect(items.map((i) => i.user)).toEqual(range(1, 12).map((n) => n * 10));
	});

	test('with a total, the pages after the first are fetched concurrently and kept in order', async () => {
		options = { total: 23, serveMax: 5, delayMs: 15 };
		const items = await run(pages(true), { returnAll: true });
		expect(ids(items)).toEqual(range(1, 23));
		expect(requested('page').sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
		expect(server.stats.maxInFlight).toBe(4);
	});

	test('at most 8 pages at once', async () => {
		list = range(1, 20).map((id) => ({ id }));
		options = { total: 20, serveMax: 1, delayMs: 15 };
		expect(ids(await run(pages(true), { returnAll: true }))).toEqual(range(1, 20));
		expect(server.stats.maxInFlight).toBe(8);
		expect(server.requests).toHaveLength(20);
	});

	test('with a total and a Limit, only the pages the Limit needs', async () => {
		options = { total: 23, serveMax: 5 };
		expect(ids(await run(pages(true), { returnAll: false, limit: 12 }))).toEqual(range(1, 12));
		expect(requested('page').sort((a, b) => a - b)).toEqual([1, 2, 3]);
		server.requests.length = 0;
		expect(ids(await run(pages(true), { returnAll: false, limit: 10 }))).toEqual(range(1, 10));
		expect(requested('page').sort((a, b) => a - b)).toEqual([1, 2]);
	});

	test('a total larger than the list: an empty page stops the fetching', async () => {
		list = range(1, 12).map((id) => ({ id }));
		options = { total: 100, serveMax: 5 };
		expect(ids(await run(pages(true), { returnAll: true }))).toEqual(range(1, 12));
		// Pages 2 to 9 went out together, 10 and 11 as pages 2 and 3 were read; page 4 was empty: nothing after.
		expect(Math.max(...requested('page'))).toBe(11);
		expect(server.requests).toHaveLength(11);
	});

	test('offsets with a total', async () => {
		options = { total: 23, serveMax: 4 };
		expect(ids(await run(offsets(), { returnAll: true }, '/offsets'))).toEqual(range(1, 23));
		expect(requested('start').sort((a, b) => a - b)).toEqual([0, 4, 8, 12, 16, 20]);
	});

	test('offsets without a total: one page after the other', async () => {
		const paginator = offsetPaging({ offsetParam: 'start', limitParam: 'take', maxPageSize: 10, items: (b) => b.list });
		expect(ids(await run(paginator, { returnAll: true }, '/offsets'))).toEqual(range(1, 23));
		expect(requested('start')).toEqual([0, 10, 20]);
		server.requests.length = 0;
		// A Limit reached stops the walk.
		expect(ids(await run(paginator, { returnAll: false, limit: 12 }, '/offsets'))).toEqual(range(1, 12));
		expect(requested('start')).toEqual([0, 10]);
	});

	test('next links, followed to the end', async () => {
		const paginator = nextUrlPaging({ maxPageSize: 10, sizeParam: 'limit', items: (b) => b.list, nextUrl: (b) => b.next });
		expect(ids(await run(paginator, { returnAll: true }, '/cursor'))).toEqual(range(1, 23));
		expect(server.requests.map((r) => r.url)).toEqual(['/cursor?limit=10', '/cursor?cursor=10&limit=10', '/cursor?cursor=20&limit=10']);
	});

	test("more pages than the vendor's remaining quota allows: refused before they are sent", async () => {
		options = { total: 23, serveMax: 5, firstPageHeaders: { 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '600' } };
		const error = await collect
			.call(requestContext(), vendor(server.url), { ...get('/pages'), itemIndex: 2 }, pages(true), { returnAll: true })
			.catch((e) => e);
		expect(error.message).toBe('This run needs at least 4 more requests, more than Vendor allows before its quota resets');
		expect(error.description).toMatch(/\(in about 10 min\)/);
		expect(error.description).toContain(' 3 requests were left in the current window.');
		expect(error.context.itemIndex).toBe(2);
		expect(server.requests).toHaveLength(1);
	});

	test('a quota that is just enough, or a Limit that needs fewer pages, goes ahead', async () => {
		options = { total: 23, serveMax: 5, firstPageHeaders: { 'X-RateLimit-Remaining': '4', 'X-RateLimit-Reset': '600' } };
		expect(await run(pages(true), { returnAll: true })).toHaveLength(23);
		server.requests.length = 0;
		options = { total: 23, serveMax: 5, firstPageHeaders: { 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '600' } };
		expect(await run(pages(true), { returnAll: false, limit: 10 })).toHaveLength(10);
	});

	test('a failing page fails the list, after the pages in flight have settled', async () => {
		// Page 3 fails while page 2 is still awaited: its failure waits its turn, never unhandled. Pages 4 and 5
		// are still out when it is read.
		options = { total: 23, serveMax: 5, fail: (rec) => rec.query.page === '3', delayOf: (rec) => ({ 2: 80, 4: 150, 5: 150 })[rec.query.page] ?? 0 };
		await expect(run(pages(true), { returnAll: true })).rejects.toThrow('Vendor returned 404: gone');
		expect(server.requests).toHaveLength(5);
		expect(server.stats.inFlight).toBe(0);
	});

	test('pages asked for ahead are awaited before the list is returned', async () => {
		options = { delayOf: (rec) => (Number(rec.query.page) >= 4 ? 60 : 0) };
		expect(await run(pages(false), { returnAll: true })).toHaveLength(23);
		expect(server.requests).toHaveLength(6);
		expect(server.stats.inFlight).toBe(0);
	});

	test('pages larger than the first one: the Limit stops the concurrent fetching', async () => {
		// The first page has 2 items of 100: 19 more pages planned for a Limit of 40, but 10-item pages reach it at page 5.
		options = { total: 100, sizes: (page) => (page === 1 ? 2 : 10) };
		const items = await run(pages(true), { returnAll: false, limit: 40 }, '/varied');
		expect(items).toHaveLength(40);
		// Pages 2 to 9 went out first, 10 to 12 as pages 2 to 4 were read.
		expect(server.requests).toHaveLength(12);
	});

	test('pages larger than asked for: the Limit stops the look-ahead', async () => {
		options = { sizes: (page) => (page === 1 ? 10 : 30) };
		const items = await run(pages(false), { returnAll: false, limit: 100 }, '/varied');
		expect(items).toHaveLength(100);
		// Pages 2 to 5 went out first, 6 and 7 as pages 2 and 3 were read; page 4 completed the Limit.
		expect(server.requests).toHaveLength(7);
	});

	test('an hourly budget of our own (no reset from the vendor) resets an hour after its oldest request', async () => {
		options = { total: 23, serveMax: 5 };
		const api = vendor(server.url, { rateProfile: () => ({ concurrency: 5, windows: [{ kind: 'hourly', limit: 3, windowMs: 3_600_000 }] }) });
		const error = await collect.call(requestContext(), api, get('/pages'), pages(true), { returnAll: true }).catch((e) => e);
		expect(error.message).toBe('This run needs at least 4 more requests, more than Vendor allows before its quota resets');
		expect(error.description).toMatch(/\(in about 60 min\)/);
		expect(error.description).toContain(' 2 requests were left in the current window.');
	});

	test('a paginator is told how many items came so far', async () => {
		const seen = [];
		const base = pages(false);
		const paginator = { ...base, ahead: undefined, next: (...args) => (seen.push(args[4]), base.next(...args)) };
		expect(await run(paginator, { returnAll: true })).toHaveLength(23);
		expect(seen).toEqual([10, 20, 23]);
	});

	test('findFirst walks full pages until an item matches, and no further', async () => {
		const found = await findFirst.call(requestContext(), vendor(server.url), get('/pages'), pages(false), (item) => item.id === 17);
		expect(found).toEqual({ id: 17 });
		expect(server.requests.map((r) => r.query)).toEqual([
			{ page: '1', size: '10' },
			{ page: '2', size: '10' },
		]);
	});

	test('findFirst with a total reads exactly the pages the total covers', async () => {
		options = { total: 23, serveMax: 5 };
		expect(await findFirst.call(requestContext(), vendor(server.url), get('/pages'), pages(true), () => false)).toBeUndefined();
		expect(requested('page')).toEqual([1, 2, 3, 4, 5]);
	});

	test('findFirst without a match reads to the end', async () => {
		expect(await findFirst.call(requestContext(), vendor(server.url), get('/pages'), pages(false), () => false)).toBeUndefined();
		expect(requested('page')).toEqual([1, 2, 3]);
		server.requests.length = 0;
		options = { total: 23, serveMax: 5 };
		expect(await findFirst.call(requestContext(), vendor(server.url), get('/pages'), pages(true), (item) => item.id === 23)).toEqual({ id: 23 });
		expect(requested('page')).toEqual([1, 2, 3, 4, 5]);
	});
});

describe('10,000 pages at most', () => {
	// A vendor that never stops handing out pages; answered by n8n's helper without a network, to be quick.
	const endless = () => {
		const ctx = {
			getNode: () => NODE,
			calls: 0,
			helpers: {
				httpRequestWithAuthentication: async (type, options) => {
					ctx.calls++;
					const n = ctx.calls;
					return { statusCode: 200, headers: {}, body: { list: [{ id: n }, { id: -n }], next: `https://vendor.test/p?n=${n}` } };
				},
			},
		};
		return ctx;
	};
	const api = { ...vendor('https://vendor.test'), rateProfile: () => ({ concurrency: 10, windows: [] }) };

	test('following next links', async () => {
		const ctx = endless();
		const paginator = nextUrlPaging({ maxPageSize: 2, items: (b) => b.list, nextUrl: (b) => b.next });
		expect(await collect.call(ctx, api, get('/p'), paginator, { returnAll: true })).toHaveLength(20_000);
		expect(ctx.calls).toBe(10_000);
	});

	test('reading ahead by page number', async () => {
		const ctx = endless();
		const paginator = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 2, items: (b) => b.list });
		expect(await collect.call(ctx, api, get('/p'), paginator, { returnAll: true })).toHaveLength(20_000);
		expect(ctx.calls).toBe(10_000);
	});

	test('looking for an item', async () => {
		const ctx = endless();
		const paginator = nextUrlPaging({ maxPageSize: 2, items: (b) => b.list, nextUrl: (b) => b.next });
		expect(await findFirst.call(ctx, api, get('/p'), paginator, () => false)).toBeUndefined();
		expect(ctx.calls).toBe(10_000);
	});
});
