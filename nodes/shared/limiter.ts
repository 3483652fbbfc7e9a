import { sleep } from 'n8n-workflow';

import { header, resetAt } from './headers';
import type { ApiResponse } from './types';

/**
 * A vendor's published budget: `limit` requests per `windowMs` (e.g. 2,000 an hour), counted over our own sends.
 * An hourly window gives way to the vendor's live X-RateLimit-Remaining / X-RateLimit-Reset once they arrive;
 * a burst window is short enough to wait out, so a list is never refused up front because of it.
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

export const DEFAULT_PROFILE: RateProfile = { concurrency: 20, windows: [] };

const BURST_PAUSE_MS = 2000;

/** What the vendor last said is left: `count` requests until `resetAt`, minus what was sent since. */
interface Quota {
	count: number;
	resetAt: number;
	sentSince: number;
}

/** The traffic of one limit (a credential, or one endpoint of it): what was sent, a 429 pause, the vendor's quota. */
interface Bucket {
	sent: number[];
	pausedUntil: number;
	hourly?: Quota;
	/** The burst size the vendor says (X-BurstLimit-Limit), in place of the profile's. */
	burstLimit?: number;
}

/**
 * One credential's traffic: at most `concurrency` requests in flight, no more than each window allows,
 * no more than the vendor's last `X-RateLimit-Remaining` / `X-BurstLimit-Remaining` allow before their reset,
 * and nothing at all while a 429 pause runs. Every request of every item and page goes through `run`.
 * Windows, quotas and pauses are counted per `key` (a vendor that limits each endpoint on its own passes the
 * endpoint, see VendorApi.rateKey); the concurrency is the credential's.
 */
export class Limiter {
	private active = 0;
	private readonly waiting: Array<() => void> = [];
	private readonly buckets = new Map<string, Bucket>();
	/** Until the vendor's first answer, one request at a time: its headers may say the quota is nearly spent. */
	private answered = false;

	constructor(readonly profile: RateProfile) {}

	/** How long until a request may start, in ms (0 = now). */
	waitMs(now = Date.now(), key = ''): number {
		const bucket = this.bucket(key);
		let wait = bucket.pausedUntil - now;
		const longest = Math.max(0, ...this.profile.windows.map((w) => w.windowMs));
		while (bucket.sent.length && bucket.sent[0] <= now - longest) bucket.sent.shift();
		for (const { limit, windowMs } of this.localWindows(bucket)) {
			const inWindow = bucket.sent.filter((t) => t > now - windowMs);
			if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit] + windowMs - now);
		}
		const quota = bucket.hourly;
		if (quota && quota.resetAt > now && quota.count - quota.sentSince <= 0) wait = Math.max(wait, quota.resetAt - now);
		return Math.max(0, wait);
	}

	/**
	 * Requests the budget still allows before the longest known reset, or undefined when nothing is known.
	 * `kinds` picks the windows counted: a plan checks only the long ones, as the limiter waits short ones out.
	 */
	remaining(now = Date.now(), key = '', kinds: Array<RateWindow['kind']> = ['hourly', 'burst']): { count: number; resetAt?: number } | undefined {
		const bucket = this.bucket(key);
		const known: Array<{ count: number; resetAt?: number }> = [];
		if (bucket.hourly && bucket.hourly.resetAt > now) {
			known.push({ count: Math.max(0, bucket.hourly.count - bucket.hourly.sentSince), resetAt: bucket.hourly.resetAt });
		}
		for (const { kind, limit, windowMs } of this.localWindows(bucket)) {
			if (!kinds.includes(kind)) continue;
			const inWindow = bucket.sent.filter((t) => t > now - windowMs);
			known.push({ count: Math.max(0, limit - inWindow.length), resetAt: (inWindow[0] ?? now) + windowMs });
		}
		return known.length ? known.reduce((a, b) => (b.count < a.count ? b : a)) : undefined;
	}

	/** Runs one request when a slot is free. `maxWaitMs` bounds the wait; a longer one throws `tooLong(ms)`. */
	async run<T>(send: () => Promise<T>, maxWaitMs: number, tooLong: (waitMs: number) => Error, key = ''): Promise<T> {
		await this.acquire(maxWaitMs, tooLong, key);
		try {
			return await send();
		} finally {
			this.release();
		}
	}

	/** Reads the vendor's live headers after a response. */
	observe(response: ApiResponse, now = Date.now(), key = ''): void {
		if (!this.answered) {
			this.answered = true;
			// Wake the requests held back for the first answer.
			this.waiting.splice(0).forEach((wake) => wake());
		}
		const headers = response.headers;
		const hourlyLeft = Number(header(headers, 'X-RateLimit-Remaining'));
		const hourlyReset = resetAt(header(headers, 'X-RateLimit-Reset'), now);
		if (Number.isFinite(hourlyLeft) && header(headers, 'X-RateLimit-Remaining') !== '' && hourlyReset) {
			this.bucket(key).hourly = { count: hourlyLeft, resetAt: hourlyReset, sentSince: this.othersInFlight() };
		}
		// A spent burst window (30 s, sliding, ../shared/reference/vendor-apis.md §1.6) reopens gradually: hold
		// new requests briefly rather than provoke a 429.
		if (header(headers, 'X-BurstLimit-Remaining') === '0' && response.status < 400) this.pause(BURST_PAUSE_MS, now, key);
		// The account's own burst size, where the vendor says it (DocuSign: 500 in production, 200 in demo).
		const burstLimit = Number(header(headers, 'X-BurstLimit-Limit'));
		if (Number.isInteger(burstLimit) && burstLimit > 0) this.bucket(key).burstLimit = burstLimit;
	}

	/** A 429 (or the vendor's quota error): nothing that counts against `key` starts for `ms`. */
	pause(ms: number, now = Date.now(), key = ''): void {
		const bucket = this.bucket(key);
		bucket.pausedUntil = Math.max(bucket.pausedUntil, now + ms);
	}

	private bucket(key: string): Bucket {
		let bucket = this.buckets.get(key);
		if (!bucket) this.buckets.set(key, (bucket = { sent: [], pausedUntil: 0 }));
		return bucket;
	}

	private async acquire(maxWaitMs: number, tooLong: (waitMs: number) => Error, key: string): Promise<void> {
		let waited = 0;
		for (;;) {
			if (this.active >= (this.answered ? this.profile.concurrency : 1)) {
				await new Promise<void>((resolve) => this.waiting.push(resolve));
				continue;
			}
			const wait = this.waitMs(Date.now(), key);
			if (wait === 0) break;
			if (waited + wait > maxWaitMs) throw tooLong(wait);
			// Count the time actually slept: a timer may end a millisecond before Date.now() shows the wait is
			// over, and the millisecond still to wait must not count twice against the bound.
			const before = Date.now();
			await sleep(wait);
			waited += Date.now() - before;
		}
		this.active++;
		const bucket = this.bucket(key);
		bucket.sent.push(Date.now());
		if (bucket.hourly) bucket.hourly.sentSince++;
	}

	/** The profile's windows the vendor's headers have not replaced. */
	private localWindows(bucket: Bucket): RateWindow[] {
		return this.profile.windows
			.filter((w) => w.kind !== 'hourly' || !bucket.hourly)
			.map((w) => (w.kind === 'burst' && bucket.burstLimit ? { ...w, limit: bucket.burstLimit } : w));
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
