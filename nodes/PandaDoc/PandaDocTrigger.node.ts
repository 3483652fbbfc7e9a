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

import { handleDelivery, outputDelivery } from '../shared/webhook/delivery';
import { idOf, sameSet } from '../shared/webhook/values';
import { authenticationField } from './actions/resources';
import { PAYLOAD_OPTIONS, SubscriptionApi, subscriptionOf } from './subscriptions';
import type { Subscription } from './subscriptions';
import { pandaDocAdapter } from './webhook';

/**
 * The triggers of `[pd-7]` (../shared/reference/vendor-apis.md §4.4). `[pd-6]` names `template_updated`
 * `template_modified`; such names can be entered under Other Triggers.
 */
const TRIGGERS = [
	{ name: 'Content Library Item Created', value: 'content_library_item_created' },
	{ name: 'Content Library Item Creation Failed', value: 'content_library_item_creation_failed' },
	{ name: 'Document Completed PDF Ready', value: 'document_completed_pdf_ready', description: 'The completed document’s PDF can be downloaded' },
	{ name: 'Document Creation Failed', value: 'document_creation_failed' },
	{ name: 'Document Deleted', value: 'document_deleted' },
	{ name: 'Document Section Added', value: 'document_section_added' },
	{ name: 'Document State Changed', value: 'document_state_changed', description: 'Sent, viewed, completed, declined… (the new status is in the output)' },
	{ name: 'Document Updated', value: 'document_updated' },
	{ name: 'Quote Updated', value: 'quote_updated' },
	{ name: 'Recipient Completed', value: 'recipient_completed', description: 'A recipient finished their part of a document' },
	{ name: 'Template Created', value: 'template_created' },
	{ name: 'Template Deleted', value: 'template_deleted' },
	{ name: 'Template Updated', value: 'template_updated' },
];

const PAYLOADS: Record<string, string> = {
	metadata: 'Metadata',
	fields: 'Fields',
	products: 'Products',
	tokens: 'Tokens',
	pricing: 'Pricing',
};

/** What the node registered, in the workflow's static data (next to the delivery ids the kit remembers). */
interface Registration {
	/** The subscription's `uuid`. */
	subscriptionId?: string;
	/** Its `shared_key` (§4.4): deliveries must be signed with it. Absent when the user chose unverified deliveries. */
	sharedKey?: string;
}
const REGISTRATION_KEYS = ['subscriptionId', 'sharedKey'];

const registration = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getWorkflowStaticData('node') as Registration & IDataObject;

const verifies = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getNodeParameter('verification', 'sharedKey') !== 'none';

/** The chosen triggers and the other names typed in, each once. */
function chosenTriggers(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const triggers = ctx.getNodeParameter('triggers', []) as unknown;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const other = String(options.otherTriggers ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
	return [...new Set([...(Array.isArray(triggers) ? triggers.map(String) : []), ...other])];
}

function chosenPayload(ctx: IHookFunctions): string[] {
	const payload = ctx.getNodeParameter('payload', []) as unknown;
	return Array.isArray(payload) ? [...new Set(payload.map(String))] : [];
}

/** The keys deliveries must be signed with: the subscription's `shared_key`; none when the user chose unverified. */
function deliveryKeys(ctx: IWebhookFunctions): string[] | null {
	if (!verifies(ctx)) return null;
	const stored = registration(ctx).sharedKey;
	return typeof stored === 'string' && stored ? [stored] : [];
}


/** Whether a listed subscription still delivers what the node asks for, to this URL, with the key it holds. */
function matches(found: Subscription, url: string, triggers: string[], payload: string[], sharedKey: string | undefined): boolean {
	if (found.url !== url || !found.active || (found.status !== null && found.status.toUpperCase() !== 'ACTIVE')) return false;
	if (!sameSet(found.triggers, triggers) || !sameSet(found.payload, payload)) return false;
	return sharedKey === undefined || found.sharedKey === null || found.sharedKey === sharedKey;
}

export class PandaDocTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaDoc Trigger',
		name: 'pandaDocTrigger',
		icon: { light: 'file:pandadoc.svg', dark: 'file:pandadoc.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["triggers"] || []).join(", ") }}',
		description: 'Starts the workflow when PandaDoc reports document, template or quote events',
		defaults: { name: 'PandaDoc Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'pandaDocApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'pandaDocOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		// responseData 'noData': an accepted delivery gets an empty 200 (without it n8n 2.41 answers the text "firstEntryJson")
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' }],
		properties: [
			{
				displayName:
					'When the workflow is published, the node creates a PandaDoc webhook subscription in the credential’s workspace, sending the chosen triggers to this workflow, and keeps its shared key; unpublishing deletes it. PandaDoc delivers only to HTTPS URLs.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			authenticationField,
			{
				displayName: 'Triggers',
				name: 'triggers',
				type: 'multiOptions',
				options: TRIGGERS,
				default: ['document_state_changed'],
				required: true,
				description: 'The events PandaDoc sends to the workflow; only these are output',
			},
			{
				displayName: 'Payload',
				name: 'payload',
				type: 'multiOptions',
				options: PAYLOAD_OPTIONS.map((value) => ({ name: PAYLOADS[value] ?? value, value })),
				default: [],
				description: 'What PandaDoc adds to each event’s data (the subscription’s payload options)',
			},
			{
				displayName: 'Signature Verification',
				name: 'verification',
				type: 'options',
				default: 'sharedKey',
				options: [
					{
						name: 'Subscription’s Shared Key',
						value: 'sharedKey',
						description: 'Refuse (401) every delivery whose ?signature= is not made with the shared key PandaDoc gives the subscription',
					},
					{
						name: 'None (Unverified)',
						value: 'none',
						description: 'Accept deliveries without checking who sent them',
					},
				],
			},
			{
				displayName:
					'Deliveries are unverified: anyone who knows this URL can start the workflow with made-up events. Use the subscription’s shared key unless a proxy changes the requests.',
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
						displayName: 'Other Triggers',
						name: 'otherTriggers',
						type: 'string',
						default: '',
						placeholder: 'e.g. template_modified',
						description:
							'More PandaDoc trigger names, separated by commas: subscribed and output like the chosen triggers. PandaDoc refuses a name it does not know.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/**
			 * True when PandaDoc still has the registered subscription, active, pointing here, with the chosen triggers and
			 * payload and the shared key the node holds (`GET /public/v1/webhook-subscriptions/{id}`,
			 * ../shared/reference/vendor-apis.md §4.4). A deactivated one (PandaDoc does that after many failed
			 * deliveries) is created again.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				const id = idOf(data.subscriptionId);
				if (!id) return false;
				const verify = verifies(this);
				if (verify !== Boolean(data.sharedKey)) return false;
				const url = this.getNodeWebhookUrl('default');
				if (!url) return false;
				const found = await new SubscriptionApi(this).get(id);
				return found !== undefined && matches(found, url, chosenTriggers(this), chosenPayload(this), data.sharedKey);
			},

			/**
			 * Creates the subscription (`POST /public/v1/webhook-subscriptions`, 201 Item, §4.4) after removing any left
			 * for this URL, so none is ever doubled, and keeps its `uuid` and `shared_key`. When the answer has no
			 * `shared_key`, one is made (`PATCH …/shared-key`). If a step after the create fails, the subscription is
			 * deleted again and the failure is reported.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave no webhook URL for the PandaDoc Trigger');
				const triggers = chosenTriggers(this);
				if (triggers.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one trigger', {
						description: 'PandaDoc needs the events the subscription sends.',
					});
				}
				const data = registration(this);
				const api = new SubscriptionApi(this);
				const stored = idOf(data.subscriptionId);
				await api.removeAll(url, stored ? [stored] : []);
				for (const key of REGISTRATION_KEYS) delete data[key];

				const verify = verifies(this);
				const workflowName = this.getWorkflow().name;
				let created: string | undefined;
				try {
					const answer = subscriptionOf(
						await api.create({ name: `n8n: ${workflowName ?? this.getNode().name}`, url, payload: chosenPayload(this), triggers }),
					);
					// The 201 answer is the Item (§4.4); without its uuid the node finds it by URL.
					const subscription = answer ?? (await api.list()).find((s) => s.url === url);
					if (!subscription) {
						throw new NodeOperationError(this.getNode(), 'PandaDoc does not list the webhook subscription it created', {
							description: 'The node cannot tell which subscription is its own. Try again, or check the webhook subscriptions in PandaDoc.',
						});
					}
					created = subscription.id;
					let sharedKey = subscription.sharedKey;
					if (verify && !sharedKey) sharedKey = await api.newSharedKey(created);
					if (verify && !sharedKey) {
						throw new NodeOperationError(this.getNode(), 'PandaDoc gave no shared key for the webhook subscription', {
							description: 'Deliveries could not be verified, so the subscription was deleted again. Try again, or set Signature Verification to None (Unverified).',
						});
					}
					Object.assign(data, { subscriptionId: created, ...(verify && sharedKey ? { sharedKey } : {}) });
					return true;
				} catch (error) {
					// The transport throws NodeApiError or NodeOperationError only, with the credential masked.
					// A subscription whose answer was lost is found by its URL too.
					const failure = error as Error;
					try {
						await api.removeAll(url, created ? [created] : []);
					} catch (cleanup) {
						if (created) {
							throw new NodeOperationError(this.getNode(), failure.message, {
								description: `The webhook subscription created before the failure could not be deleted either (${(cleanup as Error).message}); delete the subscription of this workflow's URL in PandaDoc's webhook settings.`,
							});
						}
					}
					throw failure;
				}
			},

			/**
			 * Deletes the registered subscription and every other one of this URL (`DELETE …/{id}`, 204). One already gone
			 * (404) is fine; any other failure is thrown, so that n8n reports it, and the node keeps what it registered.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				const id = idOf(data.subscriptionId);
				if (!id && !data.sharedKey) return true;
				await new SubscriptionApi(this).removeAll(this.getNodeWebhookUrl('default') ?? '', id ? [id] : []);
				for (const key of REGISTRATION_KEYS) delete data[key];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this, pandaDocAdapter, { keys: deliveryKeys(this), eventTypes: chosenTriggers(this) });
	}

	/** Runs inside the execution a delivery started: outputs its events (see outputDelivery). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [outputDelivery.call(this)];
	}
}
