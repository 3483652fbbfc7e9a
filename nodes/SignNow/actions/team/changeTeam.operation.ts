import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { memberLocator, readTeamId, resolveMember, teamLocator } from '../../teams';
import { paths, unconfirmedRequest } from '../../transport';

const show = showFor('team', 'changeTeam');

export const description: INodeProperties[] = [
	{ ...teamLocator(show, 'fromTeam', 'From Team'), description: 'The team the member leaves' },
	memberLocator(show, 'The member of the From Team to move'),
	{ ...teamLocator(show, 'toTeam', 'To Team'), description: 'The team the member is invited to' },
];

/**
 * Moves a member: invites them to the target team (`POST /team/{to}/request`), then removes them from the source
 * (`DELETE /team/{from}/user/{user_id}`), seed 002. SignNow has no move: the member joins the new team when they
 * accept. If the removal fails after the invitation went out, the item fails and says so: the member then has
 * both the old team and a pending invitation.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const toTeamId = readTeamId.call(this, 'toTeam', i);
	if (toTeamId === readTeamId.call(this, 'fromTeam', i)) {
		throw inputError(this.getNode(), 'From Team and To Team are the same team', 'Pick another team in the To Team field.', i);
	}
	const { teamId: fromTeamId, userId, email } = await resolveMember.call(this, 'fromTeam', i);
	const invited = await unconfirmedRequest.call(this, 'teams', { method: 'POST', path: paths.invite(toTeamId), body: { emails: [email] }, itemIndex: i });
	const request = (Array.isArray(invited.team_requests) ? invited.team_requests : [])[0] as { id?: string; status?: string } | undefined;
	if (request && request.status !== undefined && request.status !== 'success') {
		throw new NodeApiError(this.getNode(), {}, {
			message: `SignNow did not invite ${email} to the team: ${request.status}`,
			description: 'Nothing was changed: the member is still in the From Team.',
			itemIndex: i,
		});
	}
	const invite = { status: 'done', teamId: toTeamId, requestId: request?.id ?? null };
	try {
		await unconfirmedRequest.call(this, 'teams', { method: 'DELETE', path: paths.teamMember(fromTeamId, userId), itemIndex: i });
	} catch (error) {
		const cause = error as NodeApiError;
		throw new NodeApiError(this.getNode(), { invite, removal: { status: 'failed', error: cause.message } }, {
			message: `Change Team half done: ${email} was invited to the To Team (request ${invite.requestId ?? 'unknown'}), but removing them from the From Team failed: ${cause.message}`,
			description: `The member is still in the From Team and has a pending invitation to the To Team. Fix the cause${cause.description ? ` (${cause.description})` : ''}, then remove them with Team › Remove User.`,
			httpCode: cause.httpCode ?? undefined,
			itemIndex: i,
		});
	}
	return { userId, email, fromTeamId, toTeamId, invite, removal: { status: 'done', teamId: fromTeamId }, success: true };
}
