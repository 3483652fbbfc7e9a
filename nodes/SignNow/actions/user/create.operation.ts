import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequest } from '../../../shared/transport';
import { isEmail, simplifyUser } from '../../../shared/user';
import { basicAuth, signNow } from '../../transport';
import { normalizeAccount } from '../../users';

const show = showFor('user', 'create');

export const description: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@example.com', default: '', required: true, displayOptions: show },
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The new account’s password. It is sent to SignNow only and never appears in the output.',
		displayOptions: show,
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', displayOptions: show },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [{ displayName: 'Phone Number', name: 'number', type: 'string', default: '' }],
	},
	simplifyField(show),
];

/**
 * `POST /user` with the app's Basic token, not the Bearer token (../shared/reference/vendor-apis.md §2.3):
 * `{email, password, first_name, last_name, number}` → `{id, verified, email}`. The account is standalone:
 * invite it to a team with Team › Invite Users.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const email = String(this.getNodeParameter('email', i, '')).trim();
	if (!isEmail(email)) throw inputError(this.getNode(), `"${email}" is not a valid email address`, 'Enter the new account’s email address in the Email field.', i);
	const password = String(this.getNodeParameter('password', i, ''));
	if (!password) throw inputError(this.getNode(), 'No password given', 'Enter the new account’s password in the Password field.', i);
	const body: IDataObject = {
		email,
		password,
		first_name: String(this.getNodeParameter('firstName', i, '')).trim(),
		last_name: String(this.getNodeParameter('lastName', i, '')).trim(),
	};
	const number = String(this.getNodeParameter('additionalFields.number', i, '') ?? '').trim();
	if (number) body.number = number;
	const created = await apiRequest.call(this, signNow, { method: 'POST', path: '/user', body, authorization: await basicAuth.call(this, i), itemIndex: i });
	// SignNow answers {id, verified, email}; the normalized record takes the names from the request.
	return simplifyUser.call(this, i, created, (user) => normalizeAccount({ ...user, first_name: body.first_name, last_name: body.last_name }));
}
