import type {
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { headerAuthentication } from '../nodes/shared/authenticate';
import { BASE_URL_FIELD, baseUrlExpression } from '../nodes/PandaDoc/hosts';

export class PandaDocApi implements ICredentialType {
	name = 'pandaDocApi';

	displayName = 'PandaDoc API';

	icon: Icon = { light: 'file:../nodes/PandaDoc/pandadoc.svg', dark: 'file:../nodes/PandaDoc/pandadoc.dark.svg' };

	documentationUrl = 'https://developers.pandadoc.com/reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created in PandaDoc’s Developer Dashboard. Sandbox and production keys use the same host.',
		},
		{
			displayName: 'Key Type',
			name: 'keyType',
			type: 'options',
			default: 'production',
			description: 'PandaDoc limits the requests to each endpoint per minute: 10 for a sandbox key. The node paces itself to the key’s limit.',
			options: [
				{ name: 'Production', value: 'production', description: '100 or more requests a minute to each endpoint' },
				{ name: 'Sandbox', value: 'sandbox', description: '10 requests a minute to each endpoint' },
			],
		},
		BASE_URL_FIELD,
	];

	// ../shared/reference/vendor-apis.md §4.1: `Authorization: API-Key <key>`.
	authenticate = headerAuthentication('Authorization', 'apiKey', 'API-Key ');

	test: ICredentialTestRequest = {
		request: { baseURL: `={{ ${baseUrlExpression('$credentials')} }}`, url: '/public/v1/members/current' },
	};
}
