import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { memberLocator, readTeamId, resolveMember, teamLocator } from '../../teams';
import { moveMember } from '../../memberCalls';

const show = showFor('team', 'changeTeam');

export const description: INodeProperties[] = [
	{ ...teamLocator(show, 'fromTeam', 'From Team'), description: 'The team the member leaves' },
	memberLocator(show, 'The member of the From Team to move'),
	{ ...teamLocator(show, 'toTeam', 'To Team'), description: 'The team the member is invited to' },
];

/** Team › Change Team: the member is invited to To Team, then removed from From Team (memberCalls.moveMember). */
export async function execute(this: IExecuteFunctions, i: number) {
	const toTeamId = readTeamId.call(this, 'toTeam', i);
	if (toTeamId === readTeamId.call(this, 'fromTeam', i)) {
		throw inputError(this.getNode(), 'From Team and To Team are the same team', 'Pick another team in the To Team field.', i);
	}
	const { teamId: fromTeamId, userId, email } = await resolveMember.call(this, 'fromTeam', i);
	const moved = await moveMember.call(this, { fromTeamId, toTeamId, userId, email, itemIndex: i });
	return { userId, email, fromTeamId, toTeamId, ...moved, success: true };
}
