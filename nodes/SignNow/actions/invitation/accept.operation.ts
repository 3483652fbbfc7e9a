import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answer, invitationField } from './request';

export const description: INodeProperties[] = [invitationField('accept')];

export async function execute(this: IExecuteFunctions, i: number) {
	return await answer.call(this, i, true);
}
