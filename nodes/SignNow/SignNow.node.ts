import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsField } from '../shared/requestOptions';
import { operationFields as resourceOperationFields, route } from '../shared/router';
import { authenticationField, operationFields, resourceField, resources } from './actions/resources';
import { getOrganizations } from './methods/loadOptions';
import { searchMembers, searchOrganizationUsers, searchTeams } from './methods/listSearch';

export class SignNow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignNow',
		name: 'signNow',
		icon: { light: 'file:signnow.svg', dark: 'file:signnow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create SignNow accounts and manage teams, their members, admins and invitations',
		defaults: { name: 'SignNow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'signNowApi', required: true, displayOptions: { show: { authentication: ['password'] } } },
			{ name: 'signNowOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [authenticationField, resourceField, ...operationFields, ...resourceOperationFields(resources), requestOptionsField],
	};

	methods = {
		loadOptions: { getOrganizations },
		listSearch: { searchTeams, searchMembers, searchOrganizationUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources);
	}
}
