import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { organizationId } from '../../organization';
import { getProfile, readUser, userLocator, userOutput } from '../../users';

const show = showFor('user', 'get');

export const description: INodeProperties[] = [userLocator(show), simplifyField(show)];

export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const orgId = await organizationId.call(this, i);
	return userOutput.call(this, i, await getProfile.call(this, orgId, user, i));
}
