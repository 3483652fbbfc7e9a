import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { accountField } from '../../fields';
import { docuSign, dsGroupPaging, paths } from '../../transport';
import { accountTarget } from './target';

const show = showFor('dsGroup', 'getAll');

export const description: INodeProperties[] = [accountField(show), ...returnAllAndLimit(show)];

/** `GET /v2.1/…/accounts/{accountId}/dsgroups` over page/page_size pages (DSGroupListResponse). */
export async function execute(this: IExecuteFunctions, i: number) {
	const paging = readLimit.call(this, i);
	const { orgId, accountId } = await accountTarget.call(this, i);
	return await collect.call(
		this,
		docuSign,
		{ method: 'GET', path: paths.dsGroups(orgId, accountId), itemIndex: i },
		dsGroupPaging,
		paging,
	);
}
