'use strict';
// BoldSign Trigger through n8n-core's webhook and hook contexts, over real HTTP: the BoldSign mock delivers
// signed events (../shared/reference/vendor-apis.md §3.5) to the node's production URL.

const { startBoldSignMock } = require('../mocks/boldsign');
const { startTrigger } = require('../helpers/trigger-harness');

const SECRET = 'bs-webhook-secret-0123456789';

let mock;
beforeAll(async () => {
	mock = await startBoldSignMock({ webhookSecret: SECRET });
});
afterAll(async () => {
	await mock.close();
});

const triggers = [];
afterEach(async () => {
	await Promise.all(triggers.splice(0).map((t) => t.close()));
});

async function trigger(parameters = {}, credentials = { boldSignWebhookApi: { signingSecret: SECRET } }) {
	const t = await startTrigger({ type: 'boldSignTrigger', parameters, credentials });
	triggers.push(t);
	await t.activate();
	return t;
}

describe('BoldSign Trigger: verification', () => {
	test('a signed event starts one execution with the event type, ids and full payload', async () => {
		const t = await trigger();
		const res = await mock.deliverWebhook(t.url, { eventType: 'Completed', documentId: 'doc-1' });
		expect(res.status).toBe(200);
		expect(t.executions).toHaveLength(1);
		const [item] = t.executions[0];
		expect(item).toMatchObject({
			vendor: 'boldsign',
			eventType: 'Completed',
			eventId: res.payload.event.id,
			documentId: 'doc-1',
			actorId: res.payload.context.actor.id,
			actorType: 'Sender',
			objectType: 'document',
			templateId: null,
			environment: 'Test',
			occurredAt: new Date(res.payload.event.created * 1000).toISOString(),
		});
		expect(res.text).toBe('');
		expect(item.payload).toEqual(res.payload);
	});

	test('the Verification ping gets 200 and starts nothing', async () => {
		const t = await trigger();
		const res = await mock.deliverVerification(t.url);
		expect(res.status).toBe(200);
		expect(t.executions).toHaveLength(0);
	});

	test('forged, stale, future, unsigned and truncated deliveries get 401 and start nothing', async () => {
		const t = await trigger();
		const now = Math.floor(Date.now() / 1000);
		const forged = await mock.deliverWebhook(t.url, { secrets: ['a-guessed-secret'] });
		const stale = await mock.deliverWebhook(t.url, { t: now - 400 });
		const future = await mock.deliverWebhook(t.url, { t: now + 400 });
		const unsigned = await mock.deliverWebhook(t.url, { secrets: [] });
		const good = mock.webhookEvent();
		const body = JSON.stringify(good);
		const { sign } = require('../mocks/webhooks');
		const header = sign.boldSign(body, [SECRET])['X-BoldSign-Signature'];
		const truncated = await mock.deliverWebhook(t.url, { payload: good, rawBody: body, headers: { 'X-BoldSign-Signature': header.slice(0, -2) } });
		expect([forged, stale, future, unsigned, truncated].map((r) => [r.status, r.json?.reason])).toEqual([
			[401, 'mismatch'],
			[401, 'stale'],
			[401, 'future'],
			[401, 'unsigned'],
			[401, 'mismatch'],
		]);
		expect(t.executions).toHaveLength(0);
	});

	test('a rolled secret: s0 signed with the new secret, s1 with the node’s, is accepted', async () => {
		const t = await trigger();
		const res = await mock.deliverWebhook(t.url, { secrets: ['the-new-secret', SECRET] });
		expect(res.status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('the signature is checked over the bytes as received (pretty-printed, CRLF, escaped unicode)', async () => {
		const t = await trigger();
		const event = mock.webhookEvent({ data: { object: 'document', documentId: 'doc-ü', messageTitle: 'Zoë' } });
		const rawBody = `${JSON.stringify(event, null, 2).replace(/\n/g, '\r\n').replace('Zoë', 'Zo\\u00eb')}\r\n`;
		const res = await mock.deliverWebhook(t.url, { payload: event, rawBody });
		expect(res.status).toBe(200);
		expect(t.executions[0][0].documentId).toBe('doc-ü');
	});

	test('a repeated event id gets 200 and starts nothing, even re-signed later', async () => {
		const t = await trigger();
		const first = await mock.deliverWebhook(t.url, { id: 'evt-repeat' });
		const again = await mock.deliverWebhook(t.url, { id: 'evt-repeat', t: Math.floor(Date.now() / 1000) + 20 });
		expect([first.status, again.status]).toEqual([200, 200]);
		expect(again.json.message).toMatch(/Already received/);
		expect(t.executions).toHaveLength(1);
		expect(t.staticData['node:Trigger'].seenDeliveries).toHaveLength(1);
	});

	test('the ids are kept by the execution in static data: a new process (no memory) with the stored data still sees a repeat', async () => {
		const t = await trigger();
		await mock.deliverWebhook(t.url, { id: 'evt-restart' });
		expect(JSON.stringify(t.executions)).not.toContain('__deliveryIds');
		const stored = JSON.parse(JSON.stringify(t.staticData));
		expect(stored['node:Trigger'].seenDeliveries).toHaveLength(1);
		// another node id: another in-process scope, as after an n8n restart; only the stored static data can know
		const restarted = await startTrigger({ type: 'boldSignTrigger', parameters: {}, credentials: { boldSignWebhookApi: { signingSecret: SECRET } } });
		triggers.push(restarted);
		restarted.staticData = stored;
		await restarted.activate();
		const again = await mock.deliverWebhook(restarted.url, { id: 'evt-restart' });
		expect([again.status, again.json.message]).toEqual([200, expect.stringMatching(/Already received/)]);
		expect(restarted.executions).toHaveLength(0);
		expect((await mock.deliverWebhook(restarted.url, { id: 'evt-after-restart' })).status).toBe(200);
		expect(restarted.executions).toHaveLength(1);
	});

	test('a forged delivery with a real event id does not make the real one a repeat', async () => {
		const t = await trigger();
		expect((await mock.deliverWebhook(t.url, { id: 'evt-target', secrets: ['forger'] })).status).toBe(401);
		expect((await mock.deliverWebhook(t.url, { id: 'evt-target' })).status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('Events: only chosen types start an execution; others get 200 and nothing', async () => {
		const t = await trigger({ events: ['Completed', 'Declined'] });
		const viewed = await mock.deliverWebhook(t.url, { eventType: 'Viewed' });
		const declined = await mock.deliverWebhook(t.url, { eventType: 'Declined' });
		expect([viewed.status, viewed.json.message]).toEqual([200, expect.stringMatching(/not chosen/)]);
		expect(declined.status).toBe(200);
		expect(t.executions.map((e) => e[0].eventType)).toEqual(['Declined']);
	});

	test('the secret never appears in an answer or an output', async () => {
		const t = await trigger();
		const answers = [await mock.deliverWebhook(t.url), await mock.deliverWebhook(t.url, { secrets: ['x'] })];
		expect(JSON.stringify([answers.map((a) => a.text), t.executions, t.staticData])).not.toContain(SECRET);
	});
});

describe('BoldSign Trigger: set-up', () => {
	test('with Signature Verification "None", an unsigned delivery is accepted (the editor warns)', async () => {
		const t = await trigger({ verification: 'none' }, {});
		const res = await mock.deliverWebhook(t.url, { secrets: [] });
		expect(res.status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('the editor says deliveries are unverified when Signature Verification is None, and only then', async () => {
		const { BoldSignTrigger } = require('../../dist/nodes/BoldSign/BoldSignTrigger.node');
		const { properties, credentials } = new BoldSignTrigger().description;
		const notice = properties.find((p) => p.name === 'unverifiedNotice');
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/unverified/);
		expect(notice.displayOptions).toEqual({ show: { verification: ['none'] } });
		expect(credentials[0].displayOptions).toEqual({ show: { verification: ['signingSecret'] } });
		expect(properties.find((p) => p.name === 'verification').default).toBe('signingSecret');
	});

	test('publishing with an empty signing secret fails at once instead of refusing every delivery', async () => {
		const t = await startTrigger({ type: 'boldSignTrigger', parameters: {}, credentials: { boldSignWebhookApi: { signingSecret: ' ' } } });
		triggers.push(t);
		await expect(t.activate()).rejects.toThrow('The BoldSign Webhook credential has no signing secret');
	});

	test('nothing is registered at BoldSign (no API): activation and deactivation send no request', async () => {
		mock.reset();
		const t = await trigger();
		await t.deactivate();
		expect(mock.requests).toHaveLength(0);
		expect((await mock.deliverWebhook(t.url)).status).toBe(404);
	});
});
