import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { readTeamId, teamLocator } from '../../teams';
import { paths, unconfirmedRequest } from '../../transport';

export const description: INodeProperties[] = [teamLocator(showFor('team', 'delete'))];

/** `DELETE /team/{team_id}` → `{result: "success"}`; only the team's primary admin may (seed 002). */
export async function execute(this: IExecuteFunctions, i: number) {
	const teamId = readTeamId.call(this, 'team', i);
	await unconfirmedRequest.call(this, 'teams', { method: 'DELETE', path: paths.team(teamId), itemIndex: i });
	return { teamId, deleted: true };
}
