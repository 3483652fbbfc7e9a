import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { apiRequest } from '../shared/transport';
import { idOf, objectAt } from '../shared/webhook/values';
import { pandaDoc } from './transport';

const enc = encodeURIComponent;

/** Webhook subscription paths (../shared/reference/vendor-apis.md §4.4). */
export const subscriptionPaths = {
	subscriptions: '/public/v1/webhook-subscriptions',
	subscription: (id: string) => `/public/v1/webhook-subscriptions/${enc(id)}`,
	sharedKey: (id: string) => `/public/v1/webhook-subscriptions/${enc(id)}/shared-key`,
};

/** The `payload` options of a subscription (§4.4): what PandaDoc adds to each event's `data`. */
export const PAYLOAD_OPTIONS = ['metadata', 'fields', 'products', 'tokens', 'pricing'];

/** One webhook subscription, the Item of §4.4. */
export interface Subscription {
	id: string;
	url: string | null;
	active: boolean;
	/** `ACTIVE`, `INACTIVE` or `DEACTIVATED` (PandaDoc deactivates one after many failed deliveries, §4.4). */
	status: string | null;
	triggers: string[];
	payload: string[];
	sharedKey: string | null;
}

const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** An Item as PandaDoc answers it, or undefined without a `uuid`. */
export function subscriptionOf(body: unknown): Subscription | undefined {
	const item = objectAt(body);
	const id = idOf(item?.uuid);
	if (!item || !id) return undefined;
	return {
		id,
		url: idOf(item.url),
		active: item.active !== false,
		status: idOf(item.status),
		triggers: strings(item.triggers),
		payload: strings(item.payload),
		sharedKey: idOf(item.shared_key),
	};
}

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

/** A promise's value or its error (the transport throws NodeApiError or NodeOperationError only). */
export async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
	return await promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
}

/** Webhook subscriptions of the credential's workspace (§4.4: subscriptions are per workspace). */
export class SubscriptionApi {
	constructor(private readonly ctx: IHookFunctions) {}

	/** `GET /public/v1/webhook-subscriptions` → `{items: [Item]}`. */
	async list(): Promise<Subscription[]> {
		const body = await apiRequest.call(this.ctx, pandaDoc, { method: 'GET', path: subscriptionPaths.subscriptions });
		return (Array.isArray(body.items) ? body.items : []).map(subscriptionOf).filter((s): s is Subscription => s !== undefined);
	}

	/** `GET /public/v1/webhook-subscriptions/{id}`; undefined when PandaDoc answers 404. Other failures are thrown. */
	async get(id: string): Promise<Subscription | undefined> {
		const outcome = await settle(apiRequest.call(this.ctx, pandaDoc, { method: 'GET', path: subscriptionPaths.subscription(id) }));
		if ('value' in outcome) return subscriptionOf(outcome.value);
		if (isNotFound(outcome.error)) return undefined;
		throw outcome.error;
	}

	/** `POST /public/v1/webhook-subscriptions` `{name, url, payload, triggers}` → 201 Item. Not repeated on a lost answer. */
	async create(body: { name: string; url: string; payload: string[]; triggers: string[] }): Promise<IDataObject> {
		return await apiRequest.call(this.ctx, pandaDoc, { method: 'POST', path: subscriptionPaths.subscriptions, body, idempotent: false });
	}

	/** `PATCH /public/v1/webhook-subscriptions/{id}/shared-key` → `{shared_key}`: a new key for the subscription. */
	async newSharedKey(id: string): Promise<string | null> {
		const body = await apiRequest.call(this.ctx, pandaDoc, { method: 'PATCH', path: subscriptionPaths.sharedKey(id), idempotent: false });
		return idOf(body.shared_key);
	}

	/** `DELETE /public/v1/webhook-subscriptions/{id}` → 204. A 404 means it is already gone; any other failure is thrown. */
	async remove(id: string): Promise<'deleted' | 'gone'> {
		const outcome = await settle(apiRequest.call(this.ctx, pandaDoc, { method: 'DELETE', path: subscriptionPaths.subscription(id) }));
		if ('value' in outcome) return 'deleted';
		if (isNotFound(outcome.error)) return 'gone';
		throw outcome.error;
	}

	/** Deletes the given subscriptions and every other one whose URL is `url` (left behind by an earlier run). */
	async removeAll(url: string, ids: string[]): Promise<void> {
		const targets = new Set(ids);
		for (const s of await this.list()) if (s.url === url) targets.add(s.id);
		for (const id of targets) await this.remove(id);
	}
}
