'use strict';
// PandaDoc Trigger through n8n-core's hook and webhook contexts, over real HTTP against the PandaDoc mock: the
// webhook subscription it registers (../shared/reference/vendor-apis.md §4.4: POST 201 Item with `shared_key`,
// DELETE 204), the deliveries the mock signs with that key (`?signature=` hex HMAC-SHA256 of the raw body, §5), one
// item per event of the array body, repeats by `X-PandaDoc-Webhook-Event-Id` and body digest, and deactivation.

const { startPandaDocMock, PANDADOC_IDS } = require('../../mocks/pandadoc');
const { deliver, hmac, sign } = require('../../mocks/webhooks');
const { startTrigger } = require('../../helpers/trigger-harness');

const API_KEY = 'pd-trigger-key-7d1f';
const PATH = '/public/v1/webhook-subscriptions';

let mock;
const triggers = [];
beforeAll(async () => {
	mock = await startPandaDocMock({ apiKey: API_KEY });
});
beforeEach(() => {
	mock.reset();
	Object.assign(mock, { webhookCreateAnswer: 'item', webhookHttpsOnly: false });
});
afterEach(async () => {
	await Promise.all(triggers.splice(0).map((t) => t.close()));
});
afterAll(async () => mock.close());

const PARAMS = { authentication: 'apiKey', triggers: ['document_state_changed', 'recipient_completed'], payload: ['metadata'], verification: 'sharedKey' };
const apiKeyCredential = () => ({ pandaDocApi: { apiKey: API_KEY, keyType: 'production', baseUrl: mock.url } });

async function trigger(parameters = {}, credentials = apiKeyCredential()) {
	const t = await startTrigger({ type: 'pandaDocTrigger', parameters: { ...PARAMS, ...parameters }, credentials, workflowName: 'Contracts' });
	triggers.push(t);
	return t;
}
const registration = (t) => t.staticData['node:Trigger'] ?? {};
const calls = (method, id) => mock.requests.filter((r) => r.method === method && r.path === (id ? `${PATH}/${id}` : PATH));
const subscriptions = () => mock.webhookSubscriptions();

describe('PandaDoc Trigger: registration', () => {
	test('publishing creates one subscription with the chosen triggers and payload options and stores its uuid and shared_key', async () => {
		const t = await trigger();
		expect(await t.activate()).toBe(false);
		expect(calls('POST').map((r) => r.body)).toEqual([
			{ name: 'n8n: Contracts', url: t.url, payload: ['metadata'], triggers: ['document_state_changed', 'recipient_completed'] },
		]);
		expect(calls('POST')[0].headers.authorization).toBe(`API-Key ${API_KEY}`);
		const [s] = subscriptions();
		expect(registration(t)).toEqual(expect.objectContaining({ subscriptionId: s.uuid, sharedKey: s.shared_key }));
		expect(s.status).toBe('ACTIVE');
	});

	test('publishing again (an n8n restart) finds the subscription and creates nothing', async () => {
		const t = await trigger();
		await t.activate();
		mock.requests.length = 0;
		expect(await t.activate()).toBe(true);
		expect(calls('POST')).toHaveLength(0);
		expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${PATH}/${subscriptions()[0].uuid}`]);
	});

	test('gone, deactivated by PandaDoc, re-pointed, other triggers or payload, or another shared key: the old one is deleted and one created again, never doubled', async () => {
		const t = await trigger();
		await t.activate();
		const changes = [
			() => mock.state.webhookSubscriptions.splice(0, 1),
			() => Object.assign(subscriptions()[0], { active: false, status: 'DEACTIVATED' }),
			() => (subscriptions()[0].url = 'https://elsewhere.example.com/hook'),
			() => (t.node.parameters.triggers = ['document_completed_pdf_ready']),
			() => (t.node.parameters.payload = ['fields', 'tokens']),
			() => (subscriptions()[0].shared_key = 'changed-in-pandadoc'),
		];
		for (const change of changes) {
			change();
			expect(await t.activate()).toBe(false);
			expect(subscriptions().filter((s) => s.url === t.url)).toHaveLength(1);
			expect(registration(t).sharedKey).toBe(subscriptions().find((s) => s.url === t.url).shared_key);
		}
		// each replaced one was deleted, the registered one re-pointed elsewhere too (it is the node's own)
		expect(subscriptions().map((s) => s.url)).toEqual([t.url]);
		// one DELETE per change: the first finds the subscription already gone (404), the other five remove the old one
		expect(mock.requests.filter((r) => r.method === 'DELETE')).toHaveLength(6);
		expect(subscriptions().find((s) => s.url === t.url)).toEqual(expect.objectContaining({ triggers: ['document_completed_pdf_ready'], payload: ['fields', 'tokens'] }));
	});

	test('a subscription left for this URL (static data lost) is deleted before the new one is created', async () => {
		const t = await trigger();
		await t.activate();
		const old = subscriptions()[0].uuid;
		t.staticData = {};
		expect(await t.activate()).toBe(false);
		expect(calls('DELETE', old)).toHaveLength(1);
		expect(subscriptions()).toHaveLength(1);
		expect(subscriptions()[0].uuid).not.toBe(old);
	});

	test('Other Triggers are subscribed too, each once; no trigger at all fails before anything is sent', async () => {
		const t = await trigger({ triggers: ['document_state_changed'], options: { otherTriggers: 'template_modified, document_state_changed' } });
		await t.activate();
		expect(subscriptions()[0].triggers).toEqual(['document_state_changed', 'template_modified']);
		mock.reset();
		const none = await trigger({ triggers: [] });
		await expect(none.activate()).rejects.toThrow('Choose at least one trigger');
		expect(mock.requests).toHaveLength(0);
	});

	test('a trigger PandaDoc refuses: its message is reported and nothing is stored', async () => {
		const t = await trigger({ options: { otherTriggers: 'member_added' } });
		const error = await t.activate().catch((e) => e);
		expect(error.message).toMatch(/PandaDoc returned 400.*"member_added" is not a valid choice/);
		expect(subscriptions()).toHaveLength(0);
		expect(registration(t).subscriptionId).toBeUndefined();
	});

	test('an answer without shared_key: the node asks for one (PATCH …/shared-key) and verifies with it', async () => {
		mock.webhookCreateAnswer = 'noSharedKey';
		const t = await trigger();
		await t.activate();
		const [s] = subscriptions();
		expect(mock.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`${PATH}/${s.uuid}/shared-key`]);
		expect(registration(t).sharedKey).toBe(s.shared_key);
		expect((await mock.deliverWebhook({})).status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('a failure after the create deletes the subscription again; a failed clean-up says what to delete', async () => {
		mock.webhookCreateAnswer = 'noSharedKey';
		const t = await trigger();
		mock.failNext({ status: 500, count: 10, match: (r) => r.method === 'PATCH' });
		const error = await t.activate().catch((e) => e);
		expect(error.message).toMatch(/PandaDoc returned 500/);
		expect(subscriptions()).toHaveLength(0);
		expect(registration(t).subscriptionId).toBeUndefined();

		mock.reset();
		mock.webhookCreateAnswer = 'noSharedKey';
		mock.failNext({ status: 500, count: 10, match: (r) => r.method === 'PATCH' });
		mock.failNext({ status: 403, count: 10, match: (r) => r.method === 'DELETE' });
		const both = await t.activate().catch((e) => e);
		expect(both.message).toMatch(/PandaDoc returned 500/);
		expect(both.description).toMatch(/could not be deleted either .*403.*delete the subscription of this workflow's URL in PandaDoc/);
	});

	test('an error while checking is reported, never swallowed', async () => {
		const t = await trigger();
		await t.activate();
		mock.failNext({ status: 403, count: 10, match: (r) => r.method === 'GET' });
		await expect(t.activate()).rejects.toThrow(/PandaDoc returned 403/);
	});

	test('None (Unverified): subscribed the same way, no key kept; switching back creates it again with a key', async () => {
		const t = await trigger({ verification: 'none' });
		await t.activate();
		expect(registration(t).subscriptionId).toBe(subscriptions()[0].uuid);
		expect(registration(t).sharedKey).toBeUndefined();
		expect(await t.activate()).toBe(true);
		t.node.parameters.verification = 'sharedKey';
		expect(await t.activate()).toBe(false);
		expect(registration(t).sharedKey).toBe(subscriptions()[0].shared_key);
		expect(subscriptions()).toHaveLength(1);
	});

	test('the OAuth2 credential works the same way (Bearer token)', async () => {
		const t = await trigger(
			{ authentication: 'oAuth2' },
			{
				pandaDocOAuth2Api: {
					grantType: 'authorizationCode', baseUrl: mock.url, authUrl: `${mock.url}/oauth2/authorize`, accessTokenUrl: `${mock.url}/oauth2/access_token`,
					clientId: mock.clientId, clientSecret: mock.clientSecret, scope: 'read write', authentication: 'body', oauthTokenData: mock.issueTokens(),
				},
			},
		);
		await t.activate();
		expect(calls('POST')[0].headers.authorization).toMatch(/^Bearer pd-access-/);
		expect((await mock.deliverWebhook({})).status).toBe(200);
		expect(t.executions).toHaveLength(1);
		await t.deactivate();
		expect(subscriptions()).toHaveLength(0);
	});
});

describe('PandaDoc Trigger: deliveries', () => {
	test('a signed delivery of several events starts one execution with one item per event: type, document and user ids, full payload', async () => {
		const t = await trigger();
		await t.activate();
		const events = [
			mock.webhookEvent({ documentId: 'doc-a', status: 'document.completed' }),
			mock.webhookEvent({ event: 'recipient_completed', documentId: 'doc-b', status: 'document.sent' }),
		];
		const res = await mock.deliverWebhook({ events, eventId: 'ev-100' });
		expect([res.status, res.text]).toEqual([200, '']);
		expect(t.executions).toHaveLength(1);
		expect(t.executions[0]).toEqual([
			{
				vendor: 'pandadoc', eventType: 'document_state_changed', eventId: 'ev-100#0', documentId: 'doc-a', templateId: 'tpl-0001', objectId: 'doc-a',
				status: 'document.completed', createdById: PANDADOC_IDS.adminUserId, occurredAt: null, payload: events[0],
			},
			{
				vendor: 'pandadoc', eventType: 'recipient_completed', eventId: 'ev-100#1', documentId: 'doc-b', templateId: 'tpl-0001', objectId: 'doc-b',
				status: 'document.sent', createdById: PANDADOC_IDS.adminUserId, occurredAt: null, payload: events[1],
			},
		]);
	});

	test('forged, unsigned, truncated, base64, or in an X-PD-Signature header (not official): 401 and no execution', async () => {
		const t = await trigger();
		await t.activate();
		const rawBody = JSON.stringify([mock.webhookEvent({})]);
		const good = hmac(registration(t).sharedKey, rawBody);
		const answers = [
			await mock.deliverWebhook({ rawBody, sharedKey: 'forged-key' }),
			await mock.deliverWebhook({ rawBody, sharedKey: null }),
			await mock.deliverWebhook({ rawBody, signature: good.toString('hex').slice(0, 40) }),
			await mock.deliverWebhook({ rawBody, signature: good.toString('base64') }),
			await mock.deliverWebhook({ rawBody, sharedKey: null, headers: { 'X-PD-Signature': good.toString('hex') } }),
		];
		expect(answers.map((a) => [a.status, a.json.reason])).toEqual([
			[401, 'mismatch'],
			[401, 'unsigned'],
			[401, 'mismatch'],
			[401, 'mismatch'],
			[401, 'unsigned'],
		]);
		expect(t.executions).toHaveLength(0);
	});

	test('the exact bytes are verified: a pretty-printed body with CRLF and an escaped character passes', async () => {
		const t = await trigger();
		await t.activate();
		const events = [mock.webhookEvent({ name: 'Zoë NDA' })];
		const rawBody = `${JSON.stringify(events, null, 4).replace(/\n/g, '\r\n').replace('Zoë', 'Zo\\u00eb')}\r\n`;
		const res = await mock.deliverWebhook({ events, rawBody });
		expect(res.status).toBe(200);
		expect(t.executions[0][0].payload.data.name).toBe('Zoë NDA');
	});

	test('a repeat (same X-PandaDoc-Webhook-Event-Id, or the same signed body under a new id) gets 200 and starts nothing, also after a restart', async () => {
		const t = await trigger();
		await t.activate();
		const first = await mock.deliverWebhook({ eventId: 'ev-1' });
		const sameId = await mock.deliverWebhook({ eventId: 'ev-1', events: [mock.webhookEvent({})] });
		const sameBody = await mock.deliverWebhook({ eventId: 'ev-replayed', rawBody: first.rawBody });
		expect([first.status, sameId.status, sameBody.status]).toEqual([200, 200, 200]);
		expect([sameId.json.message, sameBody.json.message]).toEqual([expect.stringMatching(/Already received/), expect.stringMatching(/Already received/)]);
		expect(await t.activate()).toBe(true); // as n8n does on a restart: the registration and static data stay
		const afterRestart = await mock.deliverWebhook({ eventId: 'ev-1', rawBody: first.rawBody });
		expect([afterRestart.status, afterRestart.json.message]).toEqual([200, expect.stringMatching(/Already received/)]);
		expect(t.executions).toHaveLength(1);
	});

	test('two copies of one delivery arriving at the same moment start one execution', async () => {
		const t = await trigger();
		await t.activate();
		const rawBody = JSON.stringify([mock.webhookEvent({})]);
		const answers = await Promise.all([mock.deliverWebhook({ rawBody, eventId: 'ev-2' }), mock.deliverWebhook({ rawBody, eventId: 'ev-2' })]);
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		expect(t.executions).toHaveLength(1);
	});

	test('only the chosen triggers are output: another type (a subscription edited in PandaDoc) is dropped; none left gets 200 and starts nothing', async () => {
		const t = await trigger({ triggers: ['document_state_changed'] });
		await t.activate();
		const other = await mock.deliverWebhook({ event: 'template_created' });
		expect([other.status, other.json.message, t.executions.length]).toEqual([200, expect.stringMatching(/not chosen/), 0]);
		const mixed = await mock.deliverWebhook({ events: [mock.webhookEvent({ event: 'document_deleted' }), mock.webhookEvent({ documentId: 'doc-kept' })] });
		expect(mixed.status).toBe(200);
		expect(t.executions.map((e) => e.map((i) => [i.eventType, i.documentId]))).toEqual([[['document_state_changed', 'doc-kept']]]);
	});

	test('a node that lost its shared key refuses every delivery (no usable key) instead of accepting them', async () => {
		const t = await trigger();
		await t.activate();
		delete t.staticData['node:Trigger'].sharedKey;
		const res = await mock.deliverWebhook({});
		expect([res.status, res.json.reason, t.executions.length]).toEqual([401, 'no-key', 0]);
	});

	test('a signed body that is not an array of {event, data} gets 400 and starts nothing', async () => {
		const t = await trigger();
		await t.activate();
		const answers = [await mock.deliverWebhook({ rawBody: '{"event":"document_state_changed"}' }), await mock.deliverWebhook({ rawBody: '[]' })];
		expect([answers.map((a) => a.status), t.executions.length]).toEqual([[400, 400], 0]);
	});

	test('None (Unverified): an unsigned delivery is accepted, and repeats are still caught', async () => {
		const t = await trigger({ verification: 'none' });
		await t.activate();
		const first = await mock.deliverWebhook({ sharedKey: null, eventId: 'ev-3' });
		const again = await mock.deliverWebhook({ sharedKey: null, eventId: 'ev-3', rawBody: first.rawBody });
		expect([first.status, again.status]).toEqual([200, 200]);
		expect(t.executions).toHaveLength(1);
	});

	test('no shared key or API key in any answer or output', async () => {
		const t = await trigger();
		await t.activate();
		const answers = [await mock.deliverWebhook({}), await mock.deliverWebhook({ sharedKey: 'x' }), await mock.deliverWebhook({ rawBody: '{}' })];
		const visible = JSON.stringify([answers.map((a) => a.text), t.executions]);
		for (const secret of [registration(t).sharedKey, API_KEY]) expect(visible).not.toContain(secret);
	});
});

describe('PandaDoc Trigger: deactivation', () => {
	test('unpublishing deletes the subscription (204) and forgets the key; the URL answers 404 after', async () => {
		const t = await trigger();
		await t.activate();
		const { uuid, shared_key: key } = subscriptions()[0];
		await t.deactivate();
		expect(subscriptions()).toHaveLength(0);
		expect(calls('DELETE', uuid)).toHaveLength(1);
		expect(registration(t).subscriptionId).toBeUndefined();
		expect(registration(t).sharedKey).toBeUndefined();
		const body = JSON.stringify([mock.webhookEvent({})]);
		expect((await deliver(t.url, { body, query: { signature: sign.pandaDoc(body, key) } })).status).toBe(404);
	});

	test('a subscription already deleted in PandaDoc (404) is fine', async () => {
		const t = await trigger();
		await t.activate();
		const { uuid } = subscriptions()[0];
		mock.state.webhookSubscriptions.length = 0;
		await expect(t.deactivate()).resolves.toBe(true);
		expect(calls('DELETE', uuid)).toHaveLength(1);
	});

	test('a failed delete that is not a 404 is reported, and the node keeps what it registered', async () => {
		const t = await trigger();
		await t.activate();
		mock.failNext({ status: 403, count: 10, match: (r) => r.method === 'DELETE' });
		await expect(t.deactivate()).rejects.toThrow(/PandaDoc returned 403/);
		expect(subscriptions()).toHaveLength(1);
		expect(registration(t).subscriptionId).toBe(subscriptions()[0].uuid);
		expect(registration(t).sharedKey).toBeDefined();
	});

	test('subscriptions of other URLs (another workflow) are never touched', async () => {
		const other = await trigger();
		await other.activate();
		const t = await trigger();
		await t.activate();
		await t.deactivate();
		expect(subscriptions().map((s) => s.url)).toEqual([other.url]);
	});
});
