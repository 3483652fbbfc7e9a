import type { IDataObject } from 'n8n-workflow';

import { apiRequestFull } from './transport';
import type { ApiRequest, ApiResponse, RequestContext, VendorApi } from './types';

/** A vendor's way of walking through a list. */
export interface Paginator {
	/** The largest page the vendor serves. */
	maxPageSize: number;
	items(body: unknown): IDataObject[];
	first(request: ApiRequest, pageSize: number): ApiRequest;
	/** The request for the page after `previous`, or undefined when that was the last page. */
	next(previous: ApiRequest, response: ApiResponse, pageItemCount: number, pageSize: number): ApiRequest | undefined;
}

/** Stops a vendor that keeps answering with pages from looping for ever. */
const MAX_PAGES = 10_000;

function withQuery(request: ApiRequest, qs: Record<string, unknown>): ApiRequest {
	return { ...request, qs: { ...request.qs, ...qs } };
}

/** `page` + `pageSize` query parameters; the last page is the first one shorter than pageSize. */
export function pageNumberPaging(opts: {
	pageParam: string;
	sizeParam: string;
	maxPageSize: number;
	firstPage?: number;
	items: (body: unknown) => IDataObject[];
	/** The vendor says there is no more (e.g. a total), beyond the short-page rule. */
	hasMore?: (body: unknown, pageNumber: number, pageSize: number) => boolean;
}): Paginator {
	const firstPage = opts.firstPage ?? 1;
	return {
		maxPageSize: opts.maxPageSize,
		items: opts.items,
		first: (request, pageSize) => withQuery(request, { [opts.pageParam]: firstPage, [opts.sizeParam]: pageSize }),
		next(previous, response, count, pageSize) {
			const page = Number(previous.qs?.[opts.pageParam] ?? firstPage);
			if (count < pageSize) return undefined;
			if (opts.hasMore && !opts.hasMore(response.body, page, pageSize)) return undefined;
			return withQuery(previous, { [opts.pageParam]: page + 1 });
		},
	};
}

/** `offset` + `limit` style (DocuSign `start` + `take`). */
export function offsetPaging(opts: {
	offsetParam: string;
	limitParam: string;
	maxPageSize: number;
	items: (body: unknown) => IDataObject[];
	hasMore?: (body: unknown) => boolean;
}): Paginator {
	return {
		maxPageSize: opts.maxPageSize,
		items: opts.items,
		first: (request, pageSize) => withQuery(request, { [opts.offsetParam]: 0, [opts.limitParam]: pageSize }),
		next(previous, response, count, pageSize) {
			if (count < pageSize || count === 0) return undefined;
			if (opts.hasMore && !opts.hasMore(response.body)) return undefined;
			return withQuery(previous, { [opts.offsetParam]: Number(previous.qs?.[opts.offsetParam] ?? 0) + count });
		},
	};
}

/** The vendor hands back the next page's URL (it must stay on the credential's host: see transport). */
export function nextUrlPaging(opts: {
	maxPageSize: number;
	sizeParam?: string;
	items: (body: unknown) => IDataObject[];
	nextUrl: (body: unknown, response: ApiResponse) => string | undefined;
}): Paginator {
	return {
		maxPageSize: opts.maxPageSize,
		items: opts.items,
		first: (request, pageSize) => (opts.sizeParam ? withQuery(request, { [opts.sizeParam]: pageSize }) : request),
		next(previous, response, count) {
			const url = opts.nextUrl(response.body, response);
			if (!url || count === 0 || url === previous.url) return undefined;
			return { method: 'GET', url, itemIndex: previous.itemIndex };
		},
	};
}

/**
 * Fetches pages until the list ends or `limit` items are in hand, asking for no more than needed:
 * pages are as large as the vendor allows when returning all, and as large as the limit otherwise.
 */
export async function collect(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	paginator: Paginator,
	{ returnAll, limit }: { returnAll: boolean; limit?: number },
): Promise<IDataObject[]> {
	const max = returnAll ? Infinity : Math.max(0, limit ?? 50);
	if (max === 0) return [];
	const pageSize = Math.min(paginator.maxPageSize, max);
	const results: IDataObject[] = [];
	let next: ApiRequest | undefined = paginator.first(request, pageSize);
	for (let pages = 0; next && pages < MAX_PAGES; pages++) {
		const response = await apiRequestFull.call(this, api, next);
		const items = paginator.items(response.body);
		for (const item of items) {
			results.push(item);
			if (results.length >= max) return results;
		}
		next = paginator.next(next, response, items.length, pageSize);
	}
	return results;
}

/** Walks every page and returns the first item that matches, without collecting the rest. */
export async function findFirst(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	paginator: Paginator,
	match: (item: IDataObject) => boolean,
): Promise<IDataObject | undefined> {
	let next: ApiRequest | undefined = paginator.first(request, paginator.maxPageSize);
	for (let pages = 0; next && pages < MAX_PAGES; pages++) {
		const response = await apiRequestFull.call(this, api, next);
		const items = paginator.items(response.body);
		const found = items.find(match);
		if (found) return found;
		next = paginator.next(next, response, items.length, paginator.maxPageSize);
	}
	return undefined;
}
