import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
import { readUser, resolveUserId, userAfterChange, userLocator } from '../../users';

const show = showFor('user', 'reactivate');

export const description: INodeProperties[] = [userLocator(show), simplifyField(show)];

export async function execute(this: IExecuteFunctions, i: number) {
	const userId = await resolveUserId.call(this, readUser.call(this, i), i);
	await apiRequest.call(this, boldSign, {
		method: 'PUT',
		path: '/v1/users/update',
		body: { userId, userStatus: 'Activate' },
		itemIndex: i,
		// A repeat after a lost answer hears this when the first one was applied.
		doneIfRepeated: (response) => /only deactivated users can be activated/i.test(boldSign.errorMessage(response.body) ?? ''),
	});
	return await userAfterChange.call(this, userId, i, { status: 'active' });
}
