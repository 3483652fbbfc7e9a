import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { boldSign } from '../transport';

const PAGE_SIZE = 50;

/** One page of a BoldSign list as resource-locator results; the next page number is the pagination token. */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	searchParam: string,
	listKey: 'result' | 'results',
	toResult: (item: IDataObject) => { name: string; value: string },
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { Page: page, PageSize: PAGE_SIZE };
	if (filter) qs[searchParam] = filter;
	const body = await apiRequest.call(ctx, boldSign, { method: 'GET', path, qs });
	const items = (body?.[listKey] as IDataObject[]) ?? [];
	return {
		results: items.map(toResult),
		paginationToken: items.length < PAGE_SIZE ? undefined : String(page + 1),
	};
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'/v1/users/list',
		'Search',
		'result',
		(user) => {
			const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
			return { name: name ? `${name} <${user.email}>` : String(user.email), value: String(user.userId) };
		},
		filter,
		paginationToken,
	);
}

export async function searchTeams(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'/v1/teams/list',
		'SearchKey',
		'results',
		(team) => ({ name: String(team.teamName), value: String(team.teamId) }),
		filter,
		paginationToken,
	);
}
