import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { reactivateUser } from '../../userCalls';
import { readUser, resolveUserId, userAfterChange, userLocator } from '../../users';

const show = showFor('user', 'reactivate');

export const description: INodeProperties[] = [userLocator(show), simplifyField(show)];

export async function execute(this: IExecuteFunctions, i: number) {
	const userId = await resolveUserId.call(this, readUser.call(this, i), i);
	await reactivateUser.call(this, userId, i);
	return await userAfterChange.call(this, userId, i, { status: 'active' });
}
