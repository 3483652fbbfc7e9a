import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { handleDelivery, outputDelivery } from '../shared/webhook/delivery';
import { BOLDSIGN_EVENT_TYPES, boldSignAdapter } from './webhook';

/** The secret deliveries must be signed with; none when the credential is missing or empty (then all are refused). */
async function signingSecrets(ctx: IWebhookFunctions | IHookFunctions): Promise<string[] | null> {
	if (ctx.getNodeParameter('verification', 'signingSecret') === 'none') return null;
	try {
		const secret = String((await ctx.getCredentials('boldSignWebhookApi')).signingSecret ?? '').trim();
		return secret ? [secret] : [];
	} catch {
		return [];
	}
}

/**
 * BoldSign has no webhook-registration API (../shared/reference/vendor-apis.md §3.5): the user pastes this node's
 * URL into BoldSign and its signing secret into the credential. The `Verification` ping is answered 200; every
 * other delivery must be signed with the secret (s0, or s1 while a secret is rolled) within 300 s.
 */
export class BoldSignTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BoldSign Trigger',
		name: 'boldSignTrigger',
		icon: { light: 'file:boldsign.svg', dark: 'file:boldsign.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") || "All events" }}',
		description: 'Starts the workflow when BoldSign sends a document, template or sender identity event',
		defaults: { name: 'BoldSign Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'boldSignWebhookApi',
				required: true,
				testedBy: 'signingSecretPresent',
				displayOptions: { show: { verification: ['signingSecret'] } },
			},
		],
		// responseData 'noData': an accepted delivery gets an empty 200 (without it n8n 2.41 answers the text "firstEntryJson")
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' }],
		properties: [
			{
				displayName:
					'BoldSign has no API to register webhooks. In BoldSign, open Settings → API → Webhooks, add a webhook with this node’s Production URL (shown above), choose its events, and copy the signing secret BoldSign shows into the credential.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Signature Verification',
				name: 'verification',
				type: 'options',
				default: 'signingSecret',
				options: [
					{
						name: 'Signing Secret',
						value: 'signingSecret',
						description: 'Refuse (401) every delivery not signed with the secret in the last 5 minutes',
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
					'Deliveries are unverified: anyone who knows this URL can start the workflow with made-up events. Use the signing secret.',
				name: 'unverifiedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { verification: ['none'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [...BOLDSIGN_EVENT_TYPES].sort().map((type) => ({ name: type.replace(/([a-z])([A-Z])/g, '$1 $2'), value: type })),
				default: [],
				description: 'Only output these event types. Empty: every event BoldSign sends.',
			},
		],
	};

	methods = {
		credentialTest: {
			/** A local check only: BoldSign has no endpoint that tells whether a webhook secret is right. */
			async signingSecretPresent(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return String(credential.data?.signingSecret ?? '').trim()
					? { status: 'OK', message: 'Secret entered; BoldSign’s next delivery shows whether it matches' }
					: { status: 'Error', message: 'Enter the signing secret BoldSign shows for the webhook' };
			},
		},
	};

	/**
	 * BoldSign has no API to register webhooks (../shared/reference/vendor-apis.md §3.5), so there is nothing to
	 * create or delete there: the user adds and removes the URL in BoldSign. Publishing checks only that a node set
	 * to verify signatures has a secret, so it fails at once instead of refusing every delivery.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const secrets = await signingSecrets(this);
				if (secrets !== null && secrets.length === 0) {
					throw new NodeOperationError(this.getNode(), 'The BoldSign Webhook credential has no signing secret', {
						description: 'Copy the webhook’s signing secret from BoldSign (Settings → API → Webhooks) into the credential.',
					});
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const events = this.getNodeParameter('events', []) as unknown;
		return await handleDelivery.call(this, boldSignAdapter, {
			keys: await signingSecrets(this),
			eventTypes: Array.isArray(events) ? events.map(String) : [],
		});
	}

	/** Runs inside the execution a delivery started: outputs its events (see outputDelivery). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [outputDelivery.call(this)];
	}
}
