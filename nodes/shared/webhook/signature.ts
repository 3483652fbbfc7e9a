import { createHmac, timingSafeEqual } from 'node:crypto';

/** How a vendor writes an HMAC into a header or query parameter. */
export type SignatureEncoding = 'hex' | 'base64';

/** Why a delivery was refused. Every one of them answers 401 and starts nothing. */
export type SignatureRejection =
	/** The node has a secret but no usable key (an empty credential, a lost created key). */
	| 'no-key'
	/** The delivery carries no signature. */
	| 'unsigned'
	/** A signed timestamp is required and missing or not a number. */
	| 'no-timestamp'
	/** The signed timestamp is older than the window. */
	| 'stale'
	/** The signed timestamp is further ahead than the window. */
	| 'future'
	/** No signature matches any key (forged, truncated, other encoding, unknown key). */
	| 'mismatch';

export type SignatureVerdict = { valid: true } | { valid: false; reason: SignatureRejection };

/**
 * One HMAC check, shaped after n8n's `verifySignature` (getExpectedSignature, getActualSignature, getTimestamp),
 * with what ours needs on top: it fails closed (no key, no signature, no timestamp: refused), and it accepts any
 * of several keys and any of several signatures (DocuSign sends one header per active key; BoldSign sends s0 and
 * s1 while a secret is rolled).
 */
export interface SignatureCheck {
	/** Every key the delivery may be signed with. Empty: refused. */
	keys: string[];
	/** The raw HMAC bytes expected for one key (before any encoding). */
	getExpectedSignature(key: string): Buffer;
	/** Every signature value the delivery carries, as sent. */
	getActualSignatures(): string[];
	/** Encodings a sent value may use; a value is decoded with each and compared as bytes. */
	encodings: SignatureEncoding[];
	/** A timestamp covered by the signature, as sent (seconds since the epoch). Only for vendors that sign one. */
	getTimestamp?(): string | undefined;
	/** Largest distance between the signed timestamp and now, in seconds (default 300). */
	toleranceSeconds?: number;
	/** Now, in seconds since the epoch (tests). */
	nowSeconds?: number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** HMAC-SHA256 of the parts, in order, with a UTF-8 key. */
export function hmacSha256(key: string, ...parts: Array<Buffer | string>): Buffer {
	const hmac = createHmac('sha256', Buffer.from(key, 'utf8'));
	for (const part of parts) hmac.update(part);
	return hmac.digest();
}

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The bytes of a signature in one encoding, or undefined when the text is not valid in it (never a lenient decode). */
export function decodeSignature(value: string, encoding: SignatureEncoding): Buffer | undefined {
	const text = value.trim();
	if (encoding === 'hex') return HEX.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : undefined;
	return BASE64.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : undefined;
}

/** Whether the signed timestamp is inside the window; digits only (a timestamp is never "12abc" or "1e9"). */
function checkTimestamp(check: SignatureCheck): SignatureVerdict {
	const sent = check.getTimestamp?.()?.trim();
	if (!sent || !/^\d{1,12}$/.test(sent)) return { valid: false, reason: 'no-timestamp' };
	const now = check.nowSeconds ?? Math.floor(Date.now() / 1000);
	const tolerance = check.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	const at = Number(sent);
	if (at < now - tolerance) return { valid: false, reason: 'stale' };
	if (at > now + tolerance) return { valid: false, reason: 'future' };
	return { valid: true };
}

/**
 * Verifies a delivery's HMAC in constant time: every sent signature, decoded in every accepted encoding, is
 * compared with the expected bytes of every key, and the comparison never stops at the first match, so the time
 * taken says nothing about which key or how much of a signature matched. Never throws: an error is a refusal.
 */
export function verifySignature(check: SignatureCheck): SignatureVerdict {
	try {
		const keys = check.keys.filter((key) => typeof key === 'string' && key.length > 0);
		if (keys.length === 0) return { valid: false, reason: 'no-key' };
		const sent = check.getActualSignatures().filter((value) => typeof value === 'string' && value.trim() !== '');
		if (sent.length === 0) return { valid: false, reason: 'unsigned' };
		if (check.getTimestamp) {
			const window = checkTimestamp(check);
			if (!window.valid) return window;
		}
		const expected = keys.map((key) => check.getExpectedSignature(key));
		let matched = false;
		for (const value of sent) {
			for (const encoding of check.encodings) {
				const actual = decodeSignature(value, encoding);
				if (!actual) continue;
				for (const digest of expected) {
					// timingSafeEqual needs equal lengths; a truncated signature simply does not match.
					const equal = actual.length === digest.length && timingSafeEqual(actual, digest);
					matched = matched || equal;
				}
			}
		}
		return matched ? { valid: true } : { valid: false, reason: 'mismatch' };
	} catch {
		return { valid: false, reason: 'mismatch' };
	}
}
