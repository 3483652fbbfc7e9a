import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersField, returnAllAndLimit, showFor, simplifyField } from '../../../shared/descriptions';
import { readLimit, readList, readText } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { userOutputOf } from '../../../shared/user';
import { boldSign, userPaging } from '../../transport';
import { normalizeUser } from '../../users';

const show = showFor('user', 'getAll');

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	filtersField(show, [
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only users whose name or email contains this text',
		},
		{
			displayName: 'User IDs',
			name: 'userIds',
			type: 'string',
			default: '',
			description: 'Only these users: IDs separated by commas',
		},
	]),
	simplifyField(show),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const qs: IDataObject = {};
	const search = readText.call(this, 'filters.search', i, 'Search');
	if (search) qs.Search = search;
	const ids = readList.call(this, 'filters.userIds', i, 'User IDs');
	if (ids.length) qs.UserId = ids;
	// Each page is turned into output as it arrives, so the vendor's objects do not pile up.
	return await collect.call(
		this,
		boldSign,
		{ method: 'GET', path: '/v1/users/list', qs, repeatArrays: true, itemIndex: i },
		userPaging,
		readLimit.call(this, i),
		userOutputOf.call(this, i, normalizeUser),
	);
}
