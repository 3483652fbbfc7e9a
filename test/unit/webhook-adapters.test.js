'use strict';
// Each vendor's signature adapter through the shared decision (decide): real HMACs computed here from the recipes of
// ../shared/reference/vendor-apis.md §5, over exact bytes; duplicates; the output item.

const crypto = require('node:crypto');

const { decide, deliveryOf, eventItem } = require('../../dist/nodes/shared/webhook/delivery');
const { SeenDeliveries, SEEN_MAX_AGE_MS } = require('../../dist/nodes/shared/webhook/seen');
const { boldSignAdapter, parseBoldSignSignature } = require('../../dist/nodes/BoldSign/webhook');
const { docuSignAdapter } = require('../../dist/nodes/DocuSignAdmin/webhook');
const { signNowAdapter } = require('../../dist/nodes/SignNow/webhook');
const { pandaDocAdapter } = require('../../dist/nodes/PandaDoc/webhook');

const hmac = (key, ...parts) => {
	const h = crypto.createHmac('sha256', key);
	for (const part of parts) h.update(part);
	return h.digest();
};
const NOW = Date.parse('2026-03-01T12:00:00Z');
const nowS = Math.floor(NOW / 1000);

/** A delivery of these exact bytes (no re-serialization anywhere). */
const delivery = (raw, headers = {}, query = {}) => deliveryOf({ rawBody: Buffer.from(raw, 'utf8'), headers, query });
const run = (adapter, d, { keys = ['k'], eventTypes = [], seen = new SeenDeliveries({}), now = NOW } = {}) =>
	decide(adapter, d, { keys, eventTypes, now }, seen);

// ------------------------------------------------------------------------------------------------ BoldSign §3.5

describe('BoldSign adapter (§3.5: X-BoldSign-Signature t=…, s0=hex(HMAC(secret, "t.body")), 300 s)', () => {
	const SECRET = 'bs-signing-secret';
	const body = (id = 'evt-1', type = 'Completed') =>
		JSON.stringify({
			event: { id, created: nowS - 5, eventType: type, clientId: 'c', environment: 'Test' },
			context: { eventType: type, actor: { userType: 'Signer', id: 'signer-7' } },
			data: { object: 'document', documentId: 'doc-42', status: 'Completed' },
		});
	const sign = (raw, { t = nowS, secret = SECRET, s1 } = {}) => {
		const s0 = hmac(secret, `${t}.`, Buffer.from(raw)).toString('hex');
		return { 'x-boldsign-event': 'Completed', 'x-boldsign-signature': `t=${t}, s0=${s0}${s1 ? `, s1=${hmac(s1, `${t}.`, Buffer.from(raw)).toString('hex')}` : ''}` };
	};
	const keys = [SECRET];

	test('a signed event is accepted with its type, ids and payload', () => {
		const raw = body();
		const outcome = run(boldSignAdapter, delivery(raw, sign(raw)), { keys });
		expect(outcome.kind).toBe('accepted');
		const item = eventItem(boldSignAdapter, outcome.events[0]).json;
		expect(item).toMatchObject({
			vendor: 'boldsign', eventType: 'Completed', eventId: 'evt-1', documentId: 'doc-42', actorId: 'signer-7',
			actorType: 'Signer', objectType: 'document', occurredAt: new Date((nowS - 5) * 1000).toISOString(),
		});
		expect(item.payload).toEqual(JSON.parse(raw));
	});
	test('rolled secret: s0 with the new secret, s1 with the one the node has → accepted', () => {
		const raw = body();
		const headers = sign(raw, { secret: 'bs-new-secret', s1: SECRET });
		expect(run(boldSignAdapter, delivery(raw, headers), { keys }).kind).toBe('accepted');
	});
	test('forged (wrong secret), stale (t − 301 s), future (t + 301 s), unsigned: refused', () => {
		const raw = body();
		expect(run(boldSignAdapter, delivery(raw, sign(raw, { secret: 'guess' })), { keys })).toEqual({ kind: 'refused', reason: 'mismatch' });
		expect(run(boldSignAdapter, delivery(raw, sign(raw, { t: nowS - 301 })), { keys })).toEqual({ kind: 'refused', reason: 'stale' });
		expect(run(boldSignAdapter, delivery(raw, sign(raw, { t: nowS + 301 })), { keys })).toEqual({ kind: 'refused', reason: 'future' });
		expect(run(boldSignAdapter, delivery(raw, { 'x-boldsign-event': 'Completed' }), { keys })).toEqual({ kind: 'refused', reason: 'unsigned' });
	});
	test('the signature covers t: a valid s0 replayed with a new t is refused', () => {
		const raw = body();
		const old = sign(raw, { t: nowS - 600 })['x-boldsign-signature'].replace(/t=\d+/, `t=${nowS}`);
		expect(run(boldSignAdapter, delivery(raw, { 'x-boldsign-signature': old }), { keys }).reason).toBe('mismatch');
	});
	test('the [bs-skill] recipe (HMAC of the body only) is refused', () => {
		const raw = body();
		const header = `t=${nowS}, s0=${hmac(SECRET, raw).toString('hex')}`;
		expect(run(boldSignAdapter, delivery(raw, { 'x-boldsign-signature': header }), { keys }).reason).toBe('mismatch');
	});
	test('a base64 signature is refused (BoldSign signs in hex)', () => {
		const raw = body();
		const header = `t=${nowS}, s0=${hmac(SECRET, `${nowS}.`, raw).toString('base64')}`;
		expect(run(boldSignAdapter, delivery(raw, { 'x-boldsign-signature': header }), { keys }).reason).toBe('mismatch');
	});
	test('the Verification ping is answered without a signature check and starts nothing', () => {
		expect(run(boldSignAdapter, delivery('{}', { 'x-boldsign-event': 'Verification' }), { keys })).toEqual({ kind: 'ping' });
	});
	test('the header is split on commas and the first "=", spaces trimmed', () => {
		expect(parseBoldSignSignature(' t = 17 ,s0=ab==cd , s1 =ef')).toEqual({ t: '17', signatures: ['ab==cd', 'ef'] });
		expect(parseBoldSignSignature(undefined)).toEqual({ signatures: [] });
	});
	test('a repeat of event.id is a duplicate, also re-signed with a new t', () => {
		const seen = new SeenDeliveries({});
		const raw = body('evt-dup');
		expect(run(boldSignAdapter, delivery(raw, sign(raw)), { keys, seen }).kind).toBe('accepted');
		expect(run(boldSignAdapter, delivery(raw, sign(raw, { t: nowS + 30 })), { keys, seen, now: NOW + 30_000 }).kind).toBe('duplicate');
	});
	test('only chosen event types are output; others get "ignored"', () => {
		const raw = body('evt-viewed', 'Viewed');
		expect(run(boldSignAdapter, delivery(raw, sign(raw)), { keys, eventTypes: ['Completed'] }).kind).toBe('ignored');
		expect(run(boldSignAdapter, delivery(raw, sign(raw)), { keys, eventTypes: ['viewed'] }).kind).toBe('accepted');
	});
});

// ------------------------------------------------------------------------------------------------ DocuSign §1.7

describe('DocuSign adapter (§1.7: X-DocuSign-Signature-1..N = base64(HMAC(key, raw body)))', () => {
	const payload = (over = {}) => ({
		event: 'envelope-completed',
		uri: '/restapi/v2.1/accounts/acct-1/envelopes/env-9',
		retryCount: 0,
		configurationId: 10001,
		apiVersion: 'v2.1',
		generatedDateTime: '2026-03-01T11:59:50.4233752Z',
		data: { accountId: 'acct-1', userId: 'user-3', recipientId: '1', envelopeId: 'env-9', envelopeSummary: { status: 'completed' } },
		...over,
	});
	const signed = (raw, keys) =>
		Object.fromEntries(keys.map((key, i) => [`x-docusign-signature-${i + 1}`, hmac(key, Buffer.from(raw)).toString('base64')]));

	test('any header matching any key is accepted: key 2 of 3 active keys', () => {
		const raw = JSON.stringify(payload());
		const outcome = run(docuSignAdapter, delivery(raw, signed(raw, ['other-1', 'ours', 'other-3'])), { keys: ['ours'] });
		expect(outcome.kind).toBe('accepted');
		expect(eventItem(docuSignAdapter, outcome.events[0]).json).toMatchObject({
			vendor: 'docusign', eventType: 'envelope-completed', envelopeId: 'env-9', recipientId: '1', userId: 'user-3',
			accountId: 'acct-1', configurationId: '10001', occurredAt: '2026-03-01T11:59:50.423Z',
		});
	});
	test('the node holding several keys (rotation) accepts a delivery signed with any of them', () => {
		const raw = JSON.stringify(payload());
		expect(run(docuSignAdapter, delivery(raw, signed(raw, ['new-key'])), { keys: ['old-key', 'new-key'] }).kind).toBe('accepted');
	});
	test('signed only with keys the node does not have, in hex, or unsigned: refused', () => {
		const raw = JSON.stringify(payload());
		expect(run(docuSignAdapter, delivery(raw, signed(raw, ['a', 'b'])), { keys: ['ours'] }).reason).toBe('mismatch');
		const hex = { 'x-docusign-signature-1': hmac('ours', raw).toString('hex') };
		expect(run(docuSignAdapter, delivery(raw, hex), { keys: ['ours'] }).reason).toBe('mismatch');
		expect(run(docuSignAdapter, delivery(raw, {}), { keys: ['ours'] }).reason).toBe('unsigned');
	});
	test('verification is over the bytes as received: pretty-printed, CRLF and escaped unicode pass; a re-serialization does not', () => {
		const raw = `${JSON.stringify(payload({ note: 'Zoë \u00e9' }), null, 2).replace(/\n/g, '\r\n').replace('Zoë', 'Zo\\u00eb')}\r\n`;
		expect(run(docuSignAdapter, delivery(raw, signed(raw, ['ours'])), { keys: ['ours'] }).kind).toBe('accepted');
		const reserialized = JSON.stringify(JSON.parse(raw));
		expect(run(docuSignAdapter, delivery(raw, signed(reserialized, ['ours'])), { keys: ['ours'] }).reason).toBe('mismatch');
	});
	test('the event id is configuration + envelope + event + recipient + generatedDateTime; retryCount is not part of it', () => {
		const seen = new SeenDeliveries({});
		const first = JSON.stringify(payload());
		const retry = JSON.stringify(payload({ retryCount: 3 }));
		const other = JSON.stringify(payload({ event: 'recipient-completed' }));
		expect(run(docuSignAdapter, delivery(first, signed(first, ['k'])), { seen }).kind).toBe('accepted');
		expect(run(docuSignAdapter, delivery(retry, signed(retry, ['k'])), { seen }).kind).toBe('duplicate');
		expect(run(docuSignAdapter, delivery(other, signed(other, ['k'])), { seen }).kind).toBe('accepted');
	});
	test('an event generated more than 7 days ago is refused: its id may be forgotten', () => {
		const raw = JSON.stringify(payload({ generatedDateTime: new Date(NOW - SEEN_MAX_AGE_MS - 1000).toISOString() }));
		expect(run(docuSignAdapter, delivery(raw, signed(raw, ['k'])))).toEqual({ kind: 'refused', reason: 'too-old' });
	});
	test('a forged delivery is never remembered: the genuine one with the same id still runs', () => {
		const seen = new SeenDeliveries({});
		const raw = JSON.stringify(payload());
		expect(run(docuSignAdapter, delivery(raw, signed(raw, ['forger'])), { keys: ['k'], seen }).kind).toBe('refused');
		expect(run(docuSignAdapter, delivery(raw, signed(raw, ['k'])), { keys: ['k'], seen }).kind).toBe('accepted');
	});
	test('a body that is not a Connect event is unreadable (400), after verification', () => {
		const raw = '{"hello":"world"}';
		expect(run(docuSignAdapter, delivery(raw, signed(raw, ['k']))).kind).toBe('unreadable');
		expect(run(docuSignAdapter, delivery('not json', signed('not json', ['k']))).kind).toBe('unreadable');
	});
});

// ------------------------------------------------------------------------------------------------ SignNow §2.5

describe('SignNow adapter (§2.5: X-SignNow-Signature, HMAC of the raw body, encoding unconfirmed)', () => {
	const raw = JSON.stringify({
		meta: { timestamp: nowS - 2, event: 'user.document.complete', environment: 'eval', initiator_id: 'u-1', callback_url: 'https://x', access_token: 'sn-token-secret' },
		content: { document_id: 'd-5', document_name: 'NDA', user_id: 'u-1', viewer_user_unique_id: null },
	});
	test('hex and base64 are both accepted', () => {
		for (const encoding of ['hex', 'base64']) {
			const headers = { 'x-signnow-signature': hmac('sn-secret', raw).toString(encoding) };
			expect(run(signNowAdapter, delivery(raw, headers), { keys: ['sn-secret'] }).kind).toBe('accepted');
		}
	});
	test('wrong key and truncated signatures are refused', () => {
		expect(run(signNowAdapter, delivery(raw, { 'x-signnow-signature': hmac('x', raw).toString('hex') }), { keys: ['sn-secret'] }).kind).toBe('refused');
		const cut = hmac('sn-secret', raw).toString('hex').slice(0, 40);
		expect(run(signNowAdapter, delivery(raw, { 'x-signnow-signature': cut }), { keys: ['sn-secret'] }).kind).toBe('refused');
	});
	test('ids from meta and content; the access token in meta is masked in the output', () => {
		const headers = { 'x-signnow-signature': hmac('sn-secret', raw).toString('hex') };
		const outcome = run(signNowAdapter, delivery(raw, headers), { keys: ['sn-secret'] });
		const item = eventItem(signNowAdapter, outcome.events[0]).json;
		expect(item).toMatchObject({ eventType: 'user.document.complete', documentId: 'd-5', userId: 'u-1', initiatorId: 'u-1' });
		expect(JSON.stringify(item)).not.toContain('sn-token-secret');
		expect(item.payload.meta.access_token).toBe('***');
	});
	test('a repeat (same meta fields) is a duplicate', () => {
		const seen = new SeenDeliveries({});
		const headers = { 'x-signnow-signature': hmac('sn-secret', raw).toString('base64') };
		expect(run(signNowAdapter, delivery(raw, headers), { keys: ['sn-secret'], seen }).kind).toBe('accepted');
		expect(run(signNowAdapter, delivery(raw, headers), { keys: ['sn-secret'], seen }).kind).toBe('duplicate');
	});
});

// ------------------------------------------------------------------------------------------------ PandaDoc §4.4

describe('PandaDoc adapter (§4.4: ?signature=hex(HMAC(shared_key, raw body)), X-PandaDoc-Webhook-Event-Id)', () => {
	const raw = JSON.stringify([
		{ event: 'document_state_changed', data: { id: 'pd-doc-1', status: 'document.completed', created_by: { id: 'm-1' }, template: { id: 'tpl-1' } } },
		{ event: 'recipient_completed', data: { id: 'pd-doc-1', status: 'document.completed' } },
	]);
	const sig = (key = 'shared-key', body = raw) => ({ signature: hmac(key, body).toString('hex') });

	test('a signed array gives one event per entry', () => {
		const outcome = run(pandaDocAdapter, delivery(raw, { 'x-pandadoc-webhook-event-id': 'ev-77' }, sig()), { keys: ['shared-key'] });
		expect(outcome.kind).toBe('accepted');
		expect(outcome.events.map((e) => eventItem(pandaDocAdapter, e).json)).toEqual([
			expect.objectContaining({ eventType: 'document_state_changed', documentId: 'pd-doc-1', templateId: 'tpl-1', createdById: 'm-1', eventId: 'ev-77#0' }),
			expect.objectContaining({ eventType: 'recipient_completed', documentId: 'pd-doc-1', eventId: 'ev-77#1' }),
		]);
	});
	test('wrong key, base64 instead of hex, a signature in a header instead of the query: refused', () => {
		expect(run(pandaDocAdapter, delivery(raw, {}, sig('other')), { keys: ['shared-key'] }).reason).toBe('mismatch');
		expect(run(pandaDocAdapter, delivery(raw, {}, { signature: hmac('shared-key', raw).toString('base64') }), { keys: ['shared-key'] }).reason).toBe('mismatch');
		expect(run(pandaDocAdapter, delivery(raw, { 'x-pd-signature': sig().signature }), { keys: ['shared-key'] }).reason).toBe('unsigned');
	});
	test('a retry (same event id) is a duplicate; a replayed body under a new event id is one too', () => {
		const seen = new SeenDeliveries({});
		const opts = { keys: ['shared-key'], seen };
		expect(run(pandaDocAdapter, delivery(raw, { 'x-pandadoc-webhook-event-id': 'ev-1' }, sig()), opts).kind).toBe('accepted');
		expect(run(pandaDocAdapter, delivery(raw, { 'x-pandadoc-webhook-event-id': 'ev-1' }, sig()), opts).kind).toBe('duplicate');
		expect(run(pandaDocAdapter, delivery(raw, { 'x-pandadoc-webhook-event-id': 'ev-forged-new' }, sig()), opts).kind).toBe('duplicate');
	});
	test('PandaDoc events have no event time: none is refused as too old', () => {
		const outcome = run(pandaDocAdapter, delivery(raw, {}, sig()), { keys: ['shared-key'], now: NOW + 100 * SEEN_MAX_AGE_MS });
		expect(outcome.kind).toBe('accepted');
		expect(outcome.events[0].occurredAt).toBeNull();
	});
});

describe('unverified mode (no secret chosen)', () => {
	test('an unsigned delivery is accepted; duplicates are still caught', () => {
		const seen = new SeenDeliveries({});
		const raw = JSON.stringify({ event: { id: 'u-1', created: nowS, eventType: 'Sent' }, data: {} });
		expect(run(boldSignAdapter, delivery(raw), { keys: null, seen }).kind).toBe('accepted');
		expect(run(boldSignAdapter, delivery(raw), { keys: null, seen }).kind).toBe('duplicate');
	});
});
