'use strict';
// tokenRequest.ts: the shapes of a failed token request, and its retries over real HTTP.

const http = require('node:http');
const { failureOf, sendTokenRequest } = require('../../dist/nodes/shared/tokenRequest');
const { closedPort, n8nHttpRequest, send, startServer } = require('./support');

/** A credential's `this` in preAuthentication: n8n's plain (unauthenticated) request helper. */
const helper = (onError) => ({
	helpers: {
		httpRequest: async (options) => {
			try {
				return await n8nHttpRequest(options);
			} catch (error) {
				if (onError) await onError(error);
				throw error;
			}
		},
	},
});

describe('failureOf', () => {
	test('an axios error: status, body and headers of its response', () => {
		const headers = { 'retry-after': '3' };
		expect(failureOf({ response: { status: 400, data: { error: 'invalid_grant' }, headers } })).toEqual({
			status: 400,
			body: { error: 'invalid_grant' },
			headers,
		});
	});
	test("n8n's wrapped error: the response of its cause; a JSON text body is parsed", () => {
		expect(failureOf({ httpCode: '500', cause: { response: { status: 429, data: '{"error":"slow"}', headers: { a: '1' } } } })).toEqual({
			status: 429,
			body: { error: 'slow' },
			headers: { a: '1' },
		});
	});
	test('a text body that is not JSON becomes the error description; data is preferred to body', () => {
		expect(failureOf({ response: { status: 502, body: 'Bad Gateway' } })).toEqual({ status: 502, body: { error_description: 'Bad Gateway' }, headers: {} });
		expect(failureOf({ response: { status: 400, data: { a: 1 }, body: { b: 2 } } }).body).toEqual({ a: 1 });
	});
	test('only an httpCode, or nothing at all', () => {
		expect(failureOf({ httpCode: '503' })).toEqual({ status: 503, body: undefined, headers: {} });
		expect(failureOf(new Error('connect ECONNREFUSED'))).toEqual({ status: undefined, body: undefined, headers: {} });
		expect(failureOf(undefined)).toEqual({ status: undefined, body: undefined, headers: {} });
	});
});

describe('sendTokenRequest', () => {
	let server;
	let handler;
	beforeAll(async () => {
		server = await startServer((req, res, rec) => handler(req, res, rec));
	});
	afterAll(() => server.close());
	beforeEach(() => {
		server.requests.length = 0;
	});
	/** Answers request n (1-based) with list[n-1], then the last one again. */
	const answers = (...list) => (req, res) => list[Math.min(server.requests.length, list.length) - 1](res);
	const token = (res) => send(res, 200, { access_token: 'tok-1' });
	const status = (code, headers = {}, body = { error: 'e' }) => (res) => send(res, code, body, headers);
	const post = () => ({ method: 'POST', url: `${server.url}/oauth/token`, body: 'grant_type=x', json: true });
	const gaps = () => server.requests.slice(1).map((r, i) => r.at - server.requests[i].at);

	test('the answer when it succeeds, the form as given', async () => {
		handler = answers(token);
		expect(await sendTokenRequest(helper(), post())).toEqual({ body: { access_token: 'tok-1' } });
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].body).toBe('grant_type=x');
	});

	test('a 4xx other than 429 is settled at once, never thrown', async () => {
		handler = answers(status(400, {}, { error: 'invalid_grant' }), token);
		const outcome = await sendTokenRequest(helper(), post());
		expect(failureOf(outcome.error)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
		expect(server.requests).toHaveLength(1);
	});

	test('a 429 is retried after its Retry-After', async () => {
		handler = answers(status(429, { 'Retry-After': '0' }), token);
		expect(await sendTokenRequest(helper(), post())).toEqual({ body: { access_token: 'tok-1' } });
		expect(server.requests).toHaveLength(2);
		// Retry-After: 0 means now, not the backoff of half a second or more.
		expect(gaps()[0]).toBeLessThan(400);
	});

	test('at most 3 retries', async () => {
		handler = answers(status(429, { 'Retry-After': '0' }, { error: 'slow_down' }));
		const outcome = await sendTokenRequest(helper(), post());
		expect(failureOf(outcome.error)).toMatchObject({ status: 429, body: { error: 'slow_down' } });
		expect(server.requests).toHaveLength(4);
	});

	test('a Retry-After beyond 30 s is not waited for', async () => {
		handler = answers(status(429, { 'Retry-After': '31' }), token);
		const outcome = await sendTokenRequest(helper(), post());
		expect(failureOf(outcome.error).status).toBe(429);
		expect(server.requests).toHaveLength(1);
	});

	test("a 5xx is retried after a backoff of half a second to a second, whatever its Retry-After", async () => {
		handler = answers(status(500, { 'Retry-After': '0' }), token);
		expect(await sendTokenRequest(helper(), post())).toEqual({ body: { access_token: 'tok-1' } });
		expect(server.requests).toHaveLength(2);
		expect(gaps()[0]).toBeGreaterThanOrEqual(490);
		expect(gaps()[0]).toBeLessThan(1500);
	});

	test.each([
		['negative', '-1'],
		['unreadable', 'soon'],
	])('a 429 whose Retry-After is %s backs off instead', async (_, retryAfter) => {
		handler = answers(status(429, { 'Retry-After': retryAfter }), token);
		await sendTokenRequest(helper(), post());
		expect(gaps()[0]).toBeGreaterThanOrEqual(490);
	});

	test('a 429 whose Retry-After is an HTTP date waits until then', async () => {
		handler = answers(status(429, { 'Retry-After': new Date(Date.now() + 2000).toUTCString() }), token);
		await sendTokenRequest(helper(), post());
		// the date has whole seconds: between 1 and 2 s from now
		expect(gaps()[0]).toBeGreaterThanOrEqual(990);
		expect(gaps()[0]).toBeLessThan(2500);
	});

	test('a 499 is not a server error', async () => {
		handler = answers(status(499), token);
		expect(failureOf((await sendTokenRequest(helper(), post())).error).status).toBe(499);
		expect(server.requests).toHaveLength(1);
	});

	test('no answer at all is retried', async () => {
		const port = await closedPort();
		const late = http.createServer((req, res) => token(res));
		let errors = 0;
		const listen = () => errors++ === 0 && new Promise((resolve) => late.listen(port, '127.0.0.1', resolve));
		try {
			const outcome = await sendTokenRequest(helper(listen), { method: 'POST', url: `http://127.0.0.1:${port}/oauth/token`, json: true });
			expect(outcome).toEqual({ body: { access_token: 'tok-1' } });
			expect(errors).toBe(1);
		} finally {
			await new Promise((resolve) => late.close(resolve));
		}
	});

	test('a Retry-After of exactly 30 s is waited for', async () => {
		jest.useFakeTimers();
		try {
			let calls = 0;
			const shaped = {
				helpers: {
					httpRequest: async () => {
						if (++calls === 1) throw { response: { status: 429, headers: { 'retry-after': '30' } } };
						return { access_token: 'tok-3' };
					},
				},
			};
			const outcome = sendTokenRequest(shaped, post());
			await jest.advanceTimersByTimeAsync(29_999);
			expect(calls).toBe(1);
			await jest.advanceTimersByTimeAsync(1);
			expect(await outcome).toEqual({ body: { access_token: 'tok-3' } });
			expect(calls).toBe(2);
		} finally {
			jest.useRealTimers();
		}
	});

	test('a Retry-After given with a capitalised name (a helper that keeps header names as sent)', async () => {
		let calls = 0;
		const shaped = {
			helpers: {
				httpRequest: async () => {
					if (++calls === 1) throw { response: { status: 429, headers: { 'Retry-After': '0' } } };
					return { access_token: 'tok-2' };
				},
			},
		};
		jest.useFakeTimers();
		try {
			const outcome = sendTokenRequest(shaped, post());
			// a backoff would wait at least half a second; Retry-After: 0 waits for nothing
			await jest.advanceTimersByTimeAsync(10);
			expect(calls).toBe(2);
			expect(await outcome).toEqual({ body: { access_token: 'tok-2' } });
		} finally {
			jest.useRealTimers();
		}
	});
});
