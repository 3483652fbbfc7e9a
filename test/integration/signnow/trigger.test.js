'use strict';
// SignNow Trigger through n8n-core's hook and webhook contexts, over real HTTP against the SignNow mock: the event
// subscriptions it registers (../shared/reference/vendor-apis.md §2.5, family A `/api/v2/events`), the secret key it
// generates, the deliveries the mock signs with it (X-SignNow-Signature, UNCONFIRMED: hex or base64), and what
// deactivation removes.

const { startSignNowMock, SIGNNOW_IDS } = require('../../mocks/signnow');
const { deliver, hmac, sign } = require('../../mocks/webhooks');
const { startTrigger } = require('../../helpers/trigger-harness');
const { passwordCredential } = require('./setup');

const ADA = SIGNNOW_IDS.adminUserId;
const DOC = 'd0c0000000000000000000000000000000000001';

let mock;
const triggers = [];
beforeAll(async () => {
	mock = await startSignNowMock();
});
beforeEach(() => {
	mock.reset();
	Object.assign(mock, { eventsAuth: 'both', eventCreateAnswer: 'empty', listSecretKeys: true, signatureEncoding: 'hex' });
});
afterEach(async () => {
	await Promise.all(triggers.splice(0).map((t) => t.close()));
});
afterAll(async () => mock.close());

const PARAMS = { authentication: 'password', watch: 'user', events: ['user.document.complete', 'user.document.create'], verification: 'secretKey' };

async function trigger(parameters = {}, credentials = { signNowApi: passwordCredential(mock) }) {
	const t = await startTrigger({ type: 'signNowTrigger', parameters: { ...PARAMS, ...parameters }, credentials, workflowName: 'Contracts' });
	triggers.push(t);
	return t;
}
const registration = (t) => t.staticData['node:Trigger'] ?? {};
const events = (method, id = '') => mock.requests.filter((r) => r.method === method && r.path === `/api/v2/events${id ? `/${id}` : ''}`);
const subscriptionsOf = (url) => mock.subscriptions().filter((s) => s.attributes.callback === url);

describe('SignNow Trigger: registration', () => {
	test('publishing reads the credential’s user and creates one subscription per event (POST /api/v2/events, secret_key at the top level)', async () => {
		const t = await trigger();
		expect(await t.activate()).toBe(false);
		const secretKey = registration(t).secretKey;
		expect(secretKey).toMatch(/^[0-9a-f]{64}$/);
		expect(events('POST').map((r) => r.body)).toEqual(
			['user.document.complete', 'user.document.create'].map((event) => ({
				event,
				entity_id: ADA,
				action: 'callback',
				attributes: { callback: t.url, use_tls_12: true },
				secret_key: secretKey,
			})),
		);
		expect(events('POST').every((r) => /^Bearer /.test(r.headers.authorization))).toBe(true);
		const subs = mock.subscriptions();
		expect(registration(t)).toEqual(
			expect.objectContaining({
				subscriptions: subs.map((s) => ({ event: s.event, id: s.id })),
				scope: 'user',
				entityId: ADA,
			}),
		);
		// SignNow answered {} (fixture): the ids came from the list, read with the app's Basic token first
		expect(events('GET')).toHaveLength(2);
		expect(events('GET').every((r) => /^Basic /.test(r.headers.authorization))).toBe(true);
	});

	test('publishing again (an n8n restart) finds its subscriptions by callback URL and creates nothing', async () => {
		const t = await trigger();
		await t.activate();
		mock.requests.length = 0;
		expect(await t.activate()).toBe(true);
		expect(events('POST')).toHaveLength(0);
		expect(events('DELETE', mock.subscriptions()[0].id)).toHaveLength(0);
		expect(mock.subscriptions()).toHaveLength(2);
	});

	test('a subscription removed in SignNow is re-created; left-over ones for this URL are replaced, not doubled', async () => {
		const t = await trigger();
		await t.activate();
		mock.state.subscriptions.splice(0, 1);
		expect(await t.activate()).toBe(false);
		expect(subscriptionsOf(t.url).map((s) => s.event).sort()).toEqual(['user.document.complete', 'user.document.create']);
		const before = mock.subscriptions().map((s) => s.id);
		t.staticData = {};
		expect(await t.activate()).toBe(false);
		expect(mock.subscriptions()).toHaveLength(2);
		expect(mock.subscriptions().map((s) => s.id)).not.toEqual(expect.arrayContaining(before));
	});

	test('changed events make checkExists false; the new subscriptions replace the old ones', async () => {
		const t = await trigger();
		await t.activate();
		t.node.parameters.events = ['document.fieldinvite.sent'];
		expect(await t.activate()).toBe(false);
		expect(mock.subscriptions().map((s) => s.event)).toEqual(['document.fieldinvite.sent']);
	});

	test('a subscription given another secret_key in SignNow is replaced, so deliveries stay verifiable', async () => {
		const t = await trigger();
		await t.activate();
		mock.subscriptions()[0].secretKey = 'changed-in-signnow';
		expect(await t.activate()).toBe(false);
		expect(mock.subscriptions().map((s) => s.secretKey)).toEqual([registration(t).secretKey, registration(t).secretKey]);
	});

	test('a list without secret_key (the field is optional) still counts as existing', async () => {
		mock.listSecretKeys = false;
		const t = await trigger();
		await t.activate();
		expect(await t.activate()).toBe(true);
	});

	test('SignNow answering {id} to the create: the ids come from the answers, no list is read', async () => {
		mock.eventCreateAnswer = 'id';
		const t = await trigger();
		await t.activate();
		expect(registration(t).subscriptions.map((s) => s.id)).toEqual(mock.subscriptions().map((s) => s.id));
		expect(events('GET')).toHaveLength(1); // only the left-over check before creating
	});

	test('One Document: entity_id is the document ID; without one, publishing fails before anything is created', async () => {
		const t = await trigger({ watch: 'document', documentId: ` ${DOC} `, events: ['document.fieldinvite.sent'] });
		await t.activate();
		expect(events('POST')[0].body.entity_id).toBe(DOC);
		expect(registration(t)).toEqual(expect.objectContaining({ scope: 'document', entityId: DOC }));
		expect(mock.requests.filter((r) => r.path === '/user')).toHaveLength(0);
		t.node.parameters.documentId = 'd0c0000000000000000000000000000000000002';
		expect(await t.activate()).toBe(false);
		expect(mock.subscriptions().map((s) => s.entityId)).toEqual(['d0c0000000000000000000000000000000000002']);
		mock.reset();
		const empty = await trigger({ watch: 'document', documentId: '' });
		await expect(empty.activate()).rejects.toThrow('Enter the ID of the document to watch');
		expect(mock.requests).toHaveLength(0);
	});

	test('Other Event Names are subscribed too, each once; no event at all fails before anything is created', async () => {
		const t = await trigger({ events: ['user.document.complete'], options: { otherEvents: 'user.document.fieldinvite.signed, user.document.complete' } });
		await t.activate();
		expect(mock.subscriptions().map((s) => s.event)).toEqual(['user.document.complete', 'user.document.fieldinvite.signed']);
		mock.reset();
		const none = await trigger({ events: [] });
		await expect(none.activate()).rejects.toThrow('Choose at least one event');
		expect(events('POST')).toHaveLength(0);
	});

	test('None (Unverified): subscribed without a secret_key, and nothing generated', async () => {
		const t = await trigger({ verification: 'none' });
		await t.activate();
		expect(events('POST').map((r) => r.body.secret_key)).toEqual([undefined, undefined]);
		expect(registration(t).secretKey).toBeUndefined();
		expect(await t.activate()).toBe(true);
		t.node.parameters.verification = 'secretKey';
		expect(await t.activate()).toBe(false);
		expect(mock.subscriptions().every((s) => s.secretKey === registration(t).secretKey)).toBe(true);
	});

	test('a second event SignNow refuses: the first subscription is removed again and SignNow’s message is reported', async () => {
		const t = await trigger({ events: ['user.document.complete'], options: { otherEvents: 'Not An Event' } });
		const error = await t.activate().catch((e) => e);
		expect(error.message).toMatch(/SignNow returned 400: "event" is not a valid event name/);
		expect(mock.subscriptions()).toHaveLength(0);
		expect(registration(t).subscriptions).toBeUndefined();
		expect(registration(t).secretKey).toBeUndefined();
	});

	test('a failed create whose clean-up fails too says so and what to delete', async () => {
		const t = await trigger();
		mock.failNext({ status: 500, match: (r) => r.method === 'POST' && events('POST').length === 2 });
		mock.failNext({ status: 400, count: 10, match: (r) => r.method === 'GET' && r.path === '/api/v2/events' && events('POST').length === 2 });
		const error = await t.activate().catch((e) => e);
		expect(error.message).toMatch(/SignNow returned 500/);
		expect(error.description).toMatch(/could not be removed either .*delete the subscriptions of this workflow's URL in SignNow/);
	});

	test('SignNow not listing what it created: the created subscriptions are removed and publishing fails', async () => {
		const t = await trigger();
		let posts = 0;
		mock.failNext({ status: 200, body: { data: [] }, count: 1, match: (r) => r.method === 'GET' && r.path === '/api/v2/events' && (posts = events('POST').length) === 2 });
		const error = await t.activate().catch((e) => e);
		expect(posts).toBe(2);
		expect(error.message).toBe('SignNow does not list the subscription it created for user.document.complete, user.document.create');
		expect(mock.subscriptions()).toHaveLength(0);
	});

	test('an error while checking is reported, never swallowed', async () => {
		const t = await trigger();
		await t.activate();
		mock.failNext({ status: 400, count: 10, match: (r) => r.path === '/api/v2/events' });
		await expect(t.activate()).rejects.toThrow(/SignNow returned 400/);
	});

	test('GET and DELETE refused with Basic (eventsAuth bearer): the node sends the token instead; Basic only works too', async () => {
		mock.eventsAuth = 'bearer';
		const t = await trigger();
		await t.activate();
		expect(mock.subscriptions()).toHaveLength(2);
		expect(await t.activate()).toBe(true);
		await t.deactivate();
		expect(mock.subscriptions()).toHaveLength(0);
		expect(mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.headers.authorization.split(' ')[0])).toEqual(['Bearer', 'Bearer']);
		mock.reset();
		mock.eventsAuth = 'basic';
		const u = await trigger();
		await u.activate();
		await u.deactivate();
		expect(mock.subscriptions()).toHaveLength(0);
	});

	test('subscriptions of other URLs (another workflow, another app) are never touched', async () => {
		const other = await trigger();
		await other.activate();
		const t = await trigger();
		await t.activate();
		await t.deactivate();
		expect(mock.subscriptions().map((s) => s.attributes.callback)).toEqual([other.url, other.url]);
	});

	test('the OAuth2 credential works the same way', async () => {
		const t = await trigger(
			{ authentication: 'oAuth2' },
			{
				signNowOAuth2Api: {
					environment: 'custom', baseUrl: mock.url, customAuthUrl: `${mock.url}/authorize`, clientId: mock.clientId, clientSecret: mock.clientSecret,
					oauthTokenData: mock.issueCodeGrantTokens(),
				},
			},
		);
		await t.activate();
		expect(mock.subscriptions().map((s) => s.entityId)).toEqual([ADA, ADA]);
		expect((await mock.deliverEvent({})).status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});
});

describe('SignNow Trigger: deliveries', () => {
	test('a signed event starts one execution with the event type, document and user ids and the full payload (access_token masked)', async () => {
		const t = await trigger();
		await t.activate();
		const at = Math.floor(Date.now() / 1000) - 5;
		const res = await mock.deliverEvent({ documentId: DOC, timestamp: at, documentName: 'NDA.pdf' });
		expect([res.status, res.text]).toEqual([200, '']);
		expect(t.executions).toHaveLength(1);
		expect(t.executions[0]).toEqual([
			{
				vendor: 'signnow',
				eventType: 'user.document.complete',
				eventId: `user.document.complete|${at}|${DOC}|${ADA}|${ADA}|`,
				documentId: DOC,
				userId: ADA,
				initiatorId: ADA,
				viewerUserUniqueId: null,
				occurredAt: new Date(at * 1000).toISOString(),
				payload: { ...res.payload, meta: { ...res.payload.meta, access_token: '***' } },
			},
		]);
	});

	test('a base64 signature is accepted as well (the encoding is unconfirmed)', async () => {
		const t = await trigger();
		await t.activate();
		mock.signatureEncoding = 'base64';
		expect((await mock.deliverEvent({})).status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('forged, unsigned, signed with another key, truncated, or in neither encoding: 401 and no execution', async () => {
		const t = await trigger();
		await t.activate();
		const payload = mock.eventPayload(undefined, {});
		const raw = JSON.stringify(payload);
		const good = hmac(registration(t).secretKey, raw);
		const answers = [
			await mock.deliverEvent({ payload, secret: 'forged-key' }),
			await mock.deliverEvent({ payload, secret: null }),
			await mock.deliverEvent({ payload, secret: null, headers: { 'X-SignNow-Signature': good.toString('hex').slice(0, 40) } }),
			await mock.deliverEvent({ payload, secret: null, headers: { 'X-SignNow-Signature': good.toString('base64url') } }),
			await mock.deliverEvent({ payload, secret: null, headers: { 'X-Signature': good.toString('hex') } }),
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
		const payload = mock.eventPayload(undefined, { documentName: 'Zoë.pdf' });
		const rawBody = `${JSON.stringify(payload, null, 4).replace(/\n/g, '\r\n').replace('Zoë', 'Zo\\u00eb')}\r\n`;
		const res = await mock.deliverEvent({ payload, rawBody });
		expect(res.status).toBe(200);
		expect(t.executions[0][0].payload.content.document_name).toBe('Zoë.pdf');
	});

	test('a repeat of the same event (SignNow retrying) gets 200 and starts nothing, also after a restart', async () => {
		const t = await trigger();
		await t.activate();
		const first = await mock.deliverEvent({ documentId: DOC });
		const again = await mock.deliverEvent({ payload: first.payload });
		expect([first.status, again.status, again.json.message]).toEqual([200, 200, expect.stringMatching(/Already received/)]);
		expect(await t.activate()).toBe(true); // as n8n does on a restart: the registration and static data stay
		const afterRestart = await mock.deliverEvent({ payload: first.payload });
		expect([afterRestart.status, afterRestart.json.message]).toEqual([200, expect.stringMatching(/Already received/)]);
		expect(t.executions).toHaveLength(1);
	});

	test('two copies of one delivery arriving at the same moment start one execution', async () => {
		const t = await trigger();
		await t.activate();
		const payload = mock.eventPayload(undefined, {});
		const answers = await Promise.all([mock.deliverEvent({ payload }), mock.deliverEvent({ payload })]);
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		expect(t.executions).toHaveLength(1);
	});

	test('a node that lost its secret key refuses every delivery (no usable key) instead of accepting them', async () => {
		const t = await trigger();
		await t.activate();
		delete t.staticData['node:Trigger'].secretKey;
		const res = await mock.deliverEvent({});
		expect([res.status, res.json.reason, t.executions.length]).toEqual([401, 'no-key', 0]);
	});

	test('a signed body that is not a SignNow event gets 400 and starts nothing', async () => {
		const t = await trigger();
		await t.activate();
		const res = await mock.deliverEvent({ rawBody: '{"hello":"world"}' });
		expect([res.status, t.executions.length]).toEqual([400, 0]);
	});

	test('only the chosen event types are output: another one (a subscription edited in SignNow) gets 200 and starts nothing', async () => {
		const t = await trigger({ events: ['user.document.complete'] });
		await t.activate();
		const res = await mock.deliverEvent({ event: 'user.document.delete' });
		expect([res.status, res.json.message, t.executions.length]).toEqual([200, expect.stringMatching(/not chosen/), 0]);
		expect((await mock.deliverEvent({ event: 'user.document.complete' })).status).toBe(200);
		expect(t.executions.map((e) => e[0].eventType)).toEqual(['user.document.complete']);
	});

	test('an event older than 7 days is refused (its id may be forgotten)', async () => {
		const t = await trigger();
		await t.activate();
		const res = await mock.deliverEvent({ timestamp: Math.floor(Date.now() / 1000) - 8 * 86400 });
		expect([res.status, res.json.reason, t.executions.length]).toEqual([401, 'too-old', 0]);
	});

	test('None (Unverified): an unsigned delivery is accepted, and repeats are still caught', async () => {
		const t = await trigger({ verification: 'none' });
		await t.activate();
		const first = await mock.deliverEvent({});
		const again = await mock.deliverEvent({ payload: first.payload });
		expect([first.status, again.status]).toEqual([200, 200]);
		expect(t.executions).toHaveLength(1);
	});

	test('no secret key, token or password in any answer or output', async () => {
		const t = await trigger();
		await t.activate();
		const answers = [await mock.deliverEvent({}), await mock.deliverEvent({ secret: 'x' }), await mock.deliverEvent({ rawBody: '[]' })];
		const visible = JSON.stringify([answers.map((a) => a.text), t.executions]);
		const tokens = mock.issuedTokens.flatMap((x) => [x.access_token, x.refresh_token]);
		for (const secret of [registration(t).secretKey, mock.adminPassword, mock.clientSecret, mock.basicToken, ...tokens]) expect(visible).not.toContain(secret);
		expect(visible).not.toContain(answers[0].payload.meta.access_token);
	});
});

describe('SignNow Trigger: deactivation', () => {
	test('unpublishing removes every subscription it made; the URL answers 404 after', async () => {
		const t = await trigger();
		await t.activate();
		const ids = mock.subscriptions().map((s) => s.id);
		await t.deactivate();
		expect(mock.subscriptions()).toHaveLength(0);
		expect(mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.path).sort()).toEqual(ids.map((id) => `/api/v2/events/${id}`).sort());
		expect(registration(t).subscriptions).toBeUndefined();
		expect(registration(t).secretKey).toBeUndefined();
		const body = JSON.stringify({ meta: { event: 'user.document.complete', timestamp: 1 }, content: {} });
		expect((await deliver(t.url, { body, headers: sign.signNow(body, 'x') })).status).toBe(404);
	});

	test('subscriptions already removed in SignNow (404) are fine', async () => {
		const t = await trigger();
		await t.activate();
		const stored = registration(t).subscriptions;
		mock.state.subscriptions.length = 0;
		await expect(t.deactivate()).resolves.toBe(true);
		expect(mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(stored.map((s) => `/api/v2/events/${s.id}`));
	});

	test('a failed delete that is not a 404 is reported, and the node keeps what it registered', async () => {
		const t = await trigger();
		await t.activate();
		mock.failNext({ status: 403, count: 10, match: (r) => r.method === 'DELETE' });
		await expect(t.deactivate()).rejects.toThrow(/SignNow returned 403/);
		expect(mock.subscriptions()).toHaveLength(2);
		expect(registration(t).subscriptions).toHaveLength(2);
		expect(registration(t).secretKey).toBeDefined();
	});

	test('a failed list on unpublishing is reported too', async () => {
		const t = await trigger();
		await t.activate();
		mock.failNext({ status: 400, count: 10, match: (r) => r.method === 'GET' && r.path === '/api/v2/events' });
		await expect(t.deactivate()).rejects.toThrow(/SignNow returned 400/);
		expect(registration(t).subscriptions).toHaveLength(2);
	});

	test('every subscription of this URL is removed, not only the registered ones', async () => {
		const t = await trigger();
		await t.activate();
		mock.state.subscriptions.push({ ...mock.subscriptions()[0], id: 'e'.repeat(40) });
		await t.deactivate();
		expect(mock.subscriptions()).toHaveLength(0);
	});
});
