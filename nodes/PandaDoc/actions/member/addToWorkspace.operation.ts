import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { forgetMembers, memberOutput, resolveUserId, roleField, userLocator } from '../../members';
import { pandaDoc, paths } from '../../transport';
import { optionalWorkspaceLocator, workspaceIdOf } from '../../workspaces';
import { notifyOptions, readNotify } from '../../notify';

const show = showFor('member', 'addToWorkspace');

export const description: INodeProperties[] = [
	userLocator(show),
	optionalWorkspaceLocator(show),
	roleField(show, 'The user’s role in the workspace'),
	notifyOptions(show),
	simplifyField(show),
];

/** `POST /public/v1/workspaces/{workspace_id}/members` `{user_id, role}` → 201 with the new `member_id` (§4.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	const role = this.getNodeParameter('role', i) as string;
	const { userId } = await resolveUserId.call(this, 'user', i);
	const workspaceId = await workspaceIdOf.call(this, 'workspace', i);
	const added = await apiRequest.call(this, pandaDoc, {
		method: 'POST',
		path: paths.workspaceMembers(workspaceId),
		qs: readNotify.call(this, i),
		body: { user_id: userId, role },
		itemIndex: i,
	});
	forgetMembers(this);
	return memberOutput.call(this, i, { user_id: userId, membership_id: added.member_id, ...added });
}
