import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { memberAfterChange, memberLocator, resolveMember, teamLocator } from '../../teams';
import { paths, unconfirmedRequest } from '../../transport';

const show = showFor('team', 'transferOwnership');

export const description: INodeProperties[] = [teamLocator(show), memberLocator(show, 'The member who becomes the team’s primary admin'), simplifyField(show)];

/** `POST /team/{team_id}/transferownership/{user_id}` (seed 002): only the primary admin may; the output is the new owner. */
export async function execute(this: IExecuteFunctions, i: number) {
	const { teamId, userId, email } = await resolveMember.call(this, 'team', i);
	await unconfirmedRequest.call(this, 'teams', { method: 'POST', path: paths.transferOwnership(teamId, userId), itemIndex: i });
	return await memberAfterChange.call(this, teamId, userId, i, { vendor: 'signnow', id: userId, email, role: 'admin', teamId });
}
