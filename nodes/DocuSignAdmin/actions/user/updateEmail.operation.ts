import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { isEmail } from '../../../shared/user';
import { organizationId } from '../../organization';
import { resolveProfile, updateUser, userLocator } from '../../users';

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
	const email = String(this.getNodeParameter('newEmail', i, '')).trim();
	if (!isEmail(email)) {
		throw inputError(this.getNode(), `"${email}" is not a valid email address`, 'Enter the user’s new email, such as name@example.com.', i);
	}
	const orgId = await organizationId.call(this, i);
	const profile = await resolveProfile.call(this, orgId, 'user', i);
	return await updateUser.call(this, orgId, 'email_addresses', { id: profile.id, site_id: profile.site_id, email }, i);
}
