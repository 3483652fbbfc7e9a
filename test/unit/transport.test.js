'use strict';
// transport.ts over real HTTP to a server on 127.0.0.1: URLs, options, redirects, retries and their
// waits, the rate limiter, connection failures, and the errors each ends with.

const http = require('node:http');
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const {
	apiRequest,
	apiRequestFull,
	backoffMs,
	DEFAULT_RETRY,
	DEFAULT_TIMEOUT_S,
	limiterOf,
	requestedDelayMs,
} = require('../../dist/nodes/shared/transport');
const { DEFAULT_PROFILE } = require('../../dist/nodes/shared/limiter');
const { NODE, closedPort, delay, requestContext, send, startServer, vendor } = require('./support');

let server;
let handler;
beforeAll(async () => {
	server = await startServer((req, res, rec) => handler(req, res, rec));
});
afterAll(() => server.close());
beforeEach(() => {
	server.requests.length = 0;
	handler = (req, res) => send(res, 200, { ok: true });
});

/** Answers the n-th request (1-based) of the test with `answers[n-1]`, the last one after that. */
function answers(...list) {
	let n = 0;
	return (req, res, rec) => {
		const answer = list[Math.min(n++, list.length - 1)];
		return answer(req, res, rec);
	};
}
const status = (code, body = {}, headers = {}) => (req, res) => send(res, code, body, headers);
const hangUp = () => (req) => req.socket.destroy();

const failure = (promise) => promise.then(
	(value) => {
		throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
	},
	(error) => error,
);

describe('requestedDelayMs', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	test('Retry-After in seconds, fractions included; a negative one is unreadable (X-RateLimit-Reset, else nothing)', () => {
		expect(requestedDelayMs({ 'retry-after': '0' }, now)).toBe(0);
		expect(requestedDelayMs({ 'retry-after': '1.5' }, now)).toBe(1500);
		expect(requestedDelayMs({ 'retry-after': '-3' }, now)).toBeUndefined();
		expect(requestedDelayMs({ 'retry-after': '-3', 'x-ratelimit-reset': '4' }, now)).toBe(4000);
	});
	test('Retry-After as an HTTP date; a past date is no wait', () => {
		expect(requestedDelayMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30_000);
		expect(requestedDelayMs({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, now)).toBe(0);
	});
	test('array values: the first one', () => {
		expect(requestedDelayMs({ 'retry-after': ['5', '9'] }, now)).toBe(5000);
		expect(requestedDelayMs({ 'x-ratelimit-reset': ['6', '1'] }, now)).toBe(6000);
	});
	test('an empty or unreadable Retry-After falls back to X-RateLimit-Reset', () => {
		expect(requestedDelayMs({ 'retry-after': '', 'x-ratelimit-reset': '2' }, now)).toBe(2000);
		expect(requestedDelayMs({ 'retry-after': 'later', 'x-ratelimit-reset': '3' }, now)).toBe(3000);
		expect(requestedDelayMs({ 'retry-after': 'later' }, now)).toBeUndefined();
	});
	test('X-RateLimit-Reset: epoch seconds (past: no wait), seconds from now, or nothing usable', () => {
		expect(requestedDelayMs({ 'x-ratelimit-reset': String(now / 1000 - 10) }, now)).toBe(0);
		expect(requestedDelayMs({ 'x-ratelimit-reset': '1000000000' }, now)).toBe(1e12);
		expect(requestedDelayMs({ 'x-ratelimit-reset': '1000000001' }, now)).toBe(0);
		expect(requestedDelayMs({ 'x-ratelimit-reset': '0' }, now)).toBeUndefined();
		expect(requestedDelayMs({ 'x-ratelimit-reset': '-4' }, now)).toBeUndefined();
		expect(requestedDelayMs({ 'x-ratelimit-reset': 'soon' }, now)).toBeUndefined();
	});
	test('now defaults to the current time', () => {
		const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
		const wait = requestedDelayMs({ 'retry-after': inTenSeconds });
		expect(wait).toBeGreaterThan(8000);
		expect(wait).toBeLessThanOrEqual(10_000);
	});
});

describe('backoffMs', () => {
	const policy = { maxRetries: 4, baseDelayMs: 100, maxDelayMs: 1000, maxTotalWaitMs: 5000 };
	test('between half and all of base·2^attempt', () => {
		expect(backoffMs(policy, 0, 0)).toBe(50);
		expect(backoffMs(policy, 0, 1)).toBe(100);
		expect(backoffMs(policy, 2, 0.5)).toBe(300);
		expect(backoffMs(policy, 3, 0)).toBe(400);
	});
	test('capped at the longest single wait', () => {
		expect(backoffMs(policy, 4, 0)).toBe(500);
		expect(backoffMs(policy, 10, 1)).toBe(1000);
	});
	test('rounded to whole ms; random by default, within the bounds', () => {
		expect(backoffMs({ ...policy, baseDelayMs: 3 }, 0, 0)).toBe(2);
		for (let i = 0; i < 20; i++) {
			const wait = backoffMs(policy, 1);
			expect(wait).toBeGreaterThanOrEqual(100);
			expect(wait).toBeLessThanOrEqual(200);
		}
	});
	test('the default policy is the documented one: 4 retries, 1 s base, 60 s per wait, 120 s in all; 60 s timeout', () => {
		expect(DEFAULT_RETRY).toEqual({ maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 60_000, maxTotalWaitMs: 120_000 });
		expect(DEFAULT_TIMEOUT_S).toBe(60);
	});
});

describe('what is sent', () => {
	test('base URL and path joined with one slash; query, headers and JSON body; the credential type', async () => {
		handler = (req, res, rec) => send(res, 201, { got: JSON.parse(rec.body) });
		const ctx = requestContext();
		const api = vendor(`${server.url}/api//`);
		const response = await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '//v1/users',
			qs: { page: 2 },
			headers: { 'X-Custom': 'yes' },
			body: { name: 'Ada' },
		});
		expect(response.status).toBe(201);
		expect(response.body).toEqual({ got: { name: 'Ada' } });
		expect(response.headers['content-type']).toBe('application/json');
		expect(response.repeated).toBeUndefined();
		const [rec] = server.requests;
		expect(rec.method).toBe('POST');
		expect(rec.path).toBe('/api/v1/users');
		expect(rec.query).toEqual({ page: '2' });
		expect(rec.headers['x-custom']).toBe('yes');
		expect(ctx.calls[0].credentialType).toBe('testApi');
	});

	test("n8n's helper is asked for the full response, JSON, no redirects, the timeout, and status errors handed back", async () => {
		const ctx = requestContext();
		await apiRequestFull.call(ctx, vendor(server.url), { method: 'GET', path: 'x' });
		const { options } = ctx.calls[0];
		expect(options).toMatchObject({
			method: 'GET',
			url: `${server.url}/x`,
			json: true,
			returnFullResponse: true,
			disableFollowRedirect: true,
			timeout: 60_000,
			ignoreHttpStatusErrors: true,
		});
		expect(options.arrayFormat).toBeUndefined();
	});

	test('a credential that refreshes its token leaves the 401 to n8n', async () => {
		const ctx = requestContext();
		const api = vendor(server.url, {
			connection: async () => ({ credentialType: 'testApi', baseUrl: server.url, secrets: [], refreshOn401: true }),
		});
		await apiRequestFull.call(ctx, api, { method: 'GET', path: 'x' });
		expect(ctx.calls[0].options.ignoreHttpStatusErrors).toEqual({ ignore: true, except: [401] });
	});

	test('arrays in the query: repeated keys on request, brackets otherwise', async () => {
		const ctx = requestContext();
		const api = vendor(server.url);
		await apiRequestFull.call(ctx, api, { method: 'GET', path: 'x', qs: { id: ['a', 'b'] }, repeatArrays: true });
		await apiRequestFull.call(ctx, api, { method: 'GET', path: 'x', qs: { id: ['a', 'b'] } });
		expect(ctx.calls[0].options.arrayFormat).toBe('repeat');
		expect(decodeURIComponent(server.requests[0].search)).toBe('?id=a&id=b');
		expect(decodeURIComponent(server.requests[1].search)).toBe('?id[]=a&id[]=b');
	});

	test('no path: the base URL itself', async () => {
		const ctx = requestContext();
		await apiRequestFull.call(ctx, vendor(`${server.url}/root/`), { method: 'GET' });
		expect(server.requests[0].path).toBe('/root/');
	});

	test('only the leading slashes of a path are dropped', async () => {
		const ctx = requestContext();
		await apiRequestFull.call(ctx, vendor(`${server.url}/api`), { method: 'GET', path: 'v1/teams//users' });
		expect(server.requests[0].path).toBe('/api/v1/teams//users');
	});

	test('an absolute URL on the same origin is used as given, without the query parameters', async () => {
		const ctx = requestContext();
		await apiRequestFull.call(ctx, vendor(`${server.url}/api`), { method: 'GET', url: `${server.url}/other/page?n=3`, qs: { n: 9, x: 1 } });
		expect(server.requests[0].url).toBe('/other/page?n=3');
		expect(ctx.calls[0].options.qs).toBeUndefined();
	});

	test('a link that is not a URL, or on another origin, is refused before sending', async () => {
		const ctx = requestContext();
		const api = vendor(server.url);
		const invalid = await failure(apiRequestFull.call(ctx, api, { method: 'GET', url: 'not a url' }));
		expect(invalid).toBeInstanceOf(NodeOperationError);
		expect(invalid.message).toBe('Invalid URL from the vendor: not a url');
		const other = await failure(apiRequestFull.call(ctx, api, { method: 'GET', url: `http://localhost:${server.port}/x`, itemIndex: 2 }));
		expect(other.message).toBe(
			`Refused to follow a link to http://localhost:${server.port}: it is not on the credential's host ${server.url}`,
		);
		expect(other.context.itemIndex).toBe(2);
		expect(server.requests).toHaveLength(0);
	});
});

describe('the Timeout option', () => {
	test('read from the node (seconds) in an execution', async () => {
		const ctx = requestContext({ execute: true, parameters: { 'requestOptions.timeout': 2 } });
		await apiRequestFull.call(ctx, vendor(server.url), { method: 'GET', path: 'x' });
		expect(ctx.calls[0].options.timeout).toBe(2000);
	});
	test("an expression is read for the first item: the execution's session is shared by all items", async () => {
		const ctx = requestContext({ execute: true, parameters: { 'requestOptions.timeout': (item) => [4, 9][item] } });
		await apiRequestFull.call(ctx, vendor(server.url), { method: 'GET', path: 'x', itemIndex: 1 });
		expect(ctx.calls[0].options.timeout).toBe(4000);
	});
	test('read the same way where there are no items (list search, load options)', async () => {
		const ctx = requestContext({ execute: false, parameters: { 'requestOptions.timeout': 3 } });
		await apiRequestFull.call(ctx, vendor(server.url), { method: 'GET', path: 'x' });
		expect(ctx.calls[0].options.timeout).toBe(3000);
	});
	test.each([[0], [-5], ['soon'], [null]])('an unusable value (%p) means 60 s', async (value) => {
		const ctx = requestContext({ execute: true, parameters: { 'requestOptions.timeout': value } });
		await apiRequestFull.call(ctx, vendor(server.url), { method: 'GET', path: 'x' });
		expect(ctx.calls[0].options.timeout).toBe(60_000);
	});
	test('a node without the option (its parameter lookup throws) gets 60 s', async () => {
		const ctx = requestContext({ execute: true });
		ctx.getNodeParameter = () => {
			throw new Error('Could not get parameter');
		};
		await apiRequestFull.call(ctx, vendor(server.url), { method: 'GET', path: 'x' });
		expect(ctx.calls[0].options.timeout).toBe(60_000);
	});
});

describe('one session per context and vendor', () => {
	test('the connection is read once for every request of a context', async () => {
		let reads = 0;
		const api = vendor(server.url, { connection: async () => (reads++, { credentialType: 'testApi', baseUrl: server.url, secrets: [] }) });
		const ctx = requestContext();
		await apiRequestFull.call(ctx, api, { method: 'GET', path: 'a' });
		await apiRequestFull.call(ctx, api, { method: 'GET', path: 'b' });
		expect(reads).toBe(1);
		await apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'c' });
		expect(reads).toBe(2);
		await apiRequestFull.call(ctx, { ...api, name: 'Other vendor' }, { method: 'GET', path: 'd' });
		expect(reads).toBe(3);
	});

	test('a connection that failed is read again by the next request', async () => {
		let reads = 0;
		const api = vendor(server.url, {
			connection: async () => {
				if (++reads === 1) throw new Error('credential missing');
				return { credentialType: 'testApi', baseUrl: server.url, secrets: [] };
			},
		});
		const ctx = requestContext();
		await expect(apiRequestFull.call(ctx, api, { method: 'GET', path: 'a' })).rejects.toThrow('credential missing');
		await expect(apiRequestFull.call(ctx, api, { method: 'GET', path: 'a' })).resolves.toMatchObject({ status: 200 });
		expect(reads).toBe(2);
	});

	test("one limiter per execution, credential and base URL, with the vendor's rate profile", async () => {
		const profile = { concurrency: 2, windows: [] };
		const seen = [];
		const api = vendor(server.url, { rateProfile: (baseUrl) => (seen.push(baseUrl), profile) });
		const a = await limiterOf.call(requestContext({ executionId: 'exec-a' }), api);
		expect(a.profile).toBe(profile);
		expect(seen).toEqual([server.url]);
		expect(await limiterOf.call(requestContext({ executionId: 'exec-a' }), api)).toBe(a);
		expect(await limiterOf.call(requestContext({ executionId: 'exec-b' }), api)).not.toBe(a);
		const otherCredential = { ...NODE, credentials: { testApi: { id: 'cred-2', name: 'Other' } } };
		expect(await limiterOf.call(requestContext({ executionId: 'exec-a', node: otherCredential }), api)).not.toBe(a);
		const otherBase = vendor(`${server.url}/v2`, { rateProfile: () => profile });
		expect(await limiterOf.call(requestContext({ executionId: 'exec-a' }), otherBase)).not.toBe(a);
		const otherType = vendor(server.url, {
			rateProfile: () => profile,
			connection: async () => ({ credentialType: 'otherApi', baseUrl: server.url, secrets: [] }),
		});
		expect(await limiterOf.call(requestContext({ executionId: 'exec-a' }), otherType)).not.toBe(a);
	});

	test('a node without credentials listed, or a context without an execution, still gets a limiter', async () => {
		const bare = { ...NODE, credentials: undefined };
		const x = await limiterOf.call(requestContext({ executionId: 'exec-c', node: bare }), vendor(server.url));
		expect(x.profile).toBe(DEFAULT_PROFILE);
		expect(await limiterOf.call(requestContext({ executionId: 'exec-c', node: bare }), vendor(server.url))).toBe(x);
		const one = await limiterOf.call(requestContext(), vendor(server.url));
		const two = await limiterOf.call(requestContext(), vendor(server.url));
		expect(one).not.toBe(two);
	});
});

describe('answers', () => {
	test('apiRequest returns the body; an empty or null body is {}, a bare value is wrapped', async () => {
		const api = vendor(server.url);
		handler = answers(
			status(200, { id: 1 }),
			(req, res) => (res.writeHead(204), res.end()),
			(req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }), res.end('null')),
			(req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }), res.end('5')),
		);
		const ctx = requestContext();
		expect(await apiRequest.call(ctx, api, { method: 'GET', path: 'x' })).toEqual({ id: 1 });
		expect(await apiRequest.call(ctx, api, { method: 'DELETE', path: 'x' })).toEqual({});
		expect(await apiRequest.call(ctx, api, { method: 'GET', path: 'x' })).toEqual({});
		expect(await apiRequest.call(ctx, api, { method: 'GET', path: 'x' })).toEqual({ body: 5 });
	});

	test('a success whose body is not JSON fails, showing its start with secrets masked', async () => {
		const text = `<html>s3cret-key ${'x'.repeat(200)}</html>`;
		handler = status(200, text);
		const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x', itemIndex: 1 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Vendor answered 200 with a body that is not valid JSON');
		expect(error.errorResponse).toEqual({ message: error.message });
		expect(error.description).toBe(
			`The answer began with: <html>*** ${'x'.repeat(120 - 17)}. A proxy or the vendor may be failing, or the base URL of the credential points elsewhere; try again later.`,
		);
		expect(error.httpCode).toBe('200');
		expect(error.context.itemIndex).toBe(1);
	});

	test('an answer without any body is {}', async () => {
		const ctx = {
			getNode: () => NODE,
			helpers: { httpRequestWithAuthentication: async () => ({ statusCode: 204, headers: {} }) },
		};
		expect(await apiRequest.call(ctx, vendor(server.url), { method: 'DELETE', path: 'x' })).toStrictEqual({});
	});

	test('a blank text body is not an error', async () => {
		handler = status(200, '   ');
		await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' })).resolves.toMatchObject({ status: 200 });
	});

	test("a failure carries the vendor's message, the status and the item, with secrets masked", async () => {
		handler = status(404, { message: 'No user s3cret-key', key: 's3cret-key' });
		const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x', itemIndex: 3 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Vendor returned 404: No user ***');
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(3);
		expect(JSON.stringify(error.errorResponse)).not.toContain('s3cret-key');
		expect(server.requests).toHaveLength(1);
	});

	test('a token fetched during the request (the credential as it is now) is masked too', async () => {
		let reads = 0;
		const api = vendor(server.url, {
			connection: async () => ({ credentialType: 'testApi', baseUrl: server.url, secrets: [`token-${++reads}-abc`] }),
		});
		handler = status(403, { message: 'token-2-abc may not do this; token-1-abc neither' });
		const error = await failure(apiRequestFull.call(requestContext(), api, { method: 'POST', path: 'x' }));
		expect(error.message).toBe('Vendor returned 403: *** may not do this; *** neither');
	});

	test('when the credential cannot be read again, the secrets read at the start are masked', async () => {
		let reads = 0;
		const api = vendor(server.url, {
			connection: async () => {
				if (++reads > 1) throw new Error('gone');
				return { credentialType: 'testApi', baseUrl: server.url, secrets: ['first-secret'] };
			},
		});
		handler = status(400, { message: 'bad first-secret' });
		const error = await failure(apiRequestFull.call(requestContext(), api, { method: 'POST', path: 'x' }));
		expect(error.message).toBe('Vendor returned 400: bad ***');
	});

	test('a 401 that n8n could not cure comes back as the vendor answered it', async () => {
		handler = status(401, { message: 'Token expired for s3cret-key' }, { 'X-Reason': 'expired' });
		const seen = [];
		const api = vendor(server.url, {
			connection: async () => ({ credentialType: 'testApi', baseUrl: server.url, secrets: ['s3cret-key'], refreshOn401: true }),
			isRateLimited: (response) => (seen.push(response), false),
		});
		const error = await failure(apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' }));
		expect(error.message).toBe('Vendor returned 401: Token expired for ***');
		expect(error.httpCode).toBe('401');
		expect(server.requests).toHaveLength(1);
		// The vendor's hooks see the whole answer.
		expect(seen[0]).toMatchObject({ status: 401, body: { message: 'Token expired for s3cret-key' }, headers: { 'x-reason': 'expired' } });
	});
});

describe('errors before any answer (the credential, n8n)', () => {
	test('rebuilt from message and description, masked; the status kept', async () => {
		const ctx = requestContext({
			beforeSend: () => {
				throw Object.assign(new Error('Token request failed for s3cret-key'), { description: 'the key s3cret-key was refused' });
			},
		});
		const error = await failure(apiRequestFull.call(ctx, vendor(server.url), { method: 'GET', path: 'x', itemIndex: 4 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Token request failed for ***');
		expect(error.description).toBe('the key *** was refused');
		expect(error.errorResponse).toEqual({ message: 'Token request failed for ***' });
		expect(error.context.itemIndex).toBe(4);
		expect(JSON.stringify(error)).not.toContain('s3cret-key');

		const forbidden = requestContext({
			beforeSend: () => {
				throw Object.assign(new Error('no'), { httpCode: '403' });
			},
		});
		const denied = await failure(apiRequestFull.call(forbidden, vendor(server.url), { method: 'GET', path: 'x' }));
		expect(denied.httpCode).toBe('403');
		expect(server.requests).toHaveLength(0);
	});

	/** A context whose helper throws `thrown`, as a helper other than n8n's own might. */
	const throwing = (thrown) => ({
		getNode: () => NODE,
		helpers: {
			httpRequestWithAuthentication: async () => {
				throw thrown;
			},
		},
	});

	test('whatever was thrown, the error has a message', async () => {
		for (const thrown of [{ reason: 'unknown' }, undefined, null]) {
			const error = await failure(apiRequestFull.call(throwing(thrown), vendor(server.url), { method: 'GET', path: 'x' }));
			expect(error.message).toBe('The request could not be authenticated');
		}
	});

	test.each([
		['a code on the cause', { message: 'request failed', cause: { code: 'ECONNRESET', message: 'failed' } }],
		['a code on the error', { code: 'EPIPE', message: 'write failed' }],
		['a message on the cause', { message: 'failed', cause: { message: 'socket hang up' } }],
		['a message on the error', { message: 'Parse Error: Invalid status code' }],
		['an aborted request', { message: 'aborted' }],
		['a DNS failure', { code: 'EAI_AGAIN' }],
		['a broken HTTP answer', { code: 'HPE_INVALID_CONSTANT' }],
		['unreachable networks', { code: 'ENETUNREACH' }],
	])('no answer recognised by %s', async (_, thrown) => {
		const error = await failure(apiRequestFull.call(throwing(thrown), vendor(server.url), { method: 'POST', path: 'x' }));
		expect(error.message).toMatch(new RegExp(`^Could not reach Vendor at ${server.url}: `));
	});

	test.each([
		['ETIMEDOUT', { code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' }],
		['ECONNABORTED', { cause: { code: 'ECONNABORTED' }, message: 'failed' }],
		["axios' timeout message", { message: 'timeout of 1500ms exceeded' }],
	])('a timeout recognised by %s says how long it waited', async (_, thrown) => {
		const error = await failure(apiRequestFull.call(throwing(thrown), vendor(server.url), { method: 'POST', path: 'x' }));
		expect(error.message).toBe(`Could not reach Vendor at ${server.url}: Vendor did not answer within 60 s`);
	});

	test('other failures are not taken for a lost connection', async () => {
		const error = await failure(apiRequestFull.call(throwing({ message: 'timeout of ms exceeded' }), vendor(server.url), { method: 'GET', path: 'x' }));
		expect(error.message).toBe('timeout of ms exceeded');
	});
});

describe('redirects', () => {
	test('a GET follows a redirect on the same origin, without the old query', async () => {
		handler = (req, res, rec) =>
			rec.path === '/old' ? send(res, 302, {}, { Location: '/new?page=1' }) : send(res, 200, { at: rec.url });
		const response = await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'old', qs: { q: 'z' } });
		expect(response.body).toEqual({ at: '/new?page=1' });
		expect(server.requests.map((r) => r.url)).toEqual(['/old?q=z', '/new?page=1']);
	});

	test.each([301, 303, 307, 308])('a HEAD or GET follows %i', async (code) => {
		handler = (req, res, rec) => (rec.path === '/old' ? send(res, code, {}, { Location: `${server.url}/new` }) : send(res, 200, {}));
		await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'HEAD', path: 'old' });
		expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /old', 'HEAD /new']);
	});

	test('a redirect to another host fails and names it; the credential is not sent there', async () => {
		handler = status(301, {}, { Location: `http://localhost:${server.port}/elsewhere` });
		const error = await failure(apiRequestFull.call(requestContext(), vendor(`${server.url}/api`), { method: 'GET', path: 'x', itemIndex: 5 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Vendor redirected the request to another host, localhost:${server.port}; the credential was not sent there`);
		expect(error.errorResponse).toEqual({ message: error.message });
		expect(error.description).toBe(
			`The credential’s base URL is ${server.url}. Check the region, environment or custom base URL of the credential.`,
		);
		expect(error.context.itemIndex).toBe(5);
		expect(server.requests).toHaveLength(1);
	});

	test('at most 5 redirects are followed', async () => {
		handler = (req, res, rec) => send(res, 302, {}, { Location: `/hop${server.requests.length}` });
		const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'start' }));
		expect(error.message).toBe(`Vendor redirected the request to ${server.url}/hop6: too many redirects`);
		expect(server.requests).toHaveLength(6);
	});

	test('a POST answered 302 or 303 is not sent again as a GET', async () => {
		for (const code of [302, 303]) {
			handler = status(code, {}, { Location: '/moved' });
			const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'POST', path: 'x', body: { a: 1 } }));
			expect(error.message).toBe(`Vendor redirected the request to ${server.url}/moved: the POST was not sent again`);
		}
		expect(server.requests.map((r) => r.path)).toEqual(['/x', '/x']);
	});

	test.each([307, 308])('a POST answered %i is sent again, with its body', async (code) => {
		handler = (req, res, rec) => (rec.path === '/x' ? send(res, code, {}, { Location: '/y' }) : send(res, 200, { got: rec.body }));
		const response = await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'POST', path: 'x', body: { a: 1 } });
		expect(response.body).toEqual({ got: '{"a":1}' });
		expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /x', 'POST /y']);
	});

	test('a redirect status without a Location, or a 300, is a failure', async () => {
		handler = status(302, { message: 'Found' });
		const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' }));
		expect(error.message).toBe('Vendor returned 302: Found');
		handler = status(300, { message: 'Multiple Choices' }, { Location: '/a' });
		await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' })).rejects.toThrow(
			'Vendor returned 300: Multiple Choices',
		);
		expect(server.requests).toHaveLength(2);
	});
});

describe('retries of 5xx and 408', () => {
	test('an idempotent request is retried; the success says it was repeated', async () => {
		handler = answers(status(503), status(500), status(200, { ok: 1 }));
		const response = await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' });
		expect(response.body).toEqual({ ok: 1 });
		expect(response.repeated).toBe(true);
		expect(server.requests).toHaveLength(3);
	});

	test.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])('%s is retried', async (method) => {
		handler = answers(status(502), status(200, {}));
		await apiRequestFull.call(requestContext(), vendor(server.url), { method, path: 'x' });
		expect(server.requests).toHaveLength(2);
	});

	test.each(['POST', 'PATCH'])('%s is not retried: the change may have been made', async (method) => {
		handler = answers(status(500, { message: 'oops' }), status(200, {}));
		const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method, path: 'x' }));
		expect(error.message).toBe('Vendor returned 500: oops');
		expect(server.requests).toHaveLength(1);
	});

	test('the request can say otherwise', async () => {
		handler = answers(status(503), status(200, {}));
		await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'POST', path: 'x', idempotent: true });
		expect(server.requests).toHaveLength(2);
		server.requests.length = 0;
		handler = answers(status(503), status(200, {}));
		await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x', idempotent: false })).rejects.toThrow(
			'Vendor returned 503',
		);
		expect(server.requests).toHaveLength(1);
	});

	test('408 is retried; other 4xx are not', async () => {
		handler = answers(status(408), status(200, {}));
		await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' });
		expect(server.requests).toHaveLength(2);
		for (const code of [400, 404, 409, 499]) {
			server.requests.length = 0;
			handler = status(code);
			await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' })).rejects.toThrow(`Vendor returned ${code}`);
			expect(server.requests).toHaveLength(1);
		}
	});

	test('after maxRetries the last answer is the error', async () => {
		handler = status(503, { message: 'down' });
		const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' }));
		expect(error.message).toBe('Vendor returned 503: down');
		expect(server.requests).toHaveLength(4);
	});

	test('the backoff doubles from one retry to the next', async () => {
		handler = answers(status(503), status(503), status(503), status(200, {}));
		const api = vendor(server.url, { retry: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 500, maxTotalWaitMs: 5000 } });
		await apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' });
		const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i].at);
		// Waits of at least 10, 20 and 40 ms (half of 20·2^attempt).
		expect(gaps[2]).toBeGreaterThanOrEqual(38);
		expect(gaps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(68);
	});

	test("a 5xx waits for the Retry-After it gives, but not for the hourly reset header", async () => {
		handler = answers(status(503, {}, { 'Retry-After': '0.08' }), status(503, {}, { 'X-RateLimit-Reset': '3000' }), status(200, {}));
		const api = vendor(server.url, { retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 500, maxTotalWaitMs: 1000 } });
		await apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' });
		const [a, b, c] = server.requests.map((r) => r.at);
		expect(b - a).toBeGreaterThanOrEqual(75);
		expect(c - b).toBeLessThan(1000);
	});

	test('a Retry-After longer than the policy allows fails at once with the answer', async () => {
		handler = status(503, { message: 'maintenance' }, { 'Retry-After': '1' });
		const api = vendor(server.url, { retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 60_000 } });
		const error = await failure(apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' }));
		expect(error.message).toBe('Vendor returned 503: maintenance');
		expect(server.requests).toHaveLength(1);
	});

	test('the waits of one request stay within its total', async () => {
		// Waits of 30 ms: 30 and 60 in all are within 60, a third would not be.
		handler = status(503, { message: 'busy' }, { 'Retry-After': '0.03' });
		const api = vendor(server.url, { retry: { maxRetries: 10, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 60 } });
		await expect(apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' })).rejects.toThrow('Vendor returned 503: busy');
		expect(server.requests).toHaveLength(3);
	});

	test('a retry policy of the vendor is merged over the default one', async () => {
		handler = status(503);
		const api = vendor(server.url, { retry: { maxRetries: 0 } });
		await expect(apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' })).rejects.toThrow('Vendor returned 503');
		expect(server.requests).toHaveLength(1);
		// The default 60 s bound on one wait still applies.
		server.requests.length = 0;
		handler = status(429, {}, { 'Retry-After': '61' });
		const limited = vendor(server.url, { retry: { baseDelayMs: 5 } });
		await expect(apiRequestFull.call(requestContext(), limited, { method: 'GET', path: 'x' })).rejects.toThrow("Vendor's rate limit was reached");
		expect(server.requests).toHaveLength(1);
	});
});

describe('rate limits', () => {
	test('a 429 is retried for any method after the wait it asks for; not marked repeated', async () => {
		handler = answers(status(429, {}, { 'Retry-After': '0.05' }), status(200, { created: true }));
		const response = await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'POST', path: 'x', body: { a: 1 } });
		expect(response.body).toEqual({ created: true });
		expect(response.repeated).toBeUndefined();
		expect(server.requests).toHaveLength(2);
		expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(45);
	});

	test('the X-RateLimit-Reset of a 429 is honoured', async () => {
		handler = answers(status(429, {}, { 'X-RateLimit-Reset': '0.04' }), status(200, {}));
		await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' });
		expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(35);
	});

	test('a 429 without either header backs off', async () => {
		handler = answers(status(429), status(200, {}));
		const api = vendor(server.url, { retry: { maxRetries: 2, baseDelayMs: 40, maxDelayMs: 200, maxTotalWaitMs: 500 } });
		await apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' });
		expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(18);
	});

	test('a requested wait longer than one wait may be fails at once, even within the total', async () => {
		handler = status(429, { message: 'Too many' }, { 'Retry-After': '0.2' });
		const api = vendor(server.url, { retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 60_000 } });
		const error = await failure(apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' }));
		expect(error.message).toBe("Vendor's rate limit was reached: Too many");
		expect(server.requests).toHaveLength(1);
	});

	test('a longer requested wait fails at once and says when the quota resets and what is left', async () => {
		handler = status(429, { message: 'Too many' }, { 'Retry-After': '120', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '120' });
		const error = await failure(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x', itemIndex: 6 }));
		expect(error.message).toBe("Vendor's rate limit was reached: Too many");
		expect(error.description).toMatch(/^The quota resets at \S+Z \(in about 2 min\), longer than this node waits\. 0 requests were left/);
		expect(error.httpCode).toBe('429');
		expect(error.context.itemIndex).toBe(6);
		expect(server.requests).toHaveLength(1);
	});

	test('retries of a 429 stop at maxRetries and at the total wait', async () => {
		handler = status(429, { message: 'slow down' }, { 'Retry-After': '0' });
		await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'GET', path: 'x' })).rejects.toThrow('Vendor returned 429: slow down');
		expect(server.requests).toHaveLength(4);
		server.requests.length = 0;
		handler = status(429, { message: 'slow down' }, { 'Retry-After': '0.03' });
		const api = vendor(server.url, { retry: { maxRetries: 10, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 60 } });
		const error = await failure(apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' }));
		expect(error.message).toBe("Vendor's rate limit was reached: slow down");
		expect(server.requests).toHaveLength(3);
	});

	test("the vendor's own wait for a rate-limited answer, given the backoff", async () => {
		const seen = [];
		handler = answers(status(429, {}, { 'Retry-After': '100' }), status(200, {}));
		const api = vendor(server.url, { retryDelayMs: (response, backoff) => (seen.push([response.status, backoff]), 0) });
		await apiRequestFull.call(requestContext(), api, { method: 'GET', path: 'x' });
		expect(server.requests).toHaveLength(2);
		expect(seen[0][0]).toBe(429);
		expect(seen[0][1]).toBeGreaterThanOrEqual(3);
		expect(seen[0][1]).toBeLessThanOrEqual(5);
		// Without an answer of its own, the headers decide.
		server.requests.length = 0;
		handler = status(429, {}, { 'Retry-After': '100' });
		const silent = vendor(server.url, { retryDelayMs: () => undefined });
		await expect(apiRequestFull.call(requestContext(), silent, { method: 'GET', path: 'x' })).rejects.toThrow("Vendor's rate limit was reached");
		expect(server.requests).toHaveLength(1);
	});

	test("a vendor's quota error with another status is a rate limit", async () => {
		handler = answers(status(400, { message: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED' }), status(201, {}));
		const api = vendor(server.url, { isRateLimited: (response) => response.body?.message?.includes('LIMIT') === true });
		await apiRequestFull.call(requestContext(), api, { method: 'POST', path: 'x' });
		expect(server.requests).toHaveLength(2);
		server.requests.length = 0;
		handler = status(400, { message: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED' }, { 'Retry-After': '3600' });
		const error = await failure(apiRequestFull.call(requestContext(), api, { method: 'POST', path: 'x' }));
		expect(error.message).toBe("Vendor's rate limit was reached: HOURLY_APIINVOCATION_LIMIT_EXCEEDED");
		expect(error.httpCode).toBe('400');
		expect(error.description).toContain('(in about 60 min)');
	});

	test("a 429 pauses every request of the credential, not only the one refused", async () => {
		handler = (req, res, rec) => {
			if (rec.path === '/a' && server.requests.filter((r) => r.path === '/a').length === 1) return send(res, 429, {}, { 'Retry-After': '0.2' });
			return send(res, 200, {});
		};
		const ctx = requestContext();
		const api = vendor(server.url, { retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 500, maxTotalWaitMs: 1000 } });
		const a = apiRequestFull.call(ctx, api, { method: 'GET', path: 'a' });
		while (server.requests.length === 0) await delay(5);
		await delay(40);
		await apiRequestFull.call(ctx, api, { method: 'GET', path: 'b' });
		await a;
		const refused = server.requests[0].at;
		const b = server.requests.find((r) => r.path === '/b').at;
		expect(b - refused).toBeGreaterThanOrEqual(190);
		expect((await limiterOf.call(ctx, api)).waitMs()).toBe(0);
	});

	test('a wait the limiter would need beyond the policy fails before sending', async () => {
		const api = vendor(server.url, { rateProfile: () => ({ concurrency: 5, windows: [{ kind: 'burst', limit: 1, windowMs: 60_000 }] }) });
		const ctx = requestContext();
		await apiRequestFull.call(ctx, api, { method: 'GET', path: 'x' });
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: 'x', itemIndex: 7 }));
		expect(error.message).toBe("Vendor's rate limit was reached");
		expect(error.description).toMatch(/\(in about 1 min\), longer than this node waits\. 0 requests were left in the current window\./);
		expect(error.httpCode).toBe('429');
		expect(error.context.itemIndex).toBe(7);
		expect(server.requests).toHaveLength(1);
	});
});

describe('no answer at all', () => {
	test('a refused connection: an idempotent request is retried, then the error names the vendor and URL', async () => {
		const base = `http://127.0.0.1:${await closedPort()}`;
		const ctx = requestContext();
		const error = await failure(apiRequestFull.call(ctx, vendor(base), { method: 'GET', path: 'x', itemIndex: 8 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(new RegExp(`^Could not reach Vendor at ${base}: `));
		expect(error.description).toMatch(/base URL/);
		expect(error.context.itemIndex).toBe(8);
		expect(ctx.calls).toHaveLength(4);
	});

	test('a refused POST is not retried', async () => {
		const base = `http://127.0.0.1:${await closedPort()}`;
		const ctx = requestContext();
		await expect(apiRequestFull.call(ctx, vendor(base), { method: 'POST', path: 'x' })).rejects.toThrow(/^Could not reach Vendor/);
		expect(ctx.calls).toHaveLength(1);
	});

	test('retries of a lost connection stop when the next backoff would pass the total wait', async () => {
		const base = `http://127.0.0.1:${await closedPort()}`;
		const random = jest.spyOn(Math, 'random').mockReturnValue(1);
		try {
			// Backoffs of exactly 20 ms: 20 and 40 ms in all are within 40, a third would not be.
			const api = vendor(base, { retry: { maxRetries: 10, baseDelayMs: 20, maxDelayMs: 20, maxTotalWaitMs: 40 } });
			const ctx = requestContext();
			await expect(apiRequestFull.call(ctx, api, { method: 'GET', path: 'x' })).rejects.toThrow(/^Could not reach Vendor/);
			expect(ctx.calls).toHaveLength(3);
		} finally {
			random.mockRestore();
		}
	});

	test('no retry when the backoff would exceed the total wait', async () => {
		const base = `http://127.0.0.1:${await closedPort()}`;
		const ctx = requestContext();
		const api = vendor(base, { retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 2 } });
		await expect(apiRequestFull.call(ctx, api, { method: 'GET', path: 'x' })).rejects.toThrow(/^Could not reach Vendor/);
		expect(ctx.calls).toHaveLength(1);
	});

	test('refused, then answered: nothing was sent the first time, so the success is not a repeat', async () => {
		const port = await closedPort();
		const late = http.createServer((req, res) => send(res, 200, { late: true }));
		const ctx = requestContext({
			afterError: (error, n) => n === 1 && new Promise((resolve) => late.listen(port, '127.0.0.1', resolve)),
		});
		try {
			const response = await apiRequestFull.call(ctx, vendor(`http://127.0.0.1:${port}`), { method: 'GET', path: 'x' });
			expect(response.body).toEqual({ late: true });
			expect(response.repeated).toBeUndefined();
		} finally {
			await new Promise((resolve) => late.close(resolve));
		}
	});

	test('a dropped connection: the retry may find the change made, and says so', async () => {
		handler = answers(hangUp(), status(200, { ok: true }));
		const response = await apiRequestFull.call(requestContext(), vendor(server.url), { method: 'PUT', path: 'x' });
		expect(response).toMatchObject({ status: 200, body: { ok: true }, repeated: true });
		expect(server.requests).toHaveLength(2);
	});

	test('a repeat that hears "already done" counts as done', async () => {
		const seen = [];
		handler = answers(hangUp(), status(409, { message: 'only active users can be deactivated' }));
		const response = await apiRequestFull.call(requestContext(), vendor(server.url), {
			method: 'PUT',
			path: 'x',
			doneIfRepeated: (r) => (seen.push(r.status), r.status === 409),
		});
		expect(response).toEqual({ status: 200, headers: expect.any(Object), body: {}, alreadyDone: true, repeated: true });
		expect(response.headers['content-type']).toBe('application/json');
		expect(seen).toEqual([409]);
	});

	test('after a 5xx too', async () => {
		handler = answers(status(502), status(404, { message: 'membership_not_found' }));
		const response = await apiRequestFull.call(requestContext(), vendor(server.url), {
			method: 'DELETE',
			path: 'x',
			doneIfRepeated: (r) => r.status === 404,
		});
		expect(response.alreadyDone).toBe(true);
	});

	test('"already done" on a first attempt, or after a 429, is a failure', async () => {
		handler = status(409, { message: 'only active users can be deactivated' });
		const doneIfRepeated = () => true;
		await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'PUT', path: 'x', doneIfRepeated })).rejects.toThrow(
			'Vendor returned 409',
		);
		handler = answers(status(429, {}, { 'Retry-After': '0' }), status(409, { message: 'exists' }));
		await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'POST', path: 'x', doneIfRepeated })).rejects.toThrow(
			'Vendor returned 409: exists',
		);
	});

	test('a dropped POST is not retried', async () => {
		handler = hangUp();
		await expect(apiRequestFull.call(requestContext(), vendor(server.url), { method: 'POST', path: 'x' })).rejects.toThrow(
			new RegExp(`^Could not reach Vendor at ${server.url}: `),
		);
		expect(server.requests).toHaveLength(1);
	});

	test('no answer within the Timeout: retried when idempotent, then says how long it waited', async () => {
		handler = () => undefined;
		const ctx = requestContext({ execute: true, parameters: { 'requestOptions.timeout': 0.1 } });
		const api = vendor(server.url, { retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 500 } });
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: 'x' }));
		expect(error.message).toBe(`Could not reach Vendor at ${server.url}: Vendor did not answer within 0.1 s`);
		expect(server.requests).toHaveLength(2);
		server.requests.length = 0;
		await expect(apiRequestFull.call(ctx, api, { method: 'POST', path: 'x' })).rejects.toThrow('Vendor did not answer within 0.1 s');
		expect(server.requests).toHaveLength(1);
	});
});
