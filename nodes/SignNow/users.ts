import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isoDate, normalizedUser, simplifyUser, str } from '../shared/user';
import type { NormalizedUser, UserStatus } from '../shared/user';

/** Team membership status (seed 002): accepted → active, pending → invited. */
const MEMBER_STATUS: Record<string, UserStatus> = { accepted: 'active', pending: 'invited', active: 'active', invited: 'invited' };

const first = (list: unknown) => (Array.isArray(list) ? list[0] : undefined);

/** An account's status from `GET /user` (`active`, `verified` are "1"/"0" strings) or `POST /user` (`verified` 0/1). */
function accountStatus(user: IDataObject): UserStatus | null {
	if (user.active !== undefined && String(user.active) === '0') return 'deactivated';
	if (user.verified !== undefined) return String(user.verified) === '1' ? 'active' : 'invited';
	return user.active !== undefined ? 'active' : null;
}

/**
 * A SignNow account (`GET /user`, ../shared/reference/vendor-apis.md §2.3; or the `POST /user` answer) → the
 * normalized record. Email: `primary_email`, else the first of `emails`, else `email`. Role and team: the
 * first team of `teams[]` (its `role` and `team` name). Status: `active` "0" → deactivated, else `verified`
 * "1" → active and "0" → invited. createdAt: `created` (Unix seconds); SignNow gives no update time.
 */
export function normalizeAccount(user: IDataObject): NormalizedUser {
	const team = first(user.teams) as IDataObject | undefined;
	return normalizedUser('signnow', {
		id: str(user.id),
		email: str(user.primary_email ?? first(user.emails) ?? user.email),
		firstName: str(user.first_name),
		lastName: str(user.last_name),
		role: str(team?.role),
		status: accountStatus(user),
		teamId: str(team?.id),
		teamName: str(team?.team ?? team?.name),
		createdAt: isoDate(user.created),
		updatedAt: isoDate(user.updated),
	});
}

/**
 * A team member (seed 002 `members[]`: `{id, emails[], role, status}`) → the normalized record, with the team's
 * ID and name. Role is the membership's `role` (admin, member); status accepted → active, pending → invited.
 */
export function normalizeMember(memberRecord: IDataObject, team: IDataObject): NormalizedUser {
	return normalizedUser('signnow', {
		id: str(memberRecord.id ?? memberRecord.user_id),
		email: str(first(memberRecord.emails) ?? memberRecord.email),
		role: str(memberRecord.role),
		status: MEMBER_STATUS[String(memberRecord.status ?? 'accepted').toLowerCase()] ?? null,
		teamId: str(team.id),
		teamName: str(team.name),
		createdAt: isoDate(memberRecord.created),
		updatedAt: isoDate(memberRecord.updated),
	});
}

/** An organization user (seed 000: `{id, email, first_name, last_name}`); role and status when SignNow sends them. */
export function normalizeOrganizationUser(user: IDataObject): NormalizedUser {
	const status = String(user.status ?? '').toLowerCase();
	return normalizedUser('signnow', {
		id: str(user.id),
		email: str(user.email),
		firstName: str(user.first_name),
		lastName: str(user.last_name),
		role: str(user.role),
		status: MEMBER_STATUS[status] ?? (status === 'deactivated' || status === 'inactive' ? 'deactivated' : null),
		createdAt: isoDate(user.created),
		updatedAt: isoDate(user.updated),
	});
}

export function accountOutput(this: IExecuteFunctions, itemIndex: number, user: IDataObject): IDataObject {
	return simplifyUser.call(this, itemIndex, user, normalizeAccount);
}

export function memberOutput(this: IExecuteFunctions, itemIndex: number, memberRecord: IDataObject, team: IDataObject): IDataObject {
	return simplifyUser.call(this, itemIndex, memberRecord, (m) => normalizeMember(m, team));
}
