import type { IDataObject } from 'n8n-workflow';

import { apiRequest } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { boldSign, findUserByEmail, userPaging } from './transport';

/** The largest `users/list` page (../shared/reference/vendor-apis.md §3.2). */
const PAGE_SIZE = 100;

const key = (email: unknown) => String(email ?? '').trim().toLowerCase();

/**
 * The users that have one of `emails`, keyed by lower-case email. `users/list` has no email filter and no
 * totals (../shared/reference/vendor-apis.md §3.2), so the cheapest way is one walk over the whole list,
 * 100 users a page. In a large organization searching the few emails left is cheaper: once the pages
 * fetched exceed the number of emails still unresolved, each of those is looked up with `Search`.
 */
export async function findUsersByEmail(
	this: RequestContext,
	emails: string[],
	itemIndex?: number,
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	const unresolved = new Map(emails.map((email) => [key(email), email.trim()]));
	for (let page = 1; unresolved.size; page++) {
		if (page - 1 > unresolved.size) {
			// Searched side by side; the credential's limiter paces them.
			const searched = await Promise.all(
				[...unresolved].map(async ([wanted, email]) => [wanted, await findUserByEmail.call(this, email, itemIndex)] as const),
			);
			for (const [wanted, user] of searched) if (user) found.set(wanted, user);
			break;
		}
		const body = await apiRequest.call(this, boldSign, {
			method: 'GET',
			path: '/v1/users/list',
			qs: { Page: page, PageSize: PAGE_SIZE },
			itemIndex,
		});
		const users = userPaging.items(body);
		for (const user of users) {
			if (unresolved.delete(key(user.email))) found.set(key(user.email), user);
		}
		if (users.length < PAGE_SIZE) break;
	}
	return found;
}

/** The users with these IDs, keyed by lower-case email: one `users/list` call with repeated `UserId` per 100 IDs. */
export async function findUsersById(this: RequestContext, ids: string[], itemIndex?: number): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	for (let start = 0; start < ids.length; start += PAGE_SIZE) {
		const body = await apiRequest.call(this, boldSign, {
			method: 'GET',
			path: '/v1/users/list',
			qs: { Page: 1, PageSize: PAGE_SIZE, UserId: ids.slice(start, start + PAGE_SIZE) },
			repeatArrays: true,
			itemIndex,
		});
		for (const user of userPaging.items(body)) found.set(key(user.email), user);
	}
	return found;
}
