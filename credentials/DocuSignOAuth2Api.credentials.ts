import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { ENVIRONMENT_FIELDS, oauthBaseExpression } from '../nodes/DocuSignAdmin/hosts';

export class DocuSignOAuth2Api implements ICredentialType {
	name = 'docuSignOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'DocuSign OAuth2 API';

	icon: Icon = { light: 'file:../nodes/DocuSignAdmin/docusign.svg', dark: 'file:../nodes/DocuSignAdmin/docusign.dark.svg' };

	documentationUrl = 'https://developers.docusign.com/platform/auth/authcode/';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		...ENVIRONMENT_FIELDS,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ (${oauthBaseExpression('$self')}) + "/oauth/auth" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${oauthBaseExpression('$self')}) + "/oauth/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'signature user_read user_write organization_read account_read group_read permission_read',
			description: 'Space-separated scopes. The signing-in user must be an organization administrator.',
		},
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
	];
}
