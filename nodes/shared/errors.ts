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

/** Replaces every occurrence of a secret in a string with a mask. */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	return out;
}

/** Deep copy of a JSON value with every secret masked, so an error body can be shown safely. */
export function redactValue(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') return redact(value, secrets);
	if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, secrets);
		return out;
	}
	return value;
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
	const body = redactValue(response.body ?? {}, secrets);
	return new NodeApiError(
		node,
		(body && typeof body === 'object' && !Array.isArray(body) ? body : { body }) as JsonObject,
		{
			message: redact(message, secrets),
			description: description ? redact(description, secrets) : undefined,
			httpCode: String(response.status),
			itemIndex,
		},
	);
}

/** An error for a request that never got an HTTP answer (refused, reset, DNS). */
export function connectionError(
	node: INode,
	api: VendorApi,
	baseUrl: string,
	cause: unknown,
	secrets: string[],
	itemIndex?: number,
): NodeApiError {
	const reason = cause instanceof Error ? cause.message : String(cause);
	return new NodeApiError(
		node,
		{ message: redact(reason, secrets) },
		{
			message: redact(`Could not reach ${api.name} at ${baseUrl}: ${reason}`, secrets),
			description:
				'Check the environment, region or custom base URL in the credential, and that this n8n can reach it.',
			itemIndex,
		},
	);
}

/** A clear error about a node field, for input the vendor would reject anyway. */
export function inputError(node: INode, message: string, description: string, itemIndex?: number) {
	return new NodeOperationError(node, message, { description, itemIndex });
}
