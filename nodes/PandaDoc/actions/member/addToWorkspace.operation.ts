import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { addMember } from '../../memberCalls';
import { memberOutput, readRole, readUser, resolveUserId, roleField, userLocator } from '../../members';
import { optionalWorkspaceLocator, readWorkspace, workspaceOrKeys } from '../../workspaces';
import { notifyOptions, readNotify } from '../../notify';

const show = showFor('member', 'addToWorkspace');

export const description: INodeProperties[] = [
	userLocator(show),
	optionalWorkspaceLocator(show),
	roleField(show, 'The user’s role in the workspace'),
	notifyOptions(show),
	simplifyField(show),
];

/**
 * `POST /public/v1/workspaces/{workspace_id}/members` `{user_id, role}` → 201 with the new `member_id`
 * (../shared/reference/vendor-apis.md §4.3).
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const role = readRole.call(this, i);
	const chosen = readWorkspace.call(this, 'workspace', 'Workspace', i);
	const qs = readNotify.call(this, i);
	const userId = await resolveUserId.call(this, user, i);
	const workspaceId = await workspaceOrKeys.call(this, chosen, i);
	const added = await addMember.call(this, workspaceId, userId, role, qs, i);
	return memberOutput.call(this, i, { user_id: userId, membership_id: added.member_id, ...added });
}
