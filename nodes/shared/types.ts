import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { RateProfile } from './limiter';

/** Every n8n context our nodes send requests from. */
export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** Which credential a call uses, where the vendor lives, and the values that must never leak into an error. */
export interface Connection {
	credentialType: string;
	baseUrl: string;
	secrets: string[];
	/** The credential has a preAuthentication token: let n8n refresh it on a 401 and retry once. */
	refreshOn401?: boolean;
	/**
	 * The decrypted credential, handed to n8n's helper with every request of the execution: n8n would otherwise
	 * decrypt it again for each one. n8n writes a token its preAuthentication fetches (the first request, the
	 * renewal after a 401) into this object, so the requests after it send the new token.
	 */
	credentials?: ICredentialDataDecryptedObject;
	/** The pace the credential itself calls for (e.g. a sandbox key's lower limit), over VendorApi.rateProfile. */
	rateProfile?: RateProfile;
}

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Backoff base when the vendor gives no Retry-After or reset header. */
	baseDelayMs: number;
	/** Longest single wait we accept; a longer Retry-After fails at once with a clear error. */
	maxDelayMs: number;
	/** Bound on the sum of all waits for one request. */
	maxTotalWaitMs: number;
}

/** What the shared transport needs to know about one vendor. Everything else is generic. */
export interface VendorApi {
	/** Vendor name as users know it, used in messages ("BoldSign"). */
	name: string;
	connection(ctx: RequestContext): Promise<Connection>;
	/** The vendor's own error message from an error body, if it has one. */
	errorMessage(body: unknown): string | undefined;
	/** What the user should do about this failure, when the vendor has a specific answer. */
	hint?(status: number, vendorMessage: string | undefined, body: unknown): string | undefined;
	retry?: Partial<RetryPolicy>;
	/**
	 * The wait before retrying this response, where the vendor's headers mean something special (e.g. a burst
	 * limit beside an hourly reset). Undefined: Retry-After, else X-RateLimit-Reset, else `backoffMs`.
	 */
	retryDelayMs?(response: ApiResponse, backoffMs: number): number | undefined;
	/** A response that is a rate limit whatever its status (DocuSign's hourly quota may come as a 400). */
	isRateLimited?(response: ApiResponse): boolean;
	/** The vendor's pace: requests in flight and per window for one credential (default: 10 in flight). */
	rateProfile?(baseUrl: string): RateProfile;
	/**
	 * For a vendor that limits each endpoint on its own: the limit a request counts against. Requests with
	 * different keys have their own windows, quota and 429 pauses; the concurrency stays the credential's.
	 */
	rateKey?(request: ApiRequest): string;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path relative to the connection's base URL. */
	path?: string;
	/** Absolute URL (a next-page link); it must be on the base URL's origin. */
	url?: string;
	qs?: Record<string, unknown>;
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * An Authorization header of the request's own (e.g. a vendor's Basic client auth on some routes) sent instead
	 * of the credential's: the request goes through n8n's plain `httpRequest`, so neither the credential's token
	 * nor its renewal on a 401 applies. Masked in every error like the credential's secrets.
	 */
	authorization?: string;
	/** Send arrays in the query as `k=a&k=b`. */
	repeatArrays?: boolean;
	/** Override the method's idempotency: decides whether a 5xx or a dropped connection is retried. */
	idempotent?: boolean;
	/**
	 * For a change the vendor may have applied before an answer was lost (5xx, dropped connection): whether the
	 * error a repeat gets means the change is already made (e.g. "only active users can be deactivated").
	 */
	doneIfRepeated?(response: ApiResponse): boolean;
	itemIndex?: number;
}

export interface ApiResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	/** The request was repeated after a lost answer and the vendor says the change is already made. */
	alreadyDone?: boolean;
	/** The request was sent again after an answer that may have followed the change (5xx, dropped connection). */
	repeated?: boolean;
}
