import type { IDataObject } from 'n8n-workflow';

import { collect } from '../shared/pagination';
import type { StoredUser } from '../shared/poll/snapshot';
import type { UserSource } from '../shared/poll/trigger';
import { apiRequest } from '../shared/transport';
import type { NormalizedUser } from '../shared/user';
import { normalizeMember } from './members';
import { asList, pandaDoc, paths, userPaging, workspacePaging } from './transport';

/** A user as the PandaDoc Users Trigger follows them: the organization's users-list entry and what else is known. */
export interface PandaDocOrgUser {
	/** The `GET /public/v1/users` entry: names, email, `workspaces[]` (role, workspace_id, membership_id). */
	user: IDataObject;
	/** The entry of `user.workspaces` that gives the user's workspace and role. */
	workspace: IDataObject;
	workspaceName: string | null;
	/** MemberDetails from `GET /public/v1/members` when the user is in the credential's workspace (`is_active`, dates). */
	member?: IDataObject;
}

const workspaceIdOf = (entry: IDataObject) => String(entry.workspace_id ?? '');
const byWorkspaceId = (a: IDataObject, b: IDataObject) => (workspaceIdOf(a) < workspaceIdOf(b) ? -1 : workspaceIdOf(a) > workspaceIdOf(b) ? 1 : 0);

/**
 * The workspace that gives a user's workspace and role, so that it never depends on the order PandaDoc lists
 * workspaces in: the one the snapshot remembers while the user is still in it (joining or leaving another one
 * changes nothing); otherwise the credential's own workspace if the user is in it (its members list gives the
 * status); else the first by workspace ID.
 */
function primaryOf(entries: IDataObject[], keyWorkspace: string, remembered: StoredUser | undefined): IDataObject {
	const sorted = [...entries].sort(byWorkspaceId);
	return (
		(remembered?.teamId ? sorted.find((w) => workspaceIdOf(w) === remembered.teamId) : undefined) ??
		sorted.find((w) => workspaceIdOf(w) === keyWorkspace) ??
		sorted[0]
	);
}

/**
 * The users list, the credential workspace's members and the workspaces → one record per user in at least one
 * workspace. A user listed with no workspace (PandaDoc's "removed" user, ../shared/reference/vendor-apis.md §4.3)
 * is left out, so the trigger reports them removed.
 */
export function orgUsers(
	users: IDataObject[],
	members: IDataObject[],
	workspaces: IDataObject[],
	known?: ReadonlyMap<string, StoredUser>,
): PandaDocOrgUser[] {
	const keyWorkspace = String(members.find((m) => m.workspace)?.workspace ?? '');
	const names = new Map<string, string>();
	for (const m of members) if (m.workspace && m.workspace_name) names.set(String(m.workspace), String(m.workspace_name));
	for (const w of workspaces) if (w.id && w.name) names.set(String(w.id), String(w.name));
	const memberOf = new Map(members.map((m) => [String(m.user_id ?? ''), m]));
	const out: PandaDocOrgUser[] = [];
	for (const user of users) {
		const id = String(user.user_id ?? '');
		const entries = asList(user.workspaces).filter((w) => workspaceIdOf(w) !== '');
		if (!id || !entries.length) continue;
		const workspace = primaryOf(entries, keyWorkspace, known?.get(id));
		out.push({ user, workspace, workspaceName: names.get(workspaceIdOf(workspace)) ?? null, member: memberOf.get(id) });
	}
	return out;
}

/**
 * What the PandaDoc Users Trigger polls. PandaDoc sends no user or workspace events
 * (../shared/reference/vendor-apis.md §4.4, §5), so each poll reads, whole:
 * - `GET /public/v1/users` (`count` 100 + `page` until `total`): every user of the organization, in every workspace,
 *   with their role in each (§4.3). The only list that covers every workspace: the members list is the
 *   credential's workspace only, and no endpoint lists another workspace's members.
 * - `GET /public/v1/members` (one request, no paging): the credential's workspace, the only place PandaDoc tells
 *   `is_active` (the users list carries no status).
 * - `GET /public/v1/workspaces` (`count` 100 + `page`): the workspace names.
 * PandaDoc limits each endpoint on its own (§4.3), so a poll costs ⌈users/100⌉ of the users endpoint's budget and
 * one request of each other endpoint. A manual test run reads one users page of `sample`.
 */
export const pandaDocUsers: UserSource<PandaDocOrgUser> = {
	vendor: 'pandadoc',
	async list({ sample, known }) {
		const paging = sample ? { returnAll: false, limit: sample } : { returnAll: true };
		// The members list first and alone: an expired OAuth2 token is renewed once, by this request, not by
		// several at once. Then the other two endpoints, each with its own budget (../shared/reference/vendor-apis.md §4.3).
		const members = asList(((await apiRequest.call(this, pandaDoc, { method: 'GET', path: paths.members })) as IDataObject)?.results);
		const [users, workspaces] = await Promise.all([
			collect.call(this, pandaDoc, { method: 'GET', path: paths.users }, userPaging, paging),
			collect.call(this, pandaDoc, { method: 'GET', path: paths.workspaces }, workspacePaging, { returnAll: true }),
		]);
		return orgUsers(users, members, workspaces, sample ? undefined : known(''));
	},
	normalize(record): NormalizedUser {
		const { user, workspace, workspaceName, member } = record;
		return normalizeMember({
			...user,
			workspaces: undefined,
			role: workspace.role,
			workspace: workspace.workspace_id,
			workspace_name: workspaceName,
			is_active: member?.is_active,
			date_created: member?.date_created,
			date_modified: member?.date_modified,
		});
	},
	raw(record) {
		return { ...record.user, member: record.member ?? null };
	},
};
