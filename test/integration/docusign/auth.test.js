'use strict';
// DocuSign JWT credential (../shared/reference/vendor-apis.md §1.2) through the n8n harness: the assertion, key formats, token reuse
// and renewal, the consent and invalid_grant messages, and that the private key never reaches an error.

const {
	SCOPES,
	REDIRECT_URI,
	ORG,
	DOCUSIGN_IDS,
	makeKeys,
	keyFragments,
	jwtCredential,
	byId,
	startDocuSign,
	createInstance,
	errorText,
	isAdmin,
} = require('./setup');

let env;
beforeAll(async () => {
	env = await startDocuSign();
});
afterAll(async () => env.mock.close());
beforeEach(() => {
	env.mock.reset();
	env.mock.consented = true;
	env.mock.jwtOptions.clockSkewSeconds = 60;
	env.n8n.credentials.docuSignJwtApi.accessToken = '';
});

const getUser = { resource: 'user', operation: 'get', organization: ORG, user: byId(DOCUSIGN_IDS.userId(2)) };

/** A fresh n8n instance whose JWT credential differs from the good one. */
async function runWith(credentialOverrides, parameters = getUser) {
	const n8n = await createInstance({ docuSignJwtApi: jwtCredential(env.mock, env.keys.pkcs1, credentialOverrides) });
	return await n8n.run({ type: 'docuSignAdmin', parameters });
}

function decode(part) {
	return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('JWT grant', () => {
	test('the assertion is RS256 with iss, sub, bare-host aud, a lifetime of at most an hour, and the scopes', async () => {
		await env.run(getUser);
		const tokenCall = env.mock.requests.find((r) => r.path === '/oauth/token');
		expect(tokenCall.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(tokenCall.body.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
		const [header, claims] = tokenCall.body.assertion.split('.').slice(0, 2).map(decode);
		expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
		expect(claims).toMatchObject({ iss: env.mock.integrationKey, sub: env.mock.userId, aud: env.mock.oauthHost, scope: SCOPES });
		expect(claims.aud).not.toMatch(/^https?:/);
		expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
		expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(60);
		expect(env.mock.tokenRequests.map((t) => t.outcome)).toEqual(['issued']);
		const adminCall = env.mock.requests.find(isAdmin);
		expect(adminCall.headers.authorization).toBe(`Bearer ${env.mock.tokenRequests[0].access_token}`);
	});

	test.each([
		['PKCS#8', 'pkcs8'],
		['PKCS#1 with literal \\n line breaks', 'literal'],
		['PKCS#1 squashed onto one line', 'oneLine'],
	])('a %s key works', async (_label, form) => {
		const privateKey = form === 'oneLine' ? env.keys.pkcs1.replace(/\n/g, ' ') : env.keys[form];
		const { error, json } = await runWith({ privateKey });
		expect(error).toBeUndefined();
		expect(json[0].email).toBe('avery.chen@example.com');
	});

	test('one token serves every item and the next execution; a rejected token is renewed once', async () => {
		const items = Array.from({ length: 6 }, () => ({ json: {} }));
		const first = await env.run(getUser, { items });
		expect(first.json).toHaveLength(6);
		await env.run(getUser, { items });
		expect(env.mock.tokenRequests).toHaveLength(1);

		env.mock.expireTokens();
		const renewed = await env.run(getUser, { items });
		expect(renewed.json).toHaveLength(6);
		expect(env.mock.tokenRequests).toHaveLength(2);
		const adminCalls = env.mock.requests.filter(isAdmin);
		expect(adminCalls.filter((r) => r.headers.authorization.endsWith(env.mock.tokenRequests[1].access_token))).toHaveLength(6);
		expect(env.n8n.credentials.docuSignJwtApi.accessToken).toBe(env.mock.tokenRequests[1].access_token);
	});
});

describe('JWT Audience (Custom environment)', () => {
	const sentAudience = () => decode(env.mock.requests.find((r) => r.path === '/oauth/token').body.assertion.split('.')[1]).aud;
	afterEach(() => {
		env.mock.audiences = [env.mock.oauthHost];
	});

	test('the field is shown for the Custom environment only', () => {
		const { DocuSignJwtApi } = require('../../../dist/credentials/DocuSignJwtApi.credentials');
		const field = new DocuSignJwtApi().properties.find((p) => p.name === 'jwtAudience');
		expect(field).toMatchObject({ displayName: 'JWT Audience', type: 'string', default: '', displayOptions: { show: { environment: ['custom'] } } });
	});

	test('a configured audience is sent as aud', async () => {
		env.mock.audiences = ['account-d.docusign.com'];
		const { error, json } = await runWith({ jwtAudience: ' account-d.docusign.com ' });
		expect(error).toBeUndefined();
		expect(json[0].email).toBe('avery.chen@example.com');
		expect(sentAudience()).toBe('account-d.docusign.com');
	});

	test('a URL typed as the audience is cut to its host', async () => {
		env.mock.audiences = ['account-d.docusign.com'];
		const { error } = await runWith({ jwtAudience: 'https://account-d.docusign.com/' });
		expect(error).toBeUndefined();
		expect(sentAudience()).toBe('account-d.docusign.com');
	});

	test('empty: the OAuth base URL’s host and port, as before', async () => {
		const { error } = await runWith({ jwtAudience: '' });
		expect(error).toBeUndefined();
		expect(sentAudience()).toBe(env.mock.oauthHost);
	});

	test('the field is ignored outside the Custom environment', () => {
		const { jwtAudience } = require('../../../dist/nodes/DocuSignAdmin/hosts');
		expect(jwtAudience({ environment: 'demo', jwtAudience: 'elsewhere.example.com' }, 'https://account-d.docusign.com')).toBe('account-d.docusign.com');
		expect(jwtAudience({ environment: 'custom', jwtAudience: 'elsewhere.example.com' }, 'https://proxy.example.com:8443')).toBe('elsewhere.example.com');
	});

	test('invalid_audience names the audience sent and the OAuth base URL', async () => {
		const { error } = await runWith({ jwtAudience: 'account.docusign.com' });
		expect(error.message).toBe(
			`DocuSign rejected the JWT audience (invalid_grant: invalid_audience; audience "account.docusign.com", OAuth base URL ${env.mock.url})`,
		);
		expect(error.description).toMatch(/bare host of its OAuth server.*JWT Audience field/);
		expect(env.mock.tokenRequests.map((t) => [t.outcome, t.description])).toEqual([['invalid_grant', 'invalid_audience']]);
	});
});

describe('token errors say what to check, never quoting the key', () => {
	function expectNoKey(error, ...keys) {
		const text = errorText(error);
		for (const key of keys) for (const fragment of keyFragments(key)) expect(text).not.toContain(fragment);
		expect(text).not.toContain(env.keys.literal);
	}

	test('consent_required gives the exact consent URL', async () => {
		env.mock.consented = false;
		const { error } = await env.run(getUser, { expectError: true });
		const url =
			`${env.mock.url}/oauth/auth?response_type=code&scope=${encodeURIComponent(SCOPES)}` +
			`&client_id=${encodeURIComponent(env.mock.integrationKey)}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`;
		expect(error.message).toContain(url);
		expect(error.message).toMatch(/consent/i);
		expectNoKey(error, env.keys.pkcs1);
		expect(env.mock.requests.filter(isAdmin)).toHaveLength(0);
	});

	test('a key that is not the integration key’s: check the key', async () => {
		const other = makeKeys();
		const { error } = await runWith({ privateKey: other.pkcs8 });
		expect(error.message).toContain('no_valid_keys_or_signatures');
		expect(error.description).toMatch(/private key/);
		expectNoKey(error, other.pkcs8, other.pkcs1, env.keys.pkcs1);
	});

	test('an unknown integration key: check the integration key and environment', async () => {
		const { error } = await runWith({ integrationKey: 'ffffffff-0000-4000-8000-000000000000' });
		expect(error.message).toContain('issuer_not_found');
		expect(error.description).toMatch(/Integration Key field/);
		expectNoKey(error, env.keys.pkcs1);
	});

	test('an unknown user: check the user ID', async () => {
		const { error } = await runWith({ userId: 'eeeeeeee-0000-4000-8000-000000000000' });
		expect(error.message).toContain('user_not_found');
		expect(error.description).toMatch(/User ID field/);
	});

	test('clock skew: check the clock', async () => {
		env.mock.jwtOptions.clockSkewSeconds = -120; // the mock now sees our iat as in the future
		const { error } = await env.run(getUser, { expectError: true });
		expect(error.message).toContain('iat_in_future');
		expect(error.description).toMatch(/clock/);
		expectNoKey(error, env.keys.pkcs1);
	});

	test('invalid_grant assertion_expired: check the clock', async () => {
		env.mock.failNext({ status: 400, body: { error: 'invalid_grant', error_description: 'assertion_expired' }, match: (r) => r.path === '/oauth/token' });
		const { error } = await env.run(getUser, { expectError: true });
		expect(error.message).toContain('invalid_grant');
		expect(error.description).toMatch(/clock/);
	});

	test.each([
		['bare', { error: 'invalid_grant' }],
		['with an unknown description', { error: 'invalid_grant', error_description: 'something_new' }],
	])('invalid_grant %s names the audience and the OAuth base URL, and what to check', async (_label, body) => {
		env.mock.failNext({ status: 400, body, match: (r) => r.path === '/oauth/token' });
		const { error } = await env.run(getUser, { expectError: true });
		expect(error.message).toContain('invalid_grant');
		expect(error.message).toContain(`audience "${env.mock.oauthHost}", OAuth base URL ${env.mock.url}`);
		expect(error.description).toMatch(/private key.*User ID.*clock.*JWT Audience/s);
	});

	test('a key that is not PEM, and an encrypted key, are refused before any request', async () => {
		const garbage = 'MIIEowIBAAKCAQEA-not-a-pem-key-at-all';
		const notPem = await runWith({ privateKey: garbage });
		expect(notPem.error.message).toBe('The private key in the DocuSign credential is not a PEM key');
		expect(errorText(notPem.error)).not.toContain(garbage);
		const encrypted = await runWith({ privateKey: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----' });
		expect(encrypted.error.message).toMatch(/encrypted/);
		const broken = await runWith({ privateKey: '-----BEGIN RSA PRIVATE KEY-----\nAAAABBBBCCCCDDDD\n-----END RSA PRIVATE KEY-----' });
		expect(broken.error.message).toBe('The private key in the DocuSign credential could not be read');
		expect(errorText(broken.error)).not.toContain('AAAABBBBCCCCDDDD');
		expect(env.mock.tokenRequests).toHaveLength(0);
	});

	test('an Admin API error never shows the key or the token', async () => {
		env.mock.failNext({ status: 404, match: isAdmin });
		const { error } = await env.run(getUser, { expectError: true });
		expect(error.message).toBe('DocuSign returned 404: Not Found (not_found)');
		expectNoKey(error, env.keys.pkcs1);
		expect(errorText(error)).not.toContain(env.mock.tokenRequests[0].access_token);
	});
});
