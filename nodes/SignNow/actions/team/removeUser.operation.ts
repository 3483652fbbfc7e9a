import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { memberLocator, resolveMember, teamLocator } from '../../teams';
import { removeMember } from '../../memberCalls';

const show = showFor('team', 'removeUser');

export const description: INodeProperties[] = [teamLocator(show), memberLocator(show, 'The member to take out of the team (a pending invitation is withdrawn)')];

/** `DELETE /team/{team_id}/user/{user_id}` (seed 002): SignNow's way to close a user's access to a team. */
export async function execute(this: IExecuteFunctions, i: number) {
	const { teamId, userId, email } = await resolveMember.call(this, 'team', i);
	await removeMember.call(this, teamId, userId, i);
	return { teamId, userId, email, removed: true };
}
