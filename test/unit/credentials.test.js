'use strict';
// The credentials: their fields, how they authenticate, which host their test request and OAuth URLs go
// to (the n8n expressions evaluated as n8n would, for every region and environment), and the JWT
// credential's preAuthentication fetching a token over HTTP.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { BoldSignApi } = require('../../dist/credentials/BoldSignApi.credentials');
const { BoldSignOAuth2Api } = require('../../dist/credentials/BoldSignOAuth2Api.credentials');
const { DocuSignJwtApi, DEFAULT_JWT_SCOPES } = require('../../dist/credentials/DocuSignJwtApi.credentials');
const { DocuSignOAuth2Api } = require('../../dist/credentials/DocuSignOAuth2Api.credentials');
const { BOLDSIGN_HOSTS } = require('../../dist/nodes/BoldSign/hosts');
const { n8nHttpRequest, send, startServer } = require('./support');

const ROOT = path.resolve(__dirname, '..', '..');

/** Evaluates an n8n expression (`={{ … }}` or `=text {{ … }}`) with the given variables, as JavaScript. */
function evaluate(expression, variables) {
	expect(expression.startsWith('=')).toBe(true);
	const names = Object.keys(variables);
	return expression.slice(1).replace(/\{\{([\s\S]*?)\}\}/g, (_, code) =>
		String(new Function(...names, `return (${code});`)(...names.map((n) => variables[n]))),
	);
}

const byName = (credential) => Object.fromEntries(credential.properties.map((p) => [p.name, p]));

/** What every credential needs to show up properly in n8n: a name, a label, docs, icons that exist. */
function expectWellFormed(credential, name, displayName) {
	expect(credential.name).toBe(name);
	expect(credential.displayName).toBe(displayName);
	expect(credential.documentationUrl).toMatch(/^https:\/\/developers\.(boldsign|docusign)\.com\/\S+/);
	for (const file of [credential.icon.light, credential.icon.dark]) {
		expect(file).toMatch(/^file:.+\.svg$/);
		expect(fs.existsSync(path.resolve(ROOT, 'credentials', file.slice('file:'.length)))).toBe(true);
	}
	expect(credential.icon.light).not.toBe(credential.icon.dark);
	for (const property of credential.properties) {
		expect(property.displayName.trim()).not.toBe('');
		if (property.type !== 'hidden' && property.name !== 'environment') expect(property.description.trim()).not.toBe('');
	}
}

// Each test builds its credential, so that Stryker ties the credential's code to the tests that check it.
describe('BoldSign API', () => {
	let credential;
	let fields;
	beforeEach(() => {
		credential = new BoldSignApi();
		fields = byName(credential);
	});

	test('well formed', () => expectWellFormed(credential, 'boldSignApi', 'BoldSign API'));

	test('fields: a required secret key, the region (US by default), a base URL for Custom only', () => {
		expect(credential.properties.map((p) => p.name)).toEqual(['apiKey', 'region', 'baseUrl']);
		expect(fields.apiKey).toMatchObject({ type: 'string', typeOptions: { password: true }, default: '', required: true });
		expect(fields.region).toMatchObject({ type: 'options', default: 'us' });
		expect(fields.region.options.map((o) => o.value)).toEqual(['au', 'ca', 'custom', 'eu', 'us']);
		for (const option of fields.region.options) expect(option.name.trim()).not.toBe('');
		expect(fields.baseUrl).toMatchObject({ type: 'string', default: '', placeholder: 'e.g. https://api.boldsign.com', displayOptions: { show: { region: ['custom'] } } });
	});

	test('the key goes in the X-API-KEY header, next to the request\'s own headers', async () => {
		const request = { url: '/v1/users/list', headers: { Accept: 'application/json' } };
		expect(await credential.authenticate({ apiKey: 'k-1' }, request)).toEqual({
			url: '/v1/users/list',
			headers: { Accept: 'application/json', 'X-API-KEY': 'k-1' },
		});
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	test("the credential test lists one user on the region's host", () => {
		const { request } = credential.test;
		expect(request.url).toBe('/v1/users/list');
		expect(request.qs).toEqual({ Page: 1, PageSize: 1 });
		for (const region of ['us', 'eu', 'ca', 'au']) {
			expect(evaluate(request.baseURL, { $credentials: { region, baseUrl: '' } })).toBe(BOLDSIGN_HOSTS[region]);
		}
		expect(evaluate(request.baseURL, { $credentials: { region: 'custom', baseUrl: 'https://boldsign.internal//' } })).toBe('https://boldsign.internal');
	});
});

describe('BoldSign OAuth2 API', () => {
	let credential;
	let fields;
	beforeEach(() => {
		credential = new BoldSignOAuth2Api();
		fields = byName(credential);
	});

	test('well formed', () => expectWellFormed(credential, 'boldSignOAuth2Api', 'BoldSign OAuth2 API'));

	test("n8n's OAuth2 flow: authorization code at BoldSign's account server, user and team scopes, the client in the body", () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(credential.properties.map((p) => p.name)).toEqual(['grantType', 'region', 'baseUrl', 'authUrl', 'accessTokenUrl', 'scope', 'authQueryParameters', 'authentication']);
		expect(fields.grantType).toMatchObject({ type: 'hidden', default: 'authorizationCode' });
		expect(fields.authUrl).toMatchObject({ type: 'string', default: 'https://account.boldsign.com/connect/authorize' });
		expect(fields.accessTokenUrl).toMatchObject({ type: 'string', default: 'https://account.boldsign.com/connect/token' });
		expect(fields.scope.default.split(' ')).toEqual(['openid', 'profile', 'email', 'offline_access', 'BoldSign.Users.All', 'BoldSign.Teams.All']);
		expect(fields.authentication).toMatchObject({ type: 'hidden', default: 'body' });
		// the same region and base URL fields as the API key, so both reach the same API hosts
		expect([fields.region, fields.baseUrl]).toEqual(new BoldSignApi().properties.slice(1));
	});
});

describe('DocuSign JWT API', () => {
	let credential;
	let fields;
	beforeEach(() => {
		credential = new DocuSignJwtApi();
		fields = byName(credential);
	});

	test('well formed', () => expectWellFormed(credential, 'docuSignJwtApi', 'DocuSign JWT API'));

	test('fields: environment, integration key, user, private key, scopes, redirect URI, the token n8n keeps', () => {
		expect(credential.properties.map((p) => p.name)).toEqual([
			'environment',
			'oauthBaseUrl',
			'adminBaseUrl',
			'jwtAudience',
			'integrationKey',
			'userId',
			'privateKey',
			'scopes',
			'redirectUri',
			'accessToken',
		]);
		expect(fields.integrationKey).toMatchObject({ type: 'string', default: '', required: true });
		expect(fields.userId).toMatchObject({ type: 'string', default: '', required: true });
		expect(fields.privateKey).toMatchObject({ type: 'string', default: '', required: true, typeOptions: { password: true, rows: 5 } });
		expect(fields.scopes).toMatchObject({ type: 'string', default: DEFAULT_JWT_SCOPES });
		expect(DEFAULT_JWT_SCOPES.split(' ')).toEqual([
			'signature',
			'impersonation',
			'user_read',
			'user_write',
			'organization_read',
			'account_read',
			'group_read',
			'permission_read',
		]);
		expect(fields.redirectUri).toMatchObject({ type: 'string', default: 'https://www.docusign.com' });
		// n8n runs preAuthentication when this field is empty or the token was rejected, and never shows it.
		expect(fields.accessToken).toEqual({
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		});
		for (const name of ['integrationKey', 'userId']) expect(fields[name].placeholder).toMatch(/^e\.g\. /);
	});

	test('the token goes in a Bearer Authorization header', async () => {
		expect(await credential.authenticate({ accessToken: 'tok' }, { url: '/x' })).toEqual({ url: '/x', headers: { Authorization: 'Bearer tok' } });
	});

	test("the credential test asks the environment's OAuth server who the user is", () => {
		const { request } = credential.test;
		expect(request.url).toBe('/oauth/userinfo');
		const base = (credentials) => evaluate(request.baseURL, { $credentials: credentials });
		expect(base({ environment: 'demo' })).toBe('https://account-d.docusign.com');
		expect(base({ environment: 'production' })).toBe('https://account.docusign.com');
		expect(base({ environment: 'custom', oauthBaseUrl: ' https://account.example.test/ ' })).toBe('https://account.example.test');
	});

	test('preAuthentication signs an assertion and returns the access token DocuSign gives', async () => {
		const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
		const server = await startServer((req, res) => send(res, 200, { access_token: 'jwt-token-1', token_type: 'Bearer', expires_in: 3600 }));
		try {
			const result = await credential.preAuthentication.call(
				{ helpers: { httpRequest: n8nHttpRequest } },
				{
					environment: 'custom',
					oauthBaseUrl: server.url,
					adminBaseUrl: `${server.url}/management`,
					integrationKey: 'ik-1',
					userId: 'user-1',
					privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
					scopes: DEFAULT_JWT_SCOPES,
				},
			);
			expect(result).toEqual({ accessToken: 'jwt-token-1' });
			const [rec] = server.requests;
			expect(rec.path).toBe('/oauth/token');
			const form = new URLSearchParams(rec.body);
			expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
			const [header, payload, signature] = form.get('assertion').split('.');
			expect(crypto.verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
			expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ iss: 'ik-1', sub: 'user-1' });
		} finally {
			await server.close();
		}
	});
});

describe('DocuSign OAuth2 API', () => {
	let credential;
	let fields;
	beforeEach(() => {
		credential = new DocuSignOAuth2Api();
		fields = byName(credential);
	});

	test('well formed', () => expectWellFormed(credential, 'docuSignOAuth2Api', 'DocuSign OAuth2 API'));

	test("n8n's OAuth2 flow with the authorization code grant and the token in the header", () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(fields.grantType).toMatchObject({ type: 'hidden', default: 'authorizationCode' });
		expect(fields.authentication).toMatchObject({ type: 'hidden', default: 'header' });
		expect(fields.authQueryParameters).toMatchObject({ type: 'hidden', default: '' });
		expect(fields.scope).toMatchObject({
			type: 'string',
			default: 'signature user_read user_write organization_read account_read group_read permission_read',
		});
		expect(credential.properties.map((p) => p.name)).toEqual([
			'grantType',
			'environment',
			'oauthBaseUrl',
			'adminBaseUrl',
			'authUrl',
			'accessTokenUrl',
			'scope',
			'authQueryParameters',
			'authentication',
		]);
	});

	test("the authorization and token URLs are on the environment's OAuth server", () => {
		const url = (field, self) => evaluate(fields[field].default, { $self: self });
		expect(fields.authUrl.type).toBe('hidden');
		expect(fields.accessTokenUrl.type).toBe('hidden');
		expect(url('authUrl', { environment: 'demo' })).toBe('https://account-d.docusign.com/oauth/auth');
		expect(url('accessTokenUrl', { environment: 'demo' })).toBe('https://account-d.docusign.com/oauth/token');
		expect(url('authUrl', { environment: 'production' })).toBe('https://account.docusign.com/oauth/auth');
		expect(url('accessTokenUrl', { environment: 'custom', oauthBaseUrl: 'https://sso.example.test//' })).toBe('https://sso.example.test/oauth/token');
	});
});

describe('PandaDoc and SignNow API credentials', () => {
	const { PandaDocApi } = require('../../dist/credentials/PandaDocApi.credentials');
	const { SignNowApi } = require('../../dist/credentials/SignNowApi.credentials');

	test('PandaDoc sends the key as Authorization: API-Key <key>', async () => {
		expect(await new PandaDocApi().authenticate({ apiKey: 'pk' }, { url: '/x' })).toEqual({ url: '/x', headers: { Authorization: 'API-Key pk' } });
	});

	test("SignNow sends the credential's token as a Bearer Authorization header", async () => {
		expect(await new SignNowApi().authenticate({ accessToken: 'st' }, { url: '/x' })).toEqual({ url: '/x', headers: { Authorization: 'Bearer st' } });
	});
});
