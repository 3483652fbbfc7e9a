import type { IDataObject } from 'n8n-workflow';

import type { Delivery, WebhookAdapter, WebhookEvent } from '../shared/webhook/adapter';
import { bodyDigest, idOf, objectAt } from '../shared/webhook/values';

/** The id PandaDoc keeps across retries of a delivery (../shared/reference/vendor-apis.md §4.4). */
const EVENT_ID_HEADER = 'x-pandadoc-webhook-event-id';

function idsOf(type: string, data: IDataObject): IDataObject {
	const id = idOf(data.id);
	const createdBy = objectAt(data.created_by);
	const template = objectAt(data.template);
	return {
		documentId: /^(document|recipient|quote)_/.test(type) ? id : null,
		templateId: type.startsWith('template_') ? id : idOf(template?.id),
		objectId: id,
		status: idOf(data.status),
		createdById: idOf(createdBy?.id),
	};
}

/**
 * The delivery body is a JSON array of `{event, data}`, possibly several (../shared/reference/vendor-apis.md §4.4):
 * one event each. The payload has no event time (`date_modified` is the document's), so occurredAt is null.
 */
function pandaDocEvents(delivery: Delivery): WebhookEvent[] | undefined {
	if (!Array.isArray(delivery.json)) return undefined;
	const eventId = delivery.header(EVENT_ID_HEADER) ?? bodyDigest(delivery.rawBody);
	const events: WebhookEvent[] = [];
	for (const [index, entry] of (delivery.json as unknown[]).entries()) {
		const item = objectAt(entry);
		const type = idOf(item?.event);
		if (!item || !type) return undefined;
		events.push({
			type,
			eventId: delivery.json.length > 1 ? `${eventId}#${index}` : eventId,
			ids: idsOf(type, objectAt(item.data) ?? {}),
			occurredAt: null,
			payload: item,
		});
	}
	return events;
}

/**
 * PandaDoc webhook deliveries (../shared/reference/vendor-apis.md §4.4 and §5): `?signature=<hex>` appended to the
 * URL, `hex(HMAC-SHA256(shared_key, raw body))`. `X-PandaDoc-Webhook-Event-Id` is stable across retries, but it is
 * a header the signature does not cover, so a delivery is also known by a digest of its signed body: a replayed body
 * under a new event id is still a repeat.
 */
export const pandaDocAdapter: WebhookAdapter = {
	vendor: 'PandaDoc',
	vendorKey: 'pandadoc',
	signature: {
		values: (delivery) => [delivery.query('signature') ?? ''],
		encodings: ['hex'],
		message: (delivery) => delivery.rawBody,
	},
	events: pandaDocEvents,
	deliveryIds: (delivery) => {
		const header = delivery.header(EVENT_ID_HEADER);
		return [...(header ? [`pandadoc:event:${header}`] : []), `pandadoc:body:${bodyDigest(delivery.rawBody)}`];
	},
};
