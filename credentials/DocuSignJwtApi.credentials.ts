import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { headerAuthentication } from '../nodes/shared/authenticate';
import { requestJwtToken } from '../nodes/DocuSignAdmin/auth/token';
import { ENVIRONMENT_FIELDS, JWT_AUDIENCE_FIELD, oauthBaseExpression } from '../nodes/DocuSignAdmin/hosts';

export const DEFAULT_JWT_SCOPES =
	'signature impersonation user_read user_write organization_read account_read group_read permission_read';

export class DocuSignJwtApi implements ICredentialType {
	name = 'docuSignJwtApi';

	displayName = 'DocuSign JWT API';

	icon: Icon = { light: 'file:../nodes/DocuSignAdmin/docusign.svg', dark: 'file:../nodes/DocuSignAdmin/docusign.dark.svg' };

	documentationUrl = 'https://developers.docusign.com/platform/auth/jwt/jwt-get-token/';

	properties: INodeProperties[] = [
		...ENVIRONMENT_FIELDS,
		JWT_AUDIENCE_FIELD,
		{
			displayName: 'Integration Key',
			name: 'integrationKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 8f2c1a9e-…',
			description: 'The client ID of the app, from Apps and Keys in DocuSign',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 4c7e1b5d-…',
			description:
				'API user ID (GUID) of the organization administrator to impersonate, from Apps and Keys → My Account Information',
		},
		{
			displayName: 'RSA Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 5 },
			default: '',
			required: true,
			description:
				'The private key of an RSA key pair of the integration key, PKCS#1 or PKCS#8, with real or literal \\n line breaks',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_JWT_SCOPES,
			description: 'Space-separated scopes to request. "signature impersonation" is required for JWT.',
		},
		{
			displayName: 'Redirect URI',
			name: 'redirectUri',
			type: 'string',
			default: 'https://www.docusign.com',
			description:
				'A redirect URI registered on the integration key. Used only to build the consent URL shown when DocuSign asks for consent.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await requestJwtToken.call(this, credentials);
	}

	authenticate = headerAuthentication('Authorization', 'accessToken', 'Bearer ');

	test: ICredentialTestRequest = {
		request: { baseURL: `={{ ${oauthBaseExpression('$credentials')} }}`, url: '/oauth/userinfo' },
	};
}
