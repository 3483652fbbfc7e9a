import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { listTeams } from '../../memberCalls';

export const description: INodeProperties[] = [...returnAllAndLimit(showFor('team', 'getAll'))];

/** `GET /v2/teams`: the teams of the credential's user, with their role in each (seed 002). */
export async function execute(this: IExecuteFunctions, i: number) {
	return await listTeams.call(this, readLimit.call(this, i), i);
}
