import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging, returnAllAndLimit, showFor } from '../../../shared/descriptions';
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
	const search = this.getNodeParameter('search', i, '') as string;
	const qs: IDataObject = search ? { SearchKey: search } : {};
	return await collect.call(this, boldSign, { method: 'GET', path: '/v1/teams/list', qs, itemIndex: i }, teamPaging, readPaging.call(this, i));
}
