import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging, returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { collect } from '../../../shared/pagination';
import { accountField, readRequired } from '../../fields';
import { organizationId } from '../../organization';
import { docuSign, groupPaging, paths } from '../../transport';

const show = showFor('account', 'getGroups');

export const description: INodeProperties[] = [accountField(show), ...returnAllAndLimit(show)];

/** `GET …/accounts/{accountId}/groups` (MemberGroupsResponse) over start/take pages. */
export async function execute(this: IExecuteFunctions, i: number) {
	const orgId = await organizationId.call(this, i);
	const accountId = readRequired.call(this, 'account', i, 'account');
	return await collect.call(
		this,
		docuSign,
		{ method: 'GET', path: `${paths.account(orgId, accountId)}/groups`, itemIndex: i },
		groupPaging,
		readPaging.call(this, i),
	);
}
