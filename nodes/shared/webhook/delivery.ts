import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Delivery, WebhookAdapter, WebhookEvent } from './adapter';
import { claimedInProcess, claimInProcess, SEEN_MAX_AGE_MS, SeenDeliveries } from './seen';
import { hmacSha256, verifySignature } from './signature';
import type { SignatureRejection } from './signature';

/** Why a delivery got 401: a signature problem, or an event older than the ids the node remembers. */
export type Refusal = SignatureRejection | 'too-old';

/** What the kit decided about one delivery, before any answer is written. */
export type Outcome =
	| { kind: 'ping' }
	| { kind: 'refused'; reason: Refusal }
	| { kind: 'unreadable' }
	| { kind: 'duplicate' }
	| { kind: 'ignored' }
	| { kind: 'accepted'; events: WebhookEvent[]; ids: string[] };

export interface DeliveryOptions {
	/** Keys a delivery must be signed with (any of them). `null`: the user chose to accept unverified deliveries. */
	keys: string[] | null;
	/** Event types to output; empty: every type. */
	eventTypes: string[];
	/** Now, in ms (tests). */
	now?: number;
}

interface RequestLike {
	rawBody?: Buffer;
	body?: unknown;
	headers: Record<string, string | string[] | undefined>;
	query?: unknown;
}

function first(value: unknown): string | undefined {
	if (Array.isArray(value)) return first(value[0]);
	return typeof value === 'string' ? value : undefined;
}

/** A delivery read from n8n's request: the raw bytes n8n kept, never a re-serialized body. */
export function deliveryOf(req: RequestLike): Delivery {
	const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
	let json: unknown;
	try {
		const text = rawBody.toString('utf8');
		json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		json = undefined;
	}
	const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
	const query = (req.query && typeof req.query === 'object' ? req.query : {}) as Record<string, unknown>;
	return {
		rawBody,
		json,
		header: (name) => first(headers[name.toLowerCase()]),
		headerNames: () => Object.keys(headers),
		query: (name) => first(query[name]),
	};
}

/** The oldest time any event says it happened, in ms, or undefined when none says. */
function oldest(events: WebhookEvent[]): number | undefined {
	const times = events.map((event) => (event.occurredAt ? Date.parse(event.occurredAt) : NaN)).filter(Number.isFinite);
	return times.length ? Math.min(...times) : undefined;
}

/**
 * Decides what to do with a delivery, in this order: a vendor's unsigned endpoint check gets 200; with keys, a
 * delivery that is unsigned, forged, outside the window or signed with an unknown key is refused; a body that is not
 * the vendor's shape is unreadable; an event older than the ids remembered is refused (its id may be forgotten); a
 * delivery whose id was seen is a duplicate; else its ids are remembered and its chosen events are accepted.
 * Only a verified delivery is remembered, so a forged one can never make a real one look like a repeat.
 */
export function decide(
	adapter: WebhookAdapter,
	delivery: Delivery,
	options: DeliveryOptions,
	seen: SeenDeliveries,
	claim: (ids: string[]) => boolean = () => true,
): Outcome {
	if (adapter.isPing?.(delivery)) return { kind: 'ping' };
	if (options.keys !== null) {
		const { signature } = adapter;
		let message: Buffer | undefined;
		const verdict = verifySignature({
			keys: options.keys,
			getExpectedSignature: (key) => hmacSha256(key, (message ??= signature.message(delivery))),
			getActualSignatures: () => signature.values(delivery),
			encodings: signature.encodings,
			getTimestamp: signature.timestamp ? () => signature.timestamp?.(delivery) : undefined,
			toleranceSeconds: signature.toleranceSeconds,
			nowSeconds: options.now === undefined ? undefined : Math.floor(options.now / 1000),
		});
		if (!verdict.valid) return { kind: 'refused', reason: verdict.reason };
	}
	const events = adapter.events(delivery);
	if (!events || events.length === 0) return { kind: 'unreadable' };
	const now = options.now ?? Date.now();
	const at = oldest(events);
	if (at !== undefined && now - at >= SEEN_MAX_AGE_MS) return { kind: 'refused', reason: 'too-old' };
	const ids = adapter.deliveryIds(delivery, events);
	if (seen.has(ids, now) || !claim(ids)) return { kind: 'duplicate' };
	seen.add(ids, now);
	const chosen = options.eventTypes.length
		? events.filter((event) => options.eventTypes.some((type) => type.toLowerCase() === event.type.toLowerCase()))
		: events;
	return chosen.length ? { kind: 'accepted', events: chosen, ids } : { kind: 'ignored' };
}

/** The output item of one event: its type, the ids a workflow needs next, and the vendor's payload. */
export function eventItem(adapter: WebhookAdapter, event: WebhookEvent): INodeExecutionData {
	return {
		json: {
			vendor: adapter.vendorKey,
			eventType: event.type,
			eventId: event.eventId,
			...event.ids,
			occurredAt: event.occurredAt,
			payload: event.payload,
		} as IDataObject,
	};
}

/**
 * The execute step of a webhook trigger: outputs the items of the delivery that started this execution. It writes no
 * static data: in queue mode a worker runs it on a copy of the workflow without its static data (n8n 2.41 stores an
 * execution's workflow without it, and the job does not reload it), and n8n would save that copy, changed, over the
 * stored one, with the registration lost. The webhook method has already remembered the delivery's ids.
 */
export function outputDelivery(this: IExecuteFunctions): INodeExecutionData[] {
	return this.getInputData().map((item, index) => ({ ...item, pairedItem: { item: index } }));
}

const ANSWERS: Record<Exclude<Outcome['kind'], 'accepted'>, { status: number; message: string }> = {
	ping: { status: 200, message: 'Endpoint check received' },
	refused: { status: 401, message: 'Signature verification failed: no execution was started' },
	unreadable: { status: 400, message: 'The body is not a delivery this trigger understands: no execution was started' },
	duplicate: { status: 200, message: 'Already received: no new execution was started' },
	ignored: { status: 200, message: 'Event type not chosen in the trigger: no execution was started' },
};

/**
 * The webhook method of a vendor trigger: verifies the delivery over its raw bytes, answers 401 (refused),
 * 400 (unreadable) or 200 without an execution (endpoint check, duplicate, event type not chosen), and answers an
 * accepted delivery with an empty 200 and starts one execution for it with one item per event.
 */
export async function handleDelivery(
	this: IWebhookFunctions,
	adapter: WebhookAdapter,
	options: DeliveryOptions,
): Promise<IWebhookResponseData> {
	const delivery = deliveryOf(this.getRequestObject() as unknown as RequestLike);
	const seen = new SeenDeliveries(this.getWorkflowStaticData('node'));
	const scope = `${this.getWorkflow().id ?? ''}|${this.getNode().id}`;
	const outcome = decide(adapter, delivery, options, seen, (ids) => claimInProcess(scope, ids, options.now));
	if (outcome.kind === 'accepted') {
		// Answered here (noWebhookResponse): n8n then saves the static data this method changed before it starts the
		// execution. When n8n answers, the workflow runner resets the "changed" flag first and the new ids are lost.
		seen.merge(claimedInProcess(scope), options.now);
		this.getResponseObject().status(200).end();
		return { workflowData: [outcome.events.map((event) => eventItem(adapter, event))], noWebhookResponse: true };
	}
	const answer = ANSWERS[outcome.kind];
	if (outcome.kind === 'refused') {
		this.logger.warn(`${adapter.vendor} Trigger refused a delivery (${outcome.reason})`, { node: this.getNode().name });
	}
	this.getResponseObject()
		.status(answer.status)
		.json(outcome.kind === 'refused' ? { message: answer.message, reason: outcome.reason } : { message: answer.message });
	return { noWebhookResponse: true };
}
