import type { ICredentialDataDecryptedObject, IDataObject, ILoadOptionsFunctions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { RequestContext } from './types';

/**
 * The Authentication parameter of a node that takes an API key credential or an OAuth2 one. The editor shows
 * the choice in the node's Credential field, not as a field of its own.
 */
export const apiKeyOrOAuth2Field: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	default: 'apiKey',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
};

/** The node's two credentials, each shown for its value of the Authentication parameter. */
export function apiKeyOrOAuth2Credentials(apiKey: string, oAuth2: string): INodeCredentialDescription[] {
	return [
		{ name: apiKey, required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
		{ name: oAuth2, required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
	];
}

/** The credential type the Authentication parameter selects (the API key when the node has no such parameter). */
export function apiKeyOrOAuth2(ctx: RequestContext, apiKey: string, oAuth2: string): string {
	const authentication =
		'getInputData' in ctx
			? ctx.getNodeParameter('authentication', 0, 'apiKey')
			: (ctx as ILoadOptionsFunctions).getNodeParameter('authentication', 'apiKey');
	return authentication === 'oAuth2' ? oAuth2 : apiKey;
}

/** The secret values of an API key or OAuth2 credential, to mask in any error. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [credentials.apiKey, credentials.clientSecret, token.access_token, token.refresh_token].filter(
		(value): value is string => typeof value === 'string' && value.length > 0,
	);
}
