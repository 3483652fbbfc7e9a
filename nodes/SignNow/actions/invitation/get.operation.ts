import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getInvitation, invitationField, readRequestId } from './request';

export const description: INodeProperties[] = [invitationField('get')];

export async function execute(this: IExecuteFunctions, i: number) {
	return await getInvitation.call(this, readRequestId.call(this, i), i);
}
