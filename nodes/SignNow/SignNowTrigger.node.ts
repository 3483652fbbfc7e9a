import { randomBytes } from 'node:crypto';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { apiRequest } from '../shared/transport';
import { handleDelivery, outputDelivery } from '../shared/webhook/delivery';
import { idOf, sameSet } from '../shared/webhook/values';
import { authenticationField } from './actions/resources';
import { eventPaths, subscriptionBody, SubscriptionApi } from './events';
import { settle, signNow } from './transport';
import { signNowAdapter } from './webhook';

/**
 * The event names official sources give (../shared/reference/vendor-apis.md §2.5). The rest of SignNow's catalogue
 * is UNCONFIRMED there; such names can be entered under Other Event Names.
 */
const EVENTS = [
	{ name: 'Document Completed (user.document.complete)', value: 'user.document.complete', description: 'Every signer has signed' },
	{ name: 'Document Created (user.document.create)', value: 'user.document.create', description: 'A document was uploaded or created' },
	{ name: 'Field Invite Sent (document.fieldinvite.sent)', value: 'document.fieldinvite.sent', description: 'A signing invite was sent' },
];

/** What the node registered, in the workflow's static data (next to the delivery ids the kit remembers). */
interface Registration {
	/** One subscription per chosen event: `{id, event}`. */
	subscriptions?: IDataObject[];
	/** The `secret_key` the node generated; deliveries must be signed with it. */
	secretKey?: string;
	/** `user` or `document`, and the `entity_id` sent (the list does not give it back, §2.5). */
	scope?: string;
	entityId?: string;
}
const REGISTRATION_KEYS = ['subscriptions', 'secretKey', 'scope', 'entityId'];

const registration = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getWorkflowStaticData('node') as Registration & IDataObject;

function storedSubscriptions(data: Registration): Array<{ id: string; event: string }> {
	return (Array.isArray(data.subscriptions) ? data.subscriptions : [])
		.map((s) => ({ id: idOf(s?.id), event: idOf(s?.event) }))
		.filter((s): s is { id: string; event: string } => s.id !== null && s.event !== null);
}

const verifies = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getNodeParameter('verification', 'secretKey') !== 'none';

/** The chosen events and the other names typed in, each once. */
function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const other = String(options.otherEvents ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
	return [...new Set([...(Array.isArray(events) ? events.map(String) : []), ...other])];
}

/** The keys deliveries must be signed with: the generated one; none when the user chose unverified deliveries. */
function deliveryKeys(ctx: IWebhookFunctions): string[] | null {
	if (!verifies(ctx)) return null;
	const stored = registration(ctx).secretKey;
	return typeof stored === 'string' && stored ? [stored] : [];
}

const scopeOf = (ctx: IHookFunctions) => (ctx.getNodeParameter('watch', 'user') === 'document' ? 'document' : 'user');

/** The credential's user (`GET /user`, ../shared/reference/vendor-apis.md §2.3). */
async function currentUserId(ctx: IHookFunctions): Promise<string> {
	const id = idOf((await apiRequest.call(ctx, signNow, { method: 'GET', path: '/user' })).id);
	if (!id) throw new NodeOperationError(ctx.getNode(), 'SignNow did not give the ID of the credential’s user');
	return id;
}

/** `entity_id` (§2.5): the credential's user at user scope, the chosen document at document scope. */
async function entityOf(ctx: IHookFunctions): Promise<string> {
	if (scopeOf(ctx) === 'user') return await currentUserId(ctx);
	const documentId = String(ctx.getNodeParameter('documentId', '') ?? '').trim();
	if (!documentId) {
		throw new NodeOperationError(ctx.getNode(), 'Enter the ID of the document to watch', {
			description: 'Watch → One Document needs the document’s ID (40 characters, in the document’s URL in SignNow).',
		});
	}
	return documentId;
}


export class SignNowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignNow Trigger',
		name: 'signNowTrigger',
		icon: { light: 'file:signnow.svg', dark: 'file:signnow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when SignNow reports document events',
		defaults: { name: 'SignNow Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'signNowApi', required: true, displayOptions: { show: { authentication: ['password'] } } },
			{ name: 'signNowOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		// responseData 'noData': an accepted delivery gets an empty 200 (without it n8n 2.41 answers the text "firstEntryJson")
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' }],
		properties: [
			{
				displayName:
					'When the workflow is published, the node creates one SignNow event subscription per chosen event, sending it to this workflow with a secret key the node generates; unpublishing removes them.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			authenticationField,
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				default: 'user',
				options: [
					{ name: 'Documents of the Credential’s User', value: 'user', description: 'Events of every document of the user the credential signs in as' },
					{ name: 'One Document', value: 'document', description: 'Events of one document, by its ID' },
				],
			},
			{
				displayName: 'Document ID',
				name: 'documentId',
				type: 'string',
				default: '',
				required: true,
				description: 'The ID of the document whose events start the workflow',
				displayOptions: { show: { watch: ['document'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS,
				default: ['user.document.complete'],
				required: true,
				description: 'The events SignNow sends; one subscription each, and only these are output',
			},
			{
				displayName: 'Signature Verification',
				name: 'verification',
				type: 'options',
				default: 'secretKey',
				options: [
					{
						name: 'Generated Secret Key',
						value: 'secretKey',
						description: 'Refuse (401) every delivery not signed with the secret key the node gives SignNow',
					},
					{
						name: 'None (Unverified)',
						value: 'none',
						description: 'Subscribe without a secret key and accept deliveries without checking who sent them',
					},
				],
			},
			{
				displayName:
					'Deliveries are unverified: anyone who knows this URL can start the workflow with made-up events. Use the generated secret key unless SignNow’s deliveries are refused with it.',
				name: 'unverifiedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verification: ['none'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Other Event Names',
						name: 'otherEvents',
						type: 'string',
						default: '',
						placeholder: 'e.g. user.document.fieldinvite.signed, user.document.update',
						description:
							'More SignNow event names, separated by commas: subscribed and output like the chosen events. SignNow’s full list of names is not confirmed; SignNow refuses a name it does not know.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/**
			 * True when SignNow still lists a subscription of this URL for every chosen event and none for another, the
			 * ones the node registered among them, with its secret key where SignNow shows it, for the same user or document.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				const stored = storedSubscriptions(data);
				if (stored.length === 0) return false;
				const verify = verifies(this);
				if (verify !== Boolean(data.secretKey)) return false;
				const scope = scopeOf(this);
				if (data.scope !== scope || (await entityOf(this)) !== data.entityId) return false;
				const url = this.getNodeWebhookUrl('default');
				if (!url) return false;
				const ours = await new SubscriptionApi(this).ofCallback(url);
				if (!stored.every((s) => ours.some((o) => o.id === s.id && o.event === s.event))) return false;
				const events = chosenEvents(this);
				if (ours.length !== events.length || !sameSet(ours.map((o) => o.event), events)) return false;
				return !verify || ours.every((o) => o.secretKey === undefined || o.secretKey === data.secretKey);
			},

			/**
			 * Subscribes the URL to each chosen event (`POST /api/v2/events`, ../shared/reference/vendor-apis.md §2.5)
			 * with a new secret key, after removing any subscription left for this URL, so none is ever doubled. SignNow
			 * answers `{}` (fixture), so the ids come from the list unless the answer has one. If any step fails, the
			 * subscriptions made so far are removed again and the failure is reported.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave no webhook URL for the SignNow Trigger');
				const events = chosenEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
						description: 'SignNow needs an event for each subscription.',
					});
				}
				const scope = scopeOf(this);
				const entityId = await entityOf(this);
				const data = registration(this);
				const api = new SubscriptionApi(this);
				await api.removeAll(url, storedSubscriptions(data).map((s) => s.id));
				for (const key of REGISTRATION_KEYS) delete data[key];

				const secretKey = verifies(this) ? randomBytes(32).toString('hex') : undefined;
				const made: Array<{ event: string; id: string | null }> = [];
				const outcome = await settle(
					(async () => {
						for (const event of events) {
							const answer = await apiRequest.call(this, signNow, {
								method: 'POST',
								path: eventPaths.subscriptions,
								body: subscriptionBody(event, entityId, url, secretKey),
								idempotent: false,
							});
							made.push({ event, id: idOf(answer.id) });
						}
						if (made.some((m) => m.id === null)) {
							const listed = await api.ofCallback(url);
							for (const m of made) {
								m.id ??= listed.find((s) => s.event === m.event && !made.some((other) => other.id === s.id))?.id ?? null;
							}
						}
						const missing = made.filter((m) => m.id === null).map((m) => m.event);
						if (missing.length) {
							throw new NodeOperationError(this.getNode(), `SignNow does not list the subscription it created for ${missing.join(', ')}`, {
								description: 'The node cannot tell which subscription is its own, so it removed those it created. Try again, or check the events in SignNow.',
							});
						}
					})(),
				);
				if ('error' in outcome) {
					// The transport throws NodeApiError or NodeOperationError only, with the credential masked.
					// A subscription whose answer was lost is found by its URL too.
					const failure = outcome.error as Error;
					const cleanup = await settle(api.removeAll(url, made.flatMap((m) => (m.id ? [m.id] : []))));
					if ('error' in cleanup && made.length > 0) {
						throw new NodeOperationError(this.getNode(), failure.message, {
							description: `The subscriptions created before the failure could not be removed either (${(cleanup.error as Error).message}); delete the subscriptions of this workflow's URL in SignNow.`,
						});
					}
					throw failure;
				}
				Object.assign(data, { subscriptions: made as IDataObject[], scope, entityId, ...(secretKey ? { secretKey } : {}) });
				return true;
			},

			/**
			 * Removes the registered subscriptions and every other one of this URL. One already gone (404) is fine; any
			 * other failure is thrown, so that n8n reports it, and the node keeps what it registered.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				const stored = storedSubscriptions(data);
				if (stored.length === 0 && !data.secretKey) return true;
				const url = this.getNodeWebhookUrl('default') ?? '';
				await new SubscriptionApi(this).removeAll(
					url,
					stored.map((s) => s.id),
				);
				for (const key of REGISTRATION_KEYS) delete data[key];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this, signNowAdapter, { keys: deliveryKeys(this), eventTypes: chosenEvents(this) });
	}

	/** Runs inside the execution a delivery started: outputs its events (see outputDelivery). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [outputDelivery.call(this)];
	}
}
