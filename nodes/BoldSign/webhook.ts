import type { Delivery, WebhookAdapter, WebhookEvent } from '../shared/webhook/adapter';
import { bodyDigest, idOf, isoFromSeconds, objectAt } from '../shared/webhook/values';

/**
 * BoldSign's webhook event types, `WebHookEventType` of the C# SDK (../shared/reference/vendor-apis.md §3.5),
 * without `Verification`, the endpoint check. There are no user or team events.
 */
export const BOLDSIGN_EVENT_TYPES = [
	'Sent', 'Signed', 'Completed', 'Declined', 'Revoked', 'Reassigned', 'Expired', 'Viewed', 'AuthenticationFailed',
	'DeliveryFailed', 'SendFailed', 'SenderIdentityCreated', 'SenderIdentityUpdated', 'SenderIdentityDeleted',
	'SenderIdentityRevoked', 'SenderIdentityVerified', 'SenderIdentityDenied', 'TemplateCreated', 'TemplateCreateFailed',
	'TemplateDraftCreated', 'DraftCreated', 'IdentityVerificationInitiated', 'IdentityVerificationSucceeded',
	'IdentityVerificationFailed', 'TemplateSendFailed', 'Reminder', 'TemplateEdited', 'SignerSaved', 'Edited', 'EditFailed',
	'KBAInitiated', 'KBASucceeded', 'KBAFailed',
];

/** BoldSign's default tolerance between the signed timestamp and now (../shared/reference/vendor-apis.md §3.5). */
export const BOLDSIGN_TOLERANCE_SECONDS = 300;

/**
 * `X-BoldSign-Signature: t=<unix seconds>, s0=<hex>[, s1=<hex>]`: split on `,`, each pair on the first `=`, spaces
 * trimmed (../shared/reference/vendor-apis.md §3.5). s1 is the signature with the previous secret while one is rolled.
 */
export function parseBoldSignSignature(header: string | undefined): { t?: string; signatures: string[] } {
	const out: { t?: string; signatures: string[] } = { signatures: [] };
	for (const part of (header ?? '').split(',')) {
		const at = part.indexOf('=');
		if (at < 0) continue;
		const key = part.slice(0, at).trim().toLowerCase();
		const value = part.slice(at + 1).trim();
		if (key === 't') out.t = value;
		else if (/^s\d+$/.test(key)) out.signatures.push(value);
	}
	return out;
}

function boldSignEvent(delivery: Delivery): WebhookEvent[] | undefined {
	const body = objectAt(delivery.json);
	const event = objectAt(body?.event);
	if (!body || !event) return undefined;
	const type = idOf(event.eventType) ?? idOf(delivery.header('x-boldsign-event'));
	if (!type) return undefined;
	// `data` replaces the deprecated top-level `document` (../shared/reference/vendor-apis.md §3.5).
	const data = objectAt(body.data) ?? objectAt(body.document) ?? {};
	const actor = objectAt(objectAt(body.context)?.actor) ?? {};
	const objectType = idOf(data.object);
	return [
		{
			type,
			eventId: idOf(event.id) ?? '',
			ids: {
				objectType,
				documentId: idOf(data.documentId),
				templateId: idOf(data.templateId),
				actorId: idOf(actor.id),
				actorType: idOf(actor.userType),
				environment: idOf(event.environment),
			},
			occurredAt: isoFromSeconds(event.created),
			payload: body,
		},
	];
}

/**
 * BoldSign deliveries (../shared/reference/vendor-apis.md §3.5 and §5): `lowercase_hex(HMAC-SHA256(secret,
 * "<t>.<raw body>"))` in `X-BoldSign-Signature`, valid if s0 or s1 matches and t is within 300 s; the
 * `Verification` ping is answered 200 without a check; the event id is `event.id`.
 */
export const boldSignAdapter: WebhookAdapter = {
	vendor: 'BoldSign',
	vendorKey: 'boldsign',
	signature: {
		values: (delivery) => parseBoldSignSignature(delivery.header('x-boldsign-signature')).signatures,
		encodings: ['hex'],
		message: (delivery) =>
			Buffer.concat([Buffer.from(`${parseBoldSignSignature(delivery.header('x-boldsign-signature')).t ?? ''}.`, 'utf8'), delivery.rawBody]),
		timestamp: (delivery) => parseBoldSignSignature(delivery.header('x-boldsign-signature')).t,
		toleranceSeconds: BOLDSIGN_TOLERANCE_SECONDS,
	},
	isPing: (delivery) => delivery.header('x-boldsign-event')?.trim().toLowerCase() === 'verification',
	events: boldSignEvent,
	// event.id is in the signed body; a body without one (never seen from BoldSign) is known by its digest.
	deliveryIds: (delivery, events) =>
		events.map((event) => (event.eventId ? `boldsign:event:${event.eventId}` : `boldsign:body:${bodyDigest(delivery.rawBody)}`)),
};
