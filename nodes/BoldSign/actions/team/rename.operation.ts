import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
import { readTeamId, teamLocator } from '../../users';
import { readTeamName, teamNameField } from './name';

const show = showFor('team', 'rename');

export const description: INodeProperties[] = [teamLocator(show), teamNameField(show, 'The new name of the team')];

export async function execute(this: IExecuteFunctions, i: number) {
	const teamId = readTeamId.call(this, 'team', i);
	const teamName = readTeamName.call(this, i);
	await apiRequest.call(this, boldSign, { method: 'PUT', path: '/v1/teams/update', body: { teamId, teamName }, itemIndex: i });
	return { teamId, teamName };
}
