import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** PandaDoc's one API host; sandbox keys use it too (../shared/reference/vendor-apis.md §4.1). */
export const PANDADOC_API = 'https://api.pandadoc.com';

/**
 * The consent page: not in the SDKs (UNCONFIRMED, ../shared/reference/vendor-apis.md §4.2), so the OAuth2
 * credential lets it be changed.
 */
export const PANDADOC_AUTHORIZE = 'https://app.pandadoc.com/oauth2/authorize';

/** The Base URL field of both PandaDoc credentials. */
export const BASE_URL_FIELD: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: PANDADOC_API,
	description: 'PandaDoc’s API host. Change it only for a proxy or a test server.',
};

/** n8n expression for a credential's base URL without a trailing slash (`$self` or `$credentials`). */
export function baseUrlExpression(source: '$self' | '$credentials'): string {
	return `String(${source}.baseUrl || "${PANDADOC_API}").trim().replace(/\\/+$/, "")`;
}

export function pandaDocBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || PANDADOC_API).trim().replace(/\/+$/, '');
}
