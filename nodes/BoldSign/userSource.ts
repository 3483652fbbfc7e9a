import type { UserSource } from '../shared/poll/trigger';
import { collect } from '../shared/pagination';
import { boldSign, userPaging } from './transport';
import { normalizeUser } from './users';

/**
 * What the BoldSign Users Trigger polls: every user of the organization, through `GET /v1/users/list`, 100 a
 * page until the first short page (no totals, ../shared/reference/vendor-apis.md §3.2). BoldSign sends no
 * user webhooks (§3.5, §5), so the shared trigger diffs this full list against its snapshot.
 */
export const boldSignUsers: UserSource = {
	vendor: 'boldsign',
	async list({ sample }) {
		const paging = sample ? { returnAll: false, limit: sample } : { returnAll: true };
		return await collect.call(this, boldSign, { method: 'GET', path: '/v1/users/list' }, userPaging, paging);
	},
	normalize: normalizeUser,
};
