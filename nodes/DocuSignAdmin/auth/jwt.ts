import { createPrivateKey, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import { AuthSetupError } from './oauthErrors';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** DocuSign caps a JWT assertion's lifetime at one hour (../shared/reference/vendor-apis.md §1.2). */
const ASSERTION_LIFETIME_SECONDS = 3600;

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * Rebuilds a PEM key however it was pasted: with real line breaks, with literal `\n` (as in an
 * environment variable or JSON), or squashed onto one line. PKCS#1 (`RSA PRIVATE KEY`) and PKCS#8
 * (`PRIVATE KEY`) both work. Messages never quote the key.
 */
export function readPrivateKey(raw: unknown): KeyObject {
	const text = String(raw ?? '').replace(/\\r/g, '').replace(/\\n/g, '\n').trim();
	const match = PEM.exec(text);
	if (!match) {
		throw new AuthSetupError(
			'The private key in the DocuSign credential is not a PEM key',
			'Paste the whole RSA private key of the integration key, from "-----BEGIN RSA PRIVATE KEY-----" (or "-----BEGIN PRIVATE KEY-----") to the matching END line.',
		);
	}
	const [, label, body] = match;
	if (label === 'ENCRYPTED PRIVATE KEY') {
		throw new AuthSetupError(
			'The private key in the DocuSign credential is encrypted with a passphrase',
			'Export the key without a passphrase, or use the key DocuSign generated under Apps and Keys → Service Integration.',
		);
	}
	const base64 = body.replace(/\s+/g, '');
	const lines = base64.match(/.{1,64}/g) ?? [];
	const key = parseKey(`-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`);
	if ('failure' in key) {
		throw new AuthSetupError(
			'The private key in the DocuSign credential could not be read',
			`Node's crypto module rejected it (${key.failure}). Paste the RSA private key of the integration key again, including its BEGIN and END lines.`,
		);
	}
	return key;
}

/** The key, or why node:crypto refused it (its error code only: the message could quote the input). */
function parseKey(pem: string): KeyObject | { failure: string } {
	try {
		return createPrivateKey(pem);
	} catch (error) {
		return { failure: (error as { code?: string }).code ?? 'invalid key' };
	}
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export interface AssertionClaims {
	integrationKey: string;
	userId: string;
	audience: string;
	scopes: string;
	/** Seconds since the epoch; defaults to now. */
	now?: number;
}

/** An RS256 JWT for DocuSign's jwt-bearer grant, signed with node:crypto (../shared/reference/vendor-apis.md §1.2). */
export function buildAssertion(key: KeyObject, claims: AssertionClaims): string {
	const iat = claims.now ?? Math.floor(Date.now() / 1000);
	const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
	const payload = base64url(
		JSON.stringify({
			iss: claims.integrationKey,
			sub: claims.userId,
			aud: claims.audience,
			iat,
			exp: iat + ASSERTION_LIFETIME_SECONDS,
			scope: claims.scopes,
		}),
	);
	const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
	return `${header}.${payload}.${base64url(signature)}`;
}

/** Space-separated scopes, whatever separators were typed. */
export function normalizeScopes(scopes: unknown): string {
	return String(scopes ?? '')
		.split(/[\s,]+/)
		.filter(Boolean)
		.join(' ');
}
