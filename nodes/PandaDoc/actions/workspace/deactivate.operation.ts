import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { readLocator } from '../../../shared/input';
import { apiRequest } from '../../../shared/transport';
import { pandaDoc, paths } from '../../transport';
import { workspaceLocator } from '../../workspaces';

export const description: INodeProperties[] = [workspaceLocator(showFor('workspace', 'deactivate'))];

/** `POST /public/v1/workspaces/{workspace_id}/deactivate` → 200 (../shared/reference/vendor-apis.md §4.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	const workspaceId = readLocator.call(this, 'workspace', i, 'Workspace').value;
	await apiRequest.call(this, pandaDoc, { method: 'POST', path: paths.deactivate(workspaceId), itemIndex: i });
	return { id: workspaceId, deactivated: true };
}
