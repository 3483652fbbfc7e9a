import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsField } from '../shared/requestOptions';
import { operationFields as resourceOperationFields, route } from '../shared/router';
import { authenticationField, operationFields, resourceField, resources } from './actions/resources';
import { getAccounts, getGroups, getOrganizations, getPermissionProfiles, getPermissionProfilesOrDefault } from './methods/loadOptions';
import { searchDsGroups, searchUsers } from './methods/listSearch';
import { organizationField } from './organization';
import { docuSign } from './transport';

export class DocuSignAdmin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocuSign Admin',
		name: 'docuSignAdmin',
		icon: { light: 'file:docusign.svg', dark: 'file:docusign.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, change and close DocuSign users, memberships and DS groups through the Admin API',
		defaults: { name: 'DocuSign Admin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'docuSignJwtApi', required: true, displayOptions: { show: { authentication: ['jwt'] } } },
			{ name: 'docuSignOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [authenticationField, resourceField, ...operationFields, organizationField, ...resourceOperationFields(resources), requestOptionsField],
	};

	methods = {
		loadOptions: { getOrganizations, getAccounts, getPermissionProfiles, getPermissionProfilesOrDefault, getGroups },
		listSearch: { searchUsers, searchDsGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, docuSign);
	}
}
