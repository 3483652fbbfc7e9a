import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { readLocator } from '../../../shared/input';
import { addMember } from '../../memberCalls';
import { findMember, memberLocator, memberOrderKey, readMember, readRole, ROLE_OPTIONS } from '../../members';
import { explain, readTransferTo, removeMembership, transferDocuments, transferTarget, transferToField } from '../../offboarding';
import { optionalWorkspaceLocator, readWorkspace, workspaceLocator, workspaceOrKeys } from '../../workspaces';

const show = showFor('member', 'changeWorkspace');

const ROLE_CHOICES = [{ name: 'Keep Current Role', value: 'keep' }, ...ROLE_OPTIONS];

export const description: INodeProperties[] = [
	memberLocator(show),
	optionalWorkspaceLocator(show, 'fromWorkspace', 'From Workspace'),
	workspaceLocator(show, 'toWorkspace', 'To Workspace'),
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: ROLE_CHOICES,
		default: 'keep',
		description: 'The member’s role in the new workspace',
		displayOptions: show,
	},
	transferToField(
		show,
		'A member of the old workspace who receives all of the member’s documents there before the removal. If the transfer fails, the member stays in the old workspace. Leave empty to leave the documents with the old membership.',
	),
];

export const orderKey = memberOrderKey;

/**
 * Adds the user to the target workspace, then (documents transferred first, if asked) removes them from the
 * source (../shared/reference/vendor-apis.md §4.3). Both steps are in the output; a move that stopped after the
 * add fails and says so.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const located = readMember.call(this, i);
	const transferTo = readTransferTo.call(this, i);
	const toWorkspace = readLocator.call(this, 'toWorkspace', i, 'To Workspace').value;
	const chosen = readRole.call(this, i, ROLE_CHOICES);
	const fromWorkspace = await workspaceOrKeys.call(this, readWorkspace.call(this, 'fromWorkspace', 'From Workspace', i), i);
	if (fromWorkspace.toLowerCase() === toWorkspace.toLowerCase()) {
		throw inputError(this.getNode(), 'From Workspace and To Workspace are the same', 'Choose the workspace to move the member to.', i);
	}
	const member = await findMember.call(this, located, i, fromWorkspace);
	const membershipId = String(member.membership_id);
	const role = chosen === 'keep' ? String(member.role ?? 'Member') : chosen;
	const target = await transferTarget.call(this, transferTo, membershipId, fromWorkspace, i);

	const added = await addMember.call(this, toWorkspace, member.user_id, role, {}, i);
	const who = String(member.email ?? member.user_id);
	let step = 'transferring the documents';
	try {
		if (target) await transferDocuments.call(this, membershipId, target, i);
		step = 'removing the member from the old workspace';
		await removeMembership.call(this, fromWorkspace, membershipId, i);
	} catch (error) {
		throw explain(
			error,
			`Half-done move: ${who} was added to workspace ${toWorkspace} but is still a member of workspace ${fromWorkspace} (${step} failed)`,
			`The new membership is ${String(added.member_id)}. Fix the cause, then run Remove From Workspace for workspace ${fromWorkspace}; or undo the move by removing the new membership.`,
		);
	}
	return {
		vendor: 'pandadoc',
		userId: member.user_id ?? null,
		email: member.email ?? null,
		added: { workspaceId: toWorkspace, membershipId: added.member_id ?? null, role },
		documentsTransferredTo: target ?? null,
		removed: { workspaceId: fromWorkspace, membershipId },
	};
}
