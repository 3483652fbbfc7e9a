import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';

import { connectionError, redact, responseError } from './errors';
import type { ApiRequest, ApiResponse, Connection, RequestContext, RetryPolicy, VendorApi } from './types';

export const DEFAULT_RETRY: RetryPolicy = {
	maxRetries: 4,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	maxTotalWaitMs: 120_000,
};

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

function header(headers: ApiResponse['headers'], name: string): string | undefined {
	const value = headers[name.toLowerCase()] ?? headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * How long the vendor asks us to wait, in ms: Retry-After (seconds or HTTP date), else
 * X-RateLimit-Reset (epoch seconds, or seconds from now when small). Undefined when neither is there.
 */
export function requestedDelayMs(headers: ApiResponse['headers'], now = Date.now()): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
	}
	return undefined;
}

function isRetryable(status: number, idempotent: boolean): boolean {
	// A 429 was refused before it was processed, so it is safe to send again whatever the method.
	if (status === 429) return true;
	return idempotent && (status >= 500 || status === 408);
}

function requestUrl(conn: Connection, request: ApiRequest, node: INode): string {
	if (!request.url) return `${conn.baseUrl.replace(/\/+$/, '')}/${(request.path ?? '').replace(/^\/+/, '')}`;
	let target: URL;
	let base: URL;
	try {
		target = new URL(request.url);
		base = new URL(conn.baseUrl);
	} catch {
		throw new NodeOperationError(node, `Invalid URL from the vendor: ${request.url}`);
	}
	// A next-page link must stay on the vendor's host: the credential goes wherever the request goes.
	if (target.origin !== base.origin) {
		throw new NodeOperationError(
			node,
			`Refused to follow a link to ${target.origin}: it is not on the credential's host ${base.origin}`,
			{ itemIndex: request.itemIndex },
		);
	}
	return target.toString();
}

const NETWORK_CODES = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|ECONNABORTED|EHOSTUNREACH|socket hang up/;

interface HttpLikeError {
	code?: string;
	message?: string;
	cause?: { code?: string; message?: string; response?: { status?: number; data?: unknown; headers?: ApiResponse['headers'] } };
}

/** The HTTP response inside an error n8n threw (it throws only for the 401 it could not refresh). */
function responseOf(error: unknown): ApiResponse | undefined {
	const res = (error as HttpLikeError)?.cause?.response;
	if (!res?.status) return undefined;
	return { status: res.status, headers: res.headers ?? {}, body: res.data ?? {} };
}

function isNetworkError(error: unknown): boolean {
	const e = error as HttpLikeError;
	return NETWORK_CODES.test(`${e?.cause?.code ?? ''} ${e?.code ?? ''} ${e?.cause?.message ?? ''} ${e?.message ?? ''}`);
}

/**
 * Sends one request through n8n's authenticated helper and returns the full response, retrying
 * 429s (and 5xx / dropped connections for idempotent requests) with the vendor's requested delay,
 * within the vendor's retry policy. Any failure that remains becomes a NodeApiError.
 *
 * A 401 is left to n8n: it re-runs the credential's preAuthentication once (token refresh) and
 * retries; a 401 after that is reported like any other vendor error.
 */
export async function apiRequestFull(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
): Promise<ApiResponse> {
	const node = this.getNode();
	const conn = await api.connection(this);
	const policy = { ...DEFAULT_RETRY, ...api.retry };
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: requestUrl(conn, request, node),
		qs: request.url ? undefined : (request.qs as IHttpRequestOptions['qs']),
		body: request.body as IHttpRequestOptions['body'],
		headers: request.headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: conn.refreshOn401 ? { ignore: true, except: [401] } : true,
		...(request.repeatArrays ? { arrayFormat: 'repeat' as const } : {}),
	};

	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		let response: ApiResponse;
		try {
			const raw = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				conn.credentialType,
				{ ...options },
			)) as { statusCode: number; headers: ApiResponse['headers']; body: unknown };
			response = { status: raw.statusCode, headers: raw.headers ?? {}, body: raw.body };
		} catch (error) {
			const failed = responseOf(error);
			if (failed) {
				response = failed;
			} else if (isNetworkError(error)) {
				const delay = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
				if (!idempotent || attempt >= policy.maxRetries || waited + delay > policy.maxTotalWaitMs) {
					throw connectionError(node, api, conn.baseUrl, error, conn.secrets, request.itemIndex);
				}
				waited += delay;
				await sleep(delay);
				continue;
			} else {
				// The credential's own errors (e.g. a token request that failed) already say what to fix;
				// NodeApiError hands an existing NodeApiError back unchanged.
				throw new NodeApiError(node, error as JsonObject);
			}
		}

		if (response.status < 400) return response;
		if (!isRetryable(response.status, idempotent) || attempt >= policy.maxRetries) {
			throw responseError(node, api, response, conn.secrets, request.itemIndex);
		}
		const backoff = policy.baseDelayMs * 2 ** attempt;
		const delay = api.retryDelayMs?.(response, backoff) ?? requestedDelayMs(response.headers) ?? backoff;
		if (delay > policy.maxDelayMs || waited + delay > policy.maxTotalWaitMs) {
			const error = responseError(node, api, response, conn.secrets, request.itemIndex);
			error.description = redact(
				`${api.name} asks to wait ${Math.ceil(delay / 1000)} s before the next request, longer than this node waits. ${error.description ?? ''}`.trim(),
				conn.secrets,
			);
			throw error;
		}
		waited += delay;
		await sleep(delay);
	}
}

/** Like apiRequestFull, returning only the parsed body; an empty body (many updates answer 200 with none) is {}. */
export async function apiRequest(this: RequestContext, api: VendorApi, request: ApiRequest): Promise<IDataObject> {
	const { body } = await apiRequestFull.call(this, api, request);
	if (body === undefined || body === null || body === '') return {};
	return (typeof body === 'object' ? body : { body }) as IDataObject;
}
