'use strict';
// DocuSign Trigger through n8n-core's hook and webhook contexts, over real HTTP against the DocuSign mock: the
// Connect configuration it registers (../shared/reference/vendor-apis.md §1.7), the HMAC keys, the deliveries
// the mock signs, and what deactivation removes.

const { startDocuSignMock } = require('../../mocks/docusign');
const { startTrigger } = require('../../helpers/trigger-harness');
const { MAIN, SALES, jwtCredential, makeKeys } = require('./setup');

const keys = makeKeys();
let mock;
const triggers = [];
beforeAll(async () => {
	mock = await startDocuSignMock({ publicKeyPem: keys.publicKey });
});
beforeEach(() => {
	mock.reset();
	mock.hmacSecretShape = 'keyId';
});
afterEach(async () => {
	await Promise.all(triggers.splice(0).map((t) => t.close()));
});
afterAll(async () => mock.close());

const PARAMS = { authentication: 'jwt', account: '', events: ['envelope-completed', 'recipient-completed'], hmacKey: 'create' };

async function trigger(parameters = {}, extraCredentials = {}) {
	const t = await startTrigger({
		type: 'docuSignTrigger',
		parameters: { ...PARAMS, ...parameters },
		credentials: { docuSignJwtApi: jwtCredential(mock, keys.pkcs1), ...extraCredentials },
		workflowName: 'Contracts',
	});
	triggers.push(t);
	return t;
}
const registration = (t) => t.staticData['node:Trigger'] ?? {};
const esign = (method, suffix = '') =>
	mock.requests.filter((r) => r.method === method && new RegExp(`^/restapi/v2\\.1/accounts/[^/]+/connect${suffix}$`).test(r.path));

describe('DocuSign Trigger: registration', () => {
	test('publishing finds the base URI in /oauth/userinfo, creates an HMAC key and an account-level JSON SIM configuration', async () => {
		const t = await trigger();
		expect(await t.activate()).toBe(false);
		expect(mock.requests.filter((r) => r.path === '/oauth/userinfo')).toHaveLength(1);
		const [{ accountId, config }] = mock.connectConfigurations();
		expect(accountId).toBe(MAIN);
		expect(esign('POST')[0].body).toEqual({
			configurationType: 'custom',
			urlToPublishTo: t.url,
			name: 'n8n: Contracts',
			allUsers: 'true',
			allowEnvelopePublish: 'true',
			enableLog: 'true',
			requiresAcknowledgement: 'true',
			includeHMAC: 'true',
			deliveryMode: 'SIM',
			eventData: { version: 'restv2.1', format: 'json', includeData: ['recipients'] },
			events: ['envelope-completed', 'recipient-completed'],
		});
		const [key] = mock.hmacKeys();
		expect(registration(t)).toEqual(expect.objectContaining({ connectId: config.connectId, accountId: MAIN, hmacKey: key.secret, hmacKeyId: key.keyId }));
	});

	test('publishing again (an n8n restart) finds the configuration and creates nothing', async () => {
		const t = await trigger();
		await t.activate();
		mock.requests.length = 0;
		expect(await t.activate()).toBe(true);
		expect(esign('POST')).toHaveLength(0);
		expect(esign('POST', '/secret')).toHaveLength(0);
		expect(mock.connectConfigurations()).toHaveLength(1);
	});

	test('a configuration removed in DocuSign is re-created; a left-over one for this URL is replaced, not doubled', async () => {
		const t = await trigger();
		await t.activate();
		const first = mock.connectConfigurations()[0].config.connectId;
		mock.state.connect.configurations.length = 0;
		expect(await t.activate()).toBe(false);
		expect(mock.connectConfigurations()).toHaveLength(1);
		t.staticData = {};
		expect(await t.activate()).toBe(false);
		expect(mock.connectConfigurations().map((c) => c.config.connectId)).not.toContain(first);
		expect(mock.connectConfigurations()).toHaveLength(1);
		expect(mock.hmacKeys()).toHaveLength(2);
	});

	test('changed events make checkExists false, and the new configuration replaces the old key too', async () => {
		const t = await trigger();
		await t.activate();
		t.node.parameters.events = ['envelope-declined'];
		expect(await t.activate()).toBe(false);
		expect(mock.connectConfigurations().map((c) => c.config.events)).toEqual([['envelope-declined']]);
		expect(mock.hmacKeys()).toHaveLength(1);
	});

	test('a configuration whose HMAC was switched off in DocuSign is replaced', async () => {
		const t = await trigger();
		await t.activate();
		mock.connectConfigurations()[0].config.includeHMAC = 'false';
		expect(await t.activate()).toBe(false);
		expect(mock.connectConfigurations().map((c) => c.config.includeHMAC)).toEqual(['true']);
	});

	test('the chosen account is used; an unknown one fails and lists the accounts', async () => {
		const t = await trigger({ account: SALES });
		await t.activate();
		expect(mock.connectConfigurations()[0].accountId).toBe(SALES);
		const bad = await trigger({ account: 'not-an-account' });
		await expect(bad.activate()).rejects.toThrow(/no DocuSign account not-an-account/);
	});

	test('an error while checking is reported, never swallowed', async () => {
		const t = await trigger();
		await t.activate();
		mock.failNext({ status: 403, match: (r) => r.path.startsWith('/restapi') });
		await expect(t.activate()).rejects.toThrow(/DocuSign eSignature returned 403/);
	});

	test('keys from a credential: no key is created, and publishing without one fails before creating anything', async () => {
		const t = await trigger({ hmacKey: 'credential' }, { docuSignConnectHmacApi: { secretKeys: 'pasted-key-1, pasted-key-2' } });
		await t.activate();
		expect(esign('POST', '/secret')).toHaveLength(0);
		expect(registration(t).hmacKey).toBeUndefined();
		mock.reset();
		const empty = await trigger({ hmacKey: 'credential' }, { docuSignConnectHmacApi: { secretKeys: ' ' } });
		await expect(empty.activate()).rejects.toThrow('The DocuSign Connect HMAC credential has no key');
		expect(mock.connectConfigurations()).toHaveLength(0);
	});

	test('the key-creation answer (UNCONFIRMED shape): {secrets:[…]} works; an answer without a key fails and creates no configuration', async () => {
		mock.hmacSecretShape = 'secrets';
		const t = await trigger();
		await t.activate();
		expect(registration(t).hmacKey).toBe(mock.hmacKeys()[0].secret);
		expect(registration(t).hmacKeyId).toBeUndefined();
		mock.reset();
		mock.hmacSecretShape = 'none';
		const u = await trigger();
		await expect(u.activate()).rejects.toThrow('DocuSign created an HMAC key but its answer did not include the key');
		expect(mock.connectConfigurations()).toHaveLength(0);
	});

	test('a configuration that DocuSign refuses deletes the key created for it and reports the refusal', async () => {
		const t = await trigger();
		mock.failNext({ status: 400, body: { errorCode: 'INVALID_REQUEST_PARAMETER', message: 'Connect is not enabled' }, match: (r) => r.method === 'POST' && /\/connect$/.test(r.path) });
		await expect(t.activate()).rejects.toThrow('DocuSign eSignature returned 400: Connect is not enabled (INVALID_REQUEST_PARAMETER)');
		expect(mock.hmacKeys()).toHaveLength(0);
		expect(registration(t).connectId).toBeUndefined();
	});

	test('a configuration edited in DocuSign to point elsewhere is no longer ours: a new one is created', async () => {
		const t = await trigger();
		await t.activate();
		mock.connectConfigurations()[0].config.urlToPublishTo = 'https://elsewhere.example.com/hook';
		expect(await t.activate()).toBe(false);
		expect(mock.connectConfigurations().map((c) => c.config.urlToPublishTo)).toEqual(['https://elsewhere.example.com/hook', t.url]);
	});

	test('a token without the "signature" scope: the error says so', async () => {
		mock.enforceScopes = true;
		try {
			const t = await startTrigger({
				type: 'docuSignTrigger',
				parameters: { ...PARAMS, authentication: 'oAuth2' },
				credentials: {
					docuSignOAuth2Api: {
						environment: 'custom', oauthBaseUrl: mock.url, adminBaseUrl: mock.adminBaseUrl, clientId: mock.integrationKey,
						clientSecret: 'mock-ds-client-secret', oauthTokenData: mock.issueCodeGrantTokens({ scope: 'user_read' }),
					},
				},
			});
			triggers.push(t);
			const error = await t.activate().catch((e) => e);
			expect(error.message).toMatch(/DocuSign eSignature returned 403/);
			expect(error.description).toMatch(/"signature" scope/);
			const jwt = await trigger();
			await expect(jwt.activate()).resolves.toBe(false);
		} finally {
			mock.enforceScopes = false;
		}
	});

	test('the OAuth2 credential works the same way', async () => {
		const t = await startTrigger({
			type: 'docuSignTrigger',
			parameters: { ...PARAMS, authentication: 'oAuth2' },
			credentials: {
				docuSignOAuth2Api: {
					environment: 'custom', oauthBaseUrl: mock.url, adminBaseUrl: mock.adminBaseUrl, clientId: mock.integrationKey,
					clientSecret: 'mock-ds-client-secret', oauthTokenData: mock.issueCodeGrantTokens({ scope: 'signature' }),
				},
			},
		});
		triggers.push(t);
		await t.activate();
		expect(mock.connectConfigurations()).toHaveLength(1);
	});
});

describe('DocuSign Trigger: deliveries', () => {
	test('a signed event starts one execution with the event type, ids and full payload', async () => {
		const t = await trigger();
		await t.activate();
		const res = await mock.deliverConnect({ envelopeId: 'env-7', recipientId: '2' });
		expect(res.status).toBe(200);
		expect(t.executions).toHaveLength(1);
		expect(t.executions[0][0]).toEqual({
			vendor: 'docusign',
			eventType: 'envelope-completed',
			eventId: `${registration(t).connectId}|env-7|envelope-completed|2|${res.payload.generatedDateTime}`,
			envelopeId: 'env-7',
			recipientId: '2',
			userId: mock.userId,
			accountId: MAIN,
			configurationId: registration(t).connectId,
			occurredAt: new Date(res.payload.generatedDateTime.replace(/(\.\d{3})\d+/, '$1')).toISOString(),
			payload: res.payload,
		});
	});

	test('the account has other keys: DocuSign signs with all, the node’s matches one header → accepted', async () => {
		const t = await trigger();
		const other = await fetch(`${mock.url}/restapi/v2.1/accounts/${MAIN}/connect/secret`, {
			method: 'POST',
			headers: { authorization: `Bearer ${mock.issueCodeGrantTokens().access_token}` },
		});
		expect(other.status).toBe(200);
		await t.activate();
		const res = await mock.deliverConnect({});
		expect(mock.hmacKeys()).toHaveLength(2);
		expect(res.status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('forged, unsigned, signed only with an unknown key, or hex-encoded: 401 and no execution', async () => {
		const t = await trigger();
		await t.activate();
		const { hmac } = require('../../mocks/webhooks');
		const event = mock.connectEvent(registration(t).connectId, {});
		const raw = JSON.stringify(event);
		const answers = [
			await mock.deliverConnect({ payload: event, keys: ['forged-key'] }),
			await mock.deliverConnect({ payload: event, keys: [] }),
			await mock.deliverConnect({ payload: event, keys: ['unknown-1', 'unknown-2'] }),
			await mock.deliverConnect({ payload: event, keys: [], headers: { 'X-DocuSign-Signature-1': hmac(registration(t).hmacKey, raw).toString('hex') } }),
		];
		expect(answers.map((a) => [a.status, a.json.reason])).toEqual([
			[401, 'mismatch'],
			[401, 'unsigned'],
			[401, 'mismatch'],
			[401, 'mismatch'],
		]);
		expect(t.executions).toHaveLength(0);
	});

	test('the exact bytes are verified: a pretty-printed body with CRLF passes', async () => {
		const t = await trigger();
		await t.activate();
		const event = mock.connectEvent(registration(t).connectId, {});
		const res = await mock.deliverConnect({ payload: event, rawBody: `${JSON.stringify(event, null, 4).replace(/\n/g, '\r\n')}\r\n` });
		expect(res.status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('a retry of the same event (retryCount 1) gets 200 and starts nothing', async () => {
		const t = await trigger();
		await t.activate();
		const first = await mock.deliverConnect({ envelopeId: 'env-r' });
		const retry = await mock.deliverConnect({ payload: { ...first.payload, retryCount: 1 } });
		expect([first.status, retry.status, retry.json.message]).toEqual([200, 200, expect.stringMatching(/Already received/)]);
		expect(t.executions).toHaveLength(1);
	});

	test('a node that lost its created key refuses every delivery (no usable key) instead of accepting them', async () => {
		const t = await trigger();
		await t.activate();
		delete t.staticData['node:Trigger'].hmacKey;
		const res = await mock.deliverConnect({});
		expect([res.status, res.json.reason, t.executions.length]).toEqual([401, 'no-key', 0]);
	});

	test('two copies of one delivery arriving at the same moment start one execution', async () => {
		const t = await trigger();
		await t.activate();
		const event = mock.connectEvent(registration(t).connectId, {});
		const answers = await Promise.all([mock.deliverConnect({ payload: event }), mock.deliverConnect({ payload: event })]);
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		expect(t.executions).toHaveLength(1);
	});

	test('a signed body that is not a Connect event gets 400 and starts nothing', async () => {
		const t = await trigger();
		await t.activate();
		const res = await mock.deliverConnect({ rawBody: '{"hello":"world"}' });
		expect([res.status, t.executions.length]).toEqual([400, 0]);
	});

	test('an event not chosen (a configuration edited in DocuSign) gets 200 and starts nothing', async () => {
		const t = await trigger({ events: ['envelope-completed'] });
		await t.activate();
		const res = await mock.deliverConnect({ event: 'envelope-voided' });
		expect([res.status, t.executions.length]).toEqual([200, 0]);
	});

	test('with keys from a credential, a delivery signed with any pasted key is accepted', async () => {
		const t = await trigger({ hmacKey: 'credential' }, { docuSignConnectHmacApi: { secretKeys: 'old-key\nnew-key' } });
		await t.activate();
		expect((await mock.deliverConnect({ keys: ['new-key'] })).status).toBe(200);
		expect((await mock.deliverConnect({ keys: ['some-other-key'] })).status).toBe(401);
		expect(t.executions).toHaveLength(1);
	});

	test('no key, token or private key in any answer or output', async () => {
		const t = await trigger();
		await t.activate();
		const answers = [await mock.deliverConnect({}), await mock.deliverConnect({ keys: ['x'] })];
		const visible = JSON.stringify([answers.map((a) => a.text), t.executions]);
		for (const secret of [registration(t).hmacKey, ...mock.issuedTokens.map((x) => x.access_token)]) expect(visible).not.toContain(secret);
	});
});

describe('DocuSign Trigger: deactivation', () => {
	test('unpublishing removes the configuration and the key the node created', async () => {
		const t = await trigger();
		await t.activate();
		await t.deactivate();
		expect(mock.connectConfigurations()).toHaveLength(0);
		expect(mock.hmacKeys()).toHaveLength(0);
		expect(registration(t).connectId).toBeUndefined();
		expect(registration(t).hmacKey).toBeUndefined();
		const { deliver } = require('../../mocks/webhooks');
		expect((await deliver(t.url, { body: '{"event":"envelope-completed"}' })).status).toBe(404);
	});

	test('a configuration already removed in DocuSign (404) is fine', async () => {
		const t = await trigger();
		await t.activate();
		mock.state.connect.configurations.length = 0;
		mock.state.connect.hmacKeys.length = 0;
		await expect(t.deactivate()).resolves.toBe(true);
	});

	test('a failed delete that is not a 404 is reported, and the node keeps what it registered', async () => {
		const t = await trigger();
		await t.activate();
		mock.failNext({ status: 403, count: 1, match: (r) => r.method === 'DELETE' });
		await expect(t.deactivate()).rejects.toThrow(/DocuSign eSignature returned 403/);
		expect(mock.connectConfigurations()).toHaveLength(1);
		expect(registration(t).connectId).toBeDefined();
	});

	test('every configuration of this URL is removed, not only the registered one', async () => {
		const t = await trigger();
		await t.activate();
		const extra = { ...mock.connectConfigurations()[0], config: { ...mock.connectConfigurations()[0].config, connectId: '99999' } };
		mock.state.connect.configurations.push(extra);
		await t.deactivate();
		expect(mock.connectConfigurations()).toHaveLength(0);
	});

	test('a created key whose id DocuSign did not give ({secrets:[…]}) is left in DocuSign', async () => {
		mock.hmacSecretShape = 'secrets';
		const t = await trigger();
		await t.activate();
		await t.deactivate();
		expect(mock.connectConfigurations()).toHaveLength(0);
		expect(mock.hmacKeys()).toHaveLength(1);
		expect(mock.requests.filter((r) => r.method === 'DELETE' && r.path.includes('/secret/'))).toHaveLength(0);
	});

	test('keys pasted in a credential are never deleted', async () => {
		const t = await trigger({ hmacKey: 'credential' }, { docuSignConnectHmacApi: { secretKeys: 'pasted' } });
		await t.activate();
		await t.deactivate();
		expect(mock.requests.filter((r) => r.method === 'DELETE' && r.path.includes('/secret/'))).toHaveLength(0);
		expect(mock.connectConfigurations()).toHaveLength(0);
	});
});
