import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { accountField, dsGroupLocator } from '../../fields';
import { docuSign, paths } from '../../transport';
import { groupTarget } from './target';

const show = showFor('dsGroup', 'get');

export const description: INodeProperties[] = [accountField(show), dsGroupLocator(show)];

export async function execute(this: IExecuteFunctions, i: number) {
	const { orgId, accountId, dsGroupId } = await groupTarget.call(this, i);
	return await apiRequest.call(this, docuSign, { method: 'GET', path: paths.dsGroup(orgId, accountId, dsGroupId), itemIndex: i });
}
