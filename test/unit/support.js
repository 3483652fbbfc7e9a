'use strict';
// What the unit tests of the shared core need around it: a tiny HTTP server on 127.0.0.1 and the part of
// n8n a node's context provides. Nothing of ours is replaced: requests go over real HTTP through axios
// configured the way n8n's request helper configures it (@n8n/backend-network's convertN8nRequestToAxios),
// and failures are wrapped in NodeApiError the way n8n's httpRequestWithAuthentication wraps them.

const http = require('node:http');
const axios = require('axios');
const qs = require('qs');
const { NodeApiError } = require('n8n-workflow');

const NODE = {
	id: 'node-under-test',
	name: 'Node',
	type: 'n8n-nodes-esign-users.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { testApi: { id: 'cred-1', name: 'Test' } },
};

/**
 * Starts a server on a free loopback port. `handler(req, res, body)` answers each request (it may be async);
 * `requests` records method, url, path, query, headers, body and the time each request arrived; `stats` the
 * requests being answered now and the most answered at once.
 */
async function startServer(handler) {
	const requests = [];
	const sockets = new Set();
	const stats = { inFlight: 0, maxInFlight: 0 };
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', async () => {
			const url = new URL(req.url, 'http://127.0.0.1');
			const record = {
				method: req.method,
				url: req.url,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				search: url.search,
				headers: req.headers,
				body,
				at: Date.now(),
			};
			requests.push(record);
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			res.on('close', () => stats.inFlight--);
			try {
				await handler(req, res, record);
			} catch (error) {
				res.statusCode = 599;
				res.end(String(error));
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		stats,
		server,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** Answers with a JSON body (or `raw` text), a status and headers. */
function send(res, status, body, headers = {}) {
	const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
	res.end(raw);
}

/** A port nothing listens on (bound, then released). */
async function closedPort() {
	const server = http.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** IHttpRequestOptions → the axios request n8n sends (the options our transport uses). */
function toAxios(options) {
	const config = {
		method: options.method,
		url: options.url,
		params: options.qs,
		headers: { Accept: 'application/json', ...(options.headers ?? {}) },
		timeout: options.timeout,
		maxRedirects: options.disableFollowRedirect === true ? 0 : undefined,
	};
	if (options.arrayFormat !== undefined) config.paramsSerializer = (params) => qs.stringify(params, { arrayFormat: options.arrayFormat });
	if (options.body && (typeof options.body === 'string' || Object.keys(options.body).length) && options.method !== 'GET') {
		config.data = options.body;
	}
	const ignore = options.ignoreHttpStatusErrors;
	if (ignore && typeof ignore === 'object' && ignore.ignore === true) config.validateStatus = (status) => !ignore.except.includes(status);
	else if (ignore) config.validateStatus = () => true;
	return config;
}

/** n8n's httpRequest: full response or body; a failure is thrown as axios throws it. */
async function n8nHttpRequest(options) {
	const result = await axios(toAxios(options));
	return options.returnFullResponse
		? { body: result.data, headers: result.headers, statusCode: result.status, statusMessage: result.statusText }
		: result.data;
}

/**
 * A node's execution context as far as the transport uses it. `calls` records the credential type and
 * options of each httpRequestWithAuthentication; `beforeSend(options, n)` may act before request n.
 */
function requestContext({
	node = NODE,
	executionId,
	parameters = {},
	execute = false,
	beforeSend,
	afterError,
} = {}) {
	const calls = [];
	const ctx = {
		getNode: () => node,
		// An execution reads (name, itemIndex, fallback), other contexts (name, fallback). A parameter given as a
		// function is an expression: its value depends on the item.
		getNodeParameter(name, ...rest) {
			const [itemIndex, fallback] = execute ? rest : [0, rest[0]];
			const value = typeof parameters[name] === 'function' ? parameters[name](itemIndex) : parameters[name];
			return value === undefined ? fallback : value;
		},
		helpers: {
			async httpRequestWithAuthentication(credentialType, options) {
				calls.push({ credentialType, options: { ...options } });
				// As n8n: whatever fails (the credential's preAuthentication, the request) is thrown as a NodeApiError.
				try {
					if (beforeSend) await beforeSend(options, calls.length);
					return await n8nHttpRequest(options);
				} catch (error) {
					if (afterError) await afterError(error, calls.length);
					throw new NodeApiError(node, error);
				}
			},
		},
		calls,
	};
	if (executionId !== undefined) ctx.getExecutionId = () => executionId;
	if (execute) ctx.getInputData = () => [{ json: {} }];
	return ctx;
}

/** A vendor as the nodes define one, pointed at `baseUrl`, with short retry waits. */
function vendor(baseUrl, overrides = {}) {
	return {
		name: 'Vendor',
		connection: async () => ({ credentialType: 'testApi', baseUrl, secrets: ['s3cret-key'] }),
		errorMessage: (body) => (body && typeof body === 'object' && typeof body.message === 'string' ? body.message : undefined),
		retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 500 },
		...overrides,
	};
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { NODE, startServer, send, closedPort, requestContext, vendor, n8nHttpRequest, delay };
