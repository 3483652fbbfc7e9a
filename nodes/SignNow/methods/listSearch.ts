import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { currentOrganizationId } from '../organization';
import { dataOf, paths, signNow } from '../transport';

const PAGE_SIZE = 50;

const contains = (filter: string | undefined, ...texts: unknown[]) =>
	!filter || texts.some((text) => String(text ?? '').toLowerCase().includes(filter.toLowerCase()));

const totalPages = (body: IDataObject) => Number(((body.meta as IDataObject | undefined)?.pagination as IDataObject | undefined)?.total_pages ?? 1);

/** Teams of the credential's user (`GET /v2/teams`); the API has no name search, so the filter applies to each page. */
export async function searchTeams(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const body = await apiRequest.call(this, signNow, { method: 'GET', path: '/v2/teams', qs: { page, per_page: PAGE_SIZE } });
	return {
		results: dataOf(body).filter((team) => contains(filter, team.name)).map((team) => ({ name: String(team.name ?? team.id), value: String(team.id) })),
		paginationToken: page < totalPages(body) ? String(page + 1) : undefined,
	};
}

/** Members of the team chosen in the node (`team`, or `fromTeam` for Change Team), by email. */
export async function searchMembers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const team = ['team', 'fromTeam']
		.map((name) => this.getCurrentNodeParameter(name) as { value?: unknown } | string | undefined)
		.map((raw) => String((typeof raw === 'object' ? raw?.value : raw) ?? '').trim())
		.find(Boolean);
	if (!team) return { results: [] };
	const body = await apiRequest.call(this, signNow, { method: 'GET', path: paths.team(team) });
	const members = Array.isArray(body.members) ? (body.members as IDataObject[]) : [];
	return {
		results: members
			.map((m) => ({ email: String((m.emails as unknown[] | undefined)?.[0] ?? m.id), m }))
			.filter(({ email }) => contains(filter, email))
			.map(({ email, m }) => ({ name: `${email} (${String(m.role ?? 'member')}, ${String(m.status ?? 'accepted')})`, value: String(m.id) })),
	};
}

/** Users of the organization (`GET /api/v2/organizations/{id}/users`), filtered by name or email on each page. */
export async function searchOrganizationUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const orgId = await currentOrganizationId.call(this);
	const page = Number(paginationToken ?? 1);
	const body = await apiRequest.call(this, signNow, { method: 'GET', path: paths.organizationUsers(orgId), qs: { page, per_page: 100 } });
	const users = dataOf(body);
	const total = Number((body.meta as IDataObject | undefined)?.total ?? 0);
	return {
		results: users
			.filter((u) => contains(filter, u.email, u.first_name, u.last_name))
			.map((u) => {
				const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
				return { name: name ? `${name} <${String(u.email)}>` : String(u.email), value: String(u.id) };
			}),
		paginationToken: page * 100 < total ? String(page + 1) : undefined,
	};
}
