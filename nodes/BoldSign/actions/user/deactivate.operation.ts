import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { deactivateUser } from '../../userCalls';
import { readTransferTo, readUser, resolveUserId, transferToField, userAfterChange, userLocator } from '../../users';

const show = showFor('user', 'deactivate');

export const description: INodeProperties[] = [
	userLocator(show),
	transferToField(
		show,
		'Another user who receives the deactivated user’s documents. Leave empty to keep them with the deactivated user.',
	),
	simplifyField(show),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const transferTo = readTransferTo.call(this, i);
	const userId = await resolveUserId.call(this, user, i);
	const toUserId = transferTo ? await resolveUserId.call(this, transferTo, i) : undefined;
	await deactivateUser.call(this, userId, toUserId, i);
	return await userAfterChange.call(this, userId, i, { status: 'deactivated' });
}
