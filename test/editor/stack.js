'use strict';
// What the editor check runs against: the vendors' mock servers, a real n8n with the packed package
// (the e2e suite's N8nSession), and one credential per credential type pointing at the mocks, created
// through the REST API as the editor's credential dialog does.

const crypto = require('node:crypto');

const { N8nSession } = require('../e2e/lib/session');
const { startBoldSignMock } = require('../mocks/boldsign');
const { startDocuSignMock } = require('../mocks/docusign');
const { startPandaDocMock } = require('../mocks/pandadoc');
const { startSignNowMock } = require('../mocks/signnow');

const DOCUSIGN_SCOPES = 'signature impersonation user_read user_write organization_read account_read group_read permission_read';

async function startMocks() {
	const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
	});
	const [boldSign, docuSign, signNow, pandaDoc] = await Promise.all([
		startBoldSignMock(),
		startDocuSignMock({ publicKeyPem: publicKey, privateKeyPem: privateKey, clientSecret: 'ds-editor-secret' }),
		startSignNowMock(),
		startPandaDocMock(),
	]);
	return { boldSign, docuSign, signNow, pandaDoc, privateKey };
}

async function closeMocks(mocks) {
	await Promise.allSettled(['boldSign', 'docuSign', 'signNow', 'pandaDoc'].map((k) => mocks[k].close()));
}

/** Credential data per credential type, pointing at the mocks (the fields the editor's dialog saves). */
function credentialData(m) {
	return {
		boldSignApi: { region: 'custom', baseUrl: m.boldSign.url, apiKey: m.boldSign.apiKey },
		boldSignOAuth2Api: {
			region: 'custom',
			baseUrl: m.boldSign.url,
			authUrl: `${m.boldSign.url}/connect/authorize`,
			accessTokenUrl: `${m.boldSign.url}/connect/token`,
			clientId: m.boldSign.clientId,
			clientSecret: m.boldSign.clientSecret,
			oauthTokenData: m.boldSign.issueTokens(),
		},
		boldSignWebhookApi: { signingSecret: 'bs-webhook-secret' },
		docuSignJwtApi: {
			environment: 'custom',
			oauthBaseUrl: m.docuSign.url,
			adminBaseUrl: m.docuSign.adminBaseUrl,
			integrationKey: m.docuSign.integrationKey,
			userId: m.docuSign.userId,
			privateKey: m.privateKey,
			scopes: DOCUSIGN_SCOPES,
			redirectUri: 'https://n8n.example.com/rest/oauth2-credential/callback',
			accessToken: '',
		},
		docuSignOAuth2Api: {
			environment: 'custom',
			oauthBaseUrl: m.docuSign.url,
			adminBaseUrl: m.docuSign.adminBaseUrl,
			clientId: m.docuSign.integrationKey,
			clientSecret: 'ds-editor-secret',
			scope: 'signature user_read user_write organization_read account_read group_read permission_read',
			oauthTokenData: m.docuSign.issueCodeGrantTokens(),
		},
		docuSignConnectHmacApi: { secretKeys: 'ds-connect-key' },
		signNowApi: {
			environment: 'custom',
			baseUrl: m.signNow.url,
			clientId: m.signNow.clientId,
			clientSecret: m.signNow.clientSecret,
			username: m.signNow.adminEmail,
			password: m.signNow.adminPassword,
			accessToken: '',
		},
		signNowOAuth2Api: {
			environment: 'custom',
			baseUrl: m.signNow.url,
			clientId: m.signNow.clientId,
			clientSecret: m.signNow.clientSecret,
			oauthTokenData: m.signNow.issueCodeGrantTokens(),
		},
		pandaDocApi: { apiKey: m.pandaDoc.apiKey, keyType: 'production', baseUrl: m.pandaDoc.url },
		pandaDocOAuth2Api: {
			baseUrl: m.pandaDoc.url,
			authUrl: `${m.pandaDoc.url}/oauth2/authorize`,
			clientId: m.pandaDoc.clientId,
			clientSecret: m.pandaDoc.clientSecret,
			oauthTokenData: m.pandaDoc.issueTokens(),
		},
	};
}

/**
 * Starts the mocks and n8n and sets up the owner. Returns { session, server, rest, mocks, nodeTypes,
 * credentials, createCredentials(), close() }; `credentials` ({ type: { id, name } }) is filled by
 * createCredentials(), so that the editor can first be seen without any credential.
 */
async function startStack({ verbose = false } = {}) {
	const mocks = await startMocks();
	let session;
	const close = async () => {
		await closeMocks(mocks);
		if (session) await session.close();
	};
	try {
		session = await N8nSession.create({ verbose });
		const server = await session.startServer();
		const { rest } = server;
		const credentials = {};
		const createCredentials = async () => {
			for (const [type, data] of Object.entries(credentialData(mocks))) {
				const created = await rest.post('/rest/credentials', { name: `[editor] ${type}`, type, data });
				credentials[type] = { id: created.id, name: created.name };
			}
		};
		const nodeTypes = await rest.get('/types/nodes.json');
		return { session, server, rest, mocks, credentials, createCredentials, nodeTypes, close };
	} catch (error) {
		await close().catch(() => {});
		throw error;
	}
}

module.exports = { startStack, startMocks, closeMocks, credentialData };
