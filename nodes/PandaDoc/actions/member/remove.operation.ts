import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { findMember, memberLocator, memberOrderKey, readMember } from '../../members';
import { explain, isMembershipId, readTransferTo, removeMembership, transferDocuments, transferTarget, transferToField } from '../../offboarding';
import { optionalWorkspaceLocator, readWorkspace, workspaceOrKeys } from '../../workspaces';

const show = showFor('member', 'remove');

export const description: INodeProperties[] = [
	memberLocator(show),
	optionalWorkspaceLocator(show),
	transferToField(
		show,
		'Another member of the workspace who receives all of the member’s documents before the removal. If the transfer fails, the member is not removed. Leave empty to leave the documents with the removed member.',
	),
];

export const orderKey = memberOrderKey;

/**
 * Close: the documents go to the Transfer Documents To member first, then the membership is deleted
 * (../shared/reference/vendor-apis.md §4.3).
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const located = readMember.call(this, i);
	const transferTo = readTransferTo.call(this, i);
	const workspaceId = await workspaceOrKeys.call(this, readWorkspace.call(this, 'workspace', 'Workspace', i), i);
	const member = isMembershipId(located) ? undefined : await findMember.call(this, located, i, workspaceId);
	const membershipId = member ? String(member.membership_id) : located.value;
	const target = await transferTarget.call(this, transferTo, membershipId, workspaceId, i);
	if (target) {
		try {
			await transferDocuments.call(this, membershipId, target, i);
		} catch (error) {
			throw explain(error, 'The documents could not be transferred, so the member was not removed');
		}
	}
	await removeMembership.call(this, workspaceId, membershipId, i);
	return {
		vendor: 'pandadoc',
		membershipId,
		userId: member?.user_id ?? null,
		email: member?.email ?? null,
		workspaceId,
		removed: true,
		documentsTransferredTo: target ?? null,
	};
}
