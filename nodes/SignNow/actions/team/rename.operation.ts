import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../../../shared/change';
import { showFor, simplifyField } from '../../../shared/descriptions';
import { getTeam, readTeamId, readTeamName, teamLocator, teamNameField, teamOutput } from '../../teams';
import { paths, unconfirmedRequest } from '../../transport';

const show = showFor('team', 'rename');

export const description: INodeProperties[] = [teamLocator(show), teamNameField(show, 'The new name of the team, up to 40 characters'), simplifyField(show)];

/** `PUT /team/{team_id}` `{name}` → `{id}` (seed 002), then the team read back. */
export async function execute(this: IExecuteFunctions, i: number) {
	const teamId = readTeamId.call(this, 'team', i);
	const name = readTeamName.call(this, i);
	await unconfirmedRequest.call(this, 'teams', { method: 'PUT', path: paths.team(teamId), body: { name }, itemIndex: i });
	return await afterChange({ id: teamId, name }, async () => teamOutput.call(this, i, await getTeam.call(this, teamId, i)));
}
