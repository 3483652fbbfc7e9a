import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { checkEmail, readList } from '../../../shared/input';
import { addToDsGroup, removeFromDsGroup } from '../../dsGroups';
import { accountField, dsGroupLocator } from '../../fields';
import { getProfile } from '../../users';
import { groupTarget } from './target';

/**
 * Add Users and Remove Users: the same call shape with POST or DELETE (../shared/reference/vendor-apis.md §1.3). Users are given
 * by ID or email; emails are turned into IDs first, because the API ignores emails when IDs are sent too.
 */
export function membersOperation(operation: 'addUsers' | 'removeUsers') {
	const show = showFor('dsGroup', operation);
	const description: INodeProperties[] = [
		accountField(show),
		dsGroupLocator(show),
		{
			displayName: 'Users',
			name: 'users',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ada@example.com, 3f0b7a52-…',
			description: 'IDs or emails of the users, separated by commas',
			displayOptions: show,
		},
	];

	async function execute(this: IExecuteFunctions, i: number) {
		const keys = readList.call(this, 'users', i, 'Users');
		if (!keys.length) throw inputError(this.getNode(), 'No users given', 'Enter the IDs or emails of the users, separated by commas.', i);
		// An entry with an @ is an email; it must be a valid one.
		for (const key of keys) if (key.includes('@')) checkEmail.call(this, key, 'Users', i);
		const target = await groupTarget.call(this, i);
		const userIds: string[] = [];
		for (const key of keys) {
			userIds.push(key.includes('@') ? String((await getProfile.call(this, target.orgId, { mode: 'email', value: key }, i)).id) : key);
		}
		const change = operation === 'addUsers' ? addToDsGroup : removeFromDsGroup;
		await change.call(this, target, userIds, i);
		return { dsGroupId: target.dsGroupId, accountId: target.accountId, userIds, success: true };
	}

	return { description, execute };
}
