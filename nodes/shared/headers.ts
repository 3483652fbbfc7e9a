/** Response headers as n8n's helpers and the token requests hand them over. */
export type Headers = Record<string, unknown>;

/** One header's value, whatever the case of its name; the first of repeated values. */
export function header(headers: Headers, name: string): string | undefined {
	const lower = name.toLowerCase();
	const value = headers[lower] ?? headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === lower)?.[1];
	const first: unknown = Array.isArray(value) ? value[0] : value;
	return first === undefined || first === null ? undefined : String(first);
}

/** Retry-After in ms (seconds or an HTTP date; a past date is 0); undefined when absent, negative or unreadable. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter === undefined || retryAfter === '') return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
	const date = Date.parse(retryAfter);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A reset header (X-RateLimit-Reset) as an epoch in ms: epoch seconds, or seconds from now when small. */
export function resetAt(value: string | undefined, now: number): number | undefined {
	const reset = Number(value);
	if (value === undefined || value === '' || !Number.isFinite(reset) || reset <= 0) return undefined;
	return reset > 1e9 ? reset * 1000 : now + reset * 1000;
}
