'use strict';
// SignNow event subscriptions for the SignNow mock: family A `/api/v2/events` of ../shared/reference/vendor-apis.md
// §2.5 (create, list, update, delete; `[sn-v3]` fixtures, `[sn-postman]`) and the deliveries SignNow POSTs to a
// subscription's callback, signed as §2.5 and §5 guess (UNCONFIRMED: `X-SignNow-Signature`, HMAC-SHA256 of the raw
// body with the subscription's `secret_key`, hex or base64 as `signatureEncoding` says). Family B
// (`/v2/event-subscriptions`, prefix UNCONFIRMED) is not served. See README.md in this folder.

const crypto = require('node:crypto');
const { httpError, json } = require('./common');
const { deliver, sign } = require('./webhooks');

const snError = (status, code, message) => httpError(status, { errors: [{ code, message }] });
const badRequest = (message) => snError(400, 65582, message);

/** `/api/v2/events` and `/api/v2/events/{id}`: the routes whose auth differs by method (§2.5 auth quirk). */
const EVENTS_PATH = /^\/api\/v2\/events(\/[^/]+)?\/?$/i;

/** Keys of `attributes` in a create or update request (§2.5 family A). `callback_url` and `use_tls12` are not among them. */
const ATTRIBUTE_KEYS = new Set(['callback', 'use_tls_12', 'integration_id', 'docid_queryparam', 'headers']);
const BODY_KEYS = new Set(['event', 'entity_id', 'action', 'attributes', 'secret_key']);
/** Event names are dotted lower-case words (`user.document.complete`, `document.fieldinvite.sent`, §2.5). */
const EVENT_NAME = /^[a-z_]+(\.[a-z_]+)+$/;
const ENTITY_ID = /^[0-9a-f]{40}$/i;
/** The fixtures match subscription ids as `[0-9a-z]{40}` (§2.5); other ids are no route at all. */
const SUBSCRIPTION_ID = /^[0-9a-z]{40}$/;

/**
 * @param mock the SignNow mock
 * @param auth { basicClient(req), liveToken(req) } of the mock's auth
 */
function createEvents(mock, auth) {
	const S = () => mock.state.subscriptions;
	/** Who asks: the Basic token's client (sees the application's subscriptions) or a Bearer token's user (theirs). */
	const callers = new WeakMap();

	/**
	 * POST needs a Bearer token (every source). GET, PUT and DELETE take Basic (`[sn-v3]`, Postman's GET) or Bearer
	 * (the docs), as `mock.eventsAuth` allows: 'both' (the reference's mock advice), 'basic' or 'bearer'.
	 * Returns false for a request this does not decide (the mock's usual Bearer rule then applies).
	 */
	function authenticate(req) {
		if (!EVENTS_PATH.test(req.path)) return false;
		const allowed = req.method === 'POST' ? 'bearer' : mock.eventsAuth;
		const basic = /^Basic\s/i.test(req.headers.authorization || '');
		if (basic) {
			if (allowed === 'bearer') throw snError(401, 1537, 'This endpoint requires a Bearer access token');
			const clientId = auth.basicClient(req);
			if (!clientId) throw snError(401, 1537, 'invalid_client');
			callers.set(req, { clientId });
			return true;
		}
		if (allowed === 'basic') throw snError(401, 1537, 'This endpoint requires Basic authorization');
		const live = auth.liveToken(req);
		if (!live) throw snError(401, 1537, 'invalid_token');
		mock.tokens.set(req, live);
		callers.set(req, { userId: live.userId, clientId: live.clientId });
		return true;
	}

	const visibleTo = (caller) => (s) => (caller.userId ? s.userId === caller.userId : s.clientId === caller.clientId);

	function validate(body, { update = false } = {}) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request without body OR Body is not a valid JSON');
		for (const key of Object.keys(body)) {
			if (!BODY_KEYS.has(key) || (update && key === 'secret_key')) throw badRequest(`Unknown parameter "${key}"`);
		}
		if (typeof body.event !== 'string' || !EVENT_NAME.test(body.event)) throw badRequest('"event" is not a valid event name');
		if (typeof body.entity_id !== 'string' || !ENTITY_ID.test(body.entity_id)) throw badRequest('"entity_id" must be a document or user ID');
		if (body.action !== 'callback') throw badRequest('"action" must be "callback"');
		const attributes = body.attributes;
		if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes)) throw badRequest('"attributes" is required');
		for (const key of Object.keys(attributes)) if (!ATTRIBUTE_KEYS.has(key)) throw badRequest(`Unknown attribute "${key}"`);
		if (typeof attributes.callback !== 'string' || !/^https?:\/\/\S+$/.test(attributes.callback)) {
			throw badRequest('"attributes.callback" must be an http(s) URL');
		}
		for (const key of ['use_tls_12', 'docid_queryparam']) {
			if (attributes[key] !== undefined && typeof attributes[key] !== 'boolean') throw badRequest(`"attributes.${key}" must be a boolean`);
		}
		if (body.secret_key !== undefined && (typeof body.secret_key !== 'string' || body.secret_key === '')) {
			throw badRequest('"secret_key" must be a non-empty string');
		}
	}

	/** A user ID of the mock must be the caller's own; any other 40-hex ID counts as a document ID. */
	function checkEntity(req, entityId) {
		const user = mock.state.users.find((u) => u.id.toLowerCase() === entityId.toLowerCase());
		if (user && user.id !== mock.tokens.get(req)?.userId) throw snError(403, 65600, 'You may not subscribe to another user’s events');
	}

	/** `POST /api/v2/events` → 200 `{}` (fixture `create_event_subscription_post.json`), or `{id}` with `eventCreateAnswer: 'id'`. */
	function create(req) {
		const body = req.body;
		validate(body);
		checkEntity(req, body.entity_id);
		const caller = callers.get(req);
		const subscription = {
			id: crypto.randomBytes(20).toString('hex'),
			event: body.event,
			entityId: body.entity_id,
			// The list shows entity_id as a number (fixture get_event_subscriptions_get.json), not the ID that was sent.
			entityNumber: mock.nextEntityNumber++,
			action: body.action,
			attributes: structuredClone(body.attributes),
			secretKey: body.secret_key,
			userId: caller.userId,
			clientId: caller.clientId,
			created: Math.floor(Date.now() / 1000),
		};
		S().push(subscription);
		return json(mock.eventCreateAnswer === 'id' ? { id: subscription.id } : {});
	}

	/** The list item: `callback` becomes `callback_url` in `json_attributes` (§2.5). */
	function view(s) {
		const { callback, ...rest } = s.attributes;
		return {
			id: s.id,
			event: s.event,
			entity_id: s.entityNumber,
			action: s.action,
			json_attributes: {
				use_tls_12: rest.use_tls_12 ?? false,
				docid_queryparam: rest.docid_queryparam ?? false,
				integration_id: rest.integration_id ?? null,
				callback_url: callback,
				headers: rest.headers ?? {},
				...(s.secretKey === undefined || !mock.listSecretKeys ? {} : { secret_key: s.secretKey }),
			},
			created: s.created,
		};
	}

	/** `GET /api/v2/events` → `{data:[…]}`: a Basic caller sees its application's subscriptions, a Bearer caller its own. */
	function list(req) {
		return json({ data: S().filter(visibleTo(callers.get(req))).map(view) });
	}

	function find(req, id) {
		if (!SUBSCRIPTION_ID.test(id)) throw httpError(404, { 404: `Unable to find a route to match the URI: api/v2/events/${id}` });
		const found = S().find((s) => s.id === id && visibleTo(callers.get(req))(s));
		if (!found) throw snError(404, 65537, 'Event subscription not found');
		return found;
	}

	/** `PUT /api/v2/events/{id}` `{event, entity_id, action, attributes}` → 200 `{}`. */
	function update(req, { id }) {
		const found = find(req, id);
		validate(req.body, { update: true });
		Object.assign(found, { event: req.body.event, entityId: req.body.entity_id, attributes: structuredClone(req.body.attributes) });
		return json({});
	}

	/** `DELETE /api/v2/events/{id}` → 200 `{}`. */
	function remove(req, { id }) {
		const found = find(req, id);
		S().splice(S().indexOf(found), 1);
		return json({});
	}

	function addRoutes(router) {
		return router.post('/api/v2/events', create).get('/api/v2/events', list).put('/api/v2/events/:id', update).delete('/api/v2/events/:id', remove);
	}

	/**
	 * The delivery payload (§2.5): `{meta:{timestamp, event, environment, initiator_id, callback_url, access_token},
	 * content:{document_id, document_name, user_id, viewer_user_unique_id}}`.
	 */
	function eventPayload(s, { event = s.event, documentId, documentName = 'Mock agreement.pdf', userId, initiatorId, timestamp = Math.floor(Date.now() / 1000), viewerUserUniqueId } = {}) {
		const owner = s.userId ?? mock.ids.adminUserId;
		return {
			meta: {
				timestamp,
				event,
				environment: mock.url,
				initiator_id: initiatorId ?? owner,
				callback_url: s.attributes.callback,
				access_token: crypto.randomBytes(32).toString('hex'),
			},
			content: {
				document_id: documentId ?? (ENTITY_ID.test(s.entityId) && s.entityId !== owner ? s.entityId : crypto.randomBytes(20).toString('hex')),
				document_name: documentName,
				user_id: userId ?? owner,
				...(viewerUserUniqueId === undefined ? {} : { viewer_user_unique_id: viewerUserUniqueId }),
			},
		};
	}

	const api = {
		/** Every subscription: `{id, event, entityId, attributes, secretKey, userId, clientId, created}`. */
		subscriptions: () => S(),
		eventDeliveries: [],
		eventPayload: (id, fields) => eventPayload(api.subscription(id), fields),
		subscription(id) {
			const found = id === undefined ? S()[0] : S().find((s) => s.id === id);
			if (!found) throw new Error(`no event subscription ${id ?? ''}`.trim());
			return found;
		},
		/**
		 * POSTs an event to a subscription's callback (or `url`), as SignNow would: signed with its `secret_key` when it
		 * has one (or with `secret`; `secret: null` sends none) in `encoding` (default `mock.signatureEncoding`), with the
		 * subscription's `attributes.headers`, and `?document_id=` when `docid_queryparam` is true. Options: the fields
		 * of the payload, `payload` (object) or `rawBody` (exact text), `headers`. Without `subscriptionId` the first
		 * subscription is used. Resolves `{ status, json, text, payload, rawBody }`.
		 */
		async deliverEvent({ subscriptionId, url, payload, rawBody, secret, encoding, headers = {}, ...fields } = {}) {
			const s = api.subscription(subscriptionId);
			const event = payload ?? eventPayload(s, fields);
			const body = rawBody ?? JSON.stringify(event);
			const key = secret === undefined ? s.secretKey : secret;
			const custom = Object.fromEntries(Object.entries(s.attributes.headers ?? {}).map(([name, value]) => [name, String(value)]));
			const signature = key ? sign.signNow(body, key, encoding ?? mock.signatureEncoding) : {};
			const target = url ?? s.attributes.callback;
			const query = s.attributes.docid_queryparam ? { document_id: event.content?.document_id ?? '' } : undefined;
			const response = await deliver(target, { body, query, headers: { ...custom, ...signature, ...headers } });
			api.eventDeliveries.push({ url: target, event: event.meta?.event, status: response.status });
			return { ...response, payload: event, rawBody: body };
		},
	};

	return { authenticate, addRoutes, api };
}

module.exports = { createEvents };
