import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
import { readUser, resolveUserId, userLocator } from '../../users';

/**
 * Resend and Cancel Invitation: the same call shape on two paths (../shared/reference/vendor-apis.md §3.2),
 * answered with an empty 200.
 */
export function invitationOperation(operation: 'resendInvitation' | 'cancelInvitation', path: string) {
	const description: INodeProperties[] = [userLocator(showFor('user', operation))];
	async function execute(this: IExecuteFunctions, i: number) {
		const userId = await resolveUserId.call(this, readUser.call(this, i), i);
		await apiRequest.call(this, boldSign, { method: 'POST', path, qs: { UserId: userId }, itemIndex: i });
		return { success: true, userId };
	}
	return { description, execute };
}
