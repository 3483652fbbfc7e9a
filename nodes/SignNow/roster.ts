import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import type { CurrentUser, RosterAdapter, Team } from '../shared/roster';
import { grantAdmin, INVITE_BATCH, inviteToTeam, listTeams, moveMember, refusedInvite, removeMember, revokeAdmin } from './memberCalls';
import { getTeam, membersOf } from './teams';
import { signNow } from './transport';
import { normalizeMember } from './users';

export const ROLES = ['admin', 'member'];

const key = (value: unknown) => String(value ?? '').trim().toLowerCase();
const emailOf = (m: IDataObject) => String((Array.isArray(m.emails) ? m.emails[0] : m.email) ?? '');

interface Membership {
	teamId: string;
	userId: string;
}

/** What the adapter keeps of a listed user: its memberships of the teams read (the first is the compared one). */
const membershipsOf = (user: CurrentUser) => (user.raw.memberships ?? []) as unknown as Membership[];

/** Team names of the last listing, per execution: a created user's record names its team. */
const teamNames = new WeakMap<object, Map<string, string>>();

/**
 * Sync Roster's Only Team (a name or ID). Read here because a SignNow user can be in several teams: the scope's
 * membership is the one compared, and the only one a deactivation removes.
 */
function scopeOption(this: IExecuteFunctions): string {
	if (this.getNodeParameter('operation', 0, '') !== 'syncRoster') return '';
	return String(this.getNodeParameter('rosterOptions.scopeTeam', 0, '') ?? '').trim();
}

/**
 * SignNow for Create or Update and Sync Roster: the roster is the members of the teams the credential's user
 * administers (seed 002, ../shared/reference/vendor-apis.md §2.4, UNCONFIRMED): `GET /v2/teams` once, then
 * `GET /team/{id}` per team (a team answers with all its members: no per-user reads). Roles: admin, member.
 * Create: an invitation to the team (up to 100 emails a request); the user stays `invited` until they accept,
 * and SignNow makes only members who accepted admins. Team change: invited to the new team, removed from the old.
 * Deactivate: removed from the team (from every team read without Only Team). SignNow has no deactivated state,
 * so nothing is reactivated: a removed user in the roster is invited again. Names and documents are not managed.
 */
export const signNowRoster: RosterAdapter = {
	name: 'SignNow',
	api: signNow,
	fields: ['role', 'team'],
	roles: ROLES,
	createBatchSize: INVITE_BATCH,
	transfersDocuments: false,
	reactivates: false,
	async list() {
		const scope = scopeOption.call(this);
		const listed = await listTeams.call(this, { returnAll: true });
		const all: Team[] = listed.map((t) => ({ id: String(t.id), name: String(t.name ?? t.id) }));
		const scoped = scope ? all.find((t) => key(t.id) === key(scope) || key(t.name) === key(scope)) : undefined;
		if (scope && !scoped) {
			throw inputError(this.getNode(), `Only Team: "${scope}" is not a team of the credential’s user`, 'Give the name or ID of a team the credential’s user administers.', 0);
		}
		const read = listed.filter((t) => String(t.role) === 'admin' || String(t.id) === scoped?.id).map((t) => String(t.id));
		if (scoped) read.sort((a, b) => Number(b === scoped.id) - Number(a === scoped.id));
		const teams = await Promise.all(read.map(async (id) => await getTeam.call(this, id, 0)));
		const byEmail = new Map<string, CurrentUser>();
		for (const team of teams) {
			for (const m of membersOf(team)) {
				const found = byEmail.get(key(emailOf(m)));
				const membership = { teamId: String(team.id), userId: String(m.id) };
				if (found) membershipsOf(found).push(membership);
				else byEmail.set(key(emailOf(m)), { user: normalizeMember(m, team), raw: { ...m, memberships: [membership] as unknown as IDataObject[] } });
			}
		}
		teamNames.set(this, new Map(all.map((t) => [t.id, t.name])));
		return { users: [...byEmail.values()], teams: all };
	},
	async create(users) {
		const results = new Map<string, CurrentUser | Error>();
		const byTeam = new Map<string, typeof users>();
		for (const one of users) {
			if (!one.teamId) {
				results.set(key(one.row.email), inputError(this.getNode(), `No team for ${one.row.email}`, 'SignNow invites users into a team: give the user’s team, or set Only Team.', one.row.itemIndex));
			} else byTeam.set(one.teamId, [...(byTeam.get(one.teamId) ?? []), one]);
		}
		for (const [teamId, group] of byTeam) {
			// Each user its own owner: a batch SignNow refuses is sent again user by user.
			const outcomes = await inviteToTeam.call(this, teamId, group.map((one, n) => ({ itemIndex: n, emails: [one.row.email] })));
			for (const one of group) {
				const outcome = outcomes.get(key(one.row.email)) ?? new Error(`No result for ${one.row.email}`);
				const refused = outcome instanceof Error ? outcome : refusedInvite.call(this, one.row.email, outcome, one.row.itemIndex);
				const team = { id: teamId, name: teamNames.get(this)?.get(teamId) ?? teamId };
				const raw: IDataObject = { id: null, emails: [one.row.email], role: 'member', status: 'pending', request: outcome instanceof Error ? null : (outcome.id ?? null) };
				results.set(key(one.row.email), refused ?? { user: normalizeMember(raw, team), raw: { ...raw, memberships: [] } });
			}
		}
		return users.map((one) => results.get(key(one.row.email))!);
	},
	async updateRole(user, role) {
		const { id, email, teamId, status } = user.user;
		if (status !== 'active') {
			throw new NodeOperationError(this.getNode(), `${email} has not accepted the invitation to the team yet`, {
				description: 'SignNow changes the role only of members who accepted the invitation. Run again once they have.',
			});
		}
		if (role === 'admin') await grantAdmin.call(this, teamId!, email!);
		else await revokeAdmin.call(this, teamId!, id!);
	},
	async changeTeam(user, teamId) {
		const { id, email, teamId: fromTeamId } = user.user;
		const invited = membershipsOf(user).some((m) => m.teamId === teamId);
		await moveMember.call(this, { fromTeamId: fromTeamId!, toTeamId: teamId, userId: id!, email: email!, invited });
	},
	async deactivate(user) {
		const all = membershipsOf(user);
		const from = scopeOption.call(this) ? all.slice(0, 1) : all;
		for (const m of from) await removeMember.call(this, m.teamId, m.userId);
	},
	async reactivate(user) {
		throw new NodeOperationError(this.getNode(), `SignNow has no deactivated users: ${user.user.email} cannot be reactivated`);
	},
};
