import type { IDataObject } from 'n8n-workflow';

import { apiKeyOrOAuth2, credentialSecrets } from '../shared/authentication';
import { firstString } from '../shared/errors';
import type { RateProfile } from '../shared/limiter';
import { pageNumberPaging } from '../shared/pagination';
import type { ApiRequest, RequestContext, VendorApi } from '../shared/types';
import { pandaDocBaseUrl } from './hosts';

export const API_KEY_CREDENTIAL = 'pandaDocApi';
export const CODE_GRANT_CREDENTIAL = 'pandaDocOAuth2Api';

/** The credential the node's Authentication field selects. */
export function credentialTypeOf(ctx: RequestContext): string {
	return apiKeyOrOAuth2(ctx, API_KEY_CREDENTIAL, CODE_GRANT_CREDENTIAL);
}

/**
 * PandaDoc limits each endpoint per minute (../shared/reference/vendor-apis.md §4.3): 100 for a production key
 * (some endpoints allow more), 10 for a sandbox key. Short windows: the node waits them out.
 */
const perMinute = (limit: number): RateProfile => ({ concurrency: 10, windows: [{ kind: 'burst', limit, windowMs: 60_000 }] });
const PRODUCTION = perMinute(100);
const SANDBOX = perMinute(10);

/**
 * "Request was throttled. Expected available in 13 seconds." → 13,000 ms (the 429 body is UNCONFIRMED,
 * ../shared/reference/vendor-apis.md §4.3).
 */
export function throttleWaitMs(body: unknown): number | undefined {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	const match = /available in (\d+(?:\.\d+)?) seconds?/i.exec(text);
	return match ? Math.ceil(Number(match[1]) * 1000) : undefined;
}

/** Collections whose next path segment is an ID, except for the named sub-resources. */
const ID_AFTER = new Set(['members', 'workspaces', 'documents', 'users', 'webhook-subscriptions']);
const NOT_IDS = new Set(['current', 'ownership']);

/** The endpoint a request counts against: `/public/v1/members/abc` → `/public/v1/members/{id}`. */
export function endpointOf(request: ApiRequest): string {
	const path = request.path ?? (request.url ? new URL(request.url).pathname : '');
	const segments = path.split('/');
	const template = segments.map((segment, k) => (k > 0 && ID_AFTER.has(segments[k - 1]) && !NOT_IDS.has(segment) ? '{id}' : segment));
	return `${request.method} ${template.join('/')}`;
}

/**
 * `detail` as an object: `{ user: { email: ["Enter a valid email address."] } }` → "user.email: Enter a valid
 * email address."
 */
function flatten(detail: unknown, prefix = ''): string[] {
	if (Array.isArray(detail)) return [`${prefix ? `${prefix}: ` : ''}${detail.map(String).join(' ')}`];
	if (detail && typeof detail === 'object') {
		return Object.entries(detail).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
	}
	return [`${prefix ? `${prefix}: ` : ''}${String(detail)}`];
}

export const pandaDoc: VendorApi = {
	name: 'PandaDoc',
	async connection(ctx) {
		const credentialType = credentialTypeOf(ctx);
		const credentials = await ctx.getCredentials(credentialType);
		return {
			credentialType,
			baseUrl: pandaDocBaseUrl(credentials),
			secrets: credentialSecrets(credentials),
			refreshOn401: credentialType === CODE_GRANT_CREDENTIAL,
			credentials,
			...(credentials.keyType === 'sandbox' ? { rateProfile: SANDBOX } : {}),
		};
	},
	// Errors are {type, detail}, detail a string or an object of field messages (../shared/reference/vendor-apis.md §4.3).
	errorMessage(body) {
		if (typeof body === 'string') return body.trim() || undefined;
		const detail = (body as IDataObject | undefined)?.detail;
		if (typeof detail === 'string' && detail.trim()) return detail.trim();
		if (detail && typeof detail === 'object') return flatten(detail).join('; ');
		return firstString(body, ['type', 'error_description', 'error', 'message']);
	},
	hint(status) {
		if (status === 401) {
			return 'PandaDoc rejected the API key or access token. Check the key (sent as "API-Key <key>") or reconnect the OAuth2 credential, and the credential’s base URL.';
		}
		if (status === 403) {
			return 'The credential’s user may not do this. Managing members, users and workspaces needs an organization admin, and a PandaDoc plan with these API endpoints.';
		}
		if (status === 404) return 'PandaDoc found nothing with that ID. Check the ID, or pick the member, user or workspace from the list.';
		if (status === 429) {
			return 'PandaDoc limits the requests to each endpoint per minute (10 for a sandbox key) and retries did not get through. Set the credential’s Key Type to Sandbox for a sandbox key, lower Items at Once, or run the workflow again later.';
		}
		return undefined;
	},
	// A 429 asks for up to a minute (the window); several in a row are normal on a sandbox key.
	retry: { maxRetries: 6, maxDelayMs: 90_000, maxTotalWaitMs: 300_000 },
	retryDelayMs: (response) => throttleWaitMs(response.body),
	rateProfile: () => PRODUCTION,
	rateKey: endpointOf,
};

/**
 * Users and workspaces lists: `count` + `page` answering `total` (../shared/reference/vendor-apis.md §4.3); the
 * largest page is not documented.
 */
function countPagePaging() {
	return pageNumberPaging({
		pageParam: 'page',
		sizeParam: 'count',
		maxPageSize: 100,
		items: (body) => asList((body as IDataObject)?.results),
		total: (body) => (body as IDataObject)?.total,
	});
}

export const userPaging = countPagePaging();
export const workspacePaging = countPagePaging();

export function asList(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

const enc = encodeURIComponent;

/** Section 4.3 paths. */
export const paths = {
	members: '/public/v1/members',
	currentMember: '/public/v1/members/current',
	member: (id: string) => `/public/v1/members/${enc(id)}`,
	users: '/public/v1/users',
	workspaces: '/public/v1/workspaces',
	deactivate: (workspaceId: string) => `/public/v1/workspaces/${enc(workspaceId)}/deactivate`,
	workspaceMembers: (workspaceId: string) => `/public/v1/workspaces/${enc(workspaceId)}/members`,
	workspaceMember: (workspaceId: string, memberId: string) => `/public/v1/workspaces/${enc(workspaceId)}/members/${enc(memberId)}`,
	ownership: '/public/v1/documents/ownership',
};
