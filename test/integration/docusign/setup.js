'use strict';
// Shared setup of the DocuSign Admin integration tests: RSA keys made with node:crypto, the JWT
// credential pointing at the mock, and a runner for the node through the n8n harness.

const crypto = require('node:crypto');
const { startDocuSignMock, DOCUSIGN_IDS } = require('../../mocks/docusign');
const { createInstance, errorText } = require('../../helpers/harness');

const SCOPES = 'signature impersonation user_read user_write organization_read account_read group_read permission_read';
const REDIRECT_URI = 'https://n8n.example.com/rest/oauth2-credential/callback';

/** An RSA key pair; the private key in PKCS#1 and PKCS#8 PEM, and PKCS#1 with literal "\n" as pasted from JSON. */
function makeKeys() {
	const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
	});
	const pkcs8 = crypto.createPrivateKey(privateKey).export({ type: 'pkcs8', format: 'pem' });
	return { publicKey, pkcs1: privateKey, pkcs8, literal: privateKey.trim().split('\n').join('\\n') };
}

/** Pieces of a PEM key that must never show up in an error: the whole key and each base64 line. */
function keyFragments(pem) {
	return [pem.trim(), ...pem.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'))];
}

function jwtCredential(mock, privateKey, overrides = {}) {
	return {
		environment: 'custom',
		oauthBaseUrl: mock.url,
		adminBaseUrl: mock.adminBaseUrl,
		integrationKey: mock.integrationKey,
		userId: mock.userId,
		privateKey,
		scopes: SCOPES,
		redirectUri: REDIRECT_URI,
		accessToken: '',
		...overrides,
	};
}

const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });

/** Starts a mock and an n8n instance with a JWT credential; `run` executes the DocuSign Admin node. */
async function startDocuSign(mockOptions = {}, credentialOverrides = {}) {
	const keys = makeKeys();
	const mock = await startDocuSignMock({ publicKeyPem: keys.publicKey, ...mockOptions });
	const n8n = await createInstance({ docuSignJwtApi: jwtCredential(mock, keys.pkcs1, credentialOverrides) });
	async function run(parameters, extra = {}) {
		const result = await n8n.run({ type: 'docuSignAdmin', parameters, ...extra });
		if (result.error && !extra.expectError) throw result.error;
		return result;
	}
	const calls = (method, pattern) =>
		mock.requests.filter((r) => r.method === method && (pattern instanceof RegExp ? pattern.test(r.path) : r.path === pattern));
	return { mock, n8n, keys, run, calls };
}

const ORG = DOCUSIGN_IDS.organizationId;
const MAIN = DOCUSIGN_IDS.mainAccountId;
const SALES = DOCUSIGN_IDS.salesAccountId;
const adminPath = (path) => `/management${path}`;
const isAdmin = (r) => r.path.toLowerCase().startsWith('/management');

module.exports = {
	SCOPES,
	REDIRECT_URI,
	ORG,
	MAIN,
	SALES,
	DOCUSIGN_IDS,
	makeKeys,
	keyFragments,
	jwtCredential,
	byId,
	byEmail,
	startDocuSign,
	adminPath,
	isAdmin,
	createInstance,
	errorText,
	startDocuSignMock,
};
