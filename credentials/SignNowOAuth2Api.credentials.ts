import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { baseUrlExpression, ENVIRONMENT_FIELDS } from '../nodes/SignNow/hosts';

/** SignNow's consent page by environment. UNCONFIRMED: the reference gives no authorization URL. */
const AUTHORIZE_URLS = { production: 'https://app.signnow.com/authorize', sandbox: 'https://app-eval.signnow.com/authorize' };

export class SignNowOAuth2Api implements ICredentialType {
	name = 'signNowOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SignNow OAuth2 API';

	icon: Icon = { light: 'file:../nodes/SignNow/signnow.svg', dark: 'file:../nodes/SignNow/signnow.dark.svg' };

	documentationUrl = 'https://docs.signnow.com/docs/signnow/authentication';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		...ENVIRONMENT_FIELDS,
		{
			displayName: 'Authorization URL',
			name: 'customAuthUrl',
			type: 'string',
			default: '',
			placeholder: 'https://app-eval.signnow.com/authorize',
			description: 'The SignNow page where the user signs in and allows access',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ $self.environment === "custom" ? String($self.customAuthUrl).trim() : ${JSON.stringify(AUTHORIZE_URLS)}[$self.environment] }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${baseUrlExpression('$self')}) + "/oauth2/token" }}`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '*' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		// Client ID and secret go in a Basic header on the token calls (../shared/reference/vendor-apis.md §2.2).
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
	];
}
