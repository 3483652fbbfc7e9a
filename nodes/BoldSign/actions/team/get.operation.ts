import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
import { readTeamId, teamLocator } from '../../users';

export const description: INodeProperties[] = [teamLocator(showFor('team', 'get'))];

export async function execute(this: IExecuteFunctions, i: number) {
	const teamId = readTeamId.call(this, 'team', i);
	return await apiRequest.call(this, boldSign, { method: 'GET', path: '/v1/teams/get', qs: { teamId }, itemIndex: i });
}
