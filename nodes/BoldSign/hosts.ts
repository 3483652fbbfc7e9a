import type { INodeProperties } from 'n8n-workflow';

/** BoldSign API hosts by region (../shared/reference/vendor-apis.md §3.1). A key from another region gets 401. */
export const BOLDSIGN_HOSTS: Record<string, string> = {
	us: 'https://api.boldsign.com',
	eu: 'https://api-eu.boldsign.com',
	ca: 'https://api-ca.boldsign.com',
	au: 'https://api-au.boldsign.com',
};

/**
 * BoldSign's OAuth2 (OpenID Connect) server: authorization code grant at /connect/authorize, tokens at
 * /connect/token (https://developers.boldsign.com/authentication/oauth-2-0/).
 */
export const BOLDSIGN_AUTHORIZE = 'https://account.boldsign.com/connect/authorize';
export const BOLDSIGN_TOKEN = 'https://account.boldsign.com/connect/token';

/**
 * User and team management scopes (https://developers.boldsign.com/authentication/introduction/), and
 * offline_access for a refresh token.
 */
export const BOLDSIGN_SCOPES = 'openid profile email offline_access BoldSign.Users.All BoldSign.Teams.All';

/** The Region and Base URL fields of both BoldSign credentials. */
export const REGION_FIELDS: INodeProperties[] = [
	{
		displayName: 'Region',
		name: 'region',
		type: 'options',
		default: 'us',
		description: 'The data center of your BoldSign account. A key or token used against another region is rejected with 401.',
		options: [
			{ name: 'Australia', value: 'au' },
			{ name: 'Canada', value: 'ca' },
			{ name: 'Custom Base URL', value: 'custom' },
			{ name: 'Europe', value: 'eu' },
			{ name: 'United States', value: 'us' },
		],
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://api.boldsign.com',
		description: 'The API base URL, without a trailing path',
		displayOptions: { show: { region: ['custom'] } },
	},
];
