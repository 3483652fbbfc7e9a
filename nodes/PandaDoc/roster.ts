import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CurrentUser, RosterAdapter } from '../shared/roster';
import { addMember, createUser, listUsers, listWorkspaces, setMemberRole } from './memberCalls';
import { currentMember, findUser, normalizeMember, ROLE_OPTIONS } from './members';
import { explain, removeMembership, transferDocuments } from './offboarding';
import { asList, pandaDoc } from './transport';
import { workspaceOrKeys } from './workspaces';

const key = (value: unknown) => String(value ?? '').trim().toLowerCase();

/**
 * A users-list entry as the roster sees it: the user with one of its memberships (`membership_id`, `role`,
 * `workspace`), the entry's `workspaces` kept for moves and transfers. A listed membership counts as active:
 * the users list has no active flag, and a member who left is removed, not listed.
 */
function asCurrent(entry: IDataObject, membership: IDataObject, names: Map<string, string>): CurrentUser {
	const workspace = String(membership.workspace_id);
	const raw: IDataObject = {
		...entry,
		membership_id: membership.membership_id,
		role: membership.role,
		workspace,
		workspace_name: names.get(workspace) ?? null,
	};
	// the organization owner is never deactivated nor re-roled, whatever the options
	return { user: { ...normalizeMember(raw), status: 'active' }, raw, protected: entry.is_organization_owner === true };
}

/** The membership a user is compared by: in `home` (the scope's workspace, else the credential's), else its first. */
function pick(entry: IDataObject, home: string): IDataObject | undefined {
	const memberships = asList(entry.workspaces);
	return memberships.find((m) => key(m.workspace_id) === key(home)) ?? memberships[0];
}

const membershipIn = (user: CurrentUser, workspaceId: string) =>
	asList(user.raw.workspaces).find((m) => key(m.workspace_id) === key(workspaceId));

/** A user removed from every workspace (or created by a run whose answer was lost) is added to the workspace. */
async function addExisting(this: IExecuteFunctions, email: string, workspaceId: string, role: string, itemIndex: number): Promise<CurrentUser | undefined> {
	const found = await findUser.call(this, { mode: 'email', value: email }, itemIndex, true);
	if (!found) return undefined;
	const names = new Map<string, string>();
	const already = asList(found.workspaces).find((m) => key(m.workspace_id) === key(workspaceId));
	if (already) return asCurrent(found, already, names);
	const added = await addMember.call(this, workspaceId, found.user_id, role);
	const membership = { workspace_id: workspaceId, role, membership_id: added.member_id ?? null };
	return asCurrent({ ...found, workspaces: [...asList(found.workspaces), membership] }, membership, names);
}

/**
 * PandaDoc for Create or Update and Sync Roster (../shared/reference/vendor-apis.md §4.3). A user belongs to
 * workspaces, each membership with its role: the roster's team is the workspace. With Only Workspace, each
 * user is compared by its membership of that workspace; otherwise by its membership of the credential's
 * workspace, else its first. Users are listed 100 a page; a create is one `POST /public/v1/users` per user
 * (a user removed from every workspace is added back to the workspace instead). Role: the membership's PATCH;
 * team: a move (added to the new workspace, removed from the old one). PandaDoc has no deactivation through
 * its API: "deactivate" removes the membership, after handing its documents to Transfer Documents To; a
 * removed member comes back through a create, so nothing is ever reactivated. The organization owner is
 * always protected. Names are not managed: PandaDoc has no call that changes them.
 */
export const pandaDocRoster: RosterAdapter = {
	name: 'PandaDoc',
	api: pandaDoc,
	fields: ['role', 'team'],
	roles: ROLE_OPTIONS.map((option) => option.value),
	createBatchSize: 1,
	transfersDocuments: true,
	reactivates: false,
	async list({ teams, scopeTeam }) {
		const [users, workspaces] = await Promise.all([
			listUsers.call(this, { returnAll: true }),
			teams ? listWorkspaces.call(this, { returnAll: true }) : Promise.resolve([]),
		]);
		const scope = scopeTeam ? (workspaces.find((w) => key(w.id) === key(scopeTeam) || key(w.name) === key(scopeTeam))?.id ?? scopeTeam) : undefined;
		const home = String(scope ?? (await currentMember.call(this)).workspace ?? '');
		const names = new Map(workspaces.map((w) => [String(w.id), String(w.name ?? w.id)]));
		const listed: CurrentUser[] = [];
		for (const entry of users) {
			const membership = pick(entry, home);
			if (membership) listed.push(asCurrent(entry, membership, names));
		}
		return { users: listed, teams: teams ? workspaces.map((w) => ({ id: String(w.id), name: String(w.name ?? w.id) })) : undefined };
	},
	async create(users) {
		return await Promise.all(
			users.map(async ({ row, role, teamId }) => {
				const workspaceId = teamId ?? (await workspaceOrKeys.call(this, undefined, row.itemIndex));
				const wanted = role ?? 'Member';
				try {
					const body = { user: { email: row.email }, workspaces: [{ workspace_id: workspaceId, role: wanted }], license: 'Full' };
					const created = await createUser.call(this, body);
					const memberId = asList(created.workspaces).find((w) => key(w.workspace_id) === key(workspaceId))?.member_id ?? null;
					const membership = { workspace_id: workspaceId, role: wanted, membership_id: memberId };
					return asCurrent({ user_id: created.user_id, email: row.email, workspaces: [membership] }, membership, new Map());
				} catch (error) {
					// 400: the email is taken, by a user removed from every workspace or created by an earlier attempt.
					if (!(error instanceof NodeApiError) || String(error.httpCode) !== '400') return error as Error;
					return (await addExisting.call(this, row.email, workspaceId, wanted, row.itemIndex)) ?? error;
				}
			}),
		);
	},
	async updateRole(user, role) {
		await setMemberRole.call(this, String(user.raw.membership_id), role);
		// A move after this keeps the new role.
		user.raw.role = role;
	},
	async changeTeam(user, teamId) {
		const from = String(user.raw.workspace);
		if (!membershipIn(user, teamId)) await addMember.call(this, teamId, user.user.id, String(user.raw.role ?? 'Member'));
		try {
			await removeMembership.call(this, from, String(user.raw.membership_id));
		} catch (error) {
			throw explain(
				error,
				`Half-done move: ${user.user.email} was added to workspace ${teamId} but is still a member of workspace ${from}`,
				'Run Sync Roster again to finish the move.',
			);
		}
	},
	async deactivate(user, transferTo) {
		const workspaceId = String(user.raw.workspace);
		const membershipId = String(user.raw.membership_id);
		if (transferTo) {
			const target = membershipIn(transferTo, workspaceId);
			if (!target) {
				throw new NodeOperationError(
					this.getNode(),
					`Transfer Documents To: ${transferTo.user.email} is not a member of workspace ${workspaceId}, so ${user.user.email} was not removed`,
					{ description: 'Documents go to a member of the same workspace. Choose one, or add the user to the workspace first.' },
				);
			}
			try {
				await transferDocuments.call(this, membershipId, String(target.membership_id));
			} catch (error) {
				throw explain(error, 'The documents could not be transferred, so the member was not removed');
			}
		}
		await removeMembership.call(this, workspaceId, membershipId);
	},
	async reactivate() {
		throw new NodeOperationError(this.getNode(), 'PandaDoc’s API cannot reactivate a member', {
			description: 'A member removed from a workspace is added back by a create (Create or Update, or Sync Roster).',
		});
	},
};
