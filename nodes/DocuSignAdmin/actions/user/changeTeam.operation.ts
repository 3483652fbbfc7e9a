import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOptionalLocator, showFor } from '../../../shared/descriptions';
import { addToDsGroup, removeFromDsGroup } from '../../dsGroups';
import { accountField, dsGroupLocator, readDsGroupId, readRequired } from '../../fields';
import { organizationId } from '../../organization';
import { resolveUserId, userLocator } from '../../users';

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
	const orgId = await organizationId.call(this, i);
	const accountId = readRequired.call(this, 'account', i, 'account');
	const toDsGroupId = readDsGroupId.call(this, 'toDsGroup', i);
	const fromDsGroupId = readOptionalLocator.call(this, 'fromDsGroup', i) ?? null;
	const userId = await resolveUserId.call(this, orgId, 'user', i);

	await addToDsGroup.call(this, { orgId, accountId, dsGroupId: toDsGroupId }, [userId], i);
	if (fromDsGroupId && fromDsGroupId.toLowerCase() !== toDsGroupId.toLowerCase()) {
		await removeFromDsGroup.call(this, { orgId, accountId, dsGroupId: fromDsGroupId }, [userId], i);
	}
	return { userId, accountId, toDsGroupId, fromDsGroupId, success: true };
}
