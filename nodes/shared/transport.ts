import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { ICredentialsDecrypted, IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';

import { connectionError, rateLimitError, redact, responseError } from './errors';
import { header, resetAt, retryAfterMs } from './headers';
import { DEFAULT_PROFILE, Limiter, limiterFor } from './limiter';
import type { ApiRequest, ApiResponse, Connection, RequestContext, RetryPolicy, VendorApi } from './types';

export const DEFAULT_RETRY: RetryPolicy = {
	maxRetries: 4,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	maxTotalWaitMs: 120_000,
};

/** Seconds a request may take when the node's Timeout option is not set. */
export const DEFAULT_TIMEOUT_S = 60;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * How long a rate-limited response asks us to wait, in ms: Retry-After (seconds or HTTP date), else
 * X-RateLimit-Reset (epoch seconds, or seconds from now when small). Undefined when neither is there.
 * Only for 429s: vendors send the hourly reset on every response, so it means nothing on a 5xx.
 */
export function requestedDelayMs(headers: ApiResponse['headers'], now = Date.now()): number | undefined {
	const retryAfter = retryAfterMs(headers, now);
	if (retryAfter !== undefined) return retryAfter;
	const reset = resetAt(header(headers, 'x-ratelimit-reset'), now);
	return reset === undefined ? undefined : Math.max(0, reset - now);
}

/** Exponential backoff with jitter: between half and all of base·2^attempt, so retries do not march in step. */
export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random()): number {
	const full = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
	return Math.round(full / 2 + (full / 2) * random);
}

/** Everything a request needs that is the same for the whole execution: read once per node run. */
interface Session {
	conn: Connection;
	/** The connection's decrypted credential, handed to n8n's helper with every request (Connection.credentials). */
	credential?: ICredentialsDecrypted;
	policy: RetryPolicy;
	limiter: Limiter;
	timeoutMs: number;
}

const sessions = new WeakMap<object, Map<string, Promise<Session>>>();

function nodeParameter(ctx: RequestContext, name: string, fallback: unknown): unknown {
	try {
		return 'getInputData' in ctx
			? ctx.getNodeParameter(name, 0, fallback)
			: (ctx as { getNodeParameter(name: string, fallback: unknown): unknown }).getNodeParameter(name, fallback);
	} catch {
		return fallback;
	}
}

/**
 * The vendor connection. A dropdown or list opened in the editor before a credential is chosen says what to
 * do instead of failing with n8n's internal error.
 */
async function connect(ctx: RequestContext, api: VendorApi): Promise<Connection> {
	const isList = 'getCurrentNodeParameter' in ctx;
	if (isList && Object.keys(ctx.getNode().credentials ?? {}).length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Add a ${api.name} credential to load the list`, {
			description: `Choose or create a ${api.name} credential in the node’s Credential field; the list is loaded from your ${api.name} account.`,
		});
	}
	return await api.connection(ctx);
}

async function openSession(ctx: RequestContext, api: VendorApi): Promise<Session> {
	const conn = await connect(ctx, api);
	const nodeCredential = ctx.getNode().credentials?.[conn.credentialType];
	// Stryker disable next-line StringLiteral: any constant keys a node without credential IDs the same way
	const credentialId = nodeCredential?.id ?? '';
	const profile = conn.rateProfile ?? api.rateProfile?.(conn.baseUrl) ?? DEFAULT_PROFILE;
	// One limiter per credential and execution: every node of the run that uses the credential shares it.
	const execution = 'getExecutionId' in ctx ? ctx.getExecutionId() : undefined;
	const timeout = Number(nodeParameter(ctx, 'requestOptions.timeout', DEFAULT_TIMEOUT_S));
	return {
		conn,
		// Stryker disable next-line StringLiteral: n8n's helper reads only the data
		credential: conn.credentials && { id: credentialId, name: nodeCredential?.name ?? '', type: conn.credentialType, data: conn.credentials },
		policy: { ...DEFAULT_RETRY, ...api.retry },
		limiter: execution
			? limiterFor(`${execution}|${conn.credentialType}|${credentialId}|${conn.baseUrl}`, profile)
			: new Limiter(profile),
		timeoutMs: (Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_S) * 1000,
	};
}

function session(ctx: RequestContext, api: VendorApi): Promise<Session> {
	let byVendor = sessions.get(ctx);
	if (!byVendor) sessions.set(ctx, (byVendor = new Map()));
	let found = byVendor.get(api.name);
	if (!found) {
		found = openSession(ctx, api);
		found.catch(() => byVendor.delete(api.name));
		byVendor.set(api.name, found);
	}
	return found;
}

/**
 * The secrets to mask in an error: the ones read at the start plus the credential as it is now, which holds a
 * token fetched during the request (a first run, or the renewal after a 401).
 */
async function secretsNow(ctx: RequestContext, api: VendorApi, conn: Connection): Promise<string[]> {
	try {
		return [...conn.secrets, ...(await api.connection(ctx)).secrets];
	} catch {
		return conn.secrets;
	}
}

function requestUrl(conn: Connection, request: ApiRequest, node: INode): string {
	if (!request.url) return `${conn.baseUrl.replace(/\/+$/, '')}/${(request.path ?? '').replace(/^\/+/, '')}`;
	let target: URL;
	try {
		target = new URL(request.url);
	} catch {
		throw new NodeOperationError(node, `Invalid URL from the vendor: ${request.url}`);
	}
	// A next-page link must stay on the vendor's host: the credential goes wherever the request goes.
	const base = new URL(conn.baseUrl);
	if (target.origin !== base.origin) {
		throw new NodeOperationError(
			node,
			`Refused to follow a link to ${target.origin}: it is not on the credential's host ${base.origin}`,
			{ itemIndex: request.itemIndex },
		);
	}
	return target.toString();
}

const NETWORK_CODES =
	/ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|ECONNABORTED|EHOSTUNREACH|ENETUNREACH|HPE_|socket hang up|Parse Error|aborted|timeout of \d+ms exceeded/;

interface HttpLikeError {
	code?: string;
	message?: string;
	description?: string;
	httpCode?: string;
	cause?: { code?: string; message?: string; response?: { status?: number; data?: unknown; headers?: ApiResponse['headers'] } };
}

/** The HTTP response inside an error n8n threw (it throws only for the 401 it could not refresh). */
function responseOf(error: unknown): ApiResponse | undefined {
	const res = (error as HttpLikeError)?.cause?.response;
	if (!res?.status) return undefined;
	return { status: res.status, headers: res.headers ?? {}, body: res.data ?? {} };
}

function errorText(error: unknown): string {
	const e = error as HttpLikeError;
	// Stryker disable next-line StringLiteral: '' stands for a missing part; any other filler matches none of the patterns either
	return `${e?.cause?.code ?? ''} ${e?.code ?? ''} ${e?.cause?.message ?? ''} ${e?.message ?? ''}`;
}

const isNetworkError = (error: unknown) => NETWORK_CODES.test(errorText(error));
const isTimeout = (error: unknown) => /ETIMEDOUT|ECONNABORTED|timeout of \d+ms exceeded/.test(errorText(error));
/** Refused before anything was sent: a repeat cannot find the change already made. */
const neverSent = (error: unknown) => /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(errorText(error));

/**
 * An error the credential or n8n threw before any answer (a token request that failed, n8n's OAuth2 refresh).
 * Rebuilt from its message and description only: the original carries the request, token included.
 */
function credentialError(node: INode, error: unknown, secrets: string[], itemIndex?: number): NodeApiError {
	const e = error as HttpLikeError;
	const message = redact(e?.message || 'The request could not be authenticated', secrets);
	return new NodeApiError(
		node,
		{ message },
		{
			message,
			description: e?.description ? redact(String(e.description), secrets) : undefined,
			httpCode: e?.httpCode,
			itemIndex,
		},
	);
}

function redirectError(node: INode, api: VendorApi, from: string, to: URL, itemIndex?: number, why?: string): NodeApiError {
	const message = why
		? `${api.name} redirected the request to ${to.origin}${to.pathname}: ${why}`
		: `${api.name} redirected the request to another host, ${to.host}; the credential was not sent there`;
	return new NodeApiError(node, { message }, {
		message,
		description: `The credential’s base URL is ${new URL(from).origin}. Check the region, environment or custom base URL of the credential.`,
		itemIndex,
	});
}

function notJsonError(node: INode, api: VendorApi, response: ApiResponse, secrets: string[], itemIndex?: number): NodeApiError {
	const start = redact(String(response.body).slice(0, 120), secrets);
	const message = `${api.name} answered ${response.status} with a body that is not valid JSON`;
	return new NodeApiError(node, { message }, {
		message,
		description: `The answer began with: ${start}. A proxy or the vendor may be failing, or the base URL of the credential points elsewhere; try again later.`,
		httpCode: String(response.status),
		itemIndex,
	});
}

/**
 * Sends one request through n8n's authenticated helper and returns the full response.
 * - Paced by the credential's limiter: a 429 pauses every request of that credential.
 * - Retries a 429 (any method: the vendor refused it before doing anything) with the vendor's requested wait,
 *   and a 5xx, 408, dropped connection or timeout of an idempotent request with backoff and jitter, within
 *   the vendor's retry policy. A repeat that finds the change already made counts as done (`doneIfRepeated`).
 * - Follows redirects only on the credential's origin; a redirect elsewhere fails and names the host.
 * - A success whose body is not JSON fails with a clear error. Every error has the credential masked.
 * A 401 is left to n8n: it re-runs the credential's preAuthentication once (token refresh) and retries.
 * A request with its own `authorization` goes through n8n's plain helper instead (the credential's token is not sent).
 */
export async function apiRequestFull(this: RequestContext, api: VendorApi, request: ApiRequest): Promise<ApiResponse> {
	const node = this.getNode();
	// The limiter lets the first request of an execution go alone: a credential that fetches a token (n8n runs
	// its preAuthentication) then fetches it once, not once per item running at once.
	const { conn, credential, policy, limiter, timeoutMs } = await session(this, api);
	// A request's own Authorization header is masked like the credential's secrets.
	const own = request.authorization;
	const secrets = async () => [...(await secretsNow(this, api, conn)), ...(own ? [own, own.replace(/^\S+\s+/, '')] : [])];
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const rateKey = api.rateKey?.(request) ?? '';
	const fail = async (response: ApiResponse) =>
		responseError(node, api, response, await secrets(), request.itemIndex);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: requestUrl(conn, request, node),
		qs: request.url ? undefined : (request.qs as IHttpRequestOptions['qs']),
		body: request.body as IHttpRequestOptions['body'],
		headers: request.headers,
		json: true,
		returnFullResponse: true,
		timeout: timeoutMs,
		disableFollowRedirect: true,
		ignoreHttpStatusErrors: conn.refreshOn401 && !own ? { ignore: true, except: [401] } : true,
		...(request.repeatArrays ? { arrayFormat: 'repeat' as const } : {}),
	};
	const send = async (): Promise<ApiResponse> => {
		const raw = (
			own === undefined
				? await this.helpers.httpRequestWithAuthentication.call(this, conn.credentialType, { ...options }, credential && { credentialsDecrypted: credential })
				: await this.helpers.httpRequest({ ...options, headers: { ...options.headers, Authorization: own } })
		) as {
			statusCode: number;
			headers: ApiResponse['headers'];
			body: unknown;
		};
		const response = { status: raw.statusCode, headers: raw.headers ?? {}, body: raw.body };
		limiter.observe(response, Date.now(), rateKey);
		return response;
	};
	const waitTooLong = (response?: ApiResponse) => async (waitMs: number) =>
		rateLimitError(node, api, response, waitMs, limiter.remaining(Date.now(), rateKey), await secrets(), request.itemIndex);

	let waited = 0;
	let maybeApplied = false;
	let redirects = 0;
	for (let attempt = 0; ; ) {
		let response: ApiResponse;
		try {
			response = await limiter.run(send, policy.maxDelayMs, (ms) => new LimiterWait(ms), rateKey);
		} catch (error) {
			if (error instanceof LimiterWait) throw await waitTooLong()(error.waitMs);
			const failed = responseOf(error);
			if (failed) {
				response = failed;
			} else if (isNetworkError(error)) {
				const delay = backoffMs(policy, attempt);
				if (!idempotent || attempt >= policy.maxRetries || waited + delay > policy.maxTotalWaitMs) {
					const masked = await secrets();
					const reason = isTimeout(error) ? `${api.name} did not answer within ${timeoutMs / 1000} s` : undefined;
					throw connectionError(node, api, conn.baseUrl, error, masked, request.itemIndex, reason);
				}
				maybeApplied ||= !neverSent(error);
				waited += delay;
				attempt++;
				await sleep(delay);
				continue;
			} else {
				throw credentialError(node, error, await secrets(), request.itemIndex);
			}
		}

		const location = header(response.headers, 'location');
		if (REDIRECTS.has(response.status) && location) {
			const target = new URL(location, options.url);
			if (target.origin !== new URL(conn.baseUrl).origin) throw redirectError(node, api, conn.baseUrl, target, request.itemIndex);
			if (++redirects > MAX_REDIRECTS) throw redirectError(node, api, conn.baseUrl, target, request.itemIndex, 'too many redirects');
			const keepsMethod = response.status === 307 || response.status === 308;
			if (!keepsMethod && request.method !== 'GET' && request.method !== 'HEAD') {
				throw redirectError(node, api, conn.baseUrl, target, request.itemIndex, `the ${request.method} was not sent again`);
			}
			options.url = target.toString();
			options.qs = undefined;
			continue;
		}
		if (response.status < 300) {
			if (typeof response.body === 'string' && response.body.trim() !== '') {
				throw notJsonError(node, api, response, await secrets(), request.itemIndex);
			}
			return maybeApplied ? { ...response, repeated: true } : response;
		}
		if (maybeApplied && request.doneIfRepeated?.(response)) {
			return { status: 200, headers: response.headers, body: {}, alreadyDone: true, repeated: true };
		}

		const rateLimited = response.status === 429 || api.isRateLimited?.(response) === true;
		const retryable = rateLimited || (idempotent && (response.status >= 500 || response.status === 408));
		if (!retryable || attempt >= policy.maxRetries) throw await fail(response);
		const backoff = backoffMs(policy, attempt);
		const delay = rateLimited
			? (api.retryDelayMs?.(response, backoff) ?? requestedDelayMs(response.headers) ?? backoff)
			: (retryAfterMs(response.headers, Date.now()) ?? backoff);
		if (delay > policy.maxDelayMs || waited + delay > policy.maxTotalWaitMs) {
			throw rateLimited ? await waitTooLong(response)(delay) : await fail(response);
		}
		waited += delay;
		attempt++;
		if (rateLimited) {
			// Every request of this credential (or of this endpoint, where the vendor limits each) waits, not only this one.
			limiter.pause(delay, Date.now(), rateKey);
		} else {
			maybeApplied = true;
			await sleep(delay);
		}
	}
}

/** The limiter would have to wait longer than the policy allows (thrown inside `limiter.run`). */
class LimiterWait extends Error {
	constructor(readonly waitMs: number) {
		// Stryker disable next-line StringLiteral: an internal signal, caught in apiRequestFull; its message is never shown
		super('rate limit wait');
	}
}

/** Like apiRequestFull, returning only the parsed body; an empty body (many updates answer 200 with none) is {}. */
export async function apiRequest(this: RequestContext, api: VendorApi, request: ApiRequest): Promise<IDataObject> {
	const { body } = await apiRequestFull.call(this, api, request);
	if (body === undefined || body === null || body === '') return {};
	return (typeof body === 'object' ? body : { body }) as IDataObject;
}

/** The limiter of the credential this context uses for `api`: for planning request counts before a run. */
export async function limiterOf(this: RequestContext, api: VendorApi): Promise<Limiter> {
	return (await session(this, api)).limiter;
}
