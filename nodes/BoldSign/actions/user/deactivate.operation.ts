import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
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
	const body: IDataObject = { userId, userStatus: 'Deactivate' };
	if (transferTo) body.toUserId = await resolveUserId.call(this, transferTo, i);
	await apiRequest.call(this, boldSign, {
		method: 'PUT',
		path: '/v1/users/update',
		body,
		itemIndex: i,
		// A repeat after a lost answer hears this when the first one was applied.
		doneIfRepeated: (response) => /only active users can be deactivated/i.test(boldSign.errorMessage(response.body) ?? ''),
	});
	return await userAfterChange.call(this, userId, i, { status: 'deactivated' });
}
