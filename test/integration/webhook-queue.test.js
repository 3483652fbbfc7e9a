'use strict';
// The webhook triggers that register at the vendor, run as n8n's queue mode runs them (trigger-harness `queueMode`):
// each delivery's execution sees none of the workflow's static data, as on a worker, and n8n saves what it changed
// over the stored static data. The registration (ids, keys) must survive every delivery, the delivery ids must be
// stored, later deliveries verified, repeats refused, and deactivation must still remove the vendor's subscription.

const { startDocuSignMock } = require('../mocks/docusign');
const { startPandaDocMock } = require('../mocks/pandadoc');
const { startSignNowMock } = require('../mocks/signnow');
const { startTrigger } = require('../helpers/trigger-harness');
const docusign = require('./docusign/setup');
const { passwordCredential } = require('./signnow/setup');

const PANDADOC_KEY = 'pd-queue-key-5c2e';
const keys = docusign.makeKeys();

const VENDORS = {
	signnow: {
		start: () => startSignNowMock(),
		trigger: (mock) => ({
			type: 'signNowTrigger',
			parameters: { authentication: 'password', watch: 'user', events: ['user.document.complete'], verification: 'secretKey' },
			credentials: { signNowApi: passwordCredential(mock) },
		}),
		deliver: (mock, n) => mock.deliverEvent({ documentId: `queue-doc-${n}` }),
		repeat: (mock, first) => mock.deliverEvent({ payload: first.payload }),
		registered: (mock) => mock.subscriptions().length,
	},
	pandadoc: {
		start: () => startPandaDocMock({ apiKey: PANDADOC_KEY }),
		setup: (mock) => Object.assign(mock, { webhookCreateAnswer: 'item', webhookHttpsOnly: false }),
		trigger: (mock) => ({
			type: 'pandaDocTrigger',
			parameters: { authentication: 'apiKey', triggers: ['document_state_changed'], payload: [], verification: 'sharedKey' },
			credentials: { pandaDocApi: { apiKey: PANDADOC_KEY, keyType: 'production', baseUrl: mock.url } },
		}),
		deliver: (mock, n) => mock.deliverWebhook({ eventId: `queue-ev-${n}` }),
		repeat: (mock, first) => mock.deliverWebhook({ eventId: 'queue-ev-0', rawBody: first.rawBody }),
		registered: (mock) => mock.webhookSubscriptions().length,
		idsPerDelivery: 2, // the event id and the body's digest
	},
	docusign: {
		start: () => startDocuSignMock({ publicKeyPem: keys.publicKey }),
		setup: (mock) => (mock.hmacSecretShape = 'keyId'),
		trigger: (mock) => ({
			type: 'docuSignTrigger',
			parameters: { authentication: 'jwt', account: '', events: ['envelope-completed'], hmacKey: 'create' },
			credentials: { docuSignJwtApi: docusign.jwtCredential(mock, keys.pkcs1) },
		}),
		deliver: (mock, n) => mock.deliverConnect({ envelopeId: `queue-env-${n}` }),
		repeat: (mock, first) => mock.deliverConnect({ rawBody: first.rawBody }),
		registered: (mock) => mock.connectConfigurations().length,
	},
};

const withoutIds = ({ seenDeliveries, ...registration }) => (void seenDeliveries, registration);

describe.each(Object.keys(VENDORS))('%s webhook trigger in queue mode', (vendor) => {
	const v = VENDORS[vendor];
	let mock;
	let t;
	beforeAll(async () => {
		mock = await v.start();
		v.setup?.(mock);
	});
	afterAll(async () => {
		await t?.close();
		await mock.close();
	});

	test('deliveries keep the registration, store their ids, repeats start nothing, deactivation removes the subscription', async () => {
		t = await startTrigger({ ...v.trigger(mock), queueMode: true, workflowName: 'Contracts' });
		await t.activate();
		expect(v.registered(mock)).toBe(1);
		const registration = JSON.parse(JSON.stringify(t.staticData['node:Trigger']));
		expect(Object.keys(registration).length).toBeGreaterThan(1);

		const sent = [];
		for (let n = 0; n < 3; n++) sent.push(await v.deliver(mock, n));
		expect(sent.map((r) => [r.status, r.text])).toEqual([
			[200, ''],
			[200, ''],
			[200, ''],
		]);
		expect(t.executions).toHaveLength(3);
		expect(withoutIds(t.staticData['node:Trigger'])).toEqual(withoutIds(registration));
		expect(t.staticData['node:Trigger'].seenDeliveries).toHaveLength(3 * (v.idsPerDelivery ?? 1));
		expect(JSON.stringify(t.executions)).not.toMatch(/__deliveryIds|secret|hmacKey|sharedKey/i);

		const repeat = await v.repeat(mock, sent[0]);
		expect([repeat.status, repeat.json?.message]).toEqual([200, expect.stringMatching(/Already received/)]);
		expect(t.executions).toHaveLength(3);

		await t.deactivate();
		expect(v.registered(mock)).toBe(0);
	});
});
