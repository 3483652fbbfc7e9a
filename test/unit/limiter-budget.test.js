'use strict';
// The limiter's budget (nodes/shared/limiter.ts): burst windows are waited out, never refused up front, and the
// vendor's X-BurstLimit-Limit replaces the profile's burst size.

const { Limiter } = require('../../dist/nodes/shared/limiter');

const docuSignLike = () =>
	new Limiter({
		concurrency: 10,
		windows: [
			{ kind: 'hourly', limit: 3000, windowMs: 3_600_000 },
			{ kind: 'burst', limit: 500, windowMs: 30_000 },
		],
	});
const never = () => new Error('no wait expected');

test('the budget a run may plan with is the hourly one, not the 30-second burst', async () => {
	const limiter = docuSignLike();
	expect(limiter.remaining(Date.now(), '', ['hourly']).count).toBe(3000);
	limiter.observe({ status: 200, headers: {} });
	for (let i = 0; i < 20; i++) await limiter.run(async () => undefined, 0, never);
	expect(limiter.remaining(Date.now(), '', ['hourly']).count).toBe(2980);
});

test('X-BurstLimit-Limit sets the burst size the limiter paces to', async () => {
	const profile = docuSignLike();
	profile.observe({ status: 200, headers: {} });
	const told = docuSignLike();
	told.observe({ status: 200, headers: { 'X-BurstLimit-Limit': '1000' } });
	for (let i = 0; i < 500; i++) await profile.run(async () => undefined, 0, never);
	// The profile's 500 are spent: the next request waits for the oldest to leave the 30-second window.
	expect(profile.waitMs()).toBeGreaterThan(25_000);
	for (let i = 0; i < 600; i++) await told.run(async () => undefined, 0, never);
	expect(told.waitMs()).toBe(0);
}, 10_000);
