import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { getTeam, readTeamId, teamLocator, teamOutput } from '../../teams';

const show = showFor('team', 'get');

export const description: INodeProperties[] = [teamLocator(show), simplifyField(show)];

/** `GET /team/{team_id}`: the team with its members (seed 002). */
export async function execute(this: IExecuteFunctions, i: number) {
	return teamOutput.call(this, i, await getTeam.call(this, readTeamId.call(this, 'team', i), i));
}
