import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answer, invitationField } from './request';

export const description: INodeProperties[] = [invitationField('decline')];

export async function execute(this: IExecuteFunctions, i: number) {
	return await answer.call(this, i, false);
}
