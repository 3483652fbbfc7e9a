import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { ApiResponse, VendorApi } from './types';

const GENERIC_HINTS: Record<number, string> = {
	400: 'The vendor rejected the request. Check the values sent in the node’s fields.',
	401: 'The credential was rejected. Check the key or token and the environment or region selected in the credential.',
	402: 'The vendor account needs a plan that allows this operation.',
	403: 'The authenticated user is not allowed to do this. Check the user’s admin rights and the credential’s scopes.',
	404: 'Nothing was found with that ID. Check the ID, or pick the item from the list.',
	409: 'The request conflicts with the current state of the item (for example it already exists).',
	422: 'The vendor could not process the values sent. Check the node’s fields.',
	429: 'The vendor’s rate limit was reached and retries did not get through. Run the workflow again later or lower its frequency.',
};

/** Names of headers and fields whose values are credentials wherever they appear. */
const SECRET_KEY =
	/^(authorization|proxy-authorization|x-api-key|api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token|client[-_]?secret|assertion|password|private[-_]?key|cookie|set-cookie)$/i;

/**
 * Credential shapes masked even when the value is not known in advance (a token fetched during the request,
 * a header a proxy echoes): auth schemes followed by a token (8+ characters with a digit), JWTs, and `name: value` / `name=value` pairs of the keys above.
 */
const SECRET_SHAPES: Array<[RegExp, string]> = [
	[/\b(Bearer|Basic|API-Key)\s+(?=[A-Za-z\-._~+/]*\d)[A-Za-z0-9\-._~+/]{8,}=*/gi, '$1 ***'],
	[/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '***'],
	[
		/((?:authorization|x-api-key|api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token|client[-_]?secret|assertion|password)["']?\s*[:=]\s*["']?)(?!\*\*\*)[^"'&\s,;}]+/gi,
		'$1***',
	],
];

/** Masks every known secret and every credential-shaped value in a string. */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	for (const [shape, mask] of SECRET_SHAPES) out = out.replace(shape, mask);
	return out;
}

/** Deep copy of a JSON value with every secret masked, so an error body can be shown safely. */
export function redactValue(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') return redact(value, secrets);
	if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v ? '***' : redactValue(v, secrets);
		return out;
	}
	return value;
}

/** A vendor's error body, masked, as the object NodeApiError keeps. */
function safeBody(value: unknown, secrets: string[]): JsonObject {
	const body = redactValue(value ?? {}, secrets);
	return (body && typeof body === 'object' && !Array.isArray(body) ? body : { body }) as JsonObject;
}

/** The first non-empty string found at any of the given keys of an object. */
export function firstString(body: unknown, keys: string[]): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	for (const key of keys) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}

function genericHint(status: number): string | undefined {
	if (GENERIC_HINTS[status]) return GENERIC_HINTS[status];
	if (status >= 500) return 'The vendor had a server error. Try again later; if it persists, check the vendor’s status page.';
	return undefined;
}

/** Turns a failed HTTP response into a NodeApiError carrying the vendor's own message and what to do. */
export function responseError(
	node: INode,
	api: VendorApi,
	response: ApiResponse,
	secrets: string[],
	itemIndex?: number,
): NodeApiError {
	const vendorMessage = api.errorMessage(response.body);
	const description =
		api.hint?.(response.status, vendorMessage, response.body) ?? genericHint(response.status);
	const message = `${api.name} returned ${response.status}${vendorMessage ? `: ${vendorMessage}` : ''}`;
	return new NodeApiError(
		node,
		safeBody(response.body, secrets),
		{
			message: redact(message, secrets),
			description: description ? redact(description, secrets) : undefined,
			httpCode: String(response.status),
			itemIndex,
		},
	);
}

/** An error for a request that never got an HTTP answer (refused, reset, DNS, timeout, a garbled answer). */
export function connectionError(
	node: INode,
	api: VendorApi,
	baseUrl: string,
	cause: unknown,
	secrets: string[],
	itemIndex?: number,
	reason = cause instanceof Error ? cause.message : String(cause),
): NodeApiError {
	return new NodeApiError(
		node,
		{ message: redact(reason, secrets) },
		{
			message: redact(`Could not reach ${api.name} at ${baseUrl}: ${reason}`, secrets),
			description:
				'Check the environment, region or custom base URL in the credential, and that this n8n can reach it. A slow vendor may need a longer Timeout (node option).',
			itemIndex,
		},
	);
}

/**
 * The vendor's rate limit (or our pacing of it) would need a longer wait than the node accepts: say when the
 * quota resets and how much is left, never a bare status.
 */
export function rateLimitError(
	node: INode,
	api: VendorApi,
	response: ApiResponse | undefined,
	waitMs: number,
	remaining: { count: number } | undefined,
	secrets: string[],
	itemIndex?: number,
): NodeApiError {
	const vendorMessage = response ? api.errorMessage(response.body) : undefined;
	const resetsAt = new Date(Date.now() + waitMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const minutes = Math.ceil(waitMs / 60_000);
	const message = `${api.name}'s rate limit was reached${vendorMessage ? `: ${vendorMessage}` : ''}`;
	const left = remaining ? ` ${remaining.count} requests were left in the current window.` : '';
	return new NodeApiError(
		node,
		safeBody(response?.body ?? { message }, secrets),
		{
			message: redact(message, secrets),
			description: `The quota resets at ${resetsAt} (in about ${minutes} min), longer than this node waits.${left} Run the workflow again after the reset, or spread the calls out.`,
			httpCode: String(response?.status ?? 429),
			itemIndex,
		},
	);
}

/** A clear error about a node field, for input the vendor would reject anyway. */
export function inputError(node: INode, message: string, description: string, itemIndex?: number) {
	return new NodeOperationError(node, message, { description, itemIndex });
}
