'use strict';
// limiter.ts: windows, the vendor's live quota headers, 429 pauses, the concurrency cap.

const { Limiter, limiterFor, DEFAULT_PROFILE } = require('../../dist/nodes/shared/limiter');
const { delay } = require('./support');

const HOUR = 3_600_000;
/** A fixed "now" (2027), so reset headers in epoch seconds look like the vendor's. */
const T = 1_800_000_000_000;
const tooLong = (ms) => Object.assign(new Error(`wait ${ms}`), { waitMs: ms });
const ok = (response = { status: 200, headers: {}, body: {} }) => async () => response;

/** A promise with its resolve/reject outside, to hold a send open. */
function deferred() {
	let resolve;
	let reject;
	const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Limiter with a fixed clock', () => {
	let clock;
	let spy;
	beforeEach(() => {
		clock = T;
		spy = jest.spyOn(Date, 'now').mockImplementation(() => clock);
	});
	afterEach(() => spy.mockRestore());

	const sendAt = async (limiter, at) => {
		clock = at;
		await limiter.run(ok(), 0, tooLong);
	};

	test('no windows and no headers: never a wait, nothing known', () => {
		const limiter = new Limiter({ concurrency: 1, windows: [] });
		expect(limiter.waitMs()).toBe(0);
		expect(limiter.remaining()).toBeUndefined();
	});

	test('a full window waits until its oldest counted request leaves it', async () => {
		const limiter = new Limiter({ concurrency: 5, windows: [{ kind: 'burst', limit: 2, windowMs: 1000 }] });
		await sendAt(limiter, T);
		expect(limiter.waitMs(T + 50)).toBe(0);
		await sendAt(limiter, T + 100);
		expect(limiter.remaining(T + 200)).toMatchObject({ count: 0 });
		expect(limiter.remaining(T + 1_000)).toMatchObject({ count: 1 });
		expect(limiter.remaining(T + 1_100)).toMatchObject({ count: 2 });
		expect(limiter.waitMs(T + 200)).toBe(800);
		expect(limiter.waitMs(T + 999)).toBe(1);
		expect(limiter.waitMs(T + 1_000)).toBe(0);
	});

	test('with more requests in the window than the limit, the wait follows the one that frees a slot', async () => {
		const limiter = new Limiter({
			concurrency: 5,
			windows: [
				{ kind: 'burst', limit: 3, windowMs: 1000 },
				{ kind: 'burst', limit: 4, windowMs: 5000 },
			],
		});
		await sendAt(limiter, T);
		await sendAt(limiter, T + 100);
		await sendAt(limiter, T + 200);
		expect(limiter.waitMs(T + 300)).toBe(700);
		// Requests older than the shorter window still count for the longer one.
		expect(limiter.remaining(T + 1_500)).toMatchObject({ count: 1 });
		expect(limiter.remaining(T + 5_150)).toMatchObject({ count: 3 });
	});

	test('requests older than the longest window are forgotten', async () => {
		const limiter = new Limiter({ concurrency: 5, windows: [{ kind: 'burst', limit: 1, windowMs: 100 }] });
		await sendAt(limiter, T);
		expect(limiter.waitMs(T + 40)).toBe(60);
		expect(limiter.waitMs(T + 100)).toBe(0);
		// Forgotten for good, even when asked about an earlier time afterwards.
		expect(limiter.waitMs(T + 40)).toBe(0);
	});

	test("a 429 pause holds everything; a shorter pause does not cut a longer one", () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		limiter.pause(1500, T);
		expect(limiter.waitMs(T)).toBe(1500);
		limiter.pause(10, T);
		expect(limiter.waitMs(T + 500)).toBe(1000);
		limiter.pause(3000, T + 500);
		expect(limiter.waitMs(T + 500)).toBe(3000);
		expect(limiter.waitMs(T + 4_000)).toBe(0);
		clock = T + 500;
		expect(limiter.waitMs()).toBe(3000);
		limiter.pause(4000);
		expect(limiter.waitMs()).toBe(4000);
	});

	test('the hourly quota from X-RateLimit-Remaining / X-RateLimit-Reset (epoch seconds)', async () => {
		const limiter = new Limiter({ concurrency: 5, windows: [{ kind: 'hourly', limit: 1000, windowMs: HOUR }] });
		const reset = (T + 60_000) / 1000;
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '2', 'X-RateLimit-Reset': String(reset) }, body: {} });
		expect(limiter.remaining()).toEqual({ count: 2, resetAt: T + 60_000 });
		expect(limiter.waitMs()).toBe(0);
		await sendAt(limiter, T);
		expect(limiter.remaining()).toEqual({ count: 1, resetAt: T + 60_000 });
		await sendAt(limiter, T + 10_000);
		expect(limiter.remaining()).toEqual({ count: 0, resetAt: T + 60_000 });
		expect(limiter.waitMs()).toBe(50_000);
		// After the reset the quota no longer holds anything back, and the profile's own window is replaced.
		expect(limiter.waitMs(T + 60_000)).toBe(0);
		expect(limiter.remaining(T + 60_000)).toBeUndefined();
	});

	test('lower-case, array-valued and relative (seconds from now) headers', () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		limiter.observe({ status: 200, headers: { 'x-ratelimit-remaining': ['0'], 'x-ratelimit-reset': ['30'] }, body: {} }, T);
		expect(limiter.remaining(T)).toEqual({ count: 0, resetAt: T + 30_000 });
		expect(limiter.waitMs(T)).toBe(30_000);
	});

	test('the quota is only taken when both headers are usable', () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		const observe = (headers) => limiter.observe({ status: 200, headers, body: {} }, T);
		observe({ 'X-RateLimit-Remaining': '', 'X-RateLimit-Reset': '30' });
		observe({ 'X-RateLimit-Remaining': 'many', 'X-RateLimit-Reset': '30' });
		observe({ 'X-RateLimit-Remaining': '0' });
		observe({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '' });
		observe({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '0' });
		observe({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '-5' });
		observe({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': 'soon' });
		observe({ 'X-RateLimit-Reset': '30' });
		expect(limiter.remaining(T)).toBeUndefined();
		expect(limiter.waitMs(T)).toBe(0);
	});

	test("headers without a usable reset leave the profile's own hourly budget in place", () => {
		for (const reset of [undefined, '', '0', '-5', 'soon']) {
			const limiter = new Limiter({ concurrency: 5, windows: [{ kind: 'hourly', limit: 100, windowMs: HOUR }] });
			const headers = { 'X-RateLimit-Remaining': '0', ...(reset === undefined ? {} : { 'X-RateLimit-Reset': reset }) };
			limiter.observe({ status: 200, headers, body: {} }, T);
			expect(limiter.remaining(T)).toMatchObject({ count: 100 });
		}
	});

	test('a reset of exactly 1e9 is seconds from now; above it an epoch', () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '1000000000' }, body: {} }, T);
		expect(limiter.remaining(T)).toEqual({ count: 1, resetAt: T + 1e12 });
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': String(T / 1000 + 5) }, body: {} }, T);
		expect(limiter.remaining(T)).toEqual({ count: 1, resetAt: T + 5000 });
	});

	test('a later answer replaces the quota; the profile keeps its burst window beside it', () => {
		const limiter = new Limiter({
			concurrency: 5,
			windows: [
				{ kind: 'hourly', limit: 1000, windowMs: HOUR },
				{ kind: 'burst', limit: 5, windowMs: 30_000 },
			],
		});
		expect(limiter.remaining(T)).toMatchObject({ count: 5 });
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '100' }, body: {} }, T);
		expect(limiter.remaining(T)).toEqual({ count: 3, resetAt: T + 100_000 });
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '40', 'X-RateLimit-Reset': '100' }, body: {} }, T);
		expect(limiter.remaining(T)).toMatchObject({ count: 5 });
		// On a tie the quota with a reset time is the one reported.
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': '100' }, body: {} }, T);
		expect(limiter.remaining(T)).toEqual({ count: 5, resetAt: T + 100_000 });
	});

	test('requests still in flight when the quota arrives are counted against it', async () => {
		const limiter = new Limiter({ concurrency: 5, windows: [] });
		limiter.observe({ status: 200, headers: {} }); // past the first-answer gate: all three go out at once
		const first = deferred();
		const second = deferred();
		const third = deferred();
		const runs = [first, second, third].map((d) => limiter.run(() => d.promise, 0, tooLong));
		await settle();
		// The first answer arrives while the two others are still out: the vendor has not counted those yet.
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '10', 'X-RateLimit-Reset': '60' }, body: {} });
		expect(limiter.remaining()).toEqual({ count: 8, resetAt: T + 60_000 });
		first.resolve('a');
		second.resolve('b');
		third.resolve('c');
		expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '7', 'X-RateLimit-Reset': '60' }, body: {} });
		expect(limiter.remaining()).toEqual({ count: 7, resetAt: T + 60_000 });
	});

	test('more sent than the quota allowed: nothing is left, not a negative count', async () => {
		const limiter = new Limiter({ concurrency: 5, windows: [] });
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '60' }, body: {} });
		clock = T + 70_000;
		await limiter.run(ok(), 0, tooLong);
		clock = T;
		expect(limiter.remaining()).toEqual({ count: 0, resetAt: T + 60_000 });
	});

	test('a spent burst window (X-BurstLimit-Remaining: 0 on a success) holds new requests for 2 s', () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		limiter.observe({ status: 429, headers: { 'X-BurstLimit-Remaining': '0' }, body: {} }, T);
		expect(limiter.waitMs(T)).toBe(0);
		limiter.observe({ status: 400, headers: { 'X-BurstLimit-Remaining': '0' }, body: {} }, T);
		expect(limiter.waitMs(T)).toBe(0);
		limiter.observe({ status: 200, headers: { 'X-BurstLimit-Remaining': '1' }, body: {} }, T);
		expect(limiter.waitMs(T)).toBe(0);
		limiter.observe({ status: 399, headers: { 'x-burstlimit-remaining': '0' }, body: {} }, T);
		expect(limiter.waitMs(T)).toBe(2000);
		clock = T + 500;
		limiter.observe({ status: 200, headers: { 'X-BurstLimit-Remaining': '0' }, body: {} });
		expect(limiter.waitMs(T + 500)).toBe(2000);
	});
});

describe('Limiter.run', () => {
	test('at most `concurrency` sends at once; the next starts when one finishes, first come first served', async () => {
		const limiter = new Limiter({ concurrency: 2, windows: [] });
		// The first answer opens the limiter to its concurrency (until then one request at a time).
		limiter.observe({ status: 200, headers: {} });
		const holds = [deferred(), deferred(), deferred(), deferred()];
		const started = [];
		const runs = holds.map((hold, i) =>
			limiter.run(
				() => {
					started.push(i);
					return hold.promise;
				},
				0,
				tooLong,
			),
		);
		for (const run of runs) run.catch(() => undefined);
		await settle();
		expect(started).toEqual([0, 1]);
		holds[1].resolve('one');
		await settle();
		expect(started).toEqual([0, 1, 2]);
		holds[0].reject(new Error('failed'));
		await settle();
		// A failed send frees its slot too.
		expect(started).toEqual([0, 1, 2, 3]);
		holds[2].resolve('two');
		holds[3].resolve('three');
		const results = await Promise.allSettled(runs);
		expect(results.map((r) => r.value ?? r.reason.message)).toEqual(['failed', 'one', 'two', 'three']);
	});

	test('the default profile lets 20 requests run at once, after one alone until the first answer', async () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		const hold = deferred();
		let started = 0;
		const first = limiter.run(async () => started++, 0, tooLong);
		await settle();
		expect(started).toBe(1);
		await first;
		limiter.observe({ status: 200, headers: {} });
		started = 0;
		const runs = Array.from({ length: 22 }, () =>
			limiter.run(
				() => {
					started++;
					return hold.promise;
				},
				0,
				tooLong,
			),
		);
		await settle();
		expect(started).toBe(20);
		hold.resolve();
		await Promise.all(runs);
		expect(started).toBe(22);
	});

	test('a wait longer than allowed throws what tooLong builds, before sending', async () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		limiter.pause(5000);
		let sent = false;
		const seen = [];
		const error = await limiter
			.run(
				async () => (sent = true),
				100,
				(ms) => (seen.push(ms), tooLong(ms)),
			)
			.catch((e) => e);
		expect(error.message).toMatch(/^wait \d+$/);
		expect(seen[0]).toBeGreaterThan(4900);
		expect(seen[0]).toBeLessThanOrEqual(5000);
		expect(sent).toBe(false);
	});

	test('a short wait is waited out, then the request is sent', async () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		limiter.pause(60);
		const start = Date.now();
		await expect(limiter.run(async () => 'sent', 1000, tooLong)).resolves.toBe('sent');
		expect(Date.now() - start).toBeGreaterThanOrEqual(55);
	});

	test('the waits of one request add up against its bound', async () => {
		const limiter = new Limiter({ concurrency: 5, windows: [{ kind: 'burst', limit: 1, windowMs: 60 }] });
		await limiter.run(ok(), 0, tooLong);
		// Waits about 60 ms for the window; meanwhile a 429 elsewhere pauses the credential until about 130 ms:
		// another 70 ms, each wait within the bound of 100 but not the two together.
		const waiting = limiter.run(async () => 'sent', 100, tooLong);
		await delay(20);
		limiter.pause(110);
		await expect(waiting).rejects.toThrow(/^wait \d+$/);
	});

	test('a timer that fires just before the clock shows the wait is over does not make the wait "too long"', async () => {
		// Node schedules timers on the event loop's cached time, so `sleep(50)` may end when Date.now() has
		// moved 49 ms. The 1 ms left is waited out; it must not count twice against the bound (a vendor's
		// "Retry-After: 60" equals the 60 s a request may wait).
		const T0 = 1_800_000_000_000;
		let clock = T0;
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => clock);
		try {
			const limiter = new Limiter(DEFAULT_PROFILE);
			limiter.pause(50);
			setTimeout(() => (clock = T0 + 49), 5);
			setTimeout(() => (clock = T0 + 50), 80);
			await expect(limiter.run(async () => 'sent', 50, tooLong)).resolves.toBe('sent');
		} finally {
			spy.mockRestore();
		}
	});

	test('a request sent while the quota is known counts against it', async () => {
		const limiter = new Limiter(DEFAULT_PROFILE);
		limiter.observe({ status: 200, headers: { 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '60' }, body: {} });
		await limiter.run(ok(), 0, tooLong);
		expect(limiter.remaining().count).toBe(0);
		await expect(limiter.run(ok(), 1000, tooLong)).rejects.toThrow(/^wait \d+$/);
	});
});

describe('limiterFor', () => {
	test('one limiter per key, with the profile given the first time', () => {
		const profile = { concurrency: 3, windows: [] };
		const a = limiterFor('limiter-test|a', profile);
		expect(a).toBeInstanceOf(Limiter);
		expect(a.profile).toBe(profile);
		expect(limiterFor('limiter-test|a', DEFAULT_PROFILE)).toBe(a);
		expect(limiterFor('limiter-test|b', profile)).not.toBe(a);
	});

	test('at most 500 are kept; the oldest goes first', () => {
		for (let i = 0; i < 600; i++) limiterFor(`limiter-test|filler-${i}`, DEFAULT_PROFILE);
		const first = limiterFor('limiter-test|k0', DEFAULT_PROFILE);
		for (let i = 1; i < 500; i++) limiterFor(`limiter-test|k${i}`, DEFAULT_PROFILE);
		expect(limiterFor('limiter-test|k0', DEFAULT_PROFILE)).toBe(first);
		limiterFor('limiter-test|k500', DEFAULT_PROFILE);
		expect(limiterFor('limiter-test|k0', DEFAULT_PROFILE)).not.toBe(first);
	});
});
