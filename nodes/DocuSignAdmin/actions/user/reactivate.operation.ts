import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { readId } from '../../../shared/input';
import { accountField } from '../../fields';
import { organizationId } from '../../organization';
import { activateMembership } from '../../userCalls';
import { getProfile, memberships, readUser, userAfterChange, userLocator } from '../../users';

const show = showFor('user', 'reactivate');

export const description: INodeProperties[] = [
	userLocator(show),
	accountField(show, 'The account of the membership to activate.'),
	simplifyField(show),
];

/**
 * `POST /v2/organizations/{org}/users/{userId}/memberships/{membershipId}` with `{site_id}`
 * (ForceActivateMembershipRequest). The membership ID and site ID come from the user's profile.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const accountId = readId.call(this, 'account', i, 'Account');
	const orgId = await organizationId.call(this, i);
	const profile = await getProfile.call(this, orgId, user, i);
	const membership = memberships(profile).find((m) => String(m.account_id).toLowerCase() === accountId.toLowerCase());
	if (!membership) {
		throw inputError(this.getNode(), `The user has no membership in account ${accountId}`, 'Pick one of the user’s accounts, or add the user to the account first.', i);
	}
	await activateMembership.call(this, orgId, String(profile.id), String(membership.id), profile.site_id, i);
	return await userAfterChange.call(this, orgId, String(profile.id), i, { status: 'active' });
}
