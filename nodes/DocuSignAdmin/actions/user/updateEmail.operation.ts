import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { readEmail } from '../../../shared/input';
import { organizationId } from '../../organization';
import { getProfile, readUser, updateUser, userLocator } from '../../users';

const show = showFor('user', 'updateEmail');

export const description: INodeProperties[] = [
	userLocator(show),
	{
		displayName: 'New Email',
		name: 'newEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: show,
	},
	simplifyField(show),
];

/** `POST /v2/organizations/{org}/users/email_addresses` (UpdateUsersEmailRequest: id, site_id, email). */
export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const email = readEmail.call(this, 'newEmail', i, 'New Email');
	const orgId = await organizationId.call(this, i);
	const profile = await getProfile.call(this, orgId, user, i);
	return await updateUser.call(this, orgId, 'email_addresses', { id: profile.id, site_id: profile.site_id, email }, i);
}
