import type { ICredentialDataDecryptedObject, IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { firstString } from '../shared/errors';
import { offsetPaging, pageNumberPaging } from '../shared/pagination';
import type { RequestContext, VendorApi } from '../shared/types';
import { docuSignHosts } from './hosts';

export const JWT_CREDENTIAL = 'docuSignJwtApi';
export const CODE_GRANT_CREDENTIAL = 'docuSignOAuth2Api';

/** The credential the node's Authentication field selects. */
export function credentialTypeOf(ctx: RequestContext): string {
	const authentication =
		'getInputData' in ctx
			? ctx.getNodeParameter('authentication', 0, 'jwt')
			: (ctx as ILoadOptionsFunctions).getNodeParameter('authentication', 'jwt');
	return authentication === 'oAuth2' ? CODE_GRANT_CREDENTIAL : JWT_CREDENTIAL;
}

/** Every value of either credential that must never appear in an error. */
function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const key = String(credentials.privateKey ?? '');
	return [key, key.replace(/\\n/g, '\n'), credentials.accessToken, credentials.clientSecret, token.access_token, token.refresh_token]
		.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

export const docuSign: VendorApi = {
	name: 'DocuSign',
	async connection(ctx) {
		const credentialType = credentialTypeOf(ctx);
		const credentials = await ctx.getCredentials(credentialType);
		// Both credentials renew their token on a 401: JWT through preAuthentication, OAuth2 through its refresh token.
		return { credentialType, baseUrl: docuSignHosts(credentials).admin, secrets: secretsOf(credentials), refreshOn401: true, credentials };
	},
	// Admin API errors (../shared/reference/vendor-apis.md §1.6, UNCONFIRMED) are {error, error_description}; eSignature-style ones {errorCode, message}.
	errorMessage(body) {
		if (typeof body === 'string') return body.trim() || undefined;
		const description = firstString(body, ['error_description', 'message']);
		const code = firstString(body, ['error', 'errorCode']);
		if (description && code && description !== code) return `${description} (${code})`;
		return description ?? code;
	},
	hint(status, _message, body) {
		if (status === 401) {
			return 'DocuSign rejected the access token, also after requesting a new one. Check the credential’s environment, and that the impersonated user is active and still an organization administrator.';
		}
		if (status === 403) {
			return (body as IDataObject)?.error === 'insufficient_scope'
				? 'The access token lacks a scope this operation needs. Add it to the credential’s scopes (and grant consent for it again).'
				: 'The user is not allowed to do this. The Admin API needs an organization administrator with the right to manage these users and accounts.';
		}
		if (status === 404) return 'Nothing was found with that ID in this organization. Check the organization, the account and the IDs, or pick them from the lists.';
		if (status === 429) {
			return 'DocuSign’s rate limit was reached (3,000 calls an hour per account, plus a 30-second burst limit) and retries did not get through. Run the workflow again later or spread the calls out.';
		}
		return undefined;
	},
	// DocuSign's burst limit is per 30 seconds and its 429 has no reset of its own: without Retry-After,
	// waiting 2, 4, 8 and 16 s spans one burst window.
	retry: { maxRetries: 4, baseDelayMs: 2000 },
	// A burst-limit 429 also carries the hourly X-RateLimit-Reset; waiting for that would mean up to an hour
	// when the burst window reopens within 30 s. Back off instead while the hourly quota still has room.
	retryDelayMs(response, backoffMs) {
		const headers = response.headers;
		const burstSpent = String(headers['x-burstlimit-remaining'] ?? '') === '0';
		const hourlyLeft = Number(headers['x-ratelimit-remaining'] ?? 0) > 0;
		return response.status === 429 && headers['retry-after'] === undefined && burstSpent && hourlyLeft ? backoffMs : undefined;
	},
	// The hourly quota may come back as a 400 (../shared/reference/vendor-apis.md §1.6, UNCONFIRMED).
	isRateLimited(response) {
		const body = response.body as IDataObject | undefined;
		return response.status === 400 && [body?.errorCode, body?.error].includes('HOURLY_APIINVOCATION_LIMIT_EXCEEDED');
	},
	// 3,000 an hour per account plus a 30-second burst of 200 in demo and 500 in production (and a custom host),
	// until X-RateLimit-* and X-BurstLimit-Limit say more (../shared/reference/vendor-apis.md §1.6).
	rateProfile: (baseUrl) => ({
		concurrency: 20,
		windows: [
			{ kind: 'hourly', limit: 3000, windowMs: 3_600_000 },
			{ kind: 'burst', limit: /\/\/api-d\.docusign\.net/i.test(baseUrl) ? 200 : 500, windowMs: 30_000 },
		],
	}),
};

/** The largest page we ask the Admin API for (its default is 20; ../shared/reference/vendor-apis.md §1.3 gives no maximum). */
const PAGE_SIZE = 100;

/** The array at `path` in a response body (e.g. `users`, `group_users.users`), or [] when it is missing. */
export function asList(body: unknown, ...path: string[]): IDataObject[] {
	let value: unknown = body;
	for (const key of path) value = (value as IDataObject | undefined)?.[key];
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/**
 * `start` + `take` lists answering `paging` (../shared/reference/vendor-apis.md §1.5): users, account groups.
 * `total_set_size` or a `next` link decide where the list ends, not a short page.
 */
function startTakePaging(key: string) {
	const paging = (body: unknown) => ((body as IDataObject)?.paging ?? {}) as IDataObject;
	return offsetPaging({
		offsetParam: 'start',
		limitParam: 'take',
		maxPageSize: PAGE_SIZE,
		items: (body) => asList(body, key),
		total: (body) => paging(body).total_set_size,
		hasNextLink: (body) => typeof paging(body).next === 'string' && paging(body).next !== '',
	});
}

/**
 * `page` + `page_size` lists answering `total_count` (DS groups, ../shared/reference/vendor-apis.md §1.5).
 * The first page is 1 (UNCONFIRMED).
 */
function pageSizePaging(...path: string[]) {
	return pageNumberPaging({
		pageParam: 'page',
		sizeParam: 'page_size',
		maxPageSize: PAGE_SIZE,
		firstPage: 1,
		items: (body) => asList(body, ...path),
		total: (body) => (path.length > 1 ? ((body as IDataObject)?.[path[0]] as IDataObject | undefined) : (body as IDataObject))?.total_count,
	});
}

export const userPaging = startTakePaging('users');
export const groupPaging = startTakePaging('groups');
export const dsGroupPaging = pageSizePaging('ds_groups');
export const dsGroupUserPaging = pageSizePaging('group_users', 'users');

/** Admin API paths: organization-scoped v2, account-scoped v2.1 for DS groups (../shared/reference/vendor-apis.md §1.3). */
export const paths = {
	organizations: '/v2/organizations',
	org: (org: string) => `/v2/organizations/${encodeURIComponent(org)}`,
	userProfile: (org: string, user: string) =>
		`/v2.1/organizations/${encodeURIComponent(org)}/users/${encodeURIComponent(user)}/dsprofile`,
	account: (org: string, account: string) => `/v2/organizations/${encodeURIComponent(org)}/accounts/${encodeURIComponent(account)}`,
	dsGroups: (org: string, account: string) =>
		`/v2.1/organizations/${encodeURIComponent(org)}/accounts/${encodeURIComponent(account)}/dsgroups`,
	dsGroup: (org: string, account: string, dsGroup: string) =>
		`/v2.1/organizations/${encodeURIComponent(org)}/accounts/${encodeURIComponent(account)}/dsgroups/${encodeURIComponent(dsGroup)}`,
};
