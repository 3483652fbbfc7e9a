import type {
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { headerAuthentication } from '../nodes/shared/authenticate';
import { BOLDSIGN_HOSTS, REGION_FIELDS } from '../nodes/BoldSign/hosts';

export class BoldSignApi implements ICredentialType {
	name = 'boldSignApi';

	displayName = 'BoldSign API';

	icon: Icon = { light: 'file:../nodes/BoldSign/boldsign.svg', dark: 'file:../nodes/BoldSign/boldsign.dark.svg' };

	documentationUrl = 'https://developers.boldsign.com/authentication/api-key/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created in BoldSign under API → API Key. Sandbox and live keys use the same hosts.',
		},
		...REGION_FIELDS,
	];

	authenticate = headerAuthentication('X-API-KEY', 'apiKey');

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.region === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : ${JSON.stringify(BOLDSIGN_HOSTS)}[$credentials.region] }}`,
			url: '/v1/users/list',
			qs: { Page: 1, PageSize: 1 },
		},
	};
}
