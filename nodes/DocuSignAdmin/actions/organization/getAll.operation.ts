import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readChoice, readLimit } from '../../../shared/input';
import { apiRequest } from '../../../shared/transport';
import { asList, docuSign, paths } from '../../transport';

const show = showFor('organization', 'getAll');

const MODE_OPTIONS = [
	{ name: 'Organizations the User Administers', value: 'org_admin' },
	{ name: 'Organizations of the User’s Accounts', value: 'account_membership' },
];

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Include',
		name: 'mode',
		type: 'options',
		default: 'org_admin',
		description: 'Which organizations to list',
		options: MODE_OPTIONS,
		displayOptions: show,
	},
];

/** `GET /v2/organizations` is not paged: Limit cuts the list. */
export async function execute(this: IExecuteFunctions, i: number) {
	const mode = readChoice.call(this, 'mode', i, 'Include', MODE_OPTIONS, 'org_admin');
	const { returnAll, limit } = readLimit.call(this, i);
	const body = await apiRequest.call(this, docuSign, { method: 'GET', path: paths.organizations, qs: { mode }, itemIndex: i });
	const organizations = asList(body.organizations);
	return returnAll ? organizations : organizations.slice(0, limit);
}
