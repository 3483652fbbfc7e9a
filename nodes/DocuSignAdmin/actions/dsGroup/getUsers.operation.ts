import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { accountField, dsGroupLocator } from '../../fields';
import { docuSign, dsGroupUserPaging, paths } from '../../transport';
import { groupTarget } from './target';

const show = showFor('dsGroup', 'getUsers');

export const description: INodeProperties[] = [accountField(show), dsGroupLocator(show), ...returnAllAndLimit(show)];

/** `GET /v2.1/…/dsgroups/{dsGroupId}/users` (DSGroupAndUsersResponse: group_users.users) over page/page_size pages. */
export async function execute(this: IExecuteFunctions, i: number) {
	const paging = readLimit.call(this, i);
	const { orgId, accountId, dsGroupId } = await groupTarget.call(this, i);
	return await collect.call(
		this,
		docuSign,
		{ method: 'GET', path: `${paths.dsGroup(orgId, accountId, dsGroupId)}/users`, itemIndex: i },
		dsGroupUserPaging,
		paging,
	);
}
