import { createHash } from 'node:crypto';
import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { retryAfterMs } from './headers';
import { backoffMs, DEFAULT_RETRY } from './transport';

interface FailedRequest {
	message?: string;
	code?: string;
	httpCode?: string;
	response?: { status?: number; data?: unknown; body?: unknown; headers?: Record<string, unknown> };
	cause?: { code?: string; response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } };
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return { error_description: body };
	}
}

/** The HTTP status, body and headers of a failed request, whatever shape n8n's helper threw. */
export function failureOf(error: unknown): { status?: number; body?: unknown; headers: Record<string, unknown> } {
	const e = error as FailedRequest;
	const response = e?.response ?? e?.cause?.response;
	const status = response?.status ?? (e?.httpCode ? Number(e.httpCode) : undefined);
	const r = response as { data?: unknown; body?: unknown } | undefined;
	return { status, body: parseBody(r?.data ?? r?.body), headers: response?.headers ?? {} };
}

/** A token host's hiccup worth another try: a 429, a 5xx, or no answer at all. */
function retryable(status: number | undefined): boolean {
	return status === undefined || status === 429 || status >= 500;
}

const TOKEN_RETRY = { ...DEFAULT_RETRY, maxRetries: 3, maxDelayMs: 30_000 };

/**
 * Sends a token request (from a credential's preAuthentication), retrying a 429, 5xx or dropped connection
 * a few times, and settles it: `{ body }` or `{ error }` with the last failure. Never throws, so the caller
 * builds its own error from the vendor's answer rather than from the request, whose form carries secrets.
 */
export async function sendTokenRequest(
	helper: IHttpRequestHelper,
	options: IHttpRequestOptions,
): Promise<{ body: IDataObject } | { error: unknown }> {
	for (let attempt = 0; ; attempt++) {
		const outcome = await helper.helpers.httpRequest(options).then(
			(body) => ({ body: body as IDataObject }),
			(error: unknown) => ({ error }),
		);
		if (!('error' in outcome) || attempt >= TOKEN_RETRY.maxRetries) return outcome;
		const { status, headers } = failureOf(outcome.error);
		if (!retryable(status)) return outcome;
		const delay = (status === 429 ? retryAfterMs(headers, Date.now()) : undefined) ?? backoffMs(TOKEN_RETRY, attempt);
		if (delay > TOKEN_RETRY.maxDelayMs) return outcome;
		await sleep(delay);
	}
}

/** How long this process hands a renewed token to executions whose older token was rejected too. */
const SHARE_MS = 5 * 60_000;
const MAX_SHARED = 200;

interface SharedToken {
	token: string;
	at: number;
	/** the tokens this one replaced: known rejected */
	replaced: string[];
	pending?: Promise<string>;
}

/** Tokens fetched by this n8n process, by credential. */
const shared = new Map<string, SharedToken>();

/**
 * One token request at a time per credential in this n8n process. n8n runs preAuthentication for each execution
 * that finds no stored token or has its token rejected, and a worker runs many executions at once: those join the
 * request in flight, and one whose token was rejected after another execution had already replaced that same token
 * takes the new one. Any other caller (a token this process never saw rejected, or none) fetches a new token.
 */
export async function sharedToken(
	type: string,
	credentials: ICredentialDataDecryptedObject,
	fetchToken: () => Promise<string>,
): Promise<string> {
	// keyed by every field but the token itself (secrets included, only hashed): an edited credential gets its own
	const { accessToken, ...fields } = credentials;
	const current = typeof accessToken === 'string' ? accessToken : '';
	const key = createHash('sha256').update(JSON.stringify([type, fields])).digest('base64url');
	const entry = shared.get(key);
	if (entry?.pending) return await entry.pending;
	if (entry && current && entry.replaced.includes(current) && Date.now() - entry.at < SHARE_MS) return entry.token;
	const replaced = [current, ...(entry?.replaced ?? [])].filter(Boolean).slice(0, 20);
	const pending = fetchToken();
	shared.delete(key);
	shared.set(key, { token: '', at: 0, replaced, pending });
	if (shared.size > MAX_SHARED) shared.delete(shared.keys().next().value as string);
	// settle the shared entry first (handlers run in the order added), then answer this caller with the outcome
	void pending.then(
		(token) => shared.set(key, { token, at: Date.now(), replaced }),
		() => shared.delete(key),
	);
	return await pending;

}
