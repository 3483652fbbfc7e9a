import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showFor, simplifyField } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { userOutputOf } from '../../../shared/user';
import { organizationField, organizationId, readOrganization } from '../../organization';
import { organizationUserPaging, paths, signNow, unconfirmed } from '../../transport';
import { normalizeOrganizationUser } from '../../users';

const show = showFor('user', 'getAll');

export const description: INodeProperties[] = [organizationField(show), ...returnAllAndLimit(show), simplifyField(show)];

/**
 * `GET /api/v2/organizations/{organization_id}/users` over `page`/`per_page` (up to 100) pages (seed 000,
 * UNCONFIRMED in the SDKs). The organization is the credential user's unless one is chosen.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const orgId = await organizationId.call(this, readOrganization.call(this, i), i);
	const request = { method: 'GET' as const, path: paths.organizationUsers(orgId), itemIndex: i };
	return await unconfirmed(this, 'organization users', request, async () =>
		await collect.call(this, signNow, request, organizationUserPaging, readLimit.call(this, i), userOutputOf.call(this, i, normalizeOrganizationUser)),
	);
}
