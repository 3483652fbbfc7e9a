'use strict';
// Signed webhook deliveries, as the vendors send them: the signature recipes of ../shared/reference/vendor-apis.md
// section 5 and a POST of exact bytes to a URL. Node built-ins only (runs on Node 20 and 24).

const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');

const hmac = (key, ...parts) => {
	const h = crypto.createHmac('sha256', Buffer.from(key, 'utf8'));
	for (const part of parts) h.update(part);
	return h.digest();
};
const bytes = (body) => (Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));

/** Section 5 recipes. Each takes the exact body bytes (string or Buffer). */
const sign = {
	/** `X-DocuSign-Signature-N = base64(HMAC-SHA256(key, body))`, one header per key (1.7). */
	docuSign(body, keys) {
		return Object.fromEntries(keys.map((key, i) => [`X-DocuSign-Signature-${i + 1}`, hmac(key, bytes(body)).toString('base64')]));
	},
	/** `X-BoldSign-Signature: t=<ts>, s0=hex(HMAC(secret, "<ts>.<body>"))[, s1=…]` (3.5); secrets[1] is the rolled one. */
	boldSign(body, secrets, t = Math.floor(Date.now() / 1000)) {
		const parts = secrets.map((secret, i) => `s${i}=${hmac(secret, `${t}.`, bytes(body)).toString('hex')}`);
		return { 'X-BoldSign-Signature': [`t=${t}`, ...parts].join(', ') };
	},
	/** `?signature=hex(HMAC(shared_key, body))` (4.4). */
	pandaDoc(body, sharedKey) {
		return hmac(sharedKey, bytes(body)).toString('hex');
	},
	/** UNCONFIRMED (2.5): `X-SignNow-Signature`, HMAC of the body, in `encoding` ('hex' or 'base64'). */
	signNow(body, secret, encoding = 'hex') {
		return { 'X-SignNow-Signature': hmac(secret, bytes(body)).toString(encoding) };
	},
};

/**
 * POSTs exact bytes to a URL (a query object is appended) and resolves { status, headers, text, json }.
 * The body is never re-serialized: what is signed is what is sent.
 */
function deliver(url, { body, headers = {}, query } = {}) {
	const target = new URL(url);
	for (const [key, value] of Object.entries(query || {})) target.searchParams.set(key, value);
	const payload = bytes(body ?? '');
	const client = target.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = client.request(
			target,
			{
				method: 'POST',
				timeout: 30000,
				headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length, ...headers },
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => {
					let json;
					try {
						json = text ? JSON.parse(text) : undefined;
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error(`POST ${target} timed out`)));
		req.on('error', reject);
		req.end(payload);
	});
}

module.exports = { sign, deliver, hmac };
