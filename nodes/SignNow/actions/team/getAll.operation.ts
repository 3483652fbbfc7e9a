import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { signNow, teamPaging, unconfirmed } from '../../transport';

export const description: INodeProperties[] = [...returnAllAndLimit(showFor('team', 'getAll'))];

/** `GET /v2/teams`: the teams of the credential's user, with their role in each (seed 002). */
export async function execute(this: IExecuteFunctions, i: number) {
	const request = { method: 'GET' as const, path: '/v2/teams', itemIndex: i };
	return await unconfirmed(this, 'teams', request, async () => await collect.call(this, signNow, request, teamPaging, readLimit.call(this, i)));
}
