'use strict';
// Pure pieces of the shared core that the vendor tests do not reach on every branch.

const { requestedDelayMs, apiRequestFull } = require('../../dist/nodes/shared/transport');
const { nextUrlPaging, offsetPaging, pageNumberPaging } = require('../../dist/nodes/shared/pagination');
const { redact, redactValue } = require('../../dist/nodes/shared/errors');
const { isoDate, normalizedUser } = require('../../dist/nodes/shared/user');

describe('requestedDelayMs', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	test('Retry-After in seconds and as an HTTP date', () => {
		expect(requestedDelayMs({ 'retry-after': '7' }, now)).toBe(7000);
		expect(requestedDelayMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30000);
	});
	test('X-RateLimit-Reset as an epoch timestamp or as seconds from now', () => {
		expect(requestedDelayMs({ 'x-ratelimit-reset': String(now / 1000 + 12) }, now)).toBe(12000);
		expect(requestedDelayMs({ 'x-ratelimit-reset': '3' }, now)).toBe(3000);
	});
	test('Retry-After wins over the reset header; nothing means undefined', () => {
		expect(requestedDelayMs({ 'retry-after': '1', 'x-ratelimit-reset': '50' }, now)).toBe(1000);
		expect(requestedDelayMs({}, now)).toBeUndefined();
	});
});

describe('same-origin guard on next-page links', () => {
	const node = { name: 'Node', type: 'test', typeVersion: 1, parameters: {}, position: [0, 0], id: 'n' };
	const api = {
		name: 'Vendor',
		connection: async () => ({ credentialType: 'x', baseUrl: 'https://api.vendor.test/management', secrets: ['s3cret'] }),
		errorMessage: () => undefined,
	};
	test('a link to another host is refused before any request is sent', async () => {
		const sent = [];
		const ctx = { getNode: () => node, helpers: { httpRequestWithAuthentication: async (...args) => sent.push(args) } };
		await expect(apiRequestFull.call(ctx, api, { method: 'GET', url: 'https://evil.test/management/v2/users?start=20' })).rejects.toThrow(
			"Refused to follow a link to https://evil.test: it is not on the credential's host https://api.vendor.test",
		);
		await expect(apiRequestFull.call(ctx, api, { method: 'GET', url: 'http://api.vendor.test/management/x' })).rejects.toThrow(/Refused/);
		expect(sent).toHaveLength(0);
	});
});

describe('paginators', () => {
	const response = (body) => ({ status: 200, headers: {}, body });
	test('page numbers stop at the first short page', () => {
		const p = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, items: (b) => b.list });
		const first = p.first({ method: 'GET', path: '/x', qs: { q: 'a' } }, 10);
		expect(first.qs).toEqual({ q: 'a', page: 1, size: 10 });
		expect(p.next(first, response({}), 10, 10, 10).qs).toEqual({ q: 'a', page: 2, size: 10 });
		expect(p.next(first, response({}), 9, 10, 9)).toBeUndefined();
		expect(p.ahead(first, 3).qs.page).toBe(4);
	});
	test('offsets advance by what came back; a next link or a total beats the short-page rule', () => {
		const p = offsetPaging({
			offsetParam: 'start',
			limitParam: 'take',
			maxPageSize: 5,
			items: () => [],
			total: (b) => b.total,
			hasNextLink: (b) => Boolean(b.next),
		});
		const first = p.first({ method: 'GET', path: '/x' }, 5);
		expect(p.next(first, response({}), 5, 5, 5).qs).toEqual({ start: 5, take: 5 });
		expect(p.next(first, response({}), 4, 5, 4)).toBeUndefined();
		// A server that serves 3 when asked for 5 still has more when it links or counts them.
		expect(p.next(first, response({ next: 'y' }), 3, 5, 3).qs).toEqual({ start: 3, take: 5 });
		expect(p.next(first, response({ total: 7 }), 3, 5, 3).qs).toEqual({ start: 3, take: 5 });
		expect(p.next(first, response({ total: 3 }), 3, 5, 3)).toBeUndefined();
		expect(p.next(first, response({ total: 9 }), 0, 5, 0)).toBeUndefined();
		expect(p.remaining(first, response({ total: 7 }), 3).map((r) => r.qs.start)).toEqual([3, 6]);
		expect(p.remaining(first, response({}), 3)).toBeUndefined();
	});
	test('page numbers with a total: the total decides, pages planned by the size served', () => {
		const p = pageNumberPaging({ pageParam: 'page', sizeParam: 'size', maxPageSize: 10, items: () => [], total: (b) => b.total });
		const first = p.first({ method: 'GET', path: '/x' }, 10);
		expect(p.next(first, response({ total: 12 }), 4, 10, 4).qs.page).toBe(2);
		expect(p.next(first, response({ total: 12 }), 4, 10, 12)).toBeUndefined();
		expect(p.remaining(first, response({ total: '12' }), 4).map((r) => r.qs.page)).toEqual([2, 3]);
		expect(p.ahead).toBeUndefined();
	});
	test('next URLs stop when absent or repeated', () => {
		const p = nextUrlPaging({ maxPageSize: 5, items: () => [], nextUrl: (b) => b.next });
		const first = p.first({ method: 'GET', path: '/x' }, 5);
		const second = p.next(first, response({ next: 'https://h/x?p=2' }), 5, 5);
		expect(second).toEqual({ method: 'GET', url: 'https://h/x?p=2', itemIndex: undefined });
		expect(p.next(second, response({ next: 'https://h/x?p=2' }), 5, 5)).toBeUndefined();
		expect(p.next(first, response({}), 5, 5)).toBeUndefined();
	});
});

describe('secrets and records', () => {
	test('redaction masks every occurrence, deep', () => {
		expect(redact('key abcd1234 and abcd1234', ['abcd1234'])).toBe('key *** and ***');
		expect(redactValue({ a: ['x abcd1234'], b: { c: 'abcd1234' }, n: 1 }, ['abcd1234'])).toEqual({ a: ['x ***'], b: { c: '***' }, n: 1 });
	});
	test('dates from seconds, milliseconds and strings', () => {
		expect(isoDate(1646824225)).toBe('2022-03-09T11:10:25.000Z');
		expect(isoDate('1646824225000')).toBe('2022-03-09T11:10:25.000Z');
		expect(isoDate('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00.000Z');
		expect(isoDate('')).toBeNull();
		expect(isoDate('garbage')).toBeNull();
	});
	test('the normalized record always has the same keys', () => {
		expect(Object.keys(normalizedUser('v', { id: '1' }))).toEqual([
			'vendor', 'id', 'email', 'firstName', 'lastName', 'role', 'status', 'teamId', 'teamName', 'createdAt', 'updatedAt',
		]);
	});
});
