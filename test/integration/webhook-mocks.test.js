'use strict';
// The mocks' webhook side, checked against the reference with a plain receiving server: what they sign and how
// (../shared/reference/vendor-apis.md §5), and the DocuSign Connect (§1.7) and SignNow event-subscription (§2.5)
// endpoints as test/mocks/README.md says.

const crypto = require('node:crypto');
const http = require('node:http');

const { startBoldSignMock } = require('../mocks/boldsign');
const { startDocuSignMock } = require('../mocks/docusign');
const { startSignNowMock } = require('../mocks/signnow');
const { sign, deliver } = require('../mocks/webhooks');

/** A server that records each request's raw bytes and headers and answers 200. */
async function receiver() {
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ url: req.url, headers: req.headers, raw: Buffer.concat(chunks) });
			res.end('{}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}/hook`, received, close: () => new Promise((r) => server.close(r)) };
}

const hmac = (key, ...parts) => parts.reduce((h, p) => h.update(p), crypto.createHmac('sha256', key)).digest();

describe('webhooks.js recipes (§5)', () => {
	const body = '{"a":1}';
	test('DocuSign: one base64 header per key', () => {
		expect(sign.docuSign(body, ['k1', 'k2'])).toEqual({
			'X-DocuSign-Signature-1': hmac('k1', body).toString('base64'),
			'X-DocuSign-Signature-2': hmac('k2', body).toString('base64'),
		});
	});
	test('BoldSign: t, s0 and s1 in hex over "t.body"', () => {
		expect(sign.boldSign(body, ['new', 'old'], 1700000000)).toEqual({
			'X-BoldSign-Signature': `t=1700000000, s0=${hmac('new', '1700000000.', body).toString('hex')}, s1=${hmac('old', '1700000000.', body).toString('hex')}`,
		});
	});
	test('PandaDoc hex; SignNow hex or base64', () => {
		expect(sign.pandaDoc(body, 'sk')).toBe(hmac('sk', body).toString('hex'));
		expect(sign.signNow(body, 'sn', 'base64')).toEqual({ 'X-SignNow-Signature': hmac('sn', body).toString('base64') });
	});
	test('deliver sends the exact bytes and a query', async () => {
		const r = await receiver();
		try {
			await deliver(r.url, { body: 'x\r\n', query: { signature: 'abc' } });
			expect(r.received[0].raw.toString()).toBe('x\r\n');
			expect(r.received[0].url).toBe('/hook?signature=abc');
		} finally {
			await r.close();
		}
	});
});

describe('BoldSign mock deliveries (§3.5)', () => {
	test('a delivery carries X-BoldSign-Event and a signature over "t.body" with the webhook secret', async () => {
		const [bs, r] = await Promise.all([startBoldSignMock({ webhookSecret: 'sec' }), receiver()]);
		try {
			const res = await bs.deliverWebhook(r.url, { eventType: 'Signed', id: 'e-1' });
			const got = r.received[0];
			const [, t, s0] = /^t=(\d+), s0=([0-9a-f]{64})$/.exec(got.headers['x-boldsign-signature']);
			expect(s0).toBe(hmac('sec', `${t}.`, got.raw).toString('hex'));
			expect(got.headers['x-boldsign-event']).toBe('Signed');
			expect(JSON.parse(got.raw)).toEqual(res.payload);
			expect(res.payload).toMatchObject({ event: { id: 'e-1', eventType: 'Signed' }, context: { actor: { userType: 'Sender' } }, data: { object: 'document' } });
			await bs.deliverVerification(r.url);
			expect(r.received[1].headers).toMatchObject({ 'x-boldsign-event': 'Verification' });
			expect(r.received[1].headers['x-boldsign-signature']).toBeUndefined();
			expect(bs.webhookDeliveries.map((d) => d.eventType)).toEqual(['Signed', 'Verification']);
		} finally {
			await Promise.all([bs.close(), r.close()]);
		}
	});
});

describe('DocuSign mock: eSignature Connect (§1.7)', () => {
	let ds;
	let auth;
	const acct = () => ds.ids.mainAccountId;
	const call = async (method, path, body) => {
		const res = await fetch(`${ds.url}/restapi/v2.1/accounts/${acct()}${path}`, {
			method,
			headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, json: text ? JSON.parse(text) : undefined };
	};
	beforeEach(async () => {
		ds = await startDocuSignMock();
		auth = ds.issueCodeGrantTokens().access_token;
	});
	afterEach(async () => ds.close());

	test('userinfo gives base_uri = the mock, where /restapi lives', async () => {
		const info = await (await fetch(`${ds.url}/oauth/userinfo`, { headers: { authorization: `Bearer ${auth}` } })).json();
		expect(info.accounts.map((a) => a.base_uri)).toEqual([ds.url, ds.url]);
	});

	test('configurations: booleans must be strings; create, list, get, delete, 404 after', async () => {
		const config = { urlToPublishTo: 'http://127.0.0.1:1/x', events: ['envelope-completed'], includeHMAC: 'true', deliveryMode: 'SIM' };
		expect((await call('POST', '/connect', { ...config, includeHMAC: true })).json.errorCode).toBe('INVALID_REQUEST_BODY');
		expect((await call('POST', '/connect', { ...config, events: ['Completed'] })).status).toBe(400);
		const created = await call('POST', '/connect', config);
		expect(created).toEqual({ status: 200, json: { configurationType: 'custom', ...config, connectId: '10001' } });
		expect((await call('GET', '/connect')).json).toEqual({ configurations: [created.json], totalRecords: '1' });
		expect((await call('GET', '/connect/10001')).json.totalRecords).toBe('1');
		expect(await call('DELETE', '/connect/10001')).toEqual({ status: 200, json: undefined });
		expect((await call('DELETE', '/connect/10001')).json.errorCode).toBe('INVALID_CONNECT_ID');
	});

	test('HMAC keys in the three answer shapes; list without values; delete', async () => {
		const made = await call('POST', '/connect/secret');
		expect(made.json).toEqual({ keyId: expect.any(String), secretKey: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
		ds.hmacSecretShape = 'secrets';
		expect((await call('POST', '/connect/secret')).json).toEqual({ secrets: [expect.any(String)] });
		ds.hmacSecretShape = 'none';
		expect((await call('POST', '/connect/secret')).json).toEqual({});
		const listed = (await call('GET', '/connect/secret')).json.secrets;
		expect(listed).toHaveLength(3);
		expect(JSON.stringify(listed)).not.toContain(made.json.secretKey);
		expect((await call('DELETE', `/connect/secret/${made.json.keyId}`)).status).toBe(200);
		expect((await call('DELETE', `/connect/secret/${made.json.keyId}`)).status).toBe(404);
	});

	test('an account the user is not in, and a bad token, are refused in the eSignature error shape', async () => {
		const other = await fetch(`${ds.url}/restapi/v2.1/accounts/not-mine/connect`, { headers: { authorization: `Bearer ${auth}` } });
		expect([other.status, (await other.json()).errorCode]).toEqual([400, 'USER_LACKS_MEMBERSHIP']);
		const bad = await fetch(`${ds.url}/restapi/v2.1/accounts/${acct()}/connect`, { headers: { authorization: 'Bearer nope' } });
		expect([bad.status, (await bad.json()).errorCode]).toEqual([401, 'USER_AUTHENTICATION_FAILED']);
	});

	test('deliverConnect POSTs a JSON SIM event signed with every account key, one header each', async () => {
		const r = await receiver();
		try {
			const k1 = (await call('POST', '/connect/secret')).json.secretKey;
			const k2 = (await call('POST', '/connect/secret')).json.secretKey;
			await call('POST', '/connect', { urlToPublishTo: r.url, events: ['envelope-completed'], includeHMAC: 'true', eventData: { version: 'restv2.1', includeData: ['recipients'] } });
			const res = await ds.deliverConnect({ envelopeId: 'env-1' });
			const got = r.received[0];
			expect(got.headers['x-docusign-signature-1']).toBe(hmac(k1, got.raw).toString('base64'));
			expect(got.headers['x-docusign-signature-2']).toBe(hmac(k2, got.raw).toString('base64'));
			expect(JSON.parse(got.raw)).toEqual(res.payload);
			expect(res.payload).toMatchObject({
				event: 'envelope-completed', configurationId: 10001, apiVersion: 'v2.1', retryCount: 0,
				uri: `/restapi/v2.1/accounts/${acct()}/envelopes/env-1`,
				data: { accountId: acct(), envelopeId: 'env-1', recipientId: '1', envelopeSummary: { recipients: { signers: [expect.any(Object)] } } },
			});
			expect(res.payload.generatedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
			expect(ds.connectDeliveries).toEqual([{ url: r.url, event: 'envelope-completed', status: 200 }]);
		} finally {
			await r.close();
		}
	});
});

describe('SignNow mock: event subscriptions (§2.5, family A /api/v2/events)', () => {
	let sn;
	let bearer;
	const call = async (method, path, body, authorization = `Bearer ${bearer}`) => {
		const res = await fetch(`${sn.url}${path}`, {
			method,
			headers: { authorization, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, json: text ? JSON.parse(text) : undefined };
	};
	const basic = () => `Basic ${sn.basicToken}`;
	const subscription = (overrides = {}) => ({
		event: 'user.document.complete',
		entity_id: sn.ids.adminUserId,
		action: 'callback',
		attributes: { callback: 'http://127.0.0.1:1/hook', use_tls_12: true },
		secret_key: 'sn-secret',
		...overrides,
	});
	beforeEach(async () => {
		sn = await startSignNowMock();
		const form = new URLSearchParams({ grant_type: 'password', username: sn.adminEmail, password: sn.adminPassword, scope: '*' });
		const res = await fetch(`${sn.url}/oauth2/token`, { method: 'POST', headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' }, body: form });
		bearer = (await res.json()).access_token;
	});
	afterEach(async () => sn.close());

	test('create answers 200 {} (fixture); the list shows callback as callback_url, entity_id as a number, and secret_key', async () => {
		expect(await call('POST', '/api/v2/events', subscription())).toEqual({ status: 200, json: {} });
		const listed = await call('GET', '/api/v2/events');
		expect(listed.json.data).toEqual([
			{
				id: expect.stringMatching(/^[0-9a-f]{40}$/),
				event: 'user.document.complete',
				entity_id: 1001,
				action: 'callback',
				json_attributes: { use_tls_12: true, docid_queryparam: false, integration_id: null, callback_url: 'http://127.0.0.1:1/hook', headers: {}, secret_key: 'sn-secret' },
				created: expect.any(Number),
			},
		]);
		sn.eventCreateAnswer = 'id';
		expect((await call('POST', '/api/v2/events', subscription())).json).toEqual({ id: expect.stringMatching(/^[0-9a-f]{40}$/) });
		sn.listSecretKeys = false;
		expect((await call('GET', '/api/v2/events')).json.data[0].json_attributes.secret_key).toBeUndefined();
	});

	test('the casing traps get 400: callback_url or use_tls12 in a request, secret_key inside attributes; action, event and entity checked', async () => {
		const attributes = { callback: 'http://127.0.0.1:1/hook' };
		const refused = [
			subscription({ attributes: { callback_url: 'http://127.0.0.1:1/hook' } }),
			subscription({ attributes: { ...attributes, use_tls12: true } }),
			subscription({ attributes: { ...attributes, secret_key: 'x' } }),
			subscription({ action: 'email' }),
			subscription({ event: 'Document Complete' }),
			subscription({ entity_id: 'not-an-id' }),
		];
		for (const body of refused) expect((await call('POST', '/api/v2/events', body)).status).toBe(400);
		expect((await call('POST', '/api/v2/events', subscription({ entity_id: sn.ids.userId(2) }))).status).toBe(403);
		expect(sn.subscriptions()).toHaveLength(0);
	});

	test('auth: POST needs Bearer; GET and DELETE take Basic or Bearer, or only one of them with eventsAuth', async () => {
		expect((await call('POST', '/api/v2/events', subscription(), basic())).status).toBe(401);
		await call('POST', '/api/v2/events', subscription());
		const { id } = sn.subscriptions()[0];
		expect((await call('GET', '/api/v2/events', undefined, basic())).json.data).toHaveLength(1);
		sn.eventsAuth = 'basic';
		expect((await call('GET', '/api/v2/events')).json.errors[0].message).toBe('This endpoint requires Basic authorization');
		sn.eventsAuth = 'bearer';
		expect((await call('GET', '/api/v2/events', undefined, basic())).status).toBe(401);
		expect((await call('DELETE', `/api/v2/events/${id}`, undefined, basic())).status).toBe(401);
		expect(await call('DELETE', `/api/v2/events/${id}`)).toEqual({ status: 200, json: {} });
		expect((await call('DELETE', `/api/v2/events/${id}`)).status).toBe(404);
		expect((await call('DELETE', '/api/v2/events/short')).json).toEqual({ 404: 'Unable to find a route to match the URI: api/v2/events/short' });
	});

	test('update (PUT) replaces event and attributes; answers {}', async () => {
		await call('POST', '/api/v2/events', subscription());
		const { id } = sn.subscriptions()[0];
		const { secret_key: _secret, ...body } = subscription({ event: 'user.document.create' });
		expect(await call('PUT', `/api/v2/events/${id}`, body)).toEqual({ status: 200, json: {} });
		expect(sn.subscriptions()[0].event).toBe('user.document.create');
	});

	test('deliverEvent POSTs the §2.5 payload to the callback, signed with the secret_key in hex (or base64), with custom headers and ?document_id=', async () => {
		const r = await receiver();
		try {
			await call('POST', '/api/v2/events', subscription({ attributes: { callback: r.url, docid_queryparam: true, headers: { x_team: 'ops', int_head: 12 } } }));
			const res = await sn.deliverEvent({ documentId: 'a'.repeat(40), timestamp: 1700000000 });
			const got = r.received[0];
			expect(got.headers['x-signnow-signature']).toBe(hmac('sn-secret', got.raw).toString('hex'));
			expect([got.headers.x_team, got.headers.int_head]).toEqual(['ops', '12']);
			expect(got.url).toBe(`/hook?document_id=${'a'.repeat(40)}`);
			expect(JSON.parse(got.raw)).toEqual(res.payload);
			expect(res.payload).toEqual({
				meta: { timestamp: 1700000000, event: 'user.document.complete', environment: sn.url, initiator_id: sn.ids.adminUserId, callback_url: r.url, access_token: expect.stringMatching(/^[0-9a-f]{64}$/) },
				content: { document_id: 'a'.repeat(40), document_name: 'Mock agreement.pdf', user_id: sn.ids.adminUserId },
			});
			sn.signatureEncoding = 'base64';
			await sn.deliverEvent({});
			expect(r.received[1].headers['x-signnow-signature']).toBe(hmac('sn-secret', r.received[1].raw).toString('base64'));
			await sn.deliverEvent({ secret: null });
			expect(r.received[2].headers['x-signnow-signature']).toBeUndefined();
			expect(sn.eventDeliveries.map((d) => d.event)).toEqual(['user.document.complete', 'user.document.complete', 'user.document.complete']);
		} finally {
			await r.close();
		}
	});
});
