import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../../../shared/change';
import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { paths, unconfirmedRequest } from '../../transport';

export function invitationField(operation: string): INodeProperties {
	return {
		displayName: 'Invitation ID',
		name: 'requestId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 79c7ec6b258346105e415ceae13b687c4231966b',
		description: 'The ID of the request to join a team (the requestId that Team › Invite Users outputs). Only the invited user can see and answer it.',
		displayOptions: showFor('invitation', operation),
	};
}

/** A team request ID: 40 characters (seed 002 refuses any other length). */
export function readRequestId(this: IExecuteFunctions, i: number): string {
	const id = String(this.getNodeParameter('requestId', i, '')).trim();
	if (!/^[0-9a-f]{40}$/i.test(id)) {
		throw inputError(this.getNode(), id ? `"${id}" is not a SignNow invitation ID` : 'No invitation ID given', 'Enter the 40-character ID of the team request in the Invitation ID field.', i);
	}
	return id;
}

/** `GET /team/{request_id}/request` → `{team_name, team_id, request_id, request_status}` (seed 002). */
export async function getInvitation(this: IExecuteFunctions, requestId: string, i: number): Promise<IDataObject> {
	return await unconfirmedRequest.call(this, 'team invitations', { method: 'GET', path: paths.request(requestId), itemIndex: i });
}

/** `PUT /team/{request_id}/request` `{accept}` → `{result: "success"}` (seed 002), then the invitation read back. */
export async function answer(this: IExecuteFunctions, i: number, accept: boolean): Promise<IDataObject> {
	const requestId = readRequestId.call(this, i);
	await unconfirmedRequest.call(this, 'team invitations', { method: 'PUT', path: paths.request(requestId), body: { accept }, itemIndex: i });
	return await afterChange({ request_id: requestId, request_status: accept ? 'accepted' : 'declined' }, async () => await getInvitation.call(this, requestId, i));
}
