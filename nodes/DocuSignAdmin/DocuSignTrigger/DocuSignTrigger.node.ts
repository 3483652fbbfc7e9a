import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { handleDelivery, outputDelivery } from '../../shared/webhook/delivery';
import { authenticationField } from '../actions/resources';
import {
	connectPaths,
	deleteIfPresent,
	eSignatureAccount,
	eSignatureApi,
	generatedKey,
	getESignatureAccounts,
	listConfigurations,
} from '../connect';
import type { ESignatureAccount } from '../connect';
import { docuSignAdapter } from '../webhook';
import { sameSet } from '../../shared/webhook/values';

/**
 * Connect events of the JSON SIM format (../shared/reference/vendor-apis.md §1.7 gives `envelope-completed`; the
 * full list, from DocuSign's event-triggers page, is UNCONFIRMED there). There are no user events.
 */
const ENVELOPE_EVENTS = ['created', 'sent', 'resent', 'delivered', 'completed', 'declined', 'voided', 'corrected', 'purge', 'deleted', 'discard'];
const RECIPIENT_EVENTS = [
	'sent', 'autoresponded', 'delivered', 'completed', 'declined', 'authenticationfailed', 'resent', 'delegate', 'reassign', 'finish-later',
];
const title = (text: string) => text.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);
const EVENT_OPTIONS: INodePropertyOptions[] = [
	...ENVELOPE_EVENTS.map((e) => ({ name: `Envelope ${title(e)}`, value: `envelope-${e}` })),
	...RECIPIENT_EVENTS.map((e) => ({ name: `Recipient ${title(e)}`, value: `recipient-${e}` })),
].sort((a, b) => a.name.localeCompare(b.name));

/** What DocuSign may add to each event (`eventData.includeData`, ../shared/reference/vendor-apis.md §1.7). */
const INCLUDE_DATA: INodePropertyOptions[] = [
	{ name: 'Attachments', value: 'attachments' },
	{ name: 'Custom Fields', value: 'custom_fields' },
	{ name: 'Documents (Base64 PDFs, Large)', value: 'documents' },
	{ name: 'Extensions', value: 'extensions' },
	{ name: 'Recipients', value: 'recipients' },
	{ name: 'Tabs', value: 'tabs' },
];

/** Where the node keeps what it registered: the configuration, the account, and the HMAC key it created. */
interface Registration {
	connectId?: string;
	accountId?: string;
	restBase?: string;
	hmacKey?: string;
	hmacKeyId?: string;
}

const registration = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getWorkflowStaticData('node') as Registration & IDataObject;

function keysOf(text: unknown): string[] {
	return String(text ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
}

/** The keys deliveries must be signed with: the one the node created, or those of the HMAC credential. */
async function hmacKeys(ctx: IHookFunctions | IWebhookFunctions): Promise<string[]> {
	if (ctx.getNodeParameter('hmacKey', 'create') === 'credential') {
		try {
			return keysOf((await ctx.getCredentials('docuSignConnectHmacApi')).secretKeys);
		} catch {
			return [];
		}
	}
	const stored = registration(ctx).hmacKey;
	return typeof stored === 'string' && stored ? [stored] : [];
}

function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	return Array.isArray(events) ? events.map(String) : [];
}

async function chosenAccount(this: IHookFunctions): Promise<ESignatureAccount> {
	return await eSignatureAccount.call(this, String(this.getNodeParameter('account', '') ?? ''));
}

/** The account the node registered in (kept at creation), so deactivation needs no userinfo call. */
async function registeredAccount(this: IHookFunctions): Promise<ESignatureAccount> {
	const data = registration(this);
	if (data.accountId && data.restBase) return { accountId: data.accountId, accountName: '', restBase: data.restBase };
	return await chosenAccount.call(this);
}


/**
 * The account-level Connect configuration (../shared/reference/vendor-apis.md §1.7): JSON SIM, `restv2.1`, the chosen
 * events, HMAC on, acknowledgement required (so DocuSign retries failures). Booleans are strings there.
 */
function configurationBody(ctx: IHookFunctions, url: string): IDataObject {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const includeData = Array.isArray(options.includeData) ? options.includeData : ['recipients'];
	return {
		configurationType: 'custom',
		urlToPublishTo: url,
		name: `n8n: ${ctx.getWorkflow().name ?? ctx.getWorkflow().id ?? ''}`.slice(0, 100),
		allUsers: 'true',
		allowEnvelopePublish: 'true',
		enableLog: 'true',
		requiresAcknowledgement: 'true',
		includeHMAC: 'true',
		deliveryMode: 'SIM',
		eventData: { version: 'restv2.1', format: 'json', includeData },
		events: chosenEvents(ctx),
	};
}

export class DocuSignTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocuSign Trigger',
		name: 'docuSignTrigger',
		icon: { light: 'file:../docusign.svg', dark: 'file:../docusign.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when DocuSign Connect reports envelope or recipient events',
		defaults: { name: 'DocuSign Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'docuSignJwtApi', required: true, displayOptions: { show: { authentication: ['jwt'] } } },
			{ name: 'docuSignOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{
				name: 'docuSignConnectHmacApi',
				required: true,
				testedBy: 'connectHmacKeysPresent',
				displayOptions: { show: { hmacKey: ['credential'] } },
			},
		],
		// responseData 'noData': an accepted delivery gets an empty 200 (without it n8n 2.41 answers the text "firstEntryJson")
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' }],
		properties: [
			{
				displayName:
					'When the workflow is published, the node creates an account-level Connect configuration that sends the chosen events to this workflow, signed with HMAC; unpublishing removes it. The credential’s user must be an administrator of the account.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			authenticationField,
			{
				displayName: 'Account Name or ID',
				name: 'account',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getESignatureAccounts', loadOptionsDependsOn: ['authentication'] },
				default: '',
				description:
					'The eSignature account whose envelopes are reported. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: ['envelope-completed'],
				required: true,
				description: 'The envelope and recipient events DocuSign sends; only these are output',
			},
			{
				displayName: 'HMAC Key',
				name: 'hmacKey',
				type: 'options',
				default: 'create',
				options: [
					{
						name: 'Create a Key in DocuSign',
						value: 'create',
						description: 'The node generates an account HMAC key when published and deletes it when unpublished',
					},
					{
						name: 'Use Keys From a Credential',
						value: 'credential',
						description: 'Keys you created in DocuSign (Settings → Connect → Connect Keys), pasted in a credential',
					},
				],
				description: 'Every delivery must carry a valid HMAC signature of one of these keys, or it is refused with 401',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Data',
						name: 'includeData',
						type: 'multiOptions',
						options: INCLUDE_DATA,
						default: ['recipients'],
						description: 'What DocuSign adds to each event’s envelope summary',
					},
				],
			},
		],
	};

	methods = {
		loadOptions: { getESignatureAccounts },
		credentialTest: {
			/** A local check only: DocuSign has no endpoint that tells whether a key is one of the account's. */
			async connectHmacKeysPresent(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const keys = keysOf(credential.data?.secretKeys);
				return keys.length
					? { status: 'OK', message: `${keys.length} key${keys.length > 1 ? 's' : ''} entered; DocuSign checks them on the first delivery` }
					: { status: 'Error', message: 'Enter at least one Connect HMAC key' };
			},
		},
	};

	webhookMethods = {
		default: {
			/** True when the registered configuration still exists, points here, has the chosen events and HMAC. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				if (!data.connectId) return false;
				if ((await hmacKeys(this)).length === 0) return false;
				const account = await chosenAccount.call(this);
				if (account.accountId !== data.accountId || account.restBase !== data.restBase) return false;
				const url = this.getNodeWebhookUrl('default');
				const found = (await listConfigurations.call(this, account)).find(
					(config) => String(config.connectId) === data.connectId && config.urlToPublishTo === url,
				);
				if (!found) return false;
				const events = Array.isArray(found.events) ? found.events.map(String) : [];
				return String(found.includeHMAC).toLowerCase() === 'true' && sameSet(events, chosenEvents(this));
			},

			/**
			 * Registers the configuration: removes any left behind for this URL, creates (or reads) the HMAC key, then
			 * creates the configuration. A key created for a configuration that then failed is deleted again.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave no webhook URL for the DocuSign Trigger');
				if (chosenEvents(this).length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
						description: 'DocuSign Connect needs the envelope or recipient events to send.',
					});
				}
				const account = await chosenAccount.call(this);
				const api = eSignatureApi(account.restBase);
				const data = registration(this);

				for (const config of await listConfigurations.call(this, account)) {
					if (config.urlToPublishTo === url && config.connectId !== undefined) {
						await deleteIfPresent.call(this, account, connectPaths.configuration(account.accountId, String(config.connectId)));
					}
				}
				if (data.hmacKeyId && data.accountId === account.accountId) {
					await deleteIfPresent.call(this, account, connectPaths.secret(account.accountId, data.hmacKeyId));
				}
				delete data.hmacKey;
				delete data.hmacKeyId;

				let created: { key?: string; keyId?: string } = {};
				if (this.getNodeParameter('hmacKey', 'create') === 'credential') {
					if ((await hmacKeys(this)).length === 0) {
						throw new NodeOperationError(this.getNode(), 'The DocuSign Connect HMAC credential has no key', {
							description: 'Paste one or more of the account’s Connect HMAC keys into the credential.',
						});
					}
				} else {
					created = generatedKey(
						await apiRequest.call(this, api, { method: 'POST', path: connectPaths.secrets(account.accountId), idempotent: false }),
					);
					if (!created.key) {
						if (created.keyId) await deleteIfPresent.call(this, account, connectPaths.secret(account.accountId, created.keyId));
						throw new NodeOperationError(this.getNode(), 'DocuSign created an HMAC key but its answer did not include the key', {
							description:
								'Create a key in DocuSign (Settings → Connect → Connect Keys), and set HMAC Key to "Use Keys From a Credential".',
						});
					}
				}

				const posted = await apiRequest
					.call(this, api, {
						method: 'POST',
						path: connectPaths.configurations(account.accountId),
						body: configurationBody(this, url),
						idempotent: false,
					})
					.then(
						(body) => ({ body }),
						(error: unknown) => ({ error }),
					);
				if ('error' in posted) {
					// The transport throws NodeApiError or NodeOperationError only, with the credential masked.
					const failure = posted.error as Error;
					const cleanup = created.keyId
						? await deleteIfPresent.call(this, account, connectPaths.secret(account.accountId, created.keyId)).then(
								() => undefined,
								(error: unknown) => error as Error,
							)
						: undefined;
					if (cleanup) {
						throw new NodeOperationError(this.getNode(), failure.message, {
							description: `The HMAC key created for the configuration could not be deleted either (${cleanup.message}); delete it in DocuSign under Settings → Connect → Connect Keys.`,
						});
					}
					throw failure;
				}
				const config = posted.body;
				let connectId = config.connectId === undefined ? undefined : String(config.connectId);
				connectId ??= (await listConfigurations.call(this, account))
					.filter((c) => c.urlToPublishTo === url)
					.map((c) => String(c.connectId))[0];
				if (!connectId) {
					throw new NodeOperationError(this.getNode(), 'DocuSign did not report the Connect configuration it created');
				}
				Object.assign(data, { connectId, accountId: account.accountId, restBase: account.restBase });
				if (created.key) {
					data.hmacKey = created.key;
					if (created.keyId) data.hmacKeyId = created.keyId;
				}
				return true;
			},

			/**
			 * Removes every configuration of this URL (the registered one included) and the key the node created. A
			 * configuration or key already gone (404) is fine; any other failure is thrown, and n8n reports it.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				const url = this.getNodeWebhookUrl('default');
				if (!data.connectId && !data.hmacKeyId) return true;
				const account = await registeredAccount.call(this);
				const targets = new Set<string>(data.connectId ? [data.connectId] : []);
				for (const config of await listConfigurations.call(this, account)) {
					if (config.urlToPublishTo === url && config.connectId !== undefined) targets.add(String(config.connectId));
				}
				for (const connectId of targets) {
					await deleteIfPresent.call(this, account, connectPaths.configuration(account.accountId, connectId));
				}
				if (data.hmacKeyId) await deleteIfPresent.call(this, account, connectPaths.secret(account.accountId, data.hmacKeyId));
				for (const key of ['connectId', 'accountId', 'restBase', 'hmacKey', 'hmacKeyId']) delete data[key];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this, docuSignAdapter, { keys: await hmacKeys(this), eventTypes: chosenEvents(this) });
	}

	/** Runs inside the execution a delivery started: outputs its events (see outputDelivery). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [outputDelivery.call(this)];
	}
}
