'use strict';
// PandaDoc webhook subscriptions for the PandaDoc mock (../shared/reference/vendor-apis.md §4.4: create 201 Item, list
// `{items}`, get, update, new shared key, delete 204) and the deliveries PandaDoc POSTs to a subscription's URL:
// a JSON array of `{event, data}`, `?signature=hex(HMAC-SHA256(shared_key, raw body))`, `X-PandaDoc-Webhook-Event-Id`
// (§4.4, §5). See README.md in this folder.

const crypto = require('node:crypto');
const { httpError, json, empty } = require('./common');
const { deliver, sign } = require('./webhooks');

const pdError = (status, type, detail) => httpError(status, { type, detail });
const badRequest = (detail) => pdError(400, 'request_error', detail);

/** `[pd-7]` triggers, plus `[pd-6]`'s `template_modified` (the reference: accept both). */
const TRIGGERS = [
	'recipient_completed', 'document_updated', 'document_deleted', 'document_state_changed', 'document_creation_failed',
	'document_completed_pdf_ready', 'document_section_added', 'quote_updated', 'template_created', 'template_updated',
	'template_deleted', 'content_library_item_created', 'content_library_item_creation_failed', 'template_modified',
];
const PAYLOADS = ['metadata', 'fields', 'products', 'tokens', 'pricing'];
const CREATE_KEYS = new Set(['name', 'url', 'payload', 'triggers', 'active']);
/** 300 subscriptions per workspace (§4.4). */
const MAX_PER_WORKSPACE = 300;

function createWebhooks(mock) {
	const S = () => mock.state.webhookSubscriptions;
	const workspaceId = () => mock.state.memberships.find((m) => m.membership_id === mock.currentMembershipId)?.workspace_id;
	const newKey = () => crypto.randomBytes(16).toString('hex');

	const item = (s) => ({
		uuid: s.uuid,
		name: s.name,
		url: s.url,
		active: s.active,
		payload: [...s.payload],
		triggers: [...s.triggers],
		workspace_id: s.workspace_id,
		shared_key: s.shared_key,
		status: s.status,
	});

	function validate(body, { partial = false } = {}) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Invalid JSON body.');
		for (const key of Object.keys(body)) if (!CREATE_KEYS.has(key)) throw badRequest({ [key]: ['Unknown field.'] });
		const errors = {};
		if (!partial || body.name !== undefined) if (typeof body.name !== 'string' || !body.name.trim()) errors.name = ['This field is required.'];
		if (!partial || body.url !== undefined) {
			const scheme = mock.webhookHttpsOnly ? /^https:\/\/\S+$/ : /^https?:\/\/\S+$/;
			if (typeof body.url !== 'string' || !scheme.test(body.url)) errors.url = [mock.webhookHttpsOnly ? 'Enter a valid HTTPS URL.' : 'Enter a valid URL.'];
		}
		if (!partial || body.triggers !== undefined) {
			if (!Array.isArray(body.triggers) || body.triggers.length === 0) errors.triggers = ['This field is required.'];
			else for (const t of body.triggers) if (!TRIGGERS.includes(t)) (errors.triggers ??= []).push(`"${t}" is not a valid choice.`);
		}
		if (body.payload !== undefined) {
			if (!Array.isArray(body.payload)) errors.payload = ['Expected a list of items.'];
			else for (const p of body.payload) if (!PAYLOADS.includes(p)) (errors.payload ??= []).push(`"${p}" is not a valid choice.`);
		}
		if (body.active !== undefined && typeof body.active !== 'boolean') errors.active = ['Must be a valid boolean.'];
		if (Object.keys(errors).length) throw badRequest(errors);
	}

	function find(id) {
		const found = S().find((s) => s.uuid === id && s.workspace_id === workspaceId());
		if (!found) throw pdError(404, 'not_found', 'Not found.');
		return found;
	}

	/** `POST /public/v1/webhook-subscriptions` → **201** Item (with `shared_key`; `createAnswer: 'noSharedKey'` leaves it out). */
	function create(req) {
		validate(req.body);
		if (S().filter((s) => s.workspace_id === workspaceId()).length >= MAX_PER_WORKSPACE) {
			throw badRequest('The limit of 300 webhook subscriptions per workspace is reached.');
		}
		const active = req.body.active ?? true;
		const s = {
			uuid: crypto.randomUUID(),
			name: req.body.name,
			url: req.body.url,
			active,
			payload: [...(req.body.payload ?? [])],
			triggers: [...req.body.triggers],
			workspace_id: workspaceId(),
			shared_key: newKey(),
			status: active ? 'ACTIVE' : 'INACTIVE',
		};
		S().push(s);
		const answer = item(s);
		if (mock.webhookCreateAnswer === 'noSharedKey') delete answer.shared_key;
		return json(answer, 201);
	}

	const list = () => json({ items: S().filter((s) => s.workspace_id === workspaceId()).map(item) });
	const get = (req, { id }) => json(item(find(id)));

	/** `PATCH …/{id}` `{name, url, active, payload, triggers}` → 200 Item. */
	function update(req, { id }) {
		const s = find(id);
		validate(req.body, { partial: true });
		Object.assign(s, req.body);
		if (req.body.active !== undefined) s.status = req.body.active ? 'ACTIVE' : 'INACTIVE';
		return json(item(s));
	}

	/** `PATCH …/{id}/shared-key` → 200 `{shared_key}`: a new key; deliveries are signed with it from now on. */
	function regenerateKey(req, { id }) {
		const s = find(id);
		s.shared_key = newKey();
		return json({ shared_key: s.shared_key });
	}

	/** `DELETE …/{id}` → **204**. */
	function remove(req, { id }) {
		const s = find(id);
		S().splice(S().indexOf(s), 1);
		return empty(204);
	}

	function addRoutes(route) {
		route('POST', '/public/v1/webhook-subscriptions', create);
		route('GET', '/public/v1/webhook-subscriptions', list);
		route('GET', '/public/v1/webhook-subscriptions/:id', get);
		route('PATCH', '/public/v1/webhook-subscriptions/:id', update);
		route('PATCH', '/public/v1/webhook-subscriptions/:id/shared-key', regenerateKey);
		route('DELETE', '/public/v1/webhook-subscriptions/:id', remove);
	}

	/** One `{event, data}` entry shaped like the Postman example of §4.4 (`document_state_changed`). */
	function webhookEvent({ event = 'document_state_changed', documentId = `doc-${crypto.randomBytes(6).toString('hex')}`, name = 'Mock contract', status = 'document.completed', createdBy = mock.ids.adminUserId, data } = {}) {
		const now = new Date().toISOString();
		return {
			event,
			data: data ?? {
				id: documentId,
				name,
				date_created: now,
				date_modified: now,
				expiration_date: null,
				autonumbering_sequence_name: null,
				created_by: { id: createdBy, email: 'ada.admin@example.com', first_name: 'Ada', last_name: 'Admin', avatar: null, membership_id: mock.ids.adminMembershipId },
				tags: [],
				status,
				recipients: [],
				sent_by: null,
				grand_total: { amount: '0.00', currency: 'EUR' },
				template: { id: 'tpl-0001', name: 'NDA' },
				version: '2',
				linked_objects: [],
			},
		};
	}

	const api = {
		/** Every subscription (Items, `shared_key` included). */
		webhookSubscriptions: () => S(),
		webhookDeliveries: [],
		webhookEvent,
		webhookSubscription(id) {
			const found = id === undefined ? S()[0] : S().find((s) => s.uuid === id);
			if (!found) throw new Error(`no webhook subscription ${id ?? ''}`.trim());
			return found;
		},
		/**
		 * POSTs a delivery to a subscription's URL (or `url`), as PandaDoc would: a JSON array of `events` (default one
		 * `webhookEvent(fields)`), or `rawBody` (exact text), with `?signature=` made with its `shared_key` (or
		 * `sharedKey`; `sharedKey: null` sends none, `signature` sends that value) and `X-PandaDoc-Webhook-Event-Id`
		 * (`eventId`, default a new UUID; `eventId: null` sends none). Resolves `{ status, json, text, events, rawBody, eventId }`.
		 */
		async deliverWebhook({ subscriptionId, url, events, rawBody, sharedKey, signature, eventId, headers = {}, ...fields } = {}) {
			const s = subscriptionId === undefined && url ? undefined : api.webhookSubscription(subscriptionId);
			const sent = events ?? [webhookEvent(fields)];
			const body = rawBody ?? JSON.stringify(sent);
			const key = sharedKey === undefined ? s?.shared_key : sharedKey;
			const value = signature ?? (key ? sign.pandaDoc(body, key) : undefined);
			const id = eventId === undefined ? crypto.randomUUID() : eventId;
			const target = url ?? s.url;
			const response = await deliver(target, {
				body,
				query: value === undefined ? undefined : { signature: value },
				headers: { ...(id === null ? {} : { 'X-PandaDoc-Webhook-Event-Id': id }), ...headers },
			});
			api.webhookDeliveries.push({ url: target, eventId: id, status: response.status });
			return { ...response, events: sent, rawBody: body, eventId: id };
		},
	};

	return { addRoutes, api };
}

module.exports = { createWebhooks, WEBHOOK_TRIGGERS: TRIGGERS, WEBHOOK_PAYLOADS: PAYLOADS };
