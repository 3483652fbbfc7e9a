import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, simplifyField } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { userOutputOf } from '../../../shared/user';
import { normalizeMember, workspaceMembers } from '../../members';

const show = showFor('member', 'getAll');

export const description: INodeProperties[] = [...returnAllAndLimit(show), simplifyField(show)];

/**
 * `GET /public/v1/members`: the credential's workspace, in one answer (no paging,
 * ../shared/reference/vendor-apis.md §4.3).
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const { returnAll, limit } = readLimit.call(this, i);
	const members = await workspaceMembers.call(this, i);
	return (returnAll ? members : members.slice(0, limit)).map(userOutputOf.call(this, i, normalizeMember));
}
