import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsField } from '../shared/requestOptions';
import { operationFields as resourceOperationFields, route } from '../shared/router';
import { authenticationField, operationFields, resourceField, resources } from './actions/resources';
import { getWorkspaces, searchMembers, searchUsers, searchWorkspaces } from './methods/listSearch';
import { pandaDoc } from './transport';

export class PandaDoc implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaDoc',
		name: 'pandaDoc',
		icon: { light: 'file:pandadoc.svg', dark: 'file:pandadoc.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Add, move, re-role and offboard PandaDoc members, with their documents handed over',
		defaults: { name: 'PandaDoc' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'pandaDocApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'pandaDocOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [authenticationField, resourceField, ...operationFields, ...resourceOperationFields(resources), requestOptionsField],
	};

	methods = {
		loadOptions: { getWorkspaces },
		listSearch: { searchMembers, searchUsers, searchWorkspaces },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, pandaDoc);
	}
}
