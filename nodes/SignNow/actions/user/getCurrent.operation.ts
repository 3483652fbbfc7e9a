import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { signNow } from '../../transport';
import { accountOutput } from '../../users';

export const description: INodeProperties[] = [simplifyField(showFor('user', 'getCurrent'))];

/** `GET /user`: the credential's user; SignNow has no endpoint for another user (../shared/reference/vendor-apis.md §2.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	return accountOutput.call(this, i, await apiRequest.call(this, signNow, { method: 'GET', path: '/user', itemIndex: i }));
}
