import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging, returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { asList, docuSign, paths } from '../../transport';

const show = showFor('organization', 'getAll');

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Include',
		name: 'mode',
		type: 'options',
		default: 'org_admin',
		description: 'Which organizations to list',
		options: [
			{ name: 'Organizations the User Administers', value: 'org_admin' },
			{ name: 'Organizations of the User’s Accounts', value: 'account_membership' },
		],
		displayOptions: show,
	},
];

/** `GET /v2/organizations` is not paged: Limit cuts the list. */
export async function execute(this: IExecuteFunctions, i: number) {
	const mode = this.getNodeParameter('mode', i, 'org_admin') as string;
	const body = await apiRequest.call(this, docuSign, { method: 'GET', path: paths.organizations, qs: { mode }, itemIndex: i });
	const organizations = asList(body.organizations);
	const { returnAll, limit } = readPaging.call(this, i);
	return returnAll ? organizations : organizations.slice(0, limit);
}
