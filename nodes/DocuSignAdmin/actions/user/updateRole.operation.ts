import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { readId } from '../../../shared/input';
import { accountField, numericId, permissionProfileField } from '../../fields';
import { organizationId } from '../../organization';
import { getProfile, readUser, updateUser, userLocator } from '../../users';

const show = showFor('user', 'updateRole');

export const description: INodeProperties[] = [
	userLocator(show),
	accountField(show, 'The account whose membership gets the new permission profile.'),
	permissionProfileField(show, 'The user’s new permission profile (role) on the account.'),
	simplifyField(show),
];

/**
 * The Admin API has no role endpoint: a permission profile is part of the membership, changed through
 * `POST users/profiles` with `memberships: [{ account_id, permission_profile: { id } }]` (../shared/reference/vendor-apis.md §1.4).
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const accountId = readId.call(this, 'account', i, 'Account');
	const profileId = numericId(readId.call(this, 'permissionProfile', i, 'Permission Profile'));
	const orgId = await organizationId.call(this, i);
	const profile = await getProfile.call(this, orgId, user, i);
	const membership = { account_id: accountId, permission_profile: { id: profileId } };
	return await updateUser.call(this, orgId, 'profiles', { id: profile.id, site_id: profile.site_id, memberships: [membership] }, i);
}
