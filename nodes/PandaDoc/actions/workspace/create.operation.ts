import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { readName } from '../../../shared/input';
import { apiRequest } from '../../../shared/transport';
import { pandaDoc, paths } from '../../transport';

export const description: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Name of the new workspace', displayOptions: showFor('workspace', 'create') },
];

/** `POST /public/v1/workspaces` `{name}` → 201 `{id, name}` (../shared/reference/vendor-apis.md §4.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	const name = readName.call(this, 'name', i, 'Name', true);
	return await apiRequest.call(this, pandaDoc, { method: 'POST', path: paths.workspaces, body: { name }, itemIndex: i });
}
