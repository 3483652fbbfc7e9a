import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { firstString } from '../shared/errors';
import { apiRequest, apiRequestFull } from '../shared/transport';
import type { RequestContext, VendorApi } from '../shared/types';
import { docuSignHosts } from './hosts';
import { asList, credentialTypeOf, docuSign } from './transport';

/**
 * The OAuth server, for `/oauth/userinfo` (../shared/reference/vendor-apis.md §1.2). Its own name: the transport
 * keeps one session per vendor name and context, and this one has another base URL than the Admin API.
 */
export const docuSignOAuthServer: VendorApi = {
	...docuSign,
	name: 'DocuSign OAuth',
	async connection(ctx) {
		const credentials = await ctx.getCredentials(credentialTypeOf(ctx));
		return { ...(await docuSign.connection(ctx)), baseUrl: docuSignHosts(credentials).oauth };
	},
	hint: (status) =>
		status === 401
			? 'DocuSign rejected the access token at /oauth/userinfo. Check the credential’s environment and that the user is active.'
			: undefined,
};

/** The eSignature REST API of one account, at `<base_uri>/restapi` (../shared/reference/vendor-apis.md §1.7). */
export function eSignatureApi(restBase: string): VendorApi {
	return {
		...docuSign,
		name: 'DocuSign eSignature',
		async connection(ctx) {
			return { ...(await docuSign.connection(ctx)), baseUrl: restBase };
		},
		hint(status, vendorMessage) {
			if ((status === 401 || status === 403) && /scope/i.test(vendorMessage ?? '')) {
				return 'The access token lacks the "signature" scope, which the eSignature API needs. Add it to the credential’s scopes and grant consent again.';
			}
			if (status === 401) {
				return 'DocuSign rejected the access token. The credential needs the "signature" scope (JWT: also "impersonation"), granted by consent.';
			}
			if (status === 403 || status === 400) {
				return 'Connect configurations and HMAC keys are account settings: the credential’s user must be an administrator of the chosen DocuSign account, and the account must allow Connect.';
			}
			if (status === 404) return 'The Connect configuration or HMAC key was not found in this account.';
			return undefined;
		},
	};
}

export interface ESignatureAccount {
	accountId: string;
	accountName: string;
	/** `<base_uri>/restapi`: where the account's eSignature API lives. */
	restBase: string;
}

function isDefault(account: IDataObject): boolean {
	return account.is_default === true || String(account.is_default).toLowerCase() === 'true';
}

/** The accounts of the credential's user, from `/oauth/userinfo` (../shared/reference/vendor-apis.md §1.2). */
export async function userAccounts(this: RequestContext): Promise<IDataObject[]> {
	const info = await apiRequest.call(this, docuSignOAuthServer, { method: 'GET', path: '/oauth/userinfo' });
	return asList(info, 'accounts');
}

/** The chosen account (or the user's default one) and its eSignature base URI. */
export async function eSignatureAccount(this: RequestContext, chosen: string): Promise<ESignatureAccount> {
	const accounts = await userAccounts.call(this);
	const wanted = chosen.trim().toLowerCase();
	const account = wanted
		? accounts.find((a) => String(a.account_id ?? '').toLowerCase() === wanted)
		: (accounts.find(isDefault) ?? (accounts.length === 1 ? accounts[0] : undefined));
	const list = accounts.map((a) => `${String(a.account_name ?? 'Unnamed')} (${String(a.account_id)})`).join(', ') || 'none';
	if (!account) {
		throw new NodeOperationError(
			this.getNode(),
			wanted ? `The credential’s user has no DocuSign account ${chosen}` : 'The credential’s user has no default DocuSign account',
			{ description: `Accounts of the user: ${list}. Choose one in the Account field.` },
		);
	}
	const baseUri = String(account.base_uri ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\//i.test(baseUri)) {
		throw new NodeOperationError(this.getNode(), `DocuSign gave no eSignature base URI for account ${String(account.account_id)}`, {
			description: 'The account of /oauth/userinfo has no base_uri; the eSignature API cannot be reached.',
		});
	}
	return { accountId: String(account.account_id), accountName: String(account.account_name ?? ''), restBase: `${baseUri}/restapi` };
}

/** The Account dropdown: the user's default account, then every account of /oauth/userinfo. */
export async function getESignatureAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = await userAccounts.call(this);
	return [
		{ name: 'Default Account', value: '', description: 'The credential user’s default account' },
		...accounts.map((a) => ({ name: String(a.account_name ?? a.account_id), value: String(a.account_id) })),
	];
}

/** eSignature Connect paths (../shared/reference/vendor-apis.md §1.7). */
export const connectPaths = {
	configurations: (account: string) => `/v2.1/accounts/${encodeURIComponent(account)}/connect`,
	configuration: (account: string, connectId: string) =>
		`/v2.1/accounts/${encodeURIComponent(account)}/connect/${encodeURIComponent(connectId)}`,
	secrets: (account: string) => `/v2.1/accounts/${encodeURIComponent(account)}/connect/secret`,
	secret: (account: string, keyId: string) =>
		`/v2.1/accounts/${encodeURIComponent(account)}/connect/secret/${encodeURIComponent(keyId)}`,
};

/** The account's Connect configurations: `{configurations:[…], totalRecords}`. */
export async function listConfigurations(this: RequestContext, account: ESignatureAccount): Promise<IDataObject[]> {
	const body = await apiRequest.call(this, eSignatureApi(account.restBase), {
		method: 'GET',
		path: connectPaths.configurations(account.accountId),
	});
	return asList(body, 'configurations');
}

/**
 * Deletes a Connect configuration or an HMAC key. A 404 means it is already gone; any other failure is thrown,
 * so that n8n reports it (a deactivation that leaves a configuration behind must not look clean).
 */
export async function deleteIfPresent(this: IHookFunctions, account: ESignatureAccount, path: string): Promise<'deleted' | 'gone'> {
	const outcome = await apiRequestFull.call(this, eSignatureApi(account.restBase), { method: 'DELETE', path }).then(
		() => 'deleted' as const,
		(error: unknown) => error,
	);
	if (outcome === 'deleted') return outcome;
	if (outcome instanceof NodeApiError && outcome.httpCode === '404') return 'gone';
	// The transport throws NodeApiError or NodeOperationError only, with the credential masked.
	throw outcome;
}

/**
 * The key DocuSign generated, from the answer to `POST …/connect/secret`. The SDK types that answer as nothing
 * ([ds-esign] `createConnectSecret`, ../shared/reference/vendor-apis.md §1.7), so its shape is UNCONFIRMED: the key
 * is read from `secretKey`, `secret`, `hmacKey` or `key`, or from `secrets` (the organization-level model
 * `OrganizationConnectHmacSecretsResponse` of the Admin spec), and its id from `keyId` or `id`.
 */
export function generatedKey(body: unknown): { key?: string; keyId?: string } {
	const record = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as IDataObject;
	const fields = ['secretKey', 'secret', 'hmacKey', 'key'];
	const secrets = Array.isArray(record.secrets) ? record.secrets : [];
	const last = secrets[secrets.length - 1];
	if (typeof last === 'string' && last) return { key: last, keyId: firstString(record, ['keyId', 'id']) };
	const entry = last && typeof last === 'object' ? (last as IDataObject) : record;
	return { key: firstString(entry, fields), keyId: firstString(entry, ['keyId', 'id']) };
}
