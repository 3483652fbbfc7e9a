'use strict';
// PandaDoc's VendorApi pieces that the integration tests reach only on some paths: the 429 body hint,
// the endpoint key of the per-endpoint limit, the sandbox pace, and {type, detail} error bodies.

const { pandaDoc, endpointOf, throttleWaitMs } = require('../../dist/nodes/PandaDoc/transport');
const { PandaDocOAuth2Api } = require('../../dist/credentials/PandaDocOAuth2Api.credentials');

describe('throttleWaitMs', () => {
	test('reads "Expected available in N seconds" from a body or a string', () => {
		expect(throttleWaitMs({ type: 'request_throttled', detail: 'Request was throttled. Expected available in 13 seconds.' })).toBe(13_000);
		expect(throttleWaitMs('Expected available in 1 second')).toBe(1000);
		expect(throttleWaitMs({ detail: 'Expected available in 2.5 seconds.' })).toBe(2500);
	});
	test('nothing to read: undefined, so the transport falls back to Retry-After or backoff', () => {
		expect(throttleWaitMs({ type: 'request_throttled', detail: 'Too many requests.' })).toBeUndefined();
		expect(throttleWaitMs(undefined)).toBeUndefined();
	});
});

test('endpointOf: IDs become {id}, named sub-resources stay', () => {
	const key = (method, path) => endpointOf({ method, path });
	expect(key('GET', '/public/v1/members/abc123')).toBe('GET /public/v1/members/{id}');
	expect(key('GET', '/public/v1/members/current')).toBe('GET /public/v1/members/current');
	expect(key('GET', '/public/v1/members')).toBe('GET /public/v1/members');
	expect(key('DELETE', '/public/v1/workspaces/ws1/members/m2')).toBe('DELETE /public/v1/workspaces/{id}/members/{id}');
	expect(key('POST', '/public/v1/workspaces/ws1/deactivate')).toBe('POST /public/v1/workspaces/{id}/deactivate');
	expect(key('PATCH', '/public/v1/documents/ownership')).toBe('PATCH /public/v1/documents/ownership');
	expect(key('DELETE', '/public/v1/webhook-subscriptions/9f2c')).toBe('DELETE /public/v1/webhook-subscriptions/{id}');
	expect(key('PATCH', '/public/v1/webhook-subscriptions/9f2c/shared-key')).toBe('PATCH /public/v1/webhook-subscriptions/{id}/shared-key');
	expect(endpointOf({ method: 'GET', url: 'https://api.pandadoc.com/public/v1/users?page=2' })).toBe('GET /public/v1/users');
});

/** A stand-in for n8n's execute context: the node's Authentication field and one stored credential. */
const context = (authentication, credentials) => ({
	getInputData: () => [],
	getNodeParameter: () => authentication,
	getCredentials: async () => credentials,
});

describe('connection', () => {
	test('a sandbox key is paced at 10 requests a minute per endpoint; production keys at the vendor profile, 100', async () => {
		const credentials = { apiKey: 'k-123456', keyType: 'sandbox', baseUrl: 'https://api.pandadoc.com/' };
		const sandbox = await pandaDoc.connection(context('apiKey', credentials));
		expect(sandbox).toEqual({
			credentialType: 'pandaDocApi',
			baseUrl: 'https://api.pandadoc.com',
			secrets: ['k-123456'],
			refreshOn401: false,
			credentials,
			rateProfile: { concurrency: 10, windows: [{ kind: 'burst', limit: 10, windowMs: 60_000 }] },
		});
		const production = await pandaDoc.connection(context('apiKey', { apiKey: 'k-123456', keyType: 'production' }));
		expect(production.rateProfile).toBeUndefined();
		expect(production.baseUrl).toBe('https://api.pandadoc.com');
		expect(pandaDoc.rateProfile(production.baseUrl)).toEqual({ concurrency: 10, windows: [{ kind: 'burst', limit: 100, windowMs: 60_000 }] });
	});

	test('OAuth2: n8n may refresh on a 401, and every token and the client secret are masked', async () => {
		const conn = await pandaDoc.connection(
			context('oAuth2', { clientSecret: 'cs-1', oauthTokenData: { access_token: 'at-1', refresh_token: 'rt-1' }, baseUrl: 'http://127.0.0.1:1' }),
		);
		expect(conn).toMatchObject({ credentialType: 'pandaDocOAuth2Api', refreshOn401: true, secrets: ['cs-1', 'at-1', 'rt-1'] });
	});
});

test('errorMessage: detail as text, as field messages, else type', () => {
	expect(pandaDoc.errorMessage({ type: 'not_found', detail: 'Member not found.' })).toBe('Member not found.');
	expect(pandaDoc.errorMessage({ type: 'request_error', detail: { user: { email: ['Enter a valid email address.'] }, license: ['Bad.'] } })).toBe(
		'user.email: Enter a valid email address.; license: Bad.',
	);
	expect(pandaDoc.errorMessage({ type: 'server_error' })).toBe('server_error');
});

test('OAuth2 credential: PandaDoc’s consent page by default (UNCONFIRMED, editable), scope read write, client in the body', () => {
	const field = (name) => new PandaDocOAuth2Api().properties.find((p) => p.name === name);
	expect(field('authUrl')).toMatchObject({ type: 'string', default: 'https://app.pandadoc.com/oauth2/authorize' });
	expect(field('scope')).toMatchObject({ type: 'hidden', default: 'read write' });
	expect(field('authentication')).toMatchObject({ type: 'hidden', default: 'body' });
	expect(field('accessTokenUrl').default).toContain('"/oauth2/access_token"');
});
