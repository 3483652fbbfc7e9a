import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { listWorkspaces } from '../../memberCalls';

export const description: INodeProperties[] = [...returnAllAndLimit(showFor('workspace', 'getAll'))];

/** `GET /public/v1/workspaces` with `count` and `page`, answering `total` (../shared/reference/vendor-apis.md §4.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	return await listWorkspaces.call(this, readLimit.call(this, i), i);
}
