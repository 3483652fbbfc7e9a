import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { headerAuthentication } from '../nodes/shared/authenticate';
import { requestPasswordToken } from '../nodes/SignNow/auth/token';
import { baseUrlExpression, ENVIRONMENT_FIELDS } from '../nodes/SignNow/hosts';

export class SignNowApi implements ICredentialType {
	name = 'signNowApi';

	displayName = 'SignNow API';

	icon: Icon = { light: 'file:../nodes/SignNow/signnow.svg', dark: 'file:../nodes/SignNow/signnow.dark.svg' };

	documentationUrl = 'https://docs.signnow.com/docs/signnow/authentication';

	properties: INodeProperties[] = [
		...ENVIRONMENT_FIELDS,
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of your API application in SignNow',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Client secret of your API application in SignNow',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@example.com',
			description: 'Email address of the SignNow account the node acts as (a team or organization admin)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
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
		return await requestPasswordToken.call(this, credentials);
	}

	authenticate = headerAuthentication('Authorization', 'accessToken', 'Bearer ');

	// Verify access token (../shared/reference/vendor-apis.md §2.2): the sign-in ran just before it.
	test: ICredentialTestRequest = {
		request: { baseURL: `={{ ${baseUrlExpression('$credentials')} }}`, url: '/oauth2/token' },
	};
}
