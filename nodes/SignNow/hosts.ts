import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** SignNow API hosts, without a path prefix (../shared/reference/vendor-apis.md §2.1). */
export const SIGNNOW_HOSTS: Record<string, string> = {
	production: 'https://api.signnow.com',
	sandbox: 'https://api-eval.signnow.com',
};

/** Environment and custom base URL: the first fields of both SignNow credentials. */
export const ENVIRONMENT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		default: 'production',
		options: [
			{ name: 'Production', value: 'production', description: 'Uses api.signnow.com' },
			{ name: 'Sandbox', value: 'sandbox', description: 'Uses api-eval.signnow.com' },
			{ name: 'Custom Base URL', value: 'custom' },
		],
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://api-eval.signnow.com',
		description: 'The API base URL, without a trailing path',
		displayOptions: { show: { environment: ['custom'] } },
	},
];

/** n8n expression giving a credential's API base URL, for credential fields and tests (`$self` or `$credentials`). */
export function baseUrlExpression(source: '$self' | '$credentials'): string {
	return `${source}.environment === "custom" ? String(${source}.baseUrl).trim().replace(/\\/+$/, "") : ${JSON.stringify(SIGNNOW_HOSTS)}[${source}.environment]`;
}

/** The API base URL a SignNow credential (password grant or OAuth2) points to. */
export function signNowBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	const url = environment === 'custom' ? String(credentials.baseUrl ?? '') : (SIGNNOW_HOSTS[environment] ?? SIGNNOW_HOSTS.production);
	return url.trim().replace(/\/+$/, '');
}

/** `Basic base64(client_id:client_secret)`, SignNow's "Basic authorization token" (../shared/reference/vendor-apis.md §2.2). */
export function basicAuthorization(clientId: string, clientSecret: string): string {
	return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}
