import type { IDataObject } from 'n8n-workflow';

import type { Delivery, WebhookAdapter, WebhookEvent } from '../shared/webhook/adapter';
import { idOf, isoFromSeconds, objectAt } from '../shared/webhook/values';

/** Values of the payload that are credentials: never put into an execution's output. */
const SECRET_META = ['access_token'];

/**
 * The delivery payload (../shared/reference/vendor-apis.md §2.5): `{meta: {timestamp, event, environment,
 * initiator_id, callback_url, access_token}, content: {document_id, document_name, user_id, viewer_user_unique_id}}`.
 * `meta.access_token` is masked in the output.
 */
function signNowEvent(delivery: Delivery): WebhookEvent[] | undefined {
	const body = objectAt(delivery.json);
	const meta = objectAt(body?.meta);
	const type = idOf(meta?.event);
	if (!body || !meta || !type) return undefined;
	const content = objectAt(body.content) ?? {};
	const ids = {
		documentId: idOf(content.document_id),
		userId: idOf(content.user_id),
		initiatorId: idOf(meta.initiator_id),
		viewerUserUniqueId: idOf(content.viewer_user_unique_id),
	};
	// SignNow sends no event id: the meta fields and the content ids identify an event.
	const eventId = [type, idOf(meta.timestamp), ids.documentId, ids.userId, ids.initiatorId, ids.viewerUserUniqueId]
		.map((part) => part ?? '')
		.join('|');
	const maskedMeta: IDataObject = { ...meta };
	for (const key of SECRET_META) if (maskedMeta[key]) maskedMeta[key] = '***';
	return [{ type, eventId, ids, occurredAt: isoFromSeconds(meta.timestamp), payload: { ...body, meta: maskedMeta } }];
}

/**
 * SignNow event-subscription deliveries (../shared/reference/vendor-apis.md §2.5 and §5). The signature is
 * UNCONFIRMED: third-party code reads `X-SignNow-Signature` as HMAC-SHA256 of the raw body with the subscription's
 * `secret_key`, some in hex and some in base64, so both encodings are accepted. No timestamp is signed.
 */
export const signNowAdapter: WebhookAdapter = {
	vendor: 'SignNow',
	vendorKey: 'signnow',
	signature: {
		values: (delivery) => [delivery.header('x-signnow-signature') ?? ''],
		encodings: ['hex', 'base64'],
		message: (delivery) => delivery.rawBody,
	},
	events: signNowEvent,
	deliveryIds: (_delivery, events) => events.map((event) => `signnow:${event.eventId}`),
};
