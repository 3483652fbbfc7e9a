import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { pandaDoc, paths, workspacePaging } from '../../transport';

export const description: INodeProperties[] = [...returnAllAndLimit(showFor('workspace', 'getAll'))];

/** `GET /public/v1/workspaces` with `count` and `page`, answering `total` (../shared/reference/vendor-apis.md §4.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	return await collect.call(this, pandaDoc, { method: 'GET', path: paths.workspaces, itemIndex: i }, workspacePaging, readLimit.call(this, i));
}
