import { sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

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
