import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { readId, readOptionalLocator } from '../../../shared/input';
import { moveBetweenDsGroups } from '../../dsGroups';
import { accountField, dsGroupLocator, readDsGroupId } from '../../fields';
import { organizationId } from '../../organization';
import { readUser, resolveUserId, userLocator } from '../../users';

const show = showFor('user', 'changeTeam');

export const description: INodeProperties[] = [
	userLocator(show),
	accountField(show, 'The account the DS groups belong to.'),
	dsGroupLocator(show, 'toDsGroup', 'To DS Group'),
	{
		...dsGroupLocator(show, 'fromDsGroup', 'From DS Group', false),
		description: 'The DS group to take the user out of. Leave empty to only add the user to the new group.',
	},
];

/** Moves a user between DS groups: added to the target first, then removed from the source. */
export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const accountId = readId.call(this, 'account', i, 'Account');
	const toDsGroupId = readDsGroupId.call(this, 'toDsGroup', i, 'To DS Group');
	const fromDsGroupId = readOptionalLocator.call(this, 'fromDsGroup', i, 'From DS Group')?.value ?? null;
	const orgId = await organizationId.call(this, i);
	const userId = await resolveUserId.call(this, orgId, user, i);

	await moveBetweenDsGroups.call(this, { orgId, accountId }, userId, toDsGroupId, fromDsGroupId, i);
	return { userId, accountId, toDsGroupId, fromDsGroupId, success: true };
}
