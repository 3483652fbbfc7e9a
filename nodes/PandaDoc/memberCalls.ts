import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { collect } from '../shared/pagination';
import { apiRequest } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { forgetMembers } from './members';
import { explain } from './offboarding';
import { pandaDoc, paths, userPaging, workspacePaging } from './transport';

/**
 * The PandaDoc requests shared by the single-user operations and the roster adapter
 * (../shared/reference/vendor-apis.md §4.3).
 */

type Limit = { returnAll: boolean; limit?: number };

/** `GET /public/v1/users` with `count` + `page` (and `show_removed`): the organization's users. */
export async function listUsers(this: RequestContext, limit: Limit, showRemoved = false, itemIndex?: number): Promise<IDataObject[]> {
	const qs = showRemoved ? { show_removed: true } : {};
	return await collect.call(this, pandaDoc, { method: 'GET', path: paths.users, qs, itemIndex }, userPaging, limit);
}

/** `GET /public/v1/workspaces` with `count` + `page`. */
export async function listWorkspaces(this: RequestContext, limit: Limit, itemIndex?: number): Promise<IDataObject[]> {
	return await collect.call(this, pandaDoc, { method: 'GET', path: paths.workspaces, itemIndex }, workspacePaging, limit);
}

/** `POST /public/v1/users` `{user, workspaces, license}` → 201 `{user_id}` (newer versions: each `member_id`). */
export async function createUser(this: RequestContext, body: IDataObject, qs: IDataObject = {}, itemIndex?: number): Promise<IDataObject> {
	const created = await apiRequest.call(this, pandaDoc, { method: 'POST', path: paths.users, qs, body, itemIndex });
	forgetMembers(this);
	return created;
}

/** `POST /public/v1/workspaces/{workspace_id}/members` `{user_id, role}` → 201 with the new `member_id`. */
export async function addMember(
	this: RequestContext,
	workspaceId: string,
	userId: unknown,
	role: string,
	qs: IDataObject = {},
	itemIndex?: number,
): Promise<IDataObject> {
	const added = await apiRequest.call(this, pandaDoc, {
		method: 'POST',
		path: paths.workspaceMembers(workspaceId),
		qs,
		body: { user_id: userId, role },
		itemIndex,
	});
	forgetMembers(this);
	return added;
}

/** Statuses of a server without the endpoint: it exists, as the member was just read, so the route is missing. */
const REFUSED = new Set(['404', '405', '501']);

/** A server without the endpoint says so clearly; any other failure stays as it is. */
function refusal(error: unknown): Error {
	if (!(error instanceof NodeApiError) || !REFUSED.has(String(error.httpCode))) return error as Error;
	return explain(
		error,
		'PandaDoc refused the role change (PATCH /public/v1/members/{id} is not in PandaDoc’s published API)',
		'Change the role in PandaDoc’s settings, or remove the member (with Transfer Documents To) and add them again with the new role.',
	);
}

/** `PATCH /public/v1/members/{membership_id}` `{role}`: named by seed 004 only, not by PandaDoc's SDKs. */
export async function setMemberRole(this: RequestContext, membershipId: string, role: string, itemIndex?: number): Promise<void> {
	try {
		await apiRequest.call(this, pandaDoc, { method: 'PATCH', path: paths.member(membershipId), body: { role }, itemIndex });
	} catch (error) {
		throw refusal(error);
	}
	forgetMembers(this);
}
