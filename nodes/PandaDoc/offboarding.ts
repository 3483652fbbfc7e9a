import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import { readOptionalLocator } from '../shared/input';
import type { LocatorValue } from '../shared/input';
import { apiRequest } from '../shared/transport';
import { findMember, forgetMembers, memberLocator } from './members';
import { pandaDoc, paths } from './transport';

/** Modes whose value is the membership ID itself. */
export const isMembershipId = (located: LocatorValue) => located.mode === 'list' || located.mode === 'id';

/** Optional member of the same workspace who receives a leaver's documents. */
export function transferToField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return { ...memberLocator(displayOptions, 'transferTo', 'Transfer Documents To'), default: { mode: 'list', value: '' }, required: false, description };
}

/** The Transfer Documents To field, checked before any request: undefined when left empty. */
export function readTransferTo(this: IExecuteFunctions, itemIndex: number): LocatorValue | undefined {
	return readOptionalLocator.call(this, 'transferTo', itemIndex, 'Transfer Documents To');
}

/** The membership ID of the Transfer Documents To member in `workspaceId`; it must not be the leaver. */
export async function transferTarget(
	this: IExecuteFunctions,
	located: LocatorValue | undefined,
	leaver: string,
	workspaceId: string,
	itemIndex: number,
): Promise<string | undefined> {
	if (!located) return undefined;
	const target = isMembershipId(located) ? located.value : String((await findMember.call(this, located, itemIndex, workspaceId)).membership_id);
	if (target.toLowerCase() === leaver.toLowerCase()) {
		throw inputError(this.getNode(), 'Transfer Documents To names the member who is leaving', 'Choose another member of the workspace to receive the documents.', itemIndex);
	}
	return target;
}

/** Puts `prefix` before an error's message, keeping its status and vendor body. */
export function explain(error: unknown, prefix: string, description?: string): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = `${prefix}: ${error.message}`;
		if (description) error.description = description;
		return error;
	}
	return new Error(`${prefix}: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Hands every document of one member to another: `PATCH /public/v1/documents/ownership` (../shared/reference/
 * vendor-apis.md §4.3), answered 204. Sent again after a lost answer, it finds nothing left to move.
 */
export async function transferDocuments(this: IExecuteFunctions, from: string, to: string, itemIndex?: number): Promise<void> {
	await apiRequest.call(this, pandaDoc, {
		method: 'PATCH',
		path: paths.ownership,
		body: { from_membership_id: from, to_membership_id: to },
		idempotent: true,
		itemIndex,
	});
}

/** `DELETE /public/v1/workspaces/{workspace_id}/members/{member_id}` → 204; a repeat after a lost answer gets 404. */
export async function removeMembership(this: IExecuteFunctions, workspaceId: string, membershipId: string, itemIndex?: number): Promise<void> {
	await apiRequest.call(this, pandaDoc, {
		method: 'DELETE',
		path: paths.workspaceMember(workspaceId, membershipId),
		itemIndex,
		doneIfRepeated: (response) => response.status === 404,
	});
	forgetMembers(this);
}
