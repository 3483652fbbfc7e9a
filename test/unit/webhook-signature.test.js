'use strict';
// The shared HMAC check (nodes/shared/webhook/signature.ts) and the duplicate memory (seen.ts), with real HMACs.

const crypto = require('node:crypto');

const { decodeSignature, hmacSha256, verifySignature } = require('../../dist/nodes/shared/webhook/signature');
const { SeenDeliveries, SEEN_MAX, SEEN_MAX_AGE_MS, claimInProcess, claimedInProcess, fingerprint } = require('../../dist/nodes/shared/webhook/seen');

const BODY = Buffer.from('{"event":"x","n":1}\n', 'utf8');
const SECRET = 'whsec-current';
const hmac = (key, body = BODY) => crypto.createHmac('sha256', key).update(body).digest();
const NOW = 1_750_000_000;

/** A check of `sent` against `keys`, the message being BODY. */
function check(sent, { keys = [SECRET], encodings = ['hex'], timestamp, tolerance, now = NOW } = {}) {
	return verifySignature({
		keys,
		getExpectedSignature: (key) => hmacSha256(key, BODY),
		getActualSignatures: () => sent,
		encodings,
		getTimestamp: timestamp === undefined ? undefined : () => timestamp,
		toleranceSeconds: tolerance,
		nowSeconds: now,
	});
}

describe('verifySignature: acceptance', () => {
	test('a hex HMAC-SHA256 of the exact bytes with the key is accepted (upper-case hex too)', () => {
		expect(check([hmac(SECRET).toString('hex')])).toEqual({ valid: true });
		expect(check([hmac(SECRET).toString('hex').toUpperCase()])).toEqual({ valid: true });
	});
	test('a base64 HMAC is accepted where base64 is the encoding', () => {
		expect(check([hmac(SECRET).toString('base64')], { encodings: ['base64'] })).toEqual({ valid: true });
	});
	test('either encoding is accepted where both are (SignNow, unconfirmed)', () => {
		expect(check([hmac(SECRET).toString('hex')], { encodings: ['hex', 'base64'] }).valid).toBe(true);
		expect(check([hmac(SECRET).toString('base64')], { encodings: ['hex', 'base64'] }).valid).toBe(true);
	});
	test('several keys: a signature of any one of them is accepted (DocuSign keys 1..N)', () => {
		const keys = ['key-one', 'key-two', 'key-three'];
		expect(check([hmac('key-three').toString('base64')], { keys, encodings: ['base64'] }).valid).toBe(true);
		expect(check([hmac('other').toString('base64'), hmac('key-two').toString('base64')], { keys, encodings: ['base64'] }).valid).toBe(true);
	});
	test('several signatures: a rolled secret (second signature) matching the key is accepted', () => {
		expect(check([hmac('whsec-new').toString('hex'), hmac(SECRET).toString('hex')]).valid).toBe(true);
	});
	test('a timestamp within the window, at the edges included, is accepted', () => {
		const sig = [hmac(SECRET).toString('hex')];
		expect(check(sig, { timestamp: String(NOW) }).valid).toBe(true);
		expect(check(sig, { timestamp: String(NOW - 300) }).valid).toBe(true);
		expect(check(sig, { timestamp: String(NOW + 300) }).valid).toBe(true);
	});
});

describe('verifySignature: rejection (fails closed)', () => {
	const good = hmac(SECRET);
	test('wrong key', () => {
		expect(check([hmac('not-the-secret').toString('hex')])).toEqual({ valid: false, reason: 'mismatch' });
	});
	test('a signature of other bytes (a re-serialized body)', () => {
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(BODY.toString())));
		expect(check([hmac(SECRET, reserialized).toString('hex')]).reason).toBe('mismatch');
	});
	test('truncated signature, by one byte and by one character', () => {
		expect(check([good.subarray(0, 31).toString('hex')]).reason).toBe('mismatch');
		expect(check([good.toString('hex').slice(0, -1)]).reason).toBe('mismatch');
		expect(check([good.toString('base64').slice(0, -2)], { encodings: ['base64'] }).reason).toBe('mismatch');
	});
	test('other encoding: base64 where hex is expected, hex where base64 is expected', () => {
		expect(check([good.toString('base64')], { encodings: ['hex'] }).reason).toBe('mismatch');
		expect(check([good.toString('hex')], { encodings: ['base64'] }).reason).toBe('mismatch');
		expect(check([good.toString('base64url').replace(/=+$/, '')], { encodings: ['base64'] }).reason).toBe('mismatch');
	});
	test('a signature with extra characters or a prefix', () => {
		expect(check([`sha256=${good.toString('hex')}`]).reason).toBe('mismatch');
		expect(check([`${good.toString('hex')}00`]).reason).toBe('mismatch');
	});
	test('unsigned: no signature, an empty one, only blanks', () => {
		expect(check([])).toEqual({ valid: false, reason: 'unsigned' });
		expect(check([''])).toEqual({ valid: false, reason: 'unsigned' });
		expect(check(['   '])).toEqual({ valid: false, reason: 'unsigned' });
	});
	test('no key: the node has a secret setting but no usable key', () => {
		expect(check([good.toString('hex')], { keys: [] })).toEqual({ valid: false, reason: 'no-key' });
		expect(check([good.toString('hex')], { keys: [''] })).toEqual({ valid: false, reason: 'no-key' });
	});
	test('stale and future timestamps, one second outside the window', () => {
		const sig = [good.toString('hex')];
		expect(check(sig, { timestamp: String(NOW - 301) })).toEqual({ valid: false, reason: 'stale' });
		expect(check(sig, { timestamp: String(NOW + 301) })).toEqual({ valid: false, reason: 'future' });
		expect(check(sig, { timestamp: String(NOW - 100), tolerance: 60 }).reason).toBe('stale');
	});
	test('missing or malformed timestamp where one is signed', () => {
		const sig = [good.toString('hex')];
		for (const timestamp of ['', '17e8', '1750000000.5', '-1750000000', 'abc']) {
			expect(check(sig, { timestamp })).toEqual({ valid: false, reason: 'no-timestamp' });
		}
	});
	test('an error while computing is a refusal, never an acceptance', () => {
		const verdict = verifySignature({
			keys: [SECRET],
			getExpectedSignature: () => {
				throw new Error('boom');
			},
			getActualSignatures: () => [good.toString('hex')],
			encodings: ['hex'],
		});
		expect(verdict).toEqual({ valid: false, reason: 'mismatch' });
	});
});

describe('verifySignature compares in constant time', () => {
	test('timingSafeEqual on every equal-length pair: no early stop at the first match', () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			const keys = ['k1', 'k2', 'k3'];
			const verdict = check([hmac('k1').toString('hex'), hmac('zz').toString('hex'), 'abcd'], { keys });
			expect(verdict.valid).toBe(true);
			expect(spy).toHaveBeenCalledTimes(6); // 2 signatures of 32 bytes × 3 keys; the 2-byte one never reaches it
		} finally {
			spy.mockRestore();
		}
	});
});

describe('decodeSignature is strict', () => {
	test('hex needs an even count of hex digits; base64 needs the standard alphabet and padding', () => {
		expect(decodeSignature('abc', 'hex')).toBeUndefined();
		expect(decodeSignature('zz', 'hex')).toBeUndefined();
		expect(decodeSignature('ab', 'hex')).toEqual(Buffer.from([0xab]));
		expect(decodeSignature('q83v', 'base64')).toEqual(Buffer.from([0xab, 0xcd, 0xef]));
		expect(decodeSignature('q83', 'base64')).toBeUndefined();
		expect(decodeSignature('q8-_', 'base64')).toBeUndefined();
	});
});

describe('SeenDeliveries: the duplicate memory in static data', () => {
	const T = Date.parse('2026-03-01T00:00:00Z');
	test('an id is a repeat once added, with any of its ids; the store holds fingerprints, not the ids', () => {
		const store = {};
		const seen = new SeenDeliveries(store);
		expect(seen.has(['a'], T)).toBe(false);
		seen.add(['a', 'b'], T);
		expect(seen.has(['b'], T + 1)).toBe(true);
		expect(seen.has(['c', 'a'], T + 1)).toBe(true);
		expect(JSON.stringify(store)).not.toContain('"a"');
		expect(JSON.parse(JSON.stringify(store)).seenDeliveries.map((e) => e[0])).toEqual([fingerprint('a'), fingerprint('b')]);
	});
	test(`bounded to the last ${SEEN_MAX} ids: the oldest is forgotten first`, () => {
		const store = {};
		const seen = new SeenDeliveries(store);
		for (let i = 0; i < SEEN_MAX + 5; i++) seen.add([`id-${i}`], T + i);
		expect(seen.size(T + SEEN_MAX + 5)).toBe(SEEN_MAX);
		expect(seen.has(['id-4'], T + SEEN_MAX + 5)).toBe(false);
		expect(seen.has(['id-5'], T + SEEN_MAX + 5)).toBe(true);
		expect(seen.has([`id-${SEEN_MAX + 4}`], T + SEEN_MAX + 5)).toBe(true);
	});
	test('bounded to 7 days: an id older than that is forgotten and pruned on the next add', () => {
		const store = {};
		const seen = new SeenDeliveries(store);
		seen.add(['old'], T);
		expect(seen.has(['old'], T + SEEN_MAX_AGE_MS - 1)).toBe(true);
		expect(seen.has(['old'], T + SEEN_MAX_AGE_MS)).toBe(false);
		seen.add(['new'], T + SEEN_MAX_AGE_MS);
		expect(store.seenDeliveries).toHaveLength(1);
	});
	test('survives a JSON round trip (n8n saves static data as JSON) and ignores garbage', () => {
		const store = {};
		new SeenDeliveries(store).add(['x'], T);
		const reloaded = JSON.parse(JSON.stringify(store));
		reloaded.seenDeliveries.push('garbage', [1, 2], null);
		expect(new SeenDeliveries(reloaded).has(['x'], T + 1000)).toBe(true);
	});
	test('claimInProcess: the first claim of an id per trigger wins, another trigger is separate', () => {
		const scope = `test-${Math.random()}`;
		expect(claimInProcess(scope, ['e1'], T)).toBe(true);
		expect(claimInProcess(scope, ['e1'], T + 1)).toBe(false);
		expect(claimInProcess(`${scope}-other`, ['e1'], T + 1)).toBe(true);
	});
	test('merge puts back the ids this process claimed that a stale save of another process dropped, oldest first', () => {
		const scope = `test-${Math.random()}`;
		claimInProcess(scope, ['a'], T);
		claimInProcess(scope, ['b'], T + 5);
		const store = {};
		const seen = new SeenDeliveries(store);
		seen.add(['c'], T + 2);
		seen.merge(claimedInProcess(scope), T + 10);
		expect(store.seenDeliveries).toEqual([
			[fingerprint('a'), T],
			[fingerprint('c'), T + 2],
			[fingerprint('b'), T + 5],
		]);
		seen.merge([[fingerprint('expired'), T - SEEN_MAX_AGE_MS]], T + 10);
		expect(seen.size(T + 10)).toBe(3);
		expect(claimedInProcess(`${scope}-none`)).toEqual([]);
	});
});
