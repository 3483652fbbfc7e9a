import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { accountField, dsGroupLocator } from '../../fields';
import { docuSign, paths } from '../../transport';
import { groupTarget } from './target';

const show = showFor('dsGroup', 'delete');

export const description: INodeProperties[] = [accountField(show), dsGroupLocator(show)];

/** `DELETE /v2.1/…/dsgroups/{dsGroupId}`, answered 204 (../shared/reference/vendor-apis.md §1.3). */
export async function execute(this: IExecuteFunctions, i: number) {
	const { orgId, accountId, dsGroupId } = await groupTarget.call(this, i);
	await apiRequest.call(this, docuSign, { method: 'DELETE', path: paths.dsGroup(orgId, accountId, dsGroupId), itemIndex: i });
	return { deleted: true, dsGroupId };
}
