import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** DocuSign hosts by environment (../shared/reference/vendor-apis.md §1.1): the OAuth (account) server and the Admin API base. */
export const DOCUSIGN_ENVIRONMENTS: Record<string, { oauth: string; admin: string }> = {
	demo: { oauth: 'https://account-d.docusign.com', admin: 'https://api-d.docusign.net/management' },
	production: { oauth: 'https://account.docusign.com', admin: 'https://api.docusign.net/management' },
};

/** The `environment` options shared by both DocuSign credentials. */
export const ENVIRONMENT_OPTIONS = [
	{ name: 'Demo (Developer)', value: 'demo', description: 'Uses account-d.docusign.com and api-d.docusign.net' },
	{ name: 'Production', value: 'production', description: 'Uses account.docusign.com and api.docusign.net' },
	{ name: 'Custom', value: 'custom', description: 'Type in both base URLs' },
];

/** Environment and custom base URLs: the first fields of both DocuSign credentials. */
export const ENVIRONMENT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		default: 'demo',
		options: ENVIRONMENT_OPTIONS,
	},
	{
		displayName: 'OAuth Base URL',
		name: 'oauthBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://account-d.docusign.com',
		description: 'The DocuSign account (OAuth) server, without a trailing path',
		displayOptions: { show: { environment: ['custom'] } },
	},
	{
		displayName: 'Admin API Base URL',
		name: 'adminBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://api-d.docusign.net/management',
		description: 'The Admin API base URL, ending in /management',
		displayOptions: { show: { environment: ['custom'] } },
	},
];

/** n8n expression giving a credential's OAuth base URL, for credential fields and tests (`$self` or `$credentials`). */
export function oauthBaseExpression(source: '$self' | '$credentials'): string {
	const hosts = JSON.stringify({ demo: DOCUSIGN_ENVIRONMENTS.demo.oauth, production: DOCUSIGN_ENVIRONMENTS.production.oauth });
	return `${source}.environment === "custom" ? String(${source}.oauthBaseUrl).trim().replace(/\\/+$/, "") : ${hosts}[${source}.environment]`;
}

const trimSlash = (url: string) => url.trim().replace(/\/+$/, '');

/** The OAuth server and Admin API base URL a DocuSign credential (JWT or OAuth2) points to. */
export function docuSignHosts(credentials: ICredentialDataDecryptedObject): { oauth: string; admin: string } {
	const environment = String(credentials.environment ?? 'demo');
	if (environment === 'custom') {
		return { oauth: trimSlash(String(credentials.oauthBaseUrl ?? '')), admin: trimSlash(String(credentials.adminBaseUrl ?? '')) };
	}
	return DOCUSIGN_ENVIRONMENTS[environment] ?? DOCUSIGN_ENVIRONMENTS.demo;
}

/** The bare host of a URL, without scheme or path (`account-d.docusign.com`). */
function bareHost(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
	}
}

/** JWT credential field, Custom environment only: the `aud` claim when the OAuth host is not DocuSign's own. */
export const JWT_AUDIENCE_FIELD: INodeProperties = {
	displayName: 'JWT Audience',
	name: 'jwtAudience',
	type: 'string',
	default: '',
	placeholder: 'e.g. account-d.docusign.com',
	description:
		'The "aud" claim of the JWT: the bare host of DocuSign’s OAuth server. Leave empty to use the host (and port) of the OAuth Base URL; set it when that URL is a proxy.',
	displayOptions: { show: { environment: ['custom'] } },
};

/**
 * The JWT `aud` claim (../shared/reference/vendor-apis.md §1.2: the bare OAuth host, no scheme): the JWT
 * Audience field in a Custom environment (a URL typed there is cut to its host), else the OAuth host.
 */
export function jwtAudience(credentials: ICredentialDataDecryptedObject, oauthBaseUrl: string): string {
	const typed = String(credentials.jwtAudience ?? '').trim();
	if (credentials.environment === 'custom' && typed) return typed.includes('://') ? bareHost(typed) : typed;
	return bareHost(oauthBaseUrl);
}
