import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { AUTOMATIC, currentOrganizationId, listOrganizations, organizationRecord } from '../organization';
import { asList, docuSign, paths } from '../transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

function options(items: unknown, name: string, value = 'id'): INodePropertyOptions[] {
	return asList(items).map((item) => ({ name: String(item[name] ?? item[value]), value: String(item[value]) })).sort(byName);
}

function currentAccount(this: ILoadOptionsFunctions): string {
	return String(this.getCurrentNodeParameter('account') ?? '').trim();
}

export async function getOrganizations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const automatic = { name: 'Automatic', value: AUTOMATIC, description: 'The only organization the user administers' };
	return [automatic, ...options(await listOrganizations.call(this), 'name')];
}

export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const orgId = await currentOrganizationId.call(this);
	return options((await organizationRecord.call(this, orgId)).accounts, 'name');
}

export async function getPermissionProfiles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accountId = currentAccount.call(this);
	if (!accountId) return [];
	const orgId = await currentOrganizationId.call(this);
	const body = await apiRequest.call(this, docuSign, { method: 'GET', path: `${paths.account(orgId, accountId)}/permissions` });
	return options(body.permissions, 'name');
}

/** The account's permission profiles after "Account Default" (empty: DocuSign applies the account's default profile). */
export async function getPermissionProfilesOrDefault(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accountDefault = { name: 'Account Default', value: '', description: 'The profile the account gives new users' };
	return [accountDefault, ...(await getPermissionProfiles.call(this))];
}

/** The account's groups, first page of up to 100 (accounts rarely have more for a dropdown). */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accountId = currentAccount.call(this);
	if (!accountId) return [];
	const orgId = await currentOrganizationId.call(this);
	const body = await apiRequest.call(this, docuSign, {
		method: 'GET',
		path: `${paths.account(orgId, accountId)}/groups`,
		qs: { start: 0, take: 100 },
	});
	return options(body.groups, 'name');
}
