'use strict';
// DocuSign eSignature Connect for the DocuSign mock: account-level Connect configurations and HMAC keys under
// <base_uri>/restapi (../shared/reference/vendor-apis.md section 1.7; the base URI is the mock's own URL, as
// /oauth/userinfo says), and signed JSON SIM deliveries to a configuration's URL (../shared/reference/specs/connect.schema-v2.json).
// See README.md in this folder for the choices made where the reference is silent.

const crypto = require('node:crypto');
const { empty, httpError, json } = require('./common');
const { deliver, sign } = require('./webhooks');

// Section 1.6 gives the eSignature error body as {errorCode, message}.
const esignError = (status, errorCode, message) => httpError(status, { errorCode, message });

/** Keys of ConnectCustomConfiguration that are booleans written as strings (1.7 and the 5.4 casing trap). */
const STRING_BOOLEANS = [
	'allUsers', 'allowEnvelopePublish', 'enableLog', 'includeHMAC', 'includeOAuth', 'requiresAcknowledgement', 'requireMutualTls',
	'pausePublish', 'includeDocuments', 'includeCertificateOfCompletion', 'includeDocumentFields', 'includeEnvelopeVoidReason',
	'includeTimeZoneInformation', 'includeSenderAccountasCustomField', 'signMessageWithX509Certificate', 'useSoapInterface',
];
const EVENT_NAME = /^(envelope|recipient|template|click)-[a-z-]+$/;

const isESignaturePath = (path) => /^\/restapi(\/|$)/i.test(path);

/**
 * @param mock the DocuSign mock
 * @param oauth its OAuth part ({ tokenOf }): the eSignature API takes the same bearer tokens
 * @param options { hmacSecretShape: 'keyId' | 'secrets' | 'none' } the answer to POST connect/secret (UNCONFIRMED, see README)
 */
function createConnect(mock, oauth, { hmacSecretShape = 'keyId' } = {}) {
	const state = () => mock.state.connect;
	const tokens = new WeakMap();

	/** Bearer token of a live grant; the user must have an active membership in the account of the path. */
	function authenticate(req) {
		const live = oauth.tokenOf(req);
		if (!live) throw esignError(401, 'USER_AUTHENTICATION_FAILED', 'The access token is expired, revoked or malformed.');
		if (mock.enforceScopes && !live.scopes.includes('signature')) {
			throw esignError(403, 'INSUFFICIENT_SCOPE', "The access token lacks the 'signature' scope.");
		}
		tokens.set(req, live);
	}

	function account(req, accountId) {
		const user = mock.state.users.find((u) => u.id === tokens.get(req)?.sub);
		const member = user?.memberships.some((m) => m.account_id.toLowerCase() === String(accountId).toLowerCase() && m.status === 'active');
		if (!member) throw esignError(400, 'USER_LACKS_MEMBERSHIP', `The user is not an active member of account ${accountId}.`);
		return mock.state.accounts.find((a) => a.id.toLowerCase() === String(accountId).toLowerCase());
	}

	const inAccount = (acct) => state().configurations.filter((c) => c.accountId === acct.id);
	const view = (record) => ({ ...record.config });

	function listConfigurations(req, { accountId }) {
		const configs = inAccount(account(req, accountId)).map(view);
		return json({ configurations: configs, totalRecords: String(configs.length) });
	}

	function validate(body) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) throw esignError(400, 'INVALID_REQUEST_BODY', 'The request body is missing or improperly formatted.');
		if (typeof body.urlToPublishTo !== 'string' || !/^https?:\/\//.test(body.urlToPublishTo)) {
			throw esignError(400, 'INVALID_REQUEST_PARAMETER', 'urlToPublishTo must be an http(s) URL.');
		}
		for (const key of STRING_BOOLEANS) {
			if (body[key] !== undefined && body[key] !== 'true' && body[key] !== 'false') {
				throw esignError(400, 'INVALID_REQUEST_BODY', `${key} must be the string "true" or "false".`);
			}
		}
		const events = body.events ?? [];
		if (!Array.isArray(events) || events.some((e) => typeof e !== 'string' || !EVENT_NAME.test(e))) {
			throw esignError(400, 'INVALID_REQUEST_PARAMETER', 'events must be a list of event names such as "envelope-completed".');
		}
		if (events.length === 0 && !(body.envelopeEvents?.length || body.recipientEvents?.length)) {
			throw esignError(400, 'INVALID_REQUEST_PARAMETER', 'At least one event is required.');
		}
		const type = body.configurationType ?? 'custom';
		if (!['custom', 'customrecipient'].includes(type)) throw esignError(400, 'INVALID_REQUEST_PARAMETER', `configurationType ${type} is not supported.`);
	}

	function createConfiguration(req, { accountId }) {
		const acct = account(req, accountId);
		validate(req.body);
		const connectId = String(state().nextConnectId++);
		const config = { configurationType: 'custom', ...structuredClone(req.body), connectId };
		state().configurations.push({ accountId: acct.id, config, createdAt: Date.now() });
		return json(view({ config }));
	}

	function findConfiguration(req, { accountId, connectId }) {
		const acct = account(req, accountId);
		const record = inAccount(acct).find((c) => c.config.connectId === String(connectId));
		if (!record) throw esignError(404, 'INVALID_CONNECT_ID', `Connect configuration ${connectId} was not found.`);
		return record;
	}

	const getConfiguration = (req, params) => json({ configurations: [view(findConfiguration(req, params))], totalRecords: '1' });

	function deleteConfiguration(req, params) {
		const record = findConfiguration(req, params);
		state().configurations.splice(state().configurations.indexOf(record), 1);
		return empty(200); // [ds-esign] deleteConfiguration returns no model
	}

	function createSecret(req, { accountId }) {
		const acct = account(req, accountId);
		const key = { keyId: crypto.randomUUID(), secret: crypto.randomBytes(32).toString('base64'), accountId: acct.id, createdAt: new Date().toISOString() };
		state().hmacKeys.push(key);
		const shape = mock.hmacSecretShape ?? hmacSecretShape;
		if (shape === 'secrets') return json({ secrets: [key.secret] });
		if (shape === 'none') return json({});
		return json({ keyId: key.keyId, secretKey: key.secret });
	}

	function listSecrets(req, { accountId }) {
		const acct = account(req, accountId);
		return json({ secrets: state().hmacKeys.filter((k) => k.accountId === acct.id).map(({ keyId, createdAt }) => ({ keyId, createdDateTime: createdAt })) });
	}

	function deleteSecret(req, { accountId, keyId }) {
		const acct = account(req, accountId);
		const key = state().hmacKeys.find((k) => k.accountId === acct.id && k.keyId === keyId);
		if (!key) throw esignError(404, 'INVALID_KEY_ID', `HMAC key ${keyId} was not found.`);
		state().hmacKeys.splice(state().hmacKeys.indexOf(key), 1);
		return empty(200);
	}

	function addRoutes(router) {
		const base = '/restapi/v2.1/accounts/:accountId/connect';
		return router
			.get(base, listConfigurations)
			.post(base, createConfiguration)
			.get(`${base}/secret`, listSecrets)
			.post(`${base}/secret`, createSecret)
			.delete(`${base}/secret/:keyId`, deleteSecret)
			.get(`${base}/:connectId`, getConfiguration)
			.delete(`${base}/:connectId`, deleteConfiguration);
	}

	/** A JSON SIM event of connect.schema-v2.json for a configuration. */
	function connectEvent(record, { event = 'envelope-completed', envelopeId = crypto.randomUUID(), recipientId = '1', userId = mock.userId, generatedDateTime = new Date().toISOString().replace('Z', '0000Z'), retryCount = 0 } = {}) {
		const includeData = record.config.eventData?.includeData ?? [];
		const envelopeSummary = {
			status: event.startsWith('envelope-') ? event.slice('envelope-'.length) : 'sent',
			emailSubject: 'Please sign: mock agreement',
			envelopeId,
			sender: { userName: 'Morgan Reyes', userId, accountId: record.accountId, email: 'morgan.reyes@example.com' },
			createdDateTime: generatedDateTime,
			...(includeData.includes('recipients')
				? { recipients: { signers: [{ recipientId, name: 'Avery Chen', email: 'avery.chen@example.com', status: 'completed' }] } }
				: {}),
		};
		return {
			event,
			uri: `/restapi/v2.1/accounts/${record.accountId}/envelopes/${envelopeId}`,
			retryCount,
			configurationId: Number(record.config.connectId),
			apiVersion: 'v2.1',
			generatedDateTime,
			data: { accountId: record.accountId, userId, recipientId, envelopeId, ...(includeData.length ? { envelopeSummary } : {}) },
		};
	}

	const api = {
		/** Every configuration of the mock: [{ accountId, config }]. */
		connectConfigurations: () => state().configurations,
		/** The account HMAC keys: [{ keyId, secret, accountId, createdAt }]. */
		hmacKeys: () => state().hmacKeys,
		connectDeliveries: [],
		connectEvent: (connectId, fields) => connectEvent(api.configurationRecord(connectId), fields),
		configurationRecord(connectId) {
			const record = state().configurations.find((c) => c.config.connectId === String(connectId)) ?? (connectId === undefined ? state().configurations[0] : undefined);
			if (!record) throw new Error(`no Connect configuration ${connectId}`);
			return record;
		},
		/**
		 * POSTs a signed JSON SIM event to a configuration's urlToPublishTo (or `url`). Signed like DocuSign (1.7): one
		 * X-DocuSign-Signature-N per active HMAC key of the account when includeHMAC is "true", or per `keys` given.
		 * Options: the event fields of connectEvent, `payload` (object) or `rawBody` (exact text), `keys`, `headers`.
		 * Resolves { status, json, text, payload, rawBody }.
		 */
		async deliverConnect({ connectId, url, payload, rawBody, keys, headers = {}, ...fields } = {}) {
			const record = api.configurationRecord(connectId);
			const event = payload ?? connectEvent(record, fields);
			const body = rawBody ?? JSON.stringify(event);
			const signing = keys ?? (record.config.includeHMAC === 'true' ? state().hmacKeys.filter((k) => k.accountId === record.accountId).map((k) => k.secret) : []);
			const target = url ?? record.config.urlToPublishTo;
			const response = await deliver(target, { body, headers: { ...sign.docuSign(body, signing), ...headers } });
			api.connectDeliveries.push({ url: target, event: event.event, status: response.status });
			return { ...response, payload: event, rawBody: body };
		},
	};

	return { addRoutes, authenticate, api };
}

const freshConnectState = () => ({ configurations: [], hmacKeys: [], nextConnectId: 10001 });

module.exports = { createConnect, freshConnectState, isESignaturePath };
