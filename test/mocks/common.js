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
	const delays = [];
	const mock = {
		url: '',
		port: 0,
		requests: [],
		rateLimit: null,
		failNext({ status, headers = {}, body, count = 1, match, delayMs = 0 }) {
			failures.push({ status, headers, body, count, match, delayMs });
			return mock;
		},
		// The next `count` matching requests are answered normally, after `delayMs` (e.g. to make two runs overlap).
		delayNext({ delayMs, count = 1, match }) {
			delays.push({ delayMs, count, match });
			return mock;
		},
		reset() {
			mock.requests.length = 0;
			failures.length = 0;
			delays.length = 0;
			reseed?.(mock);
			return mock;
		},
		close: () => closeServer(server),
	};
	const { router, authenticate, responseHeaders } = setup(mock);

	function take(list, record) {
		const entry = list.find((f) => !f.match || f.match(record));
		if (!entry) return null;
		if (--entry.count <= 0) list.splice(list.indexOf(entry), 1);
		return entry;
	}

	function failureResponse({ status, headers, body }) {
		return { status, headers, body: body === undefined ? errorBody(status, http.STATUS_CODES[status]) : body };
	}

	async function dispatch(record, parseError) {
		const delay = take(delays, record);
		if (delay) await sleep(delay.delayMs);
		const failure = take(failures, record);
		if (failure) {
			if (failure.delayMs) await sleep(failure.delayMs);
			return failureResponse(failure);
		}
		const route = router.match(record.method, record.path);
		if (!route) return json(errorBody(404, `No route for ${record.method} ${record.path}`), 404);
		if (parseError) return json(errorBody(400, parseError), 400);
		await authenticate?.(record);
		return route.handler(record, route.params);
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
		};
		mock.requests.push(record);
		let response;
		try {
			response = await dispatch(record, error);
		} catch (err) {
			if (!(err instanceof HttpError)) console.error('[mock] handler crashed:', err);
			response = err instanceof HttpError ? err : json(errorBody(500, String(err && err.message)), 500);
		}
		const extra = responseHeaders?.(record) ?? {};
		send(res, { ...response, headers: { ...extra, ...response.headers } });
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((err) => {
			console.error('[mock] request failed:', err);
			if (!res.headersSent) send(res, json(errorBody(500, 'mock failure'), 500));
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
	parseBody,
	paramsToObject,
	ciGet,
	ciQuery,
	ciQueryAll,
	rateLimitHeaders,
};
