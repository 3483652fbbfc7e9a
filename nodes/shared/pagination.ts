import type { IDataObject } from 'n8n-workflow';

import { rateLimitError } from './errors';
import { apiRequestFull, limiterOf } from './transport';
import type { ApiRequest, ApiResponse, RequestContext, VendorApi } from './types';

/** A vendor's way of walking through a list. */
export interface Paginator {
	/** The largest page the vendor serves. */
	maxPageSize: number;
	items(body: unknown): IDataObject[];
	first(request: ApiRequest, pageSize: number): ApiRequest;
	/** The request for the page after `previous`, or undefined when that was the last page; `fetched` counts every page so far. */
	next(previous: ApiRequest, response: ApiResponse, pageItemCount: number, pageSize: number, fetched: number): ApiRequest | undefined;
	/** Where the vendor states the list's size: every page after the first, to fetch concurrently. */
	remaining?(first: ApiRequest, response: ApiResponse, firstCount: number): ApiRequest[] | undefined;
	/** Page-number lists: the request `ahead` pages after `request`, to fetch ahead where no total is given. */
	ahead?(request: ApiRequest, ahead: number): ApiRequest;
}

/** Stops a vendor that keeps answering with pages from looping for ever. */
const MAX_PAGES = 10_000;
/** Pages in flight at once when the total is known (the credential's limiter bounds them too). */
const PAGE_WINDOW = 8;
/** Pages fetched ahead where no total is given: at most this many are wasted after the last page. */
const LOOK_AHEAD = 3;

function withQuery(request: ApiRequest, qs: Record<string, unknown>): ApiRequest {
	return { ...request, qs: { ...request.qs, ...qs } };
}

/** A count the vendor states, or undefined when it is missing or not a number. */
function count(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
	return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * `page` + `pageSize` query parameters. With a `total` the vendor's count decides where the list ends (a server
 * may serve smaller pages than asked); without one, the last page is the first one shorter than asked.
 */
export function pageNumberPaging(opts: {
	pageParam: string;
	sizeParam: string;
	maxPageSize: number;
	firstPage?: number;
	items: (body: unknown) => IDataObject[];
	total?: (body: unknown) => unknown;
}): Paginator {
	const firstPage = opts.firstPage ?? 1;
	const pageOf = (request: ApiRequest) => Number(request.qs?.[opts.pageParam] ?? firstPage);
	const totalOf = (body: unknown) => (opts.total ? count(opts.total(body)) : undefined);
	return {
		maxPageSize: opts.maxPageSize,
		items: opts.items,
		first: (request, pageSize) => withQuery(request, { [opts.pageParam]: firstPage, [opts.sizeParam]: pageSize }),
		next(previous, response, pageCount, pageSize, fetched) {
			const total = totalOf(response.body);
			if (pageCount === 0) return undefined;
			const more = total !== undefined ? fetched < total : pageCount >= pageSize;
			return more ? withQuery(previous, { [opts.pageParam]: pageOf(previous) + 1 }) : undefined;
		},
		remaining(first, response, firstCount) {
			const total = totalOf(response.body);
			if (total === undefined || firstCount === 0) return undefined;
			const pages = Math.min(Math.ceil(total / firstCount), MAX_PAGES);
			return Array.from({ length: Math.max(0, pages - 1) }, (_, k) => withQuery(first, { [opts.pageParam]: pageOf(first) + k + 1 }));
		},
		ahead: opts.total ? undefined : (request, ahead) => withQuery(request, { [opts.pageParam]: pageOf(request) + ahead }),
	};
}

/**
 * `offset` + `limit` style (DocuSign `start` + `take`). The vendor's total or next link, when given, decides
 * whether more follows; only without either does a short page end the list.
 */
export function offsetPaging(opts: {
	offsetParam: string;
	limitParam: string;
	maxPageSize: number;
	items: (body: unknown) => IDataObject[];
	total?: (body: unknown) => unknown;
	hasNextLink?: (body: unknown) => boolean;
}): Paginator {
	const offsetOf = (request: ApiRequest) => Number(request.qs?.[opts.offsetParam] ?? 0);
	const totalOf = (body: unknown) => (opts.total ? count(opts.total(body)) : undefined);
	return {
		maxPageSize: opts.maxPageSize,
		items: opts.items,
		first: (request, pageSize) => withQuery(request, { [opts.offsetParam]: 0, [opts.limitParam]: pageSize }),
		next(previous, response, pageCount, pageSize) {
			if (pageCount === 0) return undefined;
			const end = offsetOf(previous) + pageCount;
			const total = totalOf(response.body);
			const more =
				total !== undefined ? end < total : opts.hasNextLink?.(response.body) === true || pageCount >= pageSize;
			return more ? withQuery(previous, { [opts.offsetParam]: end }) : undefined;
		},
		remaining(first, response, firstCount) {
			const total = totalOf(response.body);
			if (total === undefined || firstCount === 0) return undefined;
			const offsets: ApiRequest[] = [];
			for (let at = offsetOf(first) + firstCount; at < total && offsets.length < MAX_PAGES; at += firstCount) {
				offsets.push(withQuery(first, { [opts.offsetParam]: at }));
			}
			return offsets;
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
		next(previous, response, pageCount) {
			const url = opts.nextUrl(response.body, response);
			if (!url || pageCount === 0 || url === previous.url) return undefined;
			return { method: 'GET', url, itemIndex: previous.itemIndex };
		},
	};
}

/**
 * Sends `requests` with up to `window` in flight and hands the responses to `onPage` in request order; stops
 * sending when `onPage` returns false. Responses past the stop are awaited and dropped.
 */
async function inOrder(
	fetchPage: (request: ApiRequest) => Promise<ApiResponse>,
	requests: Iterator<ApiRequest>,
	window: number,
	onPage: (response: ApiResponse, request: ApiRequest) => boolean,
): Promise<void> {
	const inFlight: Array<{ request: ApiRequest; response: Promise<ApiResponse> }> = [];
	let open = true;
	const fill = () => {
		while (open && inFlight.length < window) {
			const next = requests.next();
			if (next.done) return;
			const response = fetchPage(next.value);
			response.catch(() => undefined); // awaited below, in order; never an unhandled rejection meanwhile
			inFlight.push({ request: next.value, response });
		}
	};
	try {
		fill();
		while (inFlight.length) {
			const { request, response } = inFlight.shift()!;
			open = onPage(await response, request);
			fill();
		}
	} finally {
		// Stryker disable next-line BooleanLiteral: nothing calls fill() after this point, so the flag is never read again
		open = false;
		await Promise.allSettled(inFlight.map((page) => page.response));
	}
}

function* pagesAfter(start: ApiRequest, step: (request: ApiRequest, ahead: number) => ApiRequest, count: number): Iterator<ApiRequest> {
	for (let k = 1; k <= count && k < MAX_PAGES; k++) yield step(start, k);
}

/**
 * Fetches pages until the list ends or `limit` items are in hand, asking for no more than needed: pages are as
 * large as the vendor allows when returning all, and as large as the limit otherwise. After the first page,
 * a list with a stated total is fetched concurrently (in order, bounded), a page-number list without one a few
 * pages ahead, anything else page by page. Each page's items go through `map` as they arrive.
 */
export async function collect(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	paginator: Paginator,
	{ returnAll, limit }: { returnAll: boolean; limit?: number },
	map: (item: IDataObject) => IDataObject = (item) => item,
): Promise<IDataObject[]> {
	const max = returnAll ? Infinity : Math.max(0, limit ?? 50);
	if (max === 0) return [];
	const pageSize = Math.min(paginator.maxPageSize, max);
	const fetchPage = (page: ApiRequest) => apiRequestFull.call(this, api, page);
	const results: IDataObject[] = [];
	let fetched = 0;
	/** Keeps a page's items up to `max`; returns how many the page had. */
	const take = (response: ApiResponse): number => {
		const items = paginator.items(response.body);
		for (const item of items) {
			if (results.length >= max) break;
			results.push(map(item));
		}
		fetched += items.length;
		return items.length;
	};

	const first = paginator.first(request, pageSize);
	const firstResponse = await fetchPage(first);
	const firstCount = take(firstResponse);
	if (results.length >= max) return results;

	const rest = paginator.remaining?.(first, firstResponse, firstCount);
	if (rest) {
		const needed = Number.isFinite(max) ? rest.slice(0, Math.ceil((max - results.length) / Math.max(1, firstCount))) : rest;
		await refuseOverBudget.call(this, api, needed.length, request.itemIndex, first);
		await inOrder(fetchPage, needed[Symbol.iterator](), PAGE_WINDOW, (response) => take(response) > 0 && results.length < max);
		return results;
	}
	if (paginator.ahead && firstCount >= pageSize) {
		// With a Limit, never more pages than the Limit can use.
		const wanted = Number.isFinite(max) ? Math.ceil((max - results.length) / pageSize) : MAX_PAGES;
		await inOrder(fetchPage, pagesAfter(first, paginator.ahead, wanted), LOOK_AHEAD + 1, (response) => {
			const n = take(response);
			return n >= pageSize && results.length < max;
		});
		return results;
	}
	let next = paginator.next(first, firstResponse, firstCount, pageSize, fetched);
	for (let pages = 1; next && pages < MAX_PAGES && results.length < max; pages++) {
		const response = await fetchPage(next);
		next = paginator.next(next, response, take(response), pageSize, fetched);
	}
	return results;
}

/**
 * Says up front, before sending any, that at least `requests` requests would exceed what the vendor allows
 * before its quota resets, rather than failing an hour into the run. `request` names the endpoint where the
 * vendor limits each (VendorApi.rateKey).
 */
export async function refuseOverBudget(this: RequestContext, api: VendorApi, requests: number, itemIndex?: number, request?: ApiRequest): Promise<void> {
	const limiter = await limiterOf.call(this, api);
	// Only long quotas: the limiter waits a burst window out.
	const left = limiter.remaining(Date.now(), request ? (api.rateKey?.(request) ?? '') : '', ['hourly']);
	if (!left || requests <= left.count) return;
	// Stryker disable next-line ArrayDeclaration: there is no vendor text to mask here, so any list of secrets gives the same error
	const error = rateLimitError(this.getNode(), api, undefined, Math.max(0, (left.resetAt ?? Date.now() + 3_600_000) - Date.now()), left, [], itemIndex);
	error.message = `This run needs at least ${requests} more requests, more than ${api.name} allows before its quota resets`;
	throw error;
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
	let fetched = 0;
	for (let pages = 0; next && pages < MAX_PAGES; pages++) {
		const response = await apiRequestFull.call(this, api, next);
		const items = paginator.items(response.body);
		const found = items.find(match);
		if (found) return found;
		fetched += items.length;
		next = paginator.next(next, response, items.length, paginator.maxPageSize, fetched);
	}
	return undefined;
}
