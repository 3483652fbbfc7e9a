import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { boldSign } from '../../transport';
import { metadataField, readMetadata } from '../../metadata';
import { readUser, resolveUserId, userAfterChange, userLocator } from '../../users';

const show = showFor('user', 'updateMetadata');

export const description: INodeProperties[] = [
	userLocator(show),
	metadataField(show, 'The metadata to store on the user. It replaces the metadata the user has.'),
	simplifyField(show),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const metaData = readMetadata.call(this, i);
	const userId = await resolveUserId.call(this, user, i);
	await apiRequest.call(this, boldSign, { method: 'PUT', path: '/v1/users/updateMetaData', body: { userId, metaData }, itemIndex: i });
	return await userAfterChange.call(this, userId, i);
}
