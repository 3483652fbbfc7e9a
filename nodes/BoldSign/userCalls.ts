import type { IDataObject } from 'n8n-workflow';

import { apiRequest } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { boldSign } from './transport';

/**
 * The user changes BoldSign answers with an empty 200 (../shared/reference/vendor-apis.md §3.2), shared by the
 * single-user operations and the roster adapter.
 */

export async function setRole(this: RequestContext, userId: string, userRole: string, itemIndex?: number): Promise<void> {
	await apiRequest.call(this, boldSign, { method: 'PUT', path: '/v1/users/update', body: { userId, userRole }, itemIndex });
}

export async function moveToTeam(this: RequestContext, userId: string, toTeamId: string, transferTo?: string, itemIndex?: number): Promise<void> {
	const body: IDataObject = { toTeamId };
	if (transferTo) body.transferDocumentsToUserId = transferTo;
	await apiRequest.call(this, boldSign, { method: 'PUT', path: '/v1/users/changeTeam', qs: { userId }, body, itemIndex });
}

/** Deactivates, handing the documents to `toUserId` when given. */
export async function deactivateUser(this: RequestContext, userId: string, toUserId?: string, itemIndex?: number): Promise<void> {
	const body: IDataObject = { userId, userStatus: 'Deactivate' };
	if (toUserId) body.toUserId = toUserId;
	await apiRequest.call(this, boldSign, {
		method: 'PUT',
		path: '/v1/users/update',
		body,
		itemIndex,
		// A repeat after a lost answer hears this when the first one was applied.
		doneIfRepeated: (response) => /only active users can be deactivated/i.test(boldSign.errorMessage(response.body) ?? ''),
	});
}

export async function reactivateUser(this: RequestContext, userId: string, itemIndex?: number): Promise<void> {
	await apiRequest.call(this, boldSign, {
		method: 'PUT',
		path: '/v1/users/update',
		body: { userId, userStatus: 'Activate' },
		itemIndex,
		// A repeat after a lost answer hears this when the first one was applied.
		doneIfRepeated: (response) => /only deactivated users can be activated/i.test(boldSign.errorMessage(response.body) ?? ''),
	});
}
