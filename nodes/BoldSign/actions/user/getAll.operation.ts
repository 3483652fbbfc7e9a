import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersField, readPaging, returnAllAndLimit, showFor, simplifyField } from '../../../shared/descriptions';
import { collect } from '../../../shared/pagination';
import { boldSign, userPaging } from '../../transport';
import { userOutput } from '../../users';

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
	const filters = this.getNodeParameter('filters', i, {}) as { search?: string; userIds?: string };
	const qs: IDataObject = {};
	if (filters.search) qs.Search = filters.search;
	const ids = (filters.userIds ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	if (ids.length) qs.UserId = ids;
	const users = await collect.call(
		this,
		boldSign,
		{ method: 'GET', path: '/v1/users/list', qs, repeatArrays: true, itemIndex: i },
		userPaging,
		readPaging.call(this, i),
	);
	return users.map((user) => userOutput.call(this, i, user));
}
