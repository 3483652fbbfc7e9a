import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collect } from '../shared/pagination';
import type { CurrentUser, RosterAdapter, RosterState, Team } from '../shared/roster';
import { CREATE_BATCH, inviteBatch } from './actions/user/invite.operation';
import type { Invite } from './actions/user/invite.operation';
import { findUsersByEmail } from './lookup';
import { boldSign, teamPaging, userPaging } from './transport';
import { ROLE_OPTIONS, normalizeUser } from './users';
import { deactivateUser, moveToTeam, reactivateUser, setRole } from './userCalls';
import { apiRequest } from '../shared/transport';

const current = (raw: IDataObject): CurrentUser => ({ user: normalizeUser(raw), raw });
const key = (email: unknown) => String(email ?? '').trim().toLowerCase();

async function listTeams(this: IExecuteFunctions): Promise<Team[]> {
	const teams = await collect.call(this, boldSign, { method: 'GET', path: '/v1/teams/list' }, teamPaging, { returnAll: true });
	return teams.map((team) => ({ id: String(team.teamId), name: String(team.teamName ?? team.teamId) }));
}

async function withTeams(this: IExecuteFunctions, users: Promise<IDataObject[]>, teams: boolean): Promise<RosterState> {
	const [listed, teamList] = await Promise.all([users, teams ? listTeams.call(this) : Promise.resolve(undefined)]);
	return { users: listed.map(current), teams: teamList };
}

/**
 * BoldSign for Create or Update and Sync Roster (../shared/reference/vendor-apis.md §3.2): users listed 100 a
 * page, invited up to 100 per `users/create` call, role and status through `users/update`, team through
 * `users/changeTeam`. BoldSign has no call that sets a user's name, so names are not managed. A user still
 * invited cannot be deactivated (only active users can): its invitation is cancelled instead.
 */
export const boldSignRoster: RosterAdapter = {
	name: 'BoldSign',
	api: boldSign,
	fields: ['role', 'team'],
	roles: ROLE_OPTIONS.map((option) => option.value),
	createBatchSize: CREATE_BATCH,
	transfersDocuments: true,
	reactivates: true,
	async list({ teams }) {
		const users = collect.call(this, boldSign, { method: 'GET', path: '/v1/users/list' }, userPaging, { returnAll: true });
		return await withTeams.call(this, users, teams);
	},
	async lookup(emails, { teams }) {
		const users = findUsersByEmail.call(this, emails).then((found) => [...found.values()]);
		return await withTeams.call(this, users, teams);
	},
	async create(users) {
		const invites: Invite[] = users.map(({ row, role, teamId }) => {
			const request: IDataObject = { emailId: row.email, userRole: role ?? 'Member' };
			if (teamId) request.teamId = teamId;
			return { itemIndex: row.itemIndex, email: row.email, request, failIfExists: false };
		});
		const results = await inviteBatch.call(this, invites);
		return invites.map((invite) => {
			const result = results.get(key(invite.email));
			return result instanceof Error || result === undefined ? (result ?? new Error(`No result for ${invite.email}`)) : current(result);
		});
	},
	async updateRole(user, role) {
		await setRole.call(this, user.user.id!, role);
	},
	async changeTeam(user, teamId) {
		await moveToTeam.call(this, user.user.id!, teamId);
	},
	async deactivate(user, transferTo) {
		if (user.user.status === 'invited') {
			await apiRequest.call(this, boldSign, { method: 'POST', path: '/v1/users/cancelInvitation', qs: { UserId: user.user.id } });
			return;
		}
		await deactivateUser.call(this, user.user.id!, transferTo?.user.id ?? undefined);
	},
	async reactivate(user) {
		await reactivateUser.call(this, user.user.id!);
	},
};
