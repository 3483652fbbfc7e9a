import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { getUserById, readUser, resolveUser, userLocator, userOutput } from '../../users';

const show = showFor('user', 'get');

export const description: INodeProperties[] = [userLocator(show), simplifyField(show)];

export async function execute(this: IExecuteFunctions, i: number) {
	const { userId, user } = await resolveUser.call(this, readUser.call(this, i), i);
	return userOutput.call(this, i, user ?? (await getUserById.call(this, userId, i)));
}
