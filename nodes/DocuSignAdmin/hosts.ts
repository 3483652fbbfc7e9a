import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** DocuSign hosts by environment (reference §1.1): the OAuth (account) server and the Admin API base. */
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
		placeholder: 'https://account-d.docusign.com',
		description: 'The DocuSign account (OAuth) server, without a trailing path',
		displayOptions: { show: { environment: ['custom'] } },
	},
	{
		displayName: 'Admin API Base URL',
		name: 'adminBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://api-d.docusign.net/management',
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

/** The JWT `aud` claim: the bare OAuth host, without scheme or path (reference §1.2). */
export function oauthAudience(oauthBaseUrl: string): string {
	try {
		return new URL(oauthBaseUrl).host;
	} catch {
		return oauthBaseUrl.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
	}
}
