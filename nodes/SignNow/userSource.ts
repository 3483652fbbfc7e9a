import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { collect } from '../shared/pagination';
import type { StoredUser } from '../shared/poll/snapshot';
import type { UserSource } from '../shared/poll/trigger';
import { runItems } from '../shared/router';
import type { NormalizedUser } from '../shared/user';
import { membersOf } from './teams';
import { paths, signNow, teamPaging, unconfirmed, unconfirmedRequest } from './transport';
import { normalizeMember } from './users';

/** One team membership of a user: the team (`GET /team/{id}`) and the user's entry in its `members[]` (seed 002). */
interface Membership {
	team: IDataObject;
	member: IDataObject;
}

/** A user as the SignNow Users Trigger follows them: every membership in the teams the credential can see. */
export interface SignNowTeamUser {
	id: string;
	/** In team-ID order. */
	memberships: Membership[];
	/** Which membership gives the user's team and role. */
	primary: number;
}

/** Team reads in flight at once (the credential's limiter allows SignNow 4: ../shared/reference/vendor-apis.md §2.6). */
const TEAM_READS = 8;

const teamIdOf = (membership: Membership) => String(membership.team.id ?? '');
const memberStatus = (membership: Membership) => normalizeMember(membership.member, membership.team).status;
const byTeamId = (a: IDataObject, b: IDataObject) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

/**
 * The membership that gives a user's team and role, so that "the team" never depends on the order SignNow lists
 * teams or members in: the team the snapshot remembers while the user is still in it (joining or leaving another
 * team changes nothing); otherwise the first accepted membership in team-ID order, else the first pending one.
 */
function primaryOf(memberships: Membership[], remembered: StoredUser | undefined): number {
	const kept = remembered?.teamId ? memberships.findIndex((m) => teamIdOf(m) === remembered.teamId) : -1;
	if (kept >= 0) return kept;
	const accepted = memberships.findIndex((m) => memberStatus(m) === 'active');
	return accepted >= 0 ? accepted : 0;
}

/** Teams (each with its `members[]`) → one record per user, in order of first appearance over the teams sorted by ID. */
export function teamUsers(teams: IDataObject[], known?: ReadonlyMap<string, StoredUser>): SignNowTeamUser[] {
	const users = new Map<string, Membership[]>();
	for (const team of [...teams].sort(byTeamId)) {
		const seen = new Set<string>();
		for (const member of membersOf(team)) {
			const id = String(member.id ?? member.user_id ?? '');
			if (!id || seen.has(id)) continue;
			seen.add(id);
			const list = users.get(id) ?? [];
			list.push({ team, member });
			users.set(id, list);
		}
	}
	return [...users].map(([id, memberships]) => ({ id, memberships, primary: primaryOf(memberships, known?.get(id)) }));
}

/** `GET /team/{team_id}` for each team, a few at once; the first failure fails the whole read (and so the poll). */
async function readTeams(this: IPollFunctions, teams: IDataObject[]): Promise<IDataObject[]> {
	const results = await runItems(
		teams.length,
		TEAM_READS,
		async (i) => {
			try {
				return await unconfirmedRequest.call(this, 'teams', { method: 'GET', path: paths.team(String(teams[i].id)) });
			} catch (error) {
				return error as Error;
			}
		},
		() => undefined,
		() => true,
	);
	const failed = results.find((result) => result instanceof Error);
	if (failed) throw failed;
	return results as IDataObject[];
}

/**
 * What the SignNow Users Trigger polls: the members of every team the credential's user belongs to. SignNow has
 * no user webhooks (../shared/reference/vendor-apis.md §2.5, §5) and no endpoint to read another user's account
 * (../shared/reference/vendor-apis.md §2.3), so each poll lists the user's teams (`GET /v2/teams`, 100 a page, total
 * in `meta.pagination.total`) and reads each one with its members (`GET /team/{id}`), both from seed 002
 * (UNCONFIRMED in the SDKs: ../shared/reference/vendor-apis.md §2.4). A user in several teams is one record: team
 * and role of one membership (see `primaryOf`), status active once any team's invitation is accepted. A manual
 * test run reads teams until it has `sample` users.
 */
export const signNowUsers: UserSource<SignNowTeamUser> = {
	vendor: 'signnow',
	async list({ sample, known }) {
		const request = { method: 'GET' as const, path: '/v2/teams' };
		const paging = sample ? { returnAll: false, limit: sample } : { returnAll: true };
		const listed = await unconfirmed(this, 'teams', request, async () => await collect.call(this, signNow, request, teamPaging, paging));
		const teams = listed.filter((team) => team.id !== undefined && team.id !== null && team.id !== '');
		if (!sample) return teamUsers(await readTeams.call(this, teams), known(''));
		const read: IDataObject[] = [];
		for (const team of [...teams].sort(byTeamId)) {
			read.push(...(await readTeams.call(this, [team])));
			if (teamUsers(read).length >= sample) break;
		}
		return teamUsers(read);
	},
	normalize(record): NormalizedUser {
		const { team, member } = record.memberships[record.primary];
		const statuses = record.memberships.map(memberStatus);
		const status = statuses.includes('active') ? 'active' : statuses.includes('invited') ? 'invited' : null;
		return { ...normalizeMember(member, team), id: record.id, status };
	},
	raw(record) {
		const { member } = record.memberships[record.primary];
		const teams = record.memberships.map(({ team, member: m }) => ({ id: team.id ?? null, name: team.name ?? null, role: m.role ?? null, status: m.status ?? null }));
		return { ...member, teams };
	},
};
