'use strict';
// Shared plumbing for the vendor mock servers: a tiny router, body parsing,
// request recording, failure injection and rate-limit headers.
// Node built-ins only (runs on Node 20 and 24).

const http = require('node:http');

class HttpError extends Error {
	constructor(status, body, headers = {}) {
		super(`HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** Throw from a handler to answer with this status/body. */
const httpError = (status, body, headers) => new HttpError(status, body, headers);

const json = (body, status = 200, headers = {}) => ({ status, body, headers });
const empty = (status = 200, headers = {}) => ({ status, body: undefined, headers });

// ---------------------------------------------------------------- router

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(pattern) {
	const keys = [];
	const source = pattern
		.split('/')
		.map((segment) => {
			if (!segment.startsWith(':')) return escapeRegex(segment);
			keys.push(segment.slice(1));
			return '([^/]+)';
		})
		.join('/');
	// Paths are matched case-insensitively: ASP.NET routing (BoldSign) is, and
	// DocuSign spells its base path both /management and /Management (section 1.1).
	return { regex: new RegExp(`^${source}/?$`, 'i'), keys };
}

function createRouter() {
	const routes = [];
	const add = (method) => (pattern, handler) => {
		routes.push({ method, handler, ...compile(pattern) });
		return router;
	};
	const router = {
		get: add('GET'),
		post: add('POST'),
		put: add('PUT'),
		patch: add('PATCH'),
		delete: add('DELETE'),
		match(method, path) {
			for (const route of routes) {
				const found = route.method === method && route.regex.exec(path);
				if (!found) continue;
				const params = {};
				route.keys.forEach((key, i) => (params[key] = decodeURIComponent(found[i + 1])));
				return { handler: route.handler, params };
			}
			return null;
		},
	};
	return router;
}

// ---------------------------------------------------------------- parsing

/** URLSearchParams -> plain object; keys exactly as sent, repeated keys become arrays. */
function paramsToObject(searchParams) {
	const out = {};
	for (const [key, value] of searchParams) {
		if (!(key in out)) out[key] = value;
		else out[key] = [].concat(out[key], value);
	}
	return out;
}

/** Returns { body } or { error } when a JSON body does not parse. */
function parseBody(raw, contentType = '') {
	if (!raw) return { body: undefined };
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return { body: paramsToObject(new URLSearchParams(raw)) };
	const looksJson = type.endsWith('json') || (!type && /^\s*[[{]/.test(raw));
	if (!looksJson) return { body: raw };
	try {
		return { body: JSON.parse(raw) };
	} catch {
		return { body: raw, error: 'invalid JSON body' };
	}
}

function readRaw(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

// ---------------------------------------------------------------- case-insensitive lookup

const lower = (value) => String(value).toLowerCase();
// "UserId", "userid", "UserId[]" and "UserId[3]" all name the same query parameter.
const baseKey = (key) => lower(key).replace(/\[\d*\]$/, '');

/** Value of the first key equal to `name` ignoring case (objects such as JSON bodies). */
function ciGet(obj, name) {
	if (!obj || typeof obj !== 'object') return undefined;
	const key = Object.keys(obj).find((k) => lower(k) === lower(name));
	return key === undefined ? undefined : obj[key];
}

/** Every value given for a query parameter, ignoring case and array brackets. */
function ciQueryAll(query, name) {
	return Object.keys(query || {})
		.filter((key) => baseKey(key) === lower(name))
		.flatMap((key) => [].concat(query[key]));
}

/** First value given for a query parameter, ignoring case. */
const ciQuery = (query, name) => ciQueryAll(query, name)[0];

// ---------------------------------------------------------------- rate limits

/** { limit, remaining, reset, burstLimit, burstRemaining } -> response headers. */
function rateLimitHeaders(rateLimit) {
	if (!rateLimit) return {};
	const headers = {};
	const set = (name, value) => value !== undefined && (headers[name] = String(value));
	set('X-RateLimit-Limit', rateLimit.limit);
	set('X-RateLimit-Remaining', rateLimit.remaining);
	set('X-RateLimit-Reset', rateLimit.reset ?? Math.floor(Date.now() / 1000) + 3600);
	set('X-BurstLimit-Limit', rateLimit.burstLimit);
	set('X-BurstLimit-Remaining', rateLimit.burstRemaining);
	return headers;
}

// ---------------------------------------------------------------- server

function send(res, { status, body, headers = {} }) {
	const isText = typeof body === 'string';
	const payload = body === undefined || body === null ? '' : isText ? body : JSON.stringify(body);
	const contentType = payload && !isText ? { 'Content-Type': 'application/json; charset=utf-8' } : {};
	res.writeHead(status, { ...contentType, ...headers, 'Content-Length': Buffer.byteLength(payload) });
	res.end(payload);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- fault injection

/** What failNext({ fault }) can do to a request instead of answering it normally. */
const FAULTS = ['drop', 'drop-after-apply', 'hang', 'truncate', 'html', 'echo-headers', 'redirect', 'bad-status-line'];

const HTML_PAGE =
	'<html><head><title>502 Bad Gateway</title></head>' +
	'<body><h1>Bad Gateway</h1><p>The proxy received an invalid response from an upstream server.</p></body></html>';

/** The raw bytes of a response whose status line no HTTP parser accepts. */
const BAD_STATUS_LINE = 'HTTP/1.1 abc OK\r\n\r\n';

function serialize(body) {
	if (body === undefined || body === null) return '';
	return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * The vendor's error body for `status`, with the request's headers written into its message string(s)
 * and added as `requestHeaders`: what a misbehaving proxy or a verbose error page does.
 */
function echoHeadersBody(errorBody, status, record, base) {
	const text = http.STATUS_CODES[status] || 'Error';
	const echoed = Object.entries(record.headers).map(([name, value]) => `${name}: ${value}`).join('; ');
	const message = `${text}. Request headers: ${echoed}`;
	const body = base !== undefined && base !== null ? structuredClone(base) : errorBody(status, text);
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { message, requestHeaders: record.headers };
	let written = false;
	for (const [key, value] of Object.entries(body)) {
		if (value === text) {
			body[key] = message;
			written = true;
		}
	}
	if (!written) body.message = message;
	body.requestHeaders = { ...record.headers };
	return body;
}

/**
 * Starts a mock server on 127.0.0.1.
 * - setup(mock) returns { router, authenticate?, responseHeaders? }:
 *   router from createRouter(), handlers are (req, params) => json(...) | empty(...);
 *   authenticate(req) throws httpError(...) to reject a routed request;
 *   responseHeaders(req) gives extra headers for every response (e.g. rate limits).
 * - errorBody(status, message): the vendor's error shape.
 * - reseed(mock): called at start and by mock.reset().
 */
async function startMockServer({ port = 0, setup, errorBody, reseed }) {
	const failures = [];
	const hanging = new Set();
	const mock = {
		url: '',
		port: 0,
		requests: [],
		rateLimit: null,
		// added delay before every response, in ms (e.g. to model network latency in benchmarks)
		latencyMs: 0,
		// requests being answered now, and the most at once since the last reset()
		inFlight: 0,
		maxInFlight: 0,
		refused: 0,
		failNext({ status, headers = {}, body, count = 1, match, delayMs = 0, fault, location } = {}) {
			if (fault !== undefined && !FAULTS.includes(fault)) {
				throw new Error(`Unknown fault '${fault}'; use one of ${FAULTS.join(', ')}`);
			}
			if (fault === undefined && status === undefined && !delayMs) throw new Error('failNext needs a status, a fault or a delayMs');
			if (fault === 'redirect' && !location) throw new Error("failNext({ fault: 'redirect' }) needs a location");
			failures.push({ status, headers, body, count, match, delayMs, fault, location });
			return mock;
		},
		/** Destroys the sockets of requests held open by the 'hang' fault; returns how many there were. */
		releaseHanging() {
			const count = hanging.size;
			for (const socket of hanging) socket.destroy();
			hanging.clear();
			return count;
		},
		reset() {
			mock.requests.length = 0;
			mock.maxInFlight = 0;
			mock.refused = 0;
			failures.length = 0;
			reseed?.(mock);
			return mock;
		},
		close: () => closeServer(server),
	};
	const { router, authenticate, responseHeaders } = setup(mock);

	function takeFailure(record) {
		const failure = failures.find((f) => !f.match || f.match(record));
		if (!failure) return null;
		if (--failure.count <= 0) failures.splice(failures.indexOf(failure), 1);
		return failure;
	}

	function failureResponse({ status, headers, body }) {
		return { status, headers, body: body === undefined ? errorBody(status, http.STATUS_CODES[status]) : body };
	}

	async function route(record, parseError) {
		const found = router.match(record.method, record.path);
		if (!found) return json(errorBody(404, `No route for ${record.method} ${record.path}`), 404);
		if (parseError) return json(errorBody(400, parseError), 400);
		await authenticate?.(record);
		return found.handler(record, found.params);
	}

	/** The normal answer to a request (state changes included); errors become the vendor's error responses. */
	async function respond(record, parseError) {
		try {
			return await route(record, parseError);
		} catch (err) {
			if (!(err instanceof HttpError)) console.error('[mock] handler crashed:', err);
			return err instanceof HttpError ? err : json(errorBody(500, String(err && err.message)), 500);
		}
	}

	/**
	 * With `rateLimit.enforce`, each rate-limited request spends one of `remaining`; at 0 the answer is a 429 until
	 * `reset`, when the quota refills to `limit` for another hour. Refusals are counted in `mock.refused`.
	 */
	function spendQuota(record) {
		const quota = mock.rateLimit;
		if (!quota?.enforce || !('X-RateLimit-Remaining' in (responseHeaders?.(record) ?? {}))) return null;
		const now = Date.now() / 1000;
		if (quota.reset && now >= quota.reset) {
			quota.remaining = quota.limit;
			quota.reset = Math.floor(now) + 3600;
		}
		if (quota.remaining <= 0) {
			mock.refused++;
			return { status: 429, headers: { 'Retry-After': String(Math.max(1, Math.ceil(quota.reset - now))) }, body: errorBody(429, 'Too Many Requests') };
		}
		quota.remaining--;
		return null;
	}

	const withExtras = (record, response) => ({ ...response, headers: { ...(responseHeaders?.(record) ?? {}), ...response.headers } });

	async function applyFault(failure, record, parseError, req, res) {
		const socket = req.socket;
		const status = failure.status;
		switch (failure.fault) {
			case 'drop':
				socket.destroy();
				return;
			case 'drop-after-apply':
				await respond(record, parseError);
				socket.destroy();
				return;
			case 'hang':
				hanging.add(socket);
				socket.once('close', () => hanging.delete(socket));
				return;
			case 'bad-status-line':
				socket.end(BAD_STATUS_LINE);
				return;
			case 'truncate': {
				const response = withExtras(record, await respond(record, parseError));
				const payload = Buffer.from(serialize(response.body), 'utf8');
				const cut = payload.subarray(0, Math.floor(payload.length / 2));
				res.writeHead(response.status, {
					'Content-Type': 'application/json; charset=utf-8',
					...response.headers,
					...failure.headers,
					'Content-Length': cut.length,
				});
				res.end(cut);
				return;
			}
			case 'html':
				send(res, withExtras(record, {
					status: status ?? 200,
					headers: { 'Content-Type': 'text/html; charset=utf-8', ...failure.headers },
					body: typeof failure.body === 'string' ? failure.body : HTML_PAGE,
				}));
				return;
			case 'echo-headers': {
				const code = status ?? 500;
				send(res, withExtras(record, { status: code, headers: failure.headers, body: echoHeadersBody(errorBody, code, record, failure.body) }));
				return;
			}
			case 'redirect':
				send(res, withExtras(record, { status: status ?? 302, headers: { ...failure.headers, Location: failure.location }, body: undefined }));
				return;
			default:
				throw new Error(`Unknown fault ${failure.fault}`);
		}
	}

	async function handle(req, res) {
		const url = new URL(req.url, 'http://mock.invalid');
		const rawBody = await readRaw(req);
		const { body, error } = parseBody(rawBody, req.headers['content-type']);
		const record = {
			method: req.method,
			path: url.pathname,
			query: paramsToObject(url.searchParams),
			headers: { ...req.headers }, // node lower-cases header names
			body,
			rawBody,
			at: Date.now(),
		};
		mock.requests.push(record);
		mock.inFlight++;
		mock.maxInFlight = Math.max(mock.maxInFlight, mock.inFlight);
		res.once('close', () => mock.inFlight--);
		if (mock.latencyMs > 0) await sleep(mock.latencyMs);
		// Failure injection runs before routing and auth.
		const failure = takeFailure(record);
		if (failure?.delayMs) await sleep(failure.delayMs);
		if (failure?.fault) return applyFault(failure, record, error, req, res);
		// A failure with only delayMs delays the real answer.
		const response = failure?.status !== undefined ? failureResponse(failure) : (spendQuota(record) ?? (await respond(record, error)));
		send(res, withExtras(record, response));
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((err) => {
			console.error('[mock] request failed:', err);
			if (!res.headersSent && !res.socket?.destroyed) send(res, json(errorBody(500, 'mock failure'), 500));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	mock.port = server.address().port;
	mock.url = `http://127.0.0.1:${mock.port}`;
	reseed?.(mock);
	return mock;
}

/**
 * A bare server on 127.0.0.1 (another port, so another origin) that records every request and answers
 * `status` with `body`: the "other host" a redirect points to, to prove that nothing is sent there.
 */
async function startOtherHost({ status = 200, body = { ok: true }, headers = {}, port = 0 } = {}) {
	const other = { url: '', port: 0, host: '', requests: [], close: () => closeServer(server) };
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://other.invalid');
		const rawBody = await readRaw(req).catch(() => '');
		other.requests.push({
			method: req.method,
			path: url.pathname,
			query: paramsToObject(url.searchParams),
			headers: { ...req.headers },
			body: parseBody(rawBody, req.headers['content-type']).body,
			rawBody,
		});
		send(res, { status, headers, body });
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	other.port = server.address().port;
	other.host = `127.0.0.1:${other.port}`;
	other.url = `http://${other.host}`;
	return other;
}

function closeServer(server) {
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

module.exports = {
	HttpError,
	httpError,
	json,
	empty,
	createRouter,
	startMockServer,
	startOtherHost,
	FAULTS,
	BAD_STATUS_LINE,
	parseBody,
	paramsToObject,
	ciGet,
	ciQuery,
	ciQueryAll,
	rateLimitHeaders,
};
