import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsField } from '../shared/requestOptions';
import { operationFields, route } from '../shared/router';
import { authenticationField, credentials, resourceField, resources, teamOperationField, userOperationField } from './actions/resources';
import { searchTeams, searchUsers } from './methods/listSearch';
import { boldSign } from './transport';

export class BoldSign implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BoldSign',
		name: 'boldSign',
		icon: { light: 'file:boldsign.svg', dark: 'file:boldsign.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Invite, audit, change and deactivate BoldSign users and teams',
		defaults: { name: 'BoldSign' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [authenticationField, resourceField, userOperationField, teamOperationField, ...operationFields(resources), requestOptionsField],
	};

	methods = { listSearch: { searchUsers, searchTeams } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, boldSign);
	}
}
