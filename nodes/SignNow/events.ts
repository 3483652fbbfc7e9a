import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { apiRequest } from '../shared/transport';
import type { ApiRequest } from '../shared/types';
import { idOf, objectAt } from '../shared/webhook/values';
import { basicAuth, dataOf, settle, signNow } from './transport';

/**
 * Event subscriptions, family A of ../shared/reference/vendor-apis.md §2.5: `POST`, `GET /api/v2/events`,
 * `DELETE /api/v2/events/{id}`. Family B (`/v2/event-subscriptions`) has no create endpoint and its prefix is
 * UNCONFIRMED there (`/v2/dashboard/event-subscriptions` in SignNow.NET), so the trigger uses A throughout.
 */
export const eventPaths = {
	subscriptions: '/api/v2/events',
	subscription: (id: string) => `/api/v2/events/${encodeURIComponent(id)}`,
};

/** One subscription as `GET /api/v2/events` lists it. */
export interface Subscription {
	id: string;
	event: string;
	/** `json_attributes.callback_url`: the request's `callback` comes back under this name (§2.5). */
	callbackUrl: string | null;
	/** `json_attributes.secret_key` when SignNow shows it (the fixture does). */
	secretKey?: string;
}

/** A list item; `entity_id` is left out on purpose: the list gives a number there, not the ID that was sent (§2.5). */
function subscriptionOf(item: IDataObject): Subscription | undefined {
	const id = idOf(item.id);
	const event = idOf(item.event);
	if (!id || !event) return undefined;
	const attributes = objectAt(item.json_attributes) ?? objectAt(item.attributes) ?? {};
	const secretKey = idOf(attributes.secret_key) ?? undefined;
	return { id, event, callbackUrl: idOf(attributes.callback_url) ?? idOf(attributes.callback), ...(secretKey ? { secretKey } : {}) };
}

/** The `POST /api/v2/events` body (§2.5): `callback` and `use_tls_12` in `attributes`, `secret_key` at the top level. */
export function subscriptionBody(event: string, entityId: string, callback: string, secretKey?: string): IDataObject {
	return {
		event,
		entity_id: entityId,
		action: 'callback',
		attributes: { callback, use_tls_12: true },
		...(secretKey ? { secret_key: secretKey } : {}),
	};
}

const refusedAuth = (error: unknown) => error instanceof NodeApiError && (error.httpCode === '401' || error.httpCode === '403');

/**
 * Lists and removes subscriptions. The sources disagree on the auth of `GET` and `DELETE /api/v2/events` (§2.5):
 * `[sn-v3]` and Postman's GET send the app's Basic token, the docs a Bearer token. These try Basic first, and when
 * SignNow refuses it (401, 403) use the credential's token, which they then keep for the rest of the call.
 * `POST` is Bearer everywhere.
 */
export class SubscriptionApi {
	private bearer = false;

	constructor(private readonly ctx: IHookFunctions) {}

	private async send(request: ApiRequest): Promise<IDataObject> {
		if (!this.bearer) {
			const basic = await settle(basicAuth.call(this.ctx));
			if ('value' in basic) {
				const sent = await settle(apiRequest.call(this.ctx, signNow, { ...request, authorization: basic.value }));
				if ('value' in sent) return sent.value;
				if (!refusedAuth(sent.error)) throw sent.error;
			}
			// No client ID or secret in the credential, or SignNow wants the token here.
			this.bearer = true;
		}
		return await apiRequest.call(this.ctx, signNow, request);
	}

	/** Every subscription SignNow lists for the caller. */
	async list(): Promise<Subscription[]> {
		const body = await this.send({ method: 'GET', path: eventPaths.subscriptions });
		return dataOf(body)
			.map(subscriptionOf)
			.filter((s): s is Subscription => s !== undefined);
	}

	/** The subscriptions whose callback is `url`: this trigger's, whatever the node remembers. */
	async ofCallback(url: string): Promise<Subscription[]> {
		return (await this.list()).filter((s) => s.callbackUrl === url);
	}

	/** Deletes one subscription; a 404 means it is already gone. Any other failure is thrown, so n8n reports it. */
	async remove(id: string): Promise<'deleted' | 'gone'> {
		const outcome = await settle(this.send({ method: 'DELETE', path: eventPaths.subscription(id) }));
		if ('value' in outcome) return 'deleted';
		if (outcome.error instanceof NodeApiError && outcome.error.httpCode === '404') return 'gone';
		throw outcome.error;
	}

	/** Deletes the given subscriptions and every other one of the callback URL. */
	async removeAll(url: string, ids: string[]): Promise<void> {
		const targets = new Set(ids);
		for (const s of await this.ofCallback(url)) targets.add(s.id);
		for (const id of targets) await this.remove(id);
	}
}
