import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
import { resolveUser, roleField, userAfterChange, userLocator } from '../../users';

const show = showFor('user', 'updateRole');

export const description: INodeProperties[] = [
	userLocator(show),
	roleField(show, 'The new role of the user'),
	simplifyField(show),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const { userId } = await resolveUser.call(this, 'user', i);
	const userRole = this.getNodeParameter('role', i) as string;
	await apiRequest.call(this, boldSign, { method: 'PUT', path: '/v1/users/update', body: { userId, userRole }, itemIndex: i });
	return await userAfterChange.call(this, userId, i, { role: userRole });
}
