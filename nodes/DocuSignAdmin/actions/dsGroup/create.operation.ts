import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequest } from '../../../shared/transport';
import { accountField } from '../../fields';
import { docuSign, paths } from '../../transport';
import { accountTarget } from './target';

const show = showFor('dsGroup', 'create');

export const description: INodeProperties[] = [
	accountField(show),
	{ displayName: 'Group Name', name: 'groupName', type: 'string', default: '', required: true, displayOptions: show },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', displayOptions: show },
];

/** `POST /v2.1/…/accounts/{accountId}/dsgroups` (DSGroupAddRequest) → DSGroupResponse. */
export async function execute(this: IExecuteFunctions, i: number) {
	const groupName = String(this.getNodeParameter('groupName', i, '')).trim();
	if (!groupName) throw inputError(this.getNode(), 'No group name given', 'Enter a name for the DS group.', i);
	const { orgId, accountId } = await accountTarget.call(this, i);
	const text = String(this.getNodeParameter('description', i, ''));
	return await apiRequest.call(this, docuSign, {
		method: 'POST',
		path: paths.dsGroups(orgId, accountId),
		body: { group_name: groupName, description: text },
		itemIndex: i,
	});
}
