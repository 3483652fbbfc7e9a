import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { readId } from '../../../shared/input';
import { accountField } from '../../fields';
import { organizationId } from '../../organization';
import { asList, docuSign, paths } from '../../transport';

export const description: INodeProperties[] = [accountField(showFor('account', 'getPermissionProfiles'))];

/** `GET …/accounts/{accountId}/permissions` (PermissionsResponse, not paged): one item per profile. */
export async function execute(this: IExecuteFunctions, i: number) {
	const accountId = readId.call(this, 'account', i, 'Account');
	const orgId = await organizationId.call(this, i);
	const body = await apiRequest.call(this, docuSign, { method: 'GET', path: `${paths.account(orgId, accountId)}/permissions`, itemIndex: i });
	return asList(body.permissions);
}
