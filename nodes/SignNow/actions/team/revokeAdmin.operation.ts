import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { memberAfterChange, memberLocator, resolveMember, teamLocator } from '../../teams';
import { revokeAdmin } from '../../memberCalls';

const show = showFor('team', 'revokeAdmin');

export const description: INodeProperties[] = [
	teamLocator(show),
	memberLocator(show, 'The admin who becomes a plain member (not the primary admin, not the credential’s user)'),
	simplifyField(show),
];

/** `DELETE /team/{team_id}/admin/{user_id}` (seed 002); the output is the member after. */
export async function execute(this: IExecuteFunctions, i: number) {
	const { teamId, userId, email } = await resolveMember.call(this, 'team', i);
	await revokeAdmin.call(this, teamId, userId, i);
	return await memberAfterChange.call(this, teamId, userId, i, { vendor: 'signnow', id: userId, email, role: 'member', teamId });
}
