import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readLimit, readText } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { boldSign, teamPaging } from '../../transport';

const show = showFor('team', 'getAll');

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only teams whose name contains this text',
		displayOptions: show,
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const search = readText.call(this, 'search', i, 'Search');
	const paging = readLimit.call(this, i);
	const qs: IDataObject = search ? { SearchKey: search } : {};
	return await collect.call(this, boldSign, { method: 'GET', path: '/v1/teams/list', qs, itemIndex: i }, teamPaging, paging);
}
