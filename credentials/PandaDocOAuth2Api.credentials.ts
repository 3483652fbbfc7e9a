import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { BASE_URL_FIELD, baseUrlExpression, PANDADOC_AUTHORIZE } from '../nodes/PandaDoc/hosts';

export class PandaDocOAuth2Api implements ICredentialType {
	name = 'pandaDocOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'PandaDoc OAuth2 API';

	icon: Icon = { light: 'file:../nodes/PandaDoc/pandadoc.svg', dark: 'file:../nodes/PandaDoc/pandadoc.dark.svg' };

	documentationUrl = 'https://developers.pandadoc.com/reference/authentication-process';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		BASE_URL_FIELD,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: PANDADOC_AUTHORIZE,
			description: 'PandaDoc’s consent page. Change it only if PandaDoc gives your app another one.',
		},
		// ../shared/reference/vendor-apis.md §4.2: the token endpoint is on the API host.
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${baseUrlExpression('$self')}) + "/oauth2/access_token" }}`,
		},
		// Sent as `scope=read+write`, as PandaDoc documents it.
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'read write' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		// Client ID and secret go in the form body, not in an Authorization header (../shared/reference/vendor-apis.md §4.2).
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
