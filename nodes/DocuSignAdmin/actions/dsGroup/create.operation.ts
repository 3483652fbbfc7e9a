import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { readName, readText } from '../../../shared/input';
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
	const groupName = readName.call(this, 'groupName', i, 'Group Name', true);
	const text = readText.call(this, 'description', i, 'Description');
	const { orgId, accountId } = await accountTarget.call(this, i);
	return await apiRequest.call(this, docuSign, {
		method: 'POST',
		path: paths.dsGroups(orgId, accountId),
		body: { group_name: groupName, description: text },
		itemIndex: i,
	});
}
