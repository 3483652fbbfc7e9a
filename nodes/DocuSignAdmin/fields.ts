import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../shared/descriptions';
import { readLocator } from '../shared/input';

const LIST_HINT = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** A dropdown's description: what it is for, then n8n's standard sentence on choosing or typing an ID. */
function listHint(text: string): string {
	return `${text} ${LIST_HINT}.`;
}

const ACCOUNT: INodeProperties = {
	displayName: 'Account Name or ID',
	name: 'account',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['organization'] },
	default: '',
	required: true,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** An account of the organization, from a dropdown (loadOptions: getAccounts). */
export function accountField(displayOptions: IDisplayOptions, description?: string): INodeProperties {
	return { ...ACCOUNT, displayOptions, ...(description ? { description: listHint(description) } : {}) };
}

const PERMISSION_PROFILE: INodeProperties = {
	displayName: 'Permission Profile Name or ID',
	name: 'permissionProfile',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPermissionProfiles', loadOptionsDependsOn: ['account'] },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/**
 * A permission profile (role) of the chosen account, from a dropdown (loadOptions: getPermissionProfiles). An
 * optional one lists "Account Default" (the empty value) first, so leaving it empty is a valid choice.
 */
export function permissionProfileField(displayOptions: IDisplayOptions, description: string, required = true): INodeProperties {
	if (required) return { ...PERMISSION_PROFILE, required, displayOptions, description: listHint(description) };
	return {
		...PERMISSION_PROFILE,
		typeOptions: { ...PERMISSION_PROFILE.typeOptions, loadOptionsMethod: 'getPermissionProfilesOrDefault' },
		required,
		displayOptions,
		description: listHint(description),
		hint: 'Account Default lets DocuSign give the account’s default profile',
	};
}

export function dsGroupLocator(displayOptions: IDisplayOptions, name = 'dsGroup', displayName = 'DS Group', required = true): INodeProperties {
	return locator({
		displayName,
		name,
		searchMethod: 'searchDsGroups',
		idPlaceholder: 'e.g. 9b1f4e2a-…',
		required,
		displayOptions,
	});
}

export function readDsGroupId(this: IExecuteFunctions, name: string, itemIndex: number, label = 'DS Group'): string {
	return readLocator.call(this, name, itemIndex, label).value;
}

/** Permission profile and group IDs are int64 in the API (../shared/reference/vendor-apis.md §1.4): send numbers when they are numbers. */
export function numericId(value: string | number): string | number {
	return /^\d+$/.test(String(value).trim()) ? Number(value) : value;
}
