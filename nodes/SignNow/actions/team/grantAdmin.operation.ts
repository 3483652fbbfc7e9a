import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { memberAfterChange, memberLocator, resolveMember, teamLocator } from '../../teams';
import { grantAdmin } from '../../memberCalls';

const show = showFor('team', 'grantAdmin');

export const description: INodeProperties[] = [teamLocator(show), memberLocator(show, 'The member who becomes a team admin'), simplifyField(show)];

/** `POST /team/{team_id}/admin` `{email}` (seed 002): the member becomes an admin; the output is the member after. */
export async function execute(this: IExecuteFunctions, i: number) {
	const { teamId, userId, email } = await resolveMember.call(this, 'team', i);
	await grantAdmin.call(this, teamId, email, i);
	return await memberAfterChange.call(this, teamId, userId, i, { vendor: 'signnow', id: userId, email, role: 'admin', teamId });
}
