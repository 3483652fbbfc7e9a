import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { setRole } from '../../userCalls';
import { readRole, readUser, resolveUserId, roleField, userAfterChange, userLocator } from '../../users';

const show = showFor('user', 'updateRole');

export const description: INodeProperties[] = [
	userLocator(show),
	roleField(show, 'The new role of the user'),
	simplifyField(show),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const userRole = readRole.call(this, i);
	const userId = await resolveUserId.call(this, user, i);
	await setRole.call(this, userId, userRole, i);
	return await userAfterChange.call(this, userId, i, { role: userRole });
}
