import type { Delivery, WebhookAdapter, WebhookEvent } from '../shared/webhook/adapter';
import { idOf, isoFromText, objectAt } from '../shared/webhook/values';

/** The headers DocuSign signs with: one per active HMAC key (../shared/reference/vendor-apis.md §1.7). */
const SIGNATURE_HEADER = /^x-docusign-signature-(\d+)$/;

/** Every `X-DocuSign-Signature-N` value, in N order. */
export function docuSignSignatures(delivery: Delivery): string[] {
	return delivery
		.headerNames()
		.map((name) => SIGNATURE_HEADER.exec(name))
		.filter((match): match is RegExpExecArray => match !== null)
		.sort((a, b) => Number(a[1]) - Number(b[1]))
		.map((match) => delivery.header(match[0]) ?? '');
}

/**
 * The JSON SIM payload (../shared/reference/vendor-apis.md §1.7, ../shared/reference/specs/connect.schema-v2.json):
 * `{event, uri, retryCount, configurationId, apiVersion, generatedDateTime, data: {accountId, userId, recipientId,
 * envelopeId, envelopeSummary}}`.
 */
function connectEvent(delivery: Delivery): WebhookEvent[] | undefined {
	const body = objectAt(delivery.json);
	const type = idOf(body?.event);
	if (!body || !type) return undefined;
	const data = objectAt(body.data) ?? {};
	const ids = {
		envelopeId: idOf(data.envelopeId),
		recipientId: idOf(data.recipientId),
		userId: idOf(data.userId),
		accountId: idOf(data.accountId),
		configurationId: idOf(body.configurationId),
	};
	// DocuSign has no event id: the configuration + envelope + event + generatedDateTime, and the recipient,
	// so that two recipients' events of one instant stay apart. retryCount is left out: it changes on each retry.
	const eventId = [ids.configurationId, ids.envelopeId, type, ids.recipientId, idOf(body.generatedDateTime)]
		.map((part) => part ?? '')
		.join('|');
	return [{ type, eventId, ids, occurredAt: isoFromText(body.generatedDateTime), payload: body }];
}

/**
 * DocuSign Connect deliveries (../shared/reference/vendor-apis.md §1.7 and §5): `X-DocuSign-Signature-1..N`, each
 * `base64(HMAC-SHA256(key, raw body))`, one per active key; the delivery is genuine if any header matches any key
 * the node holds. DocuSign signs no timestamp.
 */
export const docuSignAdapter: WebhookAdapter = {
	vendor: 'DocuSign',
	vendorKey: 'docusign',
	signature: {
		values: docuSignSignatures,
		encodings: ['base64'],
		message: (delivery) => delivery.rawBody,
	},
	events: connectEvent,
	deliveryIds: (_delivery, events) => events.map((event) => `docusign:${event.eventId}`),
};
