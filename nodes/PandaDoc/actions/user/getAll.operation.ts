import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersField, returnAllAndLimit, showFor, simplifyField } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { listUsers } from '../../memberCalls';
import { memberOutput } from '../../members';

const show = showFor('user', 'getAll');

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	filtersField(show, [
		{
			displayName: 'Show Removed',
			name: 'showRemoved',
			type: 'boolean',
			default: false,
			description: 'Whether to include users removed from the organization',
		},
	]),
	simplifyField(show),
];

/**
 * `GET /public/v1/users` with `count`, `page`, `show_removed`; `total` says where the list ends
 * (../shared/reference/vendor-apis.md §4.3).
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as { showRemoved?: boolean };
	const users = await listUsers.call(this, readLimit.call(this, i), filters.showRemoved === true, i);
	return users.map((user) => memberOutput.call(this, i, user));
}
