import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
import { readTeamName, teamNameField } from './name';

export const description: INodeProperties[] = [teamNameField(showFor('team', 'create'), 'Name of the new team')];

export async function execute(this: IExecuteFunctions, i: number) {
	const teamName = readTeamName.call(this, i);
	const body = await apiRequest.call(this, boldSign, {
		method: 'POST',
		path: '/v1/teams/create',
		body: { teamName },
		itemIndex: i,
	});
	return { teamId: String(body.teamId), teamName };
}
