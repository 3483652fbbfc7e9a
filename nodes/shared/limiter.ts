import { sleep } from 'n8n-workflow';

import type { ApiResponse } from './types';

/**
 * A vendor's published budget: `limit` requests per `windowMs` (e.g. 2,000 an hour), counted over our own sends.
 * An hourly window gives way to the vendor's live X-RateLimit-Remaining / X-RateLimit-Reset once they arrive.
 */
export interface RateWindow {
	kind: 'hourly' | 'burst';
	limit: number;
	windowMs: number;
}

/** How fast one credential may go before the vendor's live headers say more. */
export interface RateProfile {
	/** Requests in flight at once for one credential, across items and pages. */
	concurrency: number;
	windows: RateWindow[];
}

export const DEFAULT_PROFILE: RateProfile = { concurrency: 10, windows: [] };

const BURST_PAUSE_MS = 2000;

function header(headers: ApiResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** A reset header as an epoch in ms: epoch seconds, or seconds from now when small. */
function resetAt(value: string | undefined, now: number): number | undefined {
	const reset = Number(value);
	if (value === undefined || value === '' || !Number.isFinite(reset) || reset <= 0) return undefined;
	return reset > 1e9 ? reset * 1000 : now + reset * 1000;
}

/** What the vendor last said is left: `count` requests until `resetAt`, minus what was sent since. */
interface Quota {
	count: number;
	resetAt: number;
	sentSince: number;
}

/**
 * One credential's traffic: at most `concurrency` requests in flight, no more than each window allows,
 * no more than the vendor's last `X-RateLimit-Remaining` / `X-BurstLimit-Remaining` allow before their reset,
 * and nothing at all while a 429 pause runs. Every request of every item and page goes through `run`.
 */
export class Limiter {
	private active = 0;
	private readonly waiting: Array<() => void> = [];
	private readonly sent: number[] = [];
	private pausedUntil = 0;
	private hourly?: Quota;

	constructor(readonly profile: RateProfile) {}

	/** How long until a request may start, in ms (0 = now). */
	waitMs(now = Date.now()): number {
		let wait = this.pausedUntil - now;
		const longest = Math.max(0, ...this.profile.windows.map((w) => w.windowMs));
		while (this.sent.length && this.sent[0] <= now - longest) this.sent.shift();
		for (const { limit, windowMs } of this.localWindows()) {
			const inWindow = this.sent.filter((t) => t > now - windowMs);
			if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit] + windowMs - now);
		}
		const quota = this.hourly;
		if (quota && quota.resetAt > now && quota.count - quota.sentSince <= 0) wait = Math.max(wait, quota.resetAt - now);
		return Math.max(0, wait);
	}

	/** Requests the budget still allows before the longest known reset, or undefined when nothing is known. */
	remaining(now = Date.now()): { count: number; resetAt?: number } | undefined {
		const known: Array<{ count: number; resetAt?: number }> = [];
		if (this.hourly && this.hourly.resetAt > now) {
			known.push({ count: Math.max(0, this.hourly.count - this.hourly.sentSince), resetAt: this.hourly.resetAt });
		}
		for (const { limit, windowMs } of this.localWindows()) {
			known.push({ count: Math.max(0, limit - this.sent.filter((t) => t > now - windowMs).length) });
		}
		return known.length ? known.reduce((a, b) => (b.count < a.count ? b : a)) : undefined;
	}

	/** Runs one request when a slot is free. `maxWaitMs` bounds the wait; a longer one throws `tooLong(ms)`. */
	async run<T>(send: () => Promise<T>, maxWaitMs: number, tooLong: (waitMs: number) => Error): Promise<T> {
		await this.acquire(maxWaitMs, tooLong);
		try {
			return await send();
		} finally {
			this.release();
		}
	}

	/** Reads the vendor's live headers after a response. */
	observe(response: ApiResponse, now = Date.now()): void {
		const headers = response.headers;
		const hourlyLeft = Number(header(headers, 'X-RateLimit-Remaining'));
		const hourlyReset = resetAt(header(headers, 'X-RateLimit-Reset'), now);
		if (Number.isFinite(hourlyLeft) && header(headers, 'X-RateLimit-Remaining') !== '' && hourlyReset) {
			this.hourly = { count: hourlyLeft, resetAt: hourlyReset, sentSince: this.othersInFlight() };
		}
		// A spent burst window (30 s, sliding, ../shared/reference/vendor-apis.md §1.6) reopens gradually: hold
		// new requests briefly rather than provoke a 429.
		if (header(headers, 'X-BurstLimit-Remaining') === '0' && response.status < 400) this.pause(BURST_PAUSE_MS, now);
	}

	/** A 429 (or the vendor's quota error): nothing for this credential starts for `ms`. */
	pause(ms: number, now = Date.now()): void {
		this.pausedUntil = Math.max(this.pausedUntil, now + ms);
	}

	private async acquire(maxWaitMs: number, tooLong: (waitMs: number) => Error): Promise<void> {
		let waited = 0;
		for (;;) {
			if (this.active >= this.profile.concurrency) {
				await new Promise<void>((resolve) => this.waiting.push(resolve));
				continue;
			}
			const wait = this.waitMs();
			if (wait === 0) break;
			if (waited + wait > maxWaitMs) throw tooLong(wait);
			// Count the time actually slept: a timer may end a millisecond before Date.now() shows the wait is
			// over, and the millisecond still to wait must not count twice against the bound.
			const before = Date.now();
			await sleep(wait);
			waited += Date.now() - before;
		}
		this.active++;
		const now = Date.now();
		this.sent.push(now);
		if (this.hourly) this.hourly.sentSince++;
	}

	/** The profile's windows the vendor's headers have not replaced. */
	private localWindows(): RateWindow[] {
		return this.profile.windows.filter((w) => w.kind !== 'hourly' || !this.hourly);
	}

	/** Requests sent but not yet answered besides the one being observed: the vendor has not counted them yet. */
	private othersInFlight(): number {
		return Math.max(0, this.active - 1);
	}

	private release(): void {
		this.active--;
		this.waiting.shift()?.();
	}
}

/** Limiters by execution and credential (bounded: the oldest goes first). */
const limiters = new Map<string, Limiter>();
const MAX_LIMITERS = 500;

export function limiterFor(key: string, profile: RateProfile): Limiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		if (limiters.size >= MAX_LIMITERS) limiters.delete(limiters.keys().next().value as string);
		limiter = new Limiter(profile);
		limiters.set(key, limiter);
	}
	return limiter;
}
