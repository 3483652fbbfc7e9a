import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { collect } from '../shared/pagination';
import { paths, signNow, teamPaging, unconfirmed, unconfirmedRequest } from './transport';

/**
 * Team-member requests (seed 002, ../shared/reference/vendor-apis.md §2.4: UNCONFIRMED) shared by the Team
 * operations and the roster adapter (roster.ts).
 */

/** Emails per `POST /team/{team_id}/request`: the API takes an array; its limit is not documented. */
export const INVITE_BATCH = 100;

/** `GET /v2/teams`: the credential user's teams, with their role in each. */
export async function listTeams(this: IExecuteFunctions, limit: { returnAll: boolean; limit?: number }, itemIndex?: number): Promise<IDataObject[]> {
	const request = { method: 'GET' as const, path: '/v2/teams', itemIndex };
	return await unconfirmed(this, 'teams', request, async () => await collect.call(this, signNow, request, teamPaging, limit));
}

export type InviteOutcome = IDataObject | Error;

/** One `POST /team/{team_id}/request` `{emails}` → `{team_requests:[{email, status, id}]}` (seed 002). */
async function invite(this: IExecuteFunctions, teamId: string, emails: string[], itemIndex?: number): Promise<Map<string, InviteOutcome>> {
	const out = new Map<string, InviteOutcome>();
	const body = await unconfirmedRequest.call(this, 'teams', { method: 'POST', path: paths.invite(teamId), body: { emails }, itemIndex });
	const answered = Array.isArray(body.team_requests) ? (body.team_requests as IDataObject[]) : [];
	for (const email of emails) {
		const found = answered.find((r) => String(r.email ?? '').toLowerCase() === email.toLowerCase());
		out.set(email.toLowerCase(), found ?? new Error(`SignNow’s answer does not mention ${email}`));
	}
	return out;
}

/**
 * Sends a team's emails in batches; a batch SignNow refuses with 400 is sent again owner by owner (an input item,
 * or each user for the roster), so only the culprit fails. Results by lower-case email.
 */
export async function inviteToTeam(this: IExecuteFunctions, teamId: string, items: Array<{ itemIndex: number; emails: string[] }>) {
	const results = new Map<string, InviteOutcome>();
	const unique = [...new Map(items.flatMap((it) => it.emails.map((e) => [e.toLowerCase(), { email: e, itemIndex: it.itemIndex }]))).values()];
	for (let start = 0; start < unique.length; start += INVITE_BATCH) {
		const batch = unique.slice(start, start + INVITE_BATCH);
		try {
			for (const [key, outcome] of await invite.call(this, teamId, batch.map((b) => b.email), batch[0].itemIndex)) results.set(key, outcome);
		} catch (error) {
			const rejected = error instanceof NodeApiError && error.httpCode === '400';
			const owners = new Set(batch.map((b) => b.itemIndex));
			if (!rejected || owners.size === 1) {
				for (const b of batch) results.set(b.email.toLowerCase(), error as Error);
				continue;
			}
			for (const owner of owners) {
				const own = batch.filter((b) => b.itemIndex === owner).map((b) => b.email);
				try {
					for (const [key, outcome] of await invite.call(this, teamId, own, owner)) results.set(key, outcome);
				} catch (single) {
					for (const email of own) results.set(email.toLowerCase(), single as Error);
				}
			}
		}
	}
	return results;
}

/** An invitation SignNow answered with another status than "success", as an error. */
export function refusedInvite(this: IExecuteFunctions, email: string, outcome: IDataObject, itemIndex?: number): NodeApiError | undefined {
	if (String(outcome.status) === 'success') return undefined;
	return new NodeApiError(this.getNode(), outcome as JsonObject, {
		message: `SignNow did not invite ${email}: ${String(outcome.status ?? 'no status')}`,
		description: 'Check the address, and that the credential’s user is a member of the team.',
		itemIndex,
	});
}

/** `DELETE /team/{team_id}/user/{user_id}` (seed 002): the member leaves the team (a pending invitation is withdrawn). */
export async function removeMember(this: IExecuteFunctions, teamId: string, userId: string, itemIndex?: number): Promise<void> {
	await unconfirmedRequest.call(this, 'teams', { method: 'DELETE', path: paths.teamMember(teamId, userId), itemIndex });
}

/** `POST /team/{team_id}/admin` `{email}` (seed 002): the member becomes a team admin. */
export async function grantAdmin(this: IExecuteFunctions, teamId: string, email: string, itemIndex?: number): Promise<void> {
	await unconfirmedRequest.call(this, 'teams', { method: 'POST', path: paths.teamAdmin(teamId), body: { email }, itemIndex });
}

/** `DELETE /team/{team_id}/admin/{user_id}` (seed 002): the admin becomes a plain member. */
export async function revokeAdmin(this: IExecuteFunctions, teamId: string, userId: string, itemIndex?: number): Promise<void> {
	await unconfirmedRequest.call(this, 'teams', { method: 'DELETE', path: paths.teamAdmin(teamId, userId), itemIndex });
}

export interface Move {
	fromTeamId: string;
	toTeamId: string;
	userId: string;
	email: string;
	/** Already a member (or invited) of the target team: only the removal is left. */
	invited?: boolean;
	itemIndex?: number;
}

/**
 * Moves a member: invites them to the target team, then removes them from the source. SignNow has no move: the
 * member joins the new team when they accept. A removal that fails after the invitation went out is an error
 * that says so: the member then has both the old team and a pending invitation.
 */
export async function moveMember(this: IExecuteFunctions, move: Move) {
	const { fromTeamId, toTeamId, userId, email, itemIndex } = move;
	let invite: IDataObject = { status: 'skipped', teamId: toTeamId, reason: 'already a member or invited' };
	if (!move.invited) {
		const outcome = (await inviteToTeam.call(this, toTeamId, [{ itemIndex: itemIndex ?? 0, emails: [email] }])).get(email.toLowerCase());
		if (outcome instanceof Error) throw outcome;
		if (outcome && outcome.status !== undefined && outcome.status !== 'success') {
			throw new NodeApiError(this.getNode(), {}, {
				message: `SignNow did not invite ${email} to the team: ${String(outcome.status)}`,
				description: 'Nothing was changed: the member is still in the From Team.',
				itemIndex,
			});
		}
		invite = { status: 'done', teamId: toTeamId, requestId: outcome?.id ?? null };
	}
	try {
		await removeMember.call(this, fromTeamId, userId, itemIndex);
	} catch (error) {
		const cause = error as NodeApiError;
		throw new NodeApiError(this.getNode(), { invite, removal: { status: 'failed', error: cause.message } } as JsonObject, {
			message: `Change Team half done: ${email} was invited to the To Team (request ${String(invite.requestId ?? 'unknown')}), but removing them from the From Team failed: ${cause.message}`,
			description: `The member is still in the From Team and has a pending invitation to the To Team. Fix the cause${cause.description ? ` (${cause.description})` : ''}, then remove them with Team › Remove User.`,
			httpCode: cause.httpCode ?? undefined,
			itemIndex,
		});
	}
	return { invite, removal: { status: 'done', teamId: fromTeamId } };
}
