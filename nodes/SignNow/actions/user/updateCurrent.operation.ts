import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../../../shared/change';
import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequest } from '../../../shared/transport';
import { signNow } from '../../transport';
import { accountOutput } from '../../users';

const show = showFor('user', 'updateCurrent');

export const description: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Current Password', name: 'currentPassword', type: 'string', typeOptions: { password: true }, default: '', description: 'Needed to set a new password' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{
				displayName: 'Log Out Other Sessions',
				name: 'logoutAll',
				type: 'boolean',
				default: false,
				description: 'Whether to end the user’s other SignNow sessions',
			},
			{
				displayName: 'New Password',
				name: 'newPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'After changing the password of the credential’s own user, update the credential too',
			},
		],
	},
	simplifyField(show),
];

/** `PUT /user` `{first_name, last_name, password, old_password, logout_all}` (../shared/reference/vendor-apis.md §2.3), then the user read back. */
export async function execute(this: IExecuteFunctions, i: number) {
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [field, key] of [['firstName', 'first_name'], ['lastName', 'last_name']] as const) {
		if (typeof fields[field] === 'string' && fields[field] !== '') body[key] = String(fields[field]).trim();
	}
	if (fields.newPassword) {
		if (!fields.currentPassword) {
			throw inputError(this.getNode(), 'No current password given', 'SignNow needs the Current Password field to set a New Password.', i);
		}
		body.password = String(fields.newPassword);
		body.old_password = String(fields.currentPassword);
	}
	if (fields.logoutAll === true) body.logout_all = 'true'; // a string in Postman (../shared/reference/vendor-apis.md §2.3)
	if (!Object.keys(body).length) {
		throw inputError(this.getNode(), 'Nothing to update', 'Add at least one field under Update Fields.', i);
	}
	const updated = await apiRequest.call(this, signNow, { method: 'PUT', path: '/user', body, itemIndex: i });
	return await afterChange({ vendor: 'signnow', id: updated.id ?? null, firstName: updated.first_name ?? null, lastName: updated.last_name ?? null }, async () =>
		accountOutput.call(this, i, await apiRequest.call(this, signNow, { method: 'GET', path: '/user', itemIndex: i })),
	);
}
