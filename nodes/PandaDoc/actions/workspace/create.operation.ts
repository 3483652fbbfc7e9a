import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequest } from '../../../shared/transport';
import { pandaDoc, paths } from '../../transport';

export const description: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Name of the new workspace', displayOptions: showFor('workspace', 'create') },
];

/** `POST /public/v1/workspaces` `{name}` → 201 `{id, name}` (§4.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	const name = String(this.getNodeParameter('name', i, '')).trim();
	if (!name) throw inputError(this.getNode(), 'No workspace name given', 'Enter a name for the workspace.', i);
	return await apiRequest.call(this, pandaDoc, { method: 'POST', path: paths.workspaces, body: { name }, itemIndex: i });
}
