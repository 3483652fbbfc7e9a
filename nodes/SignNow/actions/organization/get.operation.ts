import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { organizationField, organizationRecord, readOrganization } from '../../organization';

export const description: INodeProperties[] = [organizationField(showFor('organization', 'get'))];

/**
 * The organization's ID, name and teams: from `GET /user` → `organization` (the SDK's type, ../shared/reference/vendor-apis.md §2.3) for the user's own,
 * else from `GET /api/v2/organizations` (seed 000), which gives no teams.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const org = await organizationRecord.call(this, readOrganization.call(this, i), i);
	return { id: org.id ?? null, name: org.name ?? null, teams: Array.isArray(org.teams) ? org.teams : [] };
}
