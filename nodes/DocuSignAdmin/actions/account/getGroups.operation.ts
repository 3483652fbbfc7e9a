import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readId, readLimit } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { accountField } from '../../fields';
import { organizationId } from '../../organization';
import { docuSign, groupPaging, paths } from '../../transport';

const show = showFor('account', 'getGroups');

export const description: INodeProperties[] = [accountField(show), ...returnAllAndLimit(show)];

/** `GET …/accounts/{accountId}/groups` (MemberGroupsResponse) over start/take pages. */
export async function execute(this: IExecuteFunctions, i: number) {
	const accountId = readId.call(this, 'account', i, 'Account');
	const paging = readLimit.call(this, i);
	const orgId = await organizationId.call(this, i);
	return await collect.call(
		this,
		docuSign,
		{ method: 'GET', path: `${paths.account(orgId, accountId)}/groups`, itemIndex: i },
		groupPaging,
		paging,
	);
}
