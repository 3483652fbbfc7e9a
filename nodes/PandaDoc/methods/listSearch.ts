import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { listWorkspaces } from '../memberCalls';
import { workspaceMembers } from '../members';
import { asList, pandaDoc, paths } from '../transport';

const PAGE_SIZE = 100;

const matches = (filter: string | undefined, ...texts: unknown[]) =>
	!filter || texts.some((text) => String(text ?? '').toLowerCase().includes(filter.toLowerCase()));

const label = (person: IDataObject) => {
	const name = [person.first_name, person.last_name].filter(Boolean).join(' ');
	return name ? `${name} <${String(person.email)}>` : String(person.email);
};

/**
 * One `count` + `page` page of a list answering `total`; the filter applies to the page (no search parameter,
 * ../shared/reference/vendor-apis.md §4.3).
 */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	toResult: (item: IDataObject) => { name: string; value: string },
	keep: (item: IDataObject) => boolean,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const body = await apiRequest.call(ctx, pandaDoc, { method: 'GET', path, qs: { page, count: PAGE_SIZE } });
	const items = asList(body.results);
	return {
		results: items.filter(keep).map(toResult),
		paginationToken: page * PAGE_SIZE < Number(body.total ?? 0) && items.length ? String(page + 1) : undefined,
	};
}

/** Members of the credential's workspace (one list, no paging); the value is the membership ID. */
export async function searchMembers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const members = await workspaceMembers.call(this);
	return {
		results: members
			.filter((m) => matches(filter, m.email, m.first_name, m.last_name))
			.map((m) => ({ name: label(m), value: String(m.membership_id) })),
	};
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		paths.users,
		(user) => ({ name: label(user), value: String(user.user_id) }),
		(user) => matches(filter, user.email, user.first_name, user.last_name),
		paginationToken,
	);
}

export async function searchWorkspaces(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		paths.workspaces,
		(workspace) => ({ name: String(workspace.name ?? workspace.id), value: String(workspace.id) }),
		(workspace) => matches(filter, workspace.name),
		paginationToken,
	);
}

/** Every workspace, for the dropdown of Create's additional workspaces. */
export async function getWorkspaces(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const workspaces = await listWorkspaces.call(this, { returnAll: true });
	return workspaces.map((w) => ({ name: String(w.name ?? w.id), value: String(w.id) }));
}
