import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { BOLDSIGN_AUTHORIZE, BOLDSIGN_SCOPES, BOLDSIGN_TOKEN, REGION_FIELDS } from '../nodes/BoldSign/hosts';

/**
 * BoldSign OAuth2, authorization code grant (https://developers.boldsign.com/authentication/oauth-2-0/): the
 * token is sent as `Authorization: Bearer` to the same API hosts as the API key (../shared/reference/vendor-apis.md §3.1).
 */
export class BoldSignOAuth2Api implements ICredentialType {
	name = 'boldSignOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'BoldSign OAuth2 API';

	icon: Icon = { light: 'file:../nodes/BoldSign/boldsign.svg', dark: 'file:../nodes/BoldSign/boldsign.dark.svg' };

	documentationUrl = 'https://developers.boldsign.com/authentication/oauth-2-0/';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		...REGION_FIELDS,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: BOLDSIGN_AUTHORIZE,
			description: 'BoldSign’s sign-in and consent page. Change it only if BoldSign gives your app another one.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: BOLDSIGN_TOKEN,
			description: 'Where n8n exchanges the code and refreshes the token. Change it only if BoldSign gives your app another one.',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: BOLDSIGN_SCOPES },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		// BoldSign's examples send the client ID and secret in the form body.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
