import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { apiKeyOrOAuth2, credentialSecrets } from '../shared/authentication';
import { firstString } from '../shared/errors';
import { findFirst, pageNumberPaging } from '../shared/pagination';
import type { RequestContext, VendorApi } from '../shared/types';
import { BOLDSIGN_HOSTS } from './hosts';

export const API_KEY_CREDENTIAL = 'boldSignApi';
export const CODE_GRANT_CREDENTIAL = 'boldSignOAuth2Api';

export function boldSignBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const region = String(credentials.region ?? 'us');
	const url = region === 'custom' ? String(credentials.baseUrl ?? '') : BOLDSIGN_HOSTS[region];
	return (url ?? BOLDSIGN_HOSTS.us).replace(/\/+$/, '');
}

/** ASP.NET validation bodies carry `errors: { Field: ["message"] }`. */
function validationMessages(body: unknown): string | undefined {
	const errors = (body as IDataObject | undefined)?.errors;
	if (!errors || typeof errors !== 'object') return undefined;
	const messages = Object.entries(errors as IDataObject).map(([field, value]) =>
		`${field}: ${Array.isArray(value) ? value.join(' ') : String(value)}`,
	);
	return messages.length ? messages.join('; ') : undefined;
}

/**
 * BoldSign answers 403 for an ID outside the organization (`{"error":"Invalid Document ID"}` on a 403,
 * ../shared/reference/vendor-apis.md §3.4), so a 403 is first a question of the ID, then of admin rights.
 */
const FORBIDDEN_ID =
	'BoldSign does not know this ID in your organization: check the user or team ID, or pick the user or team from the list. If the ID is right, the API key’s user may lack admin rights: user and team management needs an admin account.';
const FORBIDDEN =
	'Check the user and team IDs first: BoldSign also answers 403 for an ID outside your organization. If they are right, the API key’s user is not allowed to do this: user and team management needs an admin account.';

export const boldSign: VendorApi = {
	name: 'BoldSign',
	async connection(ctx: RequestContext) {
		const credentialType = apiKeyOrOAuth2(ctx, API_KEY_CREDENTIAL, CODE_GRANT_CREDENTIAL);
		const credentials = await ctx.getCredentials(credentialType);
		return {
			credentialType,
			baseUrl: boldSignBaseUrl(credentials),
			secrets: credentialSecrets(credentials),
			refreshOn401: credentialType === CODE_GRANT_CREDENTIAL,
			credentials,
		};
	},
	// ErrorResult {error}, ErrorResponse {errorType, error}, ProblemDetails {title, detail} (../shared/reference/vendor-apis.md §3.4).
	errorMessage(body) {
		if (typeof body === 'string') return body.trim() || undefined;
		return firstString(body, ['error', 'detail', 'message']) ?? validationMessages(body) ?? firstString(body, ['title']);
	},
	hint(status, vendorMessage) {
		if (status === 401) {
			return 'BoldSign rejected the API key or access token. Check the key, or reconnect the OAuth2 credential, and that the credential’s region matches your BoldSign account’s region: a key or token used against another region gets 401.';
		}
		if (status === 402) return 'Your BoldSign plan does not include this feature.';
		if (status === 403) return /\b(invalid|unknown)\b.*\bid\b/i.test(vendorMessage ?? '') ? FORBIDDEN_ID : FORBIDDEN;
		return undefined;
	},
	// 2,000 requests an hour per account (../shared/reference/vendor-apis.md §3.4), until X-RateLimit-* says more.
	rateProfile: () => ({ concurrency: 20, windows: [{ kind: 'hourly', limit: 2000, windowMs: 3_600_000 }] }),
};

/** Users list: `result`, page details without totals, so the last page is the first short one (../shared/reference/vendor-apis.md §3.2). */
export const userPaging = pageNumberPaging({
	pageParam: 'Page',
	sizeParam: 'PageSize',
	maxPageSize: 100,
	items: (body) => ((body as IDataObject)?.result as IDataObject[]) ?? [],
});

/** Teams list: `results` (plural, unlike users) (../shared/reference/vendor-apis.md §3.3). */
export const teamPaging = pageNumberPaging({
	pageParam: 'Page',
	sizeParam: 'PageSize',
	maxPageSize: 100,
	items: (body) => ((body as IDataObject)?.results as IDataObject[]) ?? [],
});

/** The user with exactly this email (case-insensitive), found through the list search. */
export async function findUserByEmail(this: RequestContext, email: string, itemIndex?: number): Promise<IDataObject | undefined> {
	const wanted = email.trim().toLowerCase();
	return await findFirst.call(
		this,
		boldSign,
		{ method: 'GET', path: '/v1/users/list', qs: { Search: email.trim() }, itemIndex },
		userPaging,
		(user) => String(user.email ?? '').toLowerCase() === wanted,
	);
}
