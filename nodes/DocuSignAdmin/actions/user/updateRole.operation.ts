import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { accountField, numericId, permissionProfileField, readRequired } from '../../fields';
import { organizationId } from '../../organization';
import { resolveProfile, updateUser, userLocator } from '../../users';

const show = showFor('user', 'updateRole');

export const description: INodeProperties[] = [
	userLocator(show),
	accountField(show, 'The account whose membership gets the new permission profile.'),
	permissionProfileField(show, 'The user’s new permission profile (role) on the account.'),
	simplifyField(show),
];

/**
 * The Admin API has no role endpoint: a permission profile is part of the membership, changed through
 * `POST users/profiles` with `memberships: [{ account_id, permission_profile: { id } }]` (reference §1.4).
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const orgId = await organizationId.call(this, i);
	const accountId = readRequired.call(this, 'account', i, 'account');
	const profileId = numericId(readRequired.call(this, 'permissionProfile', i, 'permission profile'));
	const profile = await resolveProfile.call(this, orgId, 'user', i);
	const membership = { account_id: accountId, permission_profile: { id: profileId } };
	return await updateUser.call(this, orgId, 'profiles', { id: profile.id, site_id: profile.site_id, memberships: [membership] }, i);
}
