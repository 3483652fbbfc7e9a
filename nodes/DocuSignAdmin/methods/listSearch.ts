import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { currentOrganizationId, organizationRecord } from '../organization';
import { asList, docuSign, paths } from '../transport';

const PAGE_SIZE = 50;

/** Users of the chosen account (else the organization's default account), filtered by email or name. */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const orgId = await currentOrganizationId.call(this);
	const chosen = String(this.getCurrentNodeParameter('account') ?? '').trim();
	const accountId = chosen || String((await organizationRecord.call(this, orgId)).default_account_id ?? '');
	const start = Number(paginationToken ?? 0);
	const qs: IDataObject = { account_id: accountId, start, take: PAGE_SIZE };
	if (filter) qs.email_user_name_like = filter;
	const body = await apiRequest.call(this, docuSign, { method: 'GET', path: `${paths.org(orgId)}/users`, qs });
	const users = asList(body.users);
	return {
		results: users.map((user) => ({ name: `${String(user.user_name ?? '')} <${String(user.email ?? '')}>`.trim(), value: String(user.id) })),
		paginationToken: users.length < PAGE_SIZE ? undefined : String(start + users.length),
	};
}

/** DS groups of the chosen account; the API has no name search, so the filter applies to each page. */
export async function searchDsGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const accountId = String(this.getCurrentNodeParameter('account') ?? '').trim();
	if (!accountId) return { results: [] };
	const orgId = await currentOrganizationId.call(this);
	const page = Number(paginationToken ?? 1);
	const body = await apiRequest.call(this, docuSign, {
		method: 'GET',
		path: paths.dsGroups(orgId, accountId),
		qs: { page, page_size: PAGE_SIZE },
	});
	const groups = asList(body.ds_groups);
	const wanted = (filter ?? '').toLowerCase();
	return {
		results: groups
			.filter((group) => !wanted || String(group.group_name ?? '').toLowerCase().includes(wanted))
			.map((group) => ({ name: String(group.group_name ?? group.ds_group_id), value: String(group.ds_group_id) })),
		paginationToken: page * PAGE_SIZE < Number(body.total_count ?? 0) ? String(page + 1) : undefined,
	};
}
