import type { IDataObject } from 'n8n-workflow';

import type { SignatureEncoding } from './signature';

/** A delivery as received: the exact body bytes, headers (lower-case names) and query. */
export interface Delivery {
	/** The request body exactly as received: what the vendor signed. */
	rawBody: Buffer;
	/** The body parsed from `rawBody` (JSON), or undefined when it is not JSON. */
	json: unknown;
	/** First value of a header, by case-insensitive name. */
	header(name: string): string | undefined;
	/** Every header name, lower-case. */
	headerNames(): string[];
	/** First value of a query parameter. */
	query(name: string): string | undefined;
}

/** One vendor event of a delivery, as the trigger outputs it. */
export interface WebhookEvent {
	/** The vendor's event type (`envelope-completed`, `Completed`, `document_state_changed`, …). */
	type: string;
	/** The vendor's id of the event, or the ids that identify it when the vendor has none. */
	eventId: string;
	/** The ids a workflow needs next: document or envelope, user, recipient, account… (null when absent). */
	ids: IDataObject;
	/** When the vendor says the event happened, ISO 8601 UTC, or null. */
	occurredAt: string | null;
	/** The vendor's event as sent. */
	payload: IDataObject;
}

/**
 * What the shared webhook kit needs to know about one vendor's deliveries; everything else (verification,
 * duplicates, filtering, the 401/200 answers, output) is shared. A vendor's trigger node supplies this plus its
 * keys. See ../shared/reference/vendor-apis.md §5 for the recipes.
 */
export interface WebhookAdapter {
	/** Vendor name as users know it ("BoldSign"). */
	vendor: string;
	/** Key of the vendor in output items ("boldsign"). */
	vendorKey: string;
	signature: {
		/** Every signature the delivery carries, as sent (DocuSign: one per active key; BoldSign: s0 and s1). */
		values(delivery: Delivery): string[];
		/** Encodings a signature may be in (SignNow's is unconfirmed: hex or base64). */
		encodings: SignatureEncoding[];
		/** The bytes the vendor signs: the raw body, or a timestamp and the raw body (BoldSign). */
		message(delivery: Delivery): Buffer;
		/** The timestamp the signature covers, as sent, for vendors that sign one (checked against the window). */
		timestamp?(delivery: Delivery): string | undefined;
		/** The window for that timestamp, in seconds. */
		toleranceSeconds?: number;
	};
	/** An endpoint check the vendor sends unsigned and that only needs a 200 (BoldSign's `Verification`). */
	isPing?(delivery: Delivery): boolean;
	/** The events of a delivery (PandaDoc sends several in one); undefined when the body is not the vendor's shape. */
	events(delivery: Delivery): WebhookEvent[] | undefined;
	/**
	 * Ids that identify the delivery across the vendor's retries; it is a repeat if any of them was seen. They must
	 * come from what the signature covers, or a replay could pass as new (PandaDoc's event-id header is not signed,
	 * so its adapter adds a digest of the body).
	 */
	deliveryIds(delivery: Delivery, events: WebhookEvent[]): string[];
}
