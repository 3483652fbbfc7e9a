import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventsField, triggerOptionsField, triggerSimplifyField } from '../shared/poll/description';
import { pollUsers } from '../shared/poll/trigger';
import { authenticationField } from './actions/resources';
import { getAccounts, getOrganizations } from './methods/loadOptions';
import { AUTOMATIC } from './organization';
import { docuSignTriggerOptions, docuSignUsers } from './userSource';

export class DocuSignAdminUsersTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocuSign Admin Users Trigger',
		name: 'docuSignAdminUsersTrigger',
		icon: { light: 'file:docusign.svg', dark: 'file:docusign.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ [1, 2, 3, 4, 5, 6].includes(($parameter["events"] || []).length) ? $parameter["events"].join(", ") : "All user changes" }}',
		description: 'Starts the workflow when DocuSign users are created, changed, moved between DS groups, closed or reactivated',
		defaults: { name: 'DocuSign Admin Users Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'docuSignJwtApi', required: true, displayOptions: { show: { authentication: ['jwt'] } } },
			{ name: 'docuSignOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			authenticationField,
			{
				displayName: 'Organization Name or ID',
				name: 'organization',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getOrganizations' },
				default: AUTOMATIC,
				description:
					'"Automatic" uses the only organization the credential’s user administers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Account Names or IDs',
				name: 'accounts',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['organization'] },
				default: [],
				description:
					'The accounts whose users to follow; none chosen follows every account of the organization. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			eventsField,
			triggerSimplifyField,
			triggerOptionsField(docuSignTriggerOptions),
		],
	};

	methods = { loadOptions: { getOrganizations, getAccounts } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUsers.call(this, docuSignUsers);
	}
}
