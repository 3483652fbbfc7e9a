'use strict';
// The webhook triggers in a real n8n: each workflow is published before `n8n start`, n8n registers it (the DocuSign
// mock sees the Connect configuration), the mocks deliver signed events to the production webhook URL over HTTP, and
// the executions n8n stores are counted: one per genuine event, none for forged, stale or repeated ones; a repeat
// after an n8n restart starts nothing either; deactivating through the REST API removes the registration (the
// DocuSign Connect configuration, the SignNow event subscriptions, the PandaDoc webhook subscription).
// Case model: see README.md in this folder.

const crypto = require('node:crypto');

const { startBoldSignMock } = require('../mocks/boldsign');
const { startDocuSignMock, DOCUSIGN_IDS } = require('../mocks/docusign');
const { startPandaDocMock, PANDADOC_IDS } = require('../mocks/pandadoc');
const { startSignNowMock, SIGNNOW_IDS } = require('../mocks/signnow');
const { deliver, sign } = require('../mocks/webhooks');
const { fullType } = require('./lib/workflow');

const SCOPES = 'signature impersonation user_read user_write organization_read account_read group_read permission_read';
const BOLDSIGN_SECRET = 'e2e-boldsign-signing-secret';
const PANDADOC_KEY = 'e2e-pandadoc-api-key';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A workflow of one trigger node with a fixed webhook id, so its production URL is known before n8n starts. */
function triggerWorkflow(type, name, parameters, credentials) {
	const webhookId = crypto.randomUUID();
	return {
		webhookId,
		workflow: {
			nodes: [
				{
					id: crypto.randomUUID(),
					name,
					type: fullType(type),
					typeVersion: 1,
					position: [0, 0],
					parameters,
					credentials,
					webhookId,
				},
			],
			connections: {},
		},
	};
}

/** Waits until `check` holds (n8n applies some changes a moment later), or fails with `what`. */
async function eventually(check, what, timeoutMs = 30000) {
	const until = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > until) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
		await sleep(250);
	}
}

/** The production URL of the trigger in the running n8n. */
const productionUrl = (ctx) => `${ctx.server.url.replace(/\/+$/, '')}/webhook/${ctx.webhookId}/webhook`;

/**
 * Items the trigger output in each stored execution, oldest first. n8n stores an execution when it starts (with no
 * run data yet) and again when it ends: an unfinished one is `null`.
 */
function executions(ctx, nodeName) {
	return ctx.session.readExecutions(ctx.workflows.main).map((e) => {
		const run = e.data?.resultData?.runData?.[nodeName]?.[0];
		return run ? (run.data?.main?.[0] ?? []).map((item) => item.json) : null;
	});
}

/** Waits until n8n has stored `count` finished executions of the workflow, and returns every stored one. */
async function waitForExecutions(ctx, nodeName, count, timeoutMs = 30000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const stored = executions(ctx, nodeName);
		if (stored.filter(Boolean).length >= count) return stored;
		if (Date.now() > until) throw new Error(`expected ${count} finished executions, found ${JSON.stringify(stored).slice(0, 500)}`);
		await sleep(250);
	}
}

module.exports = {
	name: 'triggers',
	cases: [
		{
			name: 'boldsign trigger › verification ping, signed events (one execution each, over n8n’s raw bytes), forged, stale, unsigned and repeated ones (none), deactivation',
			mock: () => startBoldSignMock({ webhookSecret: BOLDSIGN_SECRET }),
			credentials: () => ({ boldSignWebhookApi: { signingSecret: BOLDSIGN_SECRET } }),
			workflow: (ctx) => {
				const { webhookId, workflow } = triggerWorkflow('boldSignTrigger', 'BoldSign Trigger', {}, { boldSignWebhookApi: ctx.credential('boldSignWebhookApi') });
				ctx.webhookId = webhookId;
				return workflow;
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			async server(ctx) {
				const { assert, mock: m } = ctx;
				const url = productionUrl(ctx);
				const now = Math.floor(Date.now() / 1000);

				// n8n activates published workflows a moment after it reports ready
				let ping;
				await eventually(async () => (ping = await m.deliverVerification(url)).status !== 404, 'the trigger is active');
				assert.equal(ping.status, 200, `Verification ping: ${ping.text}`);

				const completed = await m.deliverWebhook(url, { eventType: 'Completed', id: 'e2e-evt-1', documentId: 'e2e-doc-1' });
				assert.equal(completed.status, 200, completed.text);
				assert.equal(completed.text, '', 'an accepted delivery gets an empty 200');
				const [first] = await waitForExecutions(ctx, 'BoldSign Trigger', 1);
				assert.equal(first.length, 1);
				assert.equal(first[0].eventType, 'Completed');
				assert.equal(first[0].eventId, 'e2e-evt-1');
				assert.equal(first[0].documentId, 'e2e-doc-1');
				assert.deepEqual(first[0].payload, completed.payload);

				// n8n's rawBody: a pretty-printed body with CRLF and an escaped character verifies, so the node
				// checks the bytes as received, not n8n's parsed body.
				const event = m.webhookEvent({ id: 'e2e-evt-2', eventType: 'Signed', data: { object: 'document', documentId: 'e2e-doc-2', messageTitle: 'Zoë' } });
				const rawBody = `${JSON.stringify(event, null, 2).replace(/\n/g, '\r\n').replace('Zoë', 'Zo\\u00eb')}\r\n`;
				const pretty = await m.deliverWebhook(url, { payload: event, rawBody });
				assert.equal(pretty.status, 200, pretty.text);

				const refused = [
					await m.deliverWebhook(url, { id: 'e2e-forged', secrets: ['not-the-secret'] }),
					await m.deliverWebhook(url, { id: 'e2e-stale', t: now - 600 }),
					await m.deliverWebhook(url, { id: 'e2e-unsigned', secrets: [] }),
				];
				assert.deepEqual(refused.map((r) => r.status), [401, 401, 401], refused.map((r) => r.text).join(' | '));
				const repeat = await m.deliverWebhook(url, { eventType: 'Completed', id: 'e2e-evt-1', documentId: 'e2e-doc-1' });
				assert.equal(repeat.status, 200);
				assert.match(repeat.json.message, /Already received/);

				const rolled = await m.deliverWebhook(url, { id: 'e2e-evt-3', secrets: ['the-rolled-new-secret', BOLDSIGN_SECRET] });
				assert.equal(rolled.status, 200, rolled.text);

				const stored = await waitForExecutions(ctx, 'BoldSign Trigger', 3);
				await sleep(500);
				assert.deepEqual(executions(ctx, 'BoldSign Trigger').map((items) => items?.[0].eventId), ['e2e-evt-1', 'e2e-evt-2', 'e2e-evt-3'],
					'one execution per genuine event, none for the ping, the refused or the repeated delivery');
				assert.equal(stored[1][0].documentId, 'e2e-doc-2');
				assert.ok(!JSON.stringify(stored).includes(BOLDSIGN_SECRET), 'the secret is in no execution');

				// n8n 2.41 unpublishes through an outbox, a moment after the REST call returns
				await ctx.rest.post(`/rest/workflows/${ctx.workflows.main}/deactivate`, {});
				await eventually(async () => (await deliver(url, { body: JSON.stringify(m.webhookEvent()) })).status === 404, 'the production URL is gone after deactivation');
				assert.equal(m.requests.length, 0, 'BoldSign has no registration API: nothing was sent to it');
			},
		},
		{
			name: 'docusign trigger › Connect configuration created on start, signed events (one execution each), forged and repeated ones (none), a repeat after an n8n restart (none), deactivation removes it',
			timeoutMs: 300000,
			mock: () => {
				const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
					modulusLength: 2048,
					publicKeyEncoding: { type: 'spki', format: 'pem' },
					privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
				});
				return startDocuSignMock({ publicKeyPem: publicKey, privateKeyPem: privateKey });
			},
			credentials: ({ mock: m }) => ({
				docuSignJwtApi: {
					environment: 'custom',
					oauthBaseUrl: m.url,
					adminBaseUrl: m.adminBaseUrl,
					integrationKey: m.integrationKey,
					userId: m.userId,
					privateKey: m.privateKeyPem,
					scopes: SCOPES,
					redirectUri: 'https://n8n.example.com/rest/oauth2-credential/callback',
					accessToken: '',
				},
			}),
			workflow: (ctx) => {
				const { webhookId, workflow } = triggerWorkflow(
					'docuSignTrigger',
					'DocuSign Trigger',
					{ authentication: 'jwt', account: '', events: ['envelope-completed', 'recipient-completed'], hmacKey: 'create' },
					{ docuSignJwtApi: ctx.credential('docuSignJwtApi') },
				);
				ctx.webhookId = webhookId;
				return workflow;
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			async server(ctx) {
				const { assert, mock: m } = ctx;
				const url = productionUrl(ctx);

				// n8n registered the trigger when it started (activation completes a moment after n8n reports ready)
				await eventually(() => m.connectConfigurations().length > 0, 'n8n created the Connect configuration');
				const configs = m.connectConfigurations();
				assert.equal(configs.length, 1, 'one Connect configuration');
				const { config, accountId } = configs[0];
				assert.equal(accountId, DOCUSIGN_IDS.mainAccountId, 'in the default account of /oauth/userinfo');
				assert.equal(config.urlToPublishTo, url, 'pointing at the production webhook URL');
				assert.deepEqual([config.deliveryMode, config.eventData.version, config.includeHMAC], ['SIM', 'restv2.1', 'true']);
				assert.deepEqual(config.events, ['envelope-completed', 'recipient-completed']);
				assert.equal(m.hmacKeys().length, 1, 'one HMAC key created');

				const one = await m.deliverConnect({ envelopeId: 'e2e-env-1' });
				assert.equal(one.status, 200, one.text);
				const [first] = await waitForExecutions(ctx, 'DocuSign Trigger', 1);
				assert.equal(first[0].eventType, 'envelope-completed');
				assert.equal(first[0].envelopeId, 'e2e-env-1');
				assert.equal(first[0].accountId, DOCUSIGN_IDS.mainAccountId);
				assert.deepEqual(first[0].payload, one.payload);

				const refused = [
					await m.deliverConnect({ envelopeId: 'e2e-forged', keys: ['forged-key'] }),
					await m.deliverConnect({ envelopeId: 'e2e-unsigned', keys: [] }),
				];
				assert.deepEqual(refused.map((r) => r.status), [401, 401], refused.map((r) => r.text).join(' | '));
				const retry = await m.deliverConnect({ payload: { ...one.payload, retryCount: 1 } });
				assert.equal(retry.status, 200);
				assert.match(retry.json.message, /Already received/);

				// a restart between two deliveries of the same event: the configuration stays (no new one, no new key)
				// and the node still remembers the event (static data in n8n's database)
				const requestsBefore = m.requests.length;
				await ctx.restartServer();
				let again;
				await eventually(async () => (again = await m.deliverConnect({ payload: { ...one.payload, retryCount: 2 } })).status !== 404, 'the trigger is active again');
				assert.equal(again.status, 200, again.text);
				assert.match(String(again.json?.message), /Already received/, `after the restart: ${again.text}`);
				const two = await m.deliverConnect({ event: 'recipient-completed', envelopeId: 'e2e-env-2', recipientId: '2' });
				assert.equal(two.status, 200, two.text);

				assert.equal(m.connectConfigurations().length, 1, 'still one configuration after the restart');
				assert.equal(m.hmacKeys().length, 1, 'still one key');
				const onRestart = m.requests.slice(requestsBefore).filter((r) => r.path !== '/oauth/token');
				// n8n 2.41 keeps the registered webhook across a restart; it may or may not call checkExists, but must change nothing
				assert.deepEqual(onRestart.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`), [], 'the restart changed nothing at DocuSign');

				await waitForExecutions(ctx, 'DocuSign Trigger', 2);
				await sleep(500);
				assert.deepEqual(
					executions(ctx, 'DocuSign Trigger').map((items) => items && [items[0].eventType, items[0].envelopeId]),
					[['envelope-completed', 'e2e-env-1'], ['recipient-completed', 'e2e-env-2']],
					'one execution per genuine event, none for the refused or repeated deliveries, before or after the restart',
				);

				await ctx.rest.post(`/rest/workflows/${ctx.workflows.main}/deactivate`, {});
				await eventually(() => m.connectConfigurations().length === 0, 'deactivation removed the Connect configuration');
				await eventually(() => m.hmacKeys().length === 0, 'and the HMAC key the node created');
				await eventually(
					async () => (await deliver(url, { body: JSON.stringify(one.payload), headers: sign.docuSign(JSON.stringify(one.payload), ['x']) })).status === 404,
					'the production URL is gone after deactivation',
				);
			},
		},
		{
			name: 'signnow trigger › event subscriptions created on start, signed events in hex and base64 (one execution each), forged, stale and repeated ones (none), a repeat after an n8n restart (none), deactivation removes them',
			timeoutMs: 300000,
			mock: () => startSignNowMock(),
			credentials: ({ mock: m }) => ({
				signNowApi: {
					environment: 'custom',
					baseUrl: m.url,
					clientId: m.clientId,
					clientSecret: m.clientSecret,
					username: m.adminEmail,
					password: m.adminPassword,
					accessToken: '',
				},
			}),
			workflow: (ctx) => {
				const { webhookId, workflow } = triggerWorkflow(
					'signNowTrigger',
					'SignNow Trigger',
					{ authentication: 'password', watch: 'user', events: ['user.document.complete', 'user.document.create'], verification: 'secretKey' },
					{ signNowApi: ctx.credential('signNowApi') },
				);
				ctx.webhookId = webhookId;
				return workflow;
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			async server(ctx) {
				const { assert, mock: m } = ctx;
				const url = productionUrl(ctx);
				const now = () => Math.floor(Date.now() / 1000);

				// n8n registered the trigger when it started (activation completes a moment after n8n reports ready)
				await eventually(() => m.subscriptions().length >= 2, 'n8n created the SignNow event subscriptions');
				const subs = [...m.subscriptions()]; // a copy: the mock's list empties on deactivation
				const { secretKey } = subs[0];
				assert.deepEqual(subs.map((s) => s.event).sort(), ['user.document.complete', 'user.document.create'], 'one subscription per event');
				assert.ok(subs.every((s) => s.attributes.callback === url), 'each calling back the production webhook URL');
				assert.ok(subs.every((s) => s.entityId === SIGNNOW_IDS.adminUserId), 'for the credential’s user');
				assert.match(String(secretKey), /^[0-9a-f]{64}$/, 'with a generated secret_key');
				assert.equal(subs[1].secretKey, secretKey, 'the same key for both');
				const ids = subs.map((s) => s.id).sort();

				const one = await m.deliverEvent({ subscriptionId: subs.find((s) => s.event === 'user.document.complete').id, documentId: 'e2e-doc-1' });
				assert.equal(one.status, 200, one.text);
				assert.equal(one.text, '', 'an accepted delivery gets an empty 200');
				const [first] = await waitForExecutions(ctx, 'SignNow Trigger', 1);
				assert.equal(first.length, 1);
				assert.equal(first[0].eventType, 'user.document.complete');
				assert.equal(first[0].documentId, 'e2e-doc-1');
				assert.equal(first[0].userId, SIGNNOW_IDS.adminUserId);
				assert.deepEqual(first[0].payload, { ...one.payload, meta: { ...one.payload.meta, access_token: '***' } }, 'the payload, its access_token masked');

				// the encoding of X-SignNow-Signature is unconfirmed: base64 verifies as well as hex
				const created = await m.deliverEvent({ subscriptionId: subs.find((s) => s.event === 'user.document.create').id, documentId: 'e2e-doc-2', encoding: 'base64' });
				assert.equal(created.status, 200, created.text);

				const refused = [
					await m.deliverEvent({ documentId: 'e2e-forged', secret: 'not-the-secret-key' }),
					await m.deliverEvent({ documentId: 'e2e-unsigned', secret: null }),
					await m.deliverEvent({ documentId: 'e2e-stale', timestamp: now() - 8 * 86400 }),
				];
				assert.deepEqual(refused.map((r) => r.status), [401, 401, 401], refused.map((r) => r.text).join(' | '));
				const repeat = await m.deliverEvent({ payload: one.payload });
				assert.equal(repeat.status, 200);
				assert.match(repeat.json.message, /Already received/);

				// a restart between two deliveries of the same event: the subscriptions stay (nothing created or deleted)
				// and the node still remembers the event (static data in n8n's database)
				const requestsBefore = m.requests.length;
				await ctx.restartServer();
				let again;
				await eventually(async () => (again = await m.deliverEvent({ payload: one.payload })).status !== 404, 'the trigger is active again');
				assert.equal(again.status, 200, again.text);
				assert.match(String(again.json?.message), /Already received/, `after the restart: ${again.text}`);
				const three = await m.deliverEvent({ documentId: 'e2e-doc-3' });
				assert.equal(three.status, 200, three.text);

				assert.deepEqual(m.subscriptions().map((s) => s.id).sort(), ids, 'the same subscriptions after the restart');
				const onRestart = m.requests.slice(requestsBefore).filter((r) => r.path !== '/oauth2/token');
				assert.deepEqual(onRestart.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`), [], 'the restart changed nothing at SignNow');

				await waitForExecutions(ctx, 'SignNow Trigger', 3);
				await sleep(500);
				const stored = executions(ctx, 'SignNow Trigger');
				assert.deepEqual(
					stored.map((items) => items && [items[0].eventType, items[0].documentId]),
					[['user.document.complete', 'e2e-doc-1'], ['user.document.create', 'e2e-doc-2'], ['user.document.complete', 'e2e-doc-3']],
					'one execution per genuine event, none for the refused or repeated deliveries, before or after the restart',
				);
				assert.ok(!JSON.stringify(stored).includes(secretKey), 'the secret key is in no execution');

				await ctx.rest.post(`/rest/workflows/${ctx.workflows.main}/deactivate`, {});
				await eventually(() => m.subscriptions().length === 0, 'deactivation removed the event subscriptions');
				const body = JSON.stringify(one.payload);
				await eventually(
					async () => (await deliver(url, { body, headers: sign.signNow(body, secretKey) })).status === 404,
					'the production URL is gone after deactivation',
				);
			},
		},
		{
			name: 'pandadoc trigger › webhook subscription created on start, signed array deliveries (one execution each, one item per event), forged and repeated ones (none), a repeat after an n8n restart (none), deactivation deletes it',
			timeoutMs: 300000,
			mock: () => startPandaDocMock({ apiKey: PANDADOC_KEY }),
			credentials: ({ mock: m }) => ({ pandaDocApi: { apiKey: PANDADOC_KEY, keyType: 'production', baseUrl: m.url } }),
			workflow: (ctx) => {
				const { webhookId, workflow } = triggerWorkflow(
					'pandaDocTrigger',
					'PandaDoc Trigger',
					{ authentication: 'apiKey', triggers: ['document_state_changed', 'recipient_completed'], payload: ['metadata'], verification: 'sharedKey' },
					{ pandaDocApi: ctx.credential('pandaDocApi') },
				);
				ctx.webhookId = webhookId;
				return workflow;
			},
			async cli(ctx) {
				await ctx.session.publish(ctx.workflows.main);
			},
			async server(ctx) {
				const { assert, mock: m } = ctx;
				const url = productionUrl(ctx);

				// n8n registered the trigger when it started (activation completes a moment after n8n reports ready)
				await eventually(() => m.webhookSubscriptions().length > 0, 'n8n created the PandaDoc webhook subscription');
				const subs = [...m.webhookSubscriptions()]; // a copy: the mock's list empties on deactivation
				assert.equal(subs.length, 1, 'one subscription');
				const [sub] = subs;
				assert.equal(sub.url, url, 'sending to the production webhook URL');
				assert.deepEqual([sub.triggers, sub.payload, sub.status], [['document_state_changed', 'recipient_completed'], ['metadata'], 'ACTIVE']);
				const sharedKey = sub.shared_key;

				const events = [
					m.webhookEvent({ documentId: 'e2e-doc-1', status: 'document.completed' }),
					m.webhookEvent({ event: 'recipient_completed', documentId: 'e2e-doc-2' }),
				];
				const one = await m.deliverWebhook({ events, eventId: 'e2e-ev-1' });
				assert.equal(one.status, 200, one.text);
				assert.equal(one.text, '', 'an accepted delivery gets an empty 200');
				const [first] = await waitForExecutions(ctx, 'PandaDoc Trigger', 1);
				assert.deepEqual(first.map((i) => [i.eventType, i.documentId, i.createdById]), [
					['document_state_changed', 'e2e-doc-1', PANDADOC_IDS.adminUserId],
					['recipient_completed', 'e2e-doc-2', PANDADOC_IDS.adminUserId],
				], 'one item per event of the array');
				assert.deepEqual(first.map((i) => i.payload), events);

				// n8n's rawBody: a pretty-printed body with CRLF and an escaped character verifies
				const pretty = [m.webhookEvent({ documentId: 'e2e-doc-3', name: 'Zoë' })];
				const rawBody = `${JSON.stringify(pretty, null, 2).replace(/\n/g, '\r\n').replace('Zoë', 'Zo\\u00eb')}\r\n`;
				const two = await m.deliverWebhook({ events: pretty, rawBody, eventId: 'e2e-ev-2' });
				assert.equal(two.status, 200, two.text);

				const refused = [
					await m.deliverWebhook({ documentId: 'e2e-forged', sharedKey: 'not-the-shared-key' }),
					await m.deliverWebhook({ documentId: 'e2e-unsigned', sharedKey: null }),
				];
				assert.deepEqual(refused.map((r) => r.status), [401, 401], refused.map((r) => r.text).join(' | '));
				const repeat = await m.deliverWebhook({ rawBody: one.rawBody, eventId: 'e2e-ev-1' });
				assert.equal(repeat.status, 200);
				assert.match(repeat.json.message, /Already received/);

				// a restart between two deliveries of the same event: the subscription stays (nothing created or deleted)
				// and the node still remembers the event (static data in n8n's database)
				const requestsBefore = m.requests.length;
				await ctx.restartServer();
				let again;
				await eventually(async () => (again = await m.deliverWebhook({ rawBody: one.rawBody, eventId: 'e2e-ev-1' })).status !== 404, 'the trigger is active again');
				assert.equal(again.status, 200, again.text);
				assert.match(String(again.json?.message), /Already received/, `after the restart: ${again.text}`);
				const three = await m.deliverWebhook({ documentId: 'e2e-doc-4', eventId: 'e2e-ev-3' });
				assert.equal(three.status, 200, three.text);

				assert.deepEqual(m.webhookSubscriptions().map((s) => s.uuid), [sub.uuid], 'the same subscription after the restart');
				const onRestart = m.requests.slice(requestsBefore);
				assert.deepEqual(onRestart.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`), [], 'the restart changed nothing at PandaDoc');

				await waitForExecutions(ctx, 'PandaDoc Trigger', 3);
				await sleep(500);
				const stored = executions(ctx, 'PandaDoc Trigger');
				assert.deepEqual(
					stored.map((items) => items && items.map((i) => i.documentId)),
					[['e2e-doc-1', 'e2e-doc-2'], ['e2e-doc-3'], ['e2e-doc-4']],
					'one execution per genuine delivery, none for the refused or repeated ones, before or after the restart',
				);
				assert.ok(!JSON.stringify(stored).includes(sharedKey), 'the shared key is in no execution');

				await ctx.rest.post(`/rest/workflows/${ctx.workflows.main}/deactivate`, {});
				await eventually(() => m.webhookSubscriptions().length === 0, 'deactivation deleted the webhook subscription');
				assert.ok(m.requests.some((r) => r.method === 'DELETE' && r.path === `/public/v1/webhook-subscriptions/${sub.uuid}`), 'DELETE of its uuid');
				const body = JSON.stringify(events);
				await eventually(
					async () => (await deliver(url, { body, query: { signature: sign.pandaDoc(body, sharedKey) } })).status === 404,
					'the production URL is gone after deactivation',
				);
			},
		},
	],
};
