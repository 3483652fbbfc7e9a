import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequest } from '../../../shared/transport';
import { isEmail } from '../../../shared/user';
import { basicAuth, signNow } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@example.com',
		default: '',
		required: true,
		description: 'Email address of the account that has not verified its address yet',
		displayOptions: showFor('user', 'resendVerification'),
	},
];

/** `POST /user/verifyemail` `{email}` with the app's Basic token (../shared/reference/vendor-apis.md §2.3) → `{status: "success"}`. */
export async function execute(this: IExecuteFunctions, i: number) {
	const email = String(this.getNodeParameter('email', i, '')).trim();
	if (!isEmail(email)) throw inputError(this.getNode(), `"${email}" is not a valid email address`, 'Enter the account’s email address in the Email field.', i);
	const body = await apiRequest.call(this, signNow, {
		method: 'POST',
		path: '/user/verifyemail',
		body: { email },
		authorization: await basicAuth.call(this, i),
		itemIndex: i,
	});
	return { email, sent: true, status: body.status ?? null };
}
