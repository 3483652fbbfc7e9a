import { NodeApiError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import { pageNumberPaging } from '../shared/pagination';
import { apiRequest } from '../shared/transport';
import type { ApiRequest, RequestContext, VendorApi } from '../shared/types';
import { vendorText } from './auth/errors';
import { basicAuthorization, signNowBaseUrl } from './hosts';

export const PASSWORD_CREDENTIAL = 'signNowApi';
export const CODE_GRANT_CREDENTIAL = 'signNowOAuth2Api';

/** The credential the node's Authentication field selects. */
export function credentialTypeOf(ctx: RequestContext): string {
	const authentication =
		'getInputData' in ctx
			? ctx.getNodeParameter('authentication', 0, 'password')
			: (ctx as ILoadOptionsFunctions).getNodeParameter('authentication', 'password');
	return authentication === 'oAuth2' ? CODE_GRANT_CREDENTIAL : PASSWORD_CREDENTIAL;
}

/** Every value of either credential that must never appear in an error, the Basic token included. */
function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const basic = basicAuthorization(String(credentials.clientId ?? ''), String(credentials.clientSecret ?? '')).slice(6);
	return [credentials.password, credentials.clientSecret, credentials.accessToken, token.access_token, token.refresh_token, basic]
		.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

/** SignNow's own message, with its code: `{errors:[{code,message}]}`, `{"404": "..."}`, `{error, code}` (../shared/reference/vendor-apis.md §2.6). */
function errorMessage(body: unknown): string | undefined {
	const record = (body && typeof body === 'object' ? body : {}) as IDataObject;
	if (typeof record['404'] === 'string') return record['404'];
	const first = (Array.isArray(record.errors) ? record.errors[0] : undefined) as IDataObject | undefined;
	const text = vendorText(body);
	const code = first?.code ?? record.code;
	return text ? `${text}${code !== undefined && code !== '' ? ` (${String(code)})` : ''}` : undefined;
}

export const signNow: VendorApi = {
	name: 'SignNow',
	async connection(ctx) {
		const credentialType = credentialTypeOf(ctx);
		const credentials = await ctx.getCredentials(credentialType);
		// Both credentials renew on a 401: the password grant through preAuthentication, OAuth2 through n8n's refresh.
		return { credentialType, baseUrl: signNowBaseUrl(credentials), secrets: secretsOf(credentials), refreshOn401: true, credentials };
	},
	errorMessage,
	hint(status, message) {
		if (status === 401) {
			return 'SignNow rejected the access token, also after signing in again. Check the credential: its environment, and that its user can still sign in (a changed password, a deactivated account). An OAuth2 credential may need to be reconnected.';
		}
		if (status === 403) {
			return 'The credential’s user may not do this. Team changes need a team admin; deleting a team, transferring it and removing others need its primary admin; organization users need an organization admin.';
		}
		if (status === 404) return 'Nothing was found with that ID for the credential’s user. Check the ID, or pick the item from the list.';
		if (/unverified_email/.test(message ?? '')) return 'The user’s email address is not verified yet. Send the verification email again (User › Resend Verification Email).';
		if (status === 429) {
			return 'SignNow’s rate limit was reached (SignNow publishes no numbers) and retries did not get through. Run the workflow again later, or lower Items at Once.';
		}
		return undefined;
	},
	// SignNow publishes no rate limit (../shared/reference/vendor-apis.md §2.6): a few requests at a time, and 429s back off.
	rateProfile: () => ({ concurrency: 4, windows: [] }),
};

/** `Authorization: Basic …` from whichever credential the node uses, for the Basic-only user routes (../shared/reference/vendor-apis.md §2.3). */
export async function basicAuth(this: RequestContext, itemIndex?: number): Promise<string> {
	const credentials = await this.getCredentials(credentialTypeOf(this));
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '');
	if (!clientId || !clientSecret) {
		throw inputError(this.getNode(), 'The SignNow credential has no client ID or client secret', 'This operation signs with the app’s Basic token: fill in the Client ID and Client Secret of the credential.', itemIndex);
	}
	return basicAuthorization(clientId, clientSecret);
}

/** A route SignNow does not have: `{"404": "Unable to find a route to match the URI: …"}` (../shared/reference/vendor-apis.md §2.6). */
export function isMissingRoute(error: unknown): boolean {
	const response = (error as { errorResponse?: IDataObject })?.errorResponse;
	return error instanceof NodeApiError && error.httpCode === '404' && typeof response?.['404'] === 'string';
}

/**
 * Runs a team or organization request (or a list of them). These endpoints come from the seeds and are
 * UNCONFIRMED in SignNow's SDKs (../shared/reference/vendor-apis.md §2.4): a missing route says that this
 * account's API does not offer `what`.
 */
export async function unconfirmed<T>(ctx: RequestContext, what: string, request: ApiRequest, run: () => Promise<T>): Promise<T> {
	const outcome = await settle(run());
	if ('value' in outcome) return outcome.value;
	if (!isMissingRoute(outcome.error)) throw outcome.error;
	const found = String(((outcome.error as { errorResponse?: IDataObject }).errorResponse ?? {})['404']);
	const message = `This SignNow account's API does not offer ${what}`;
	throw new NodeApiError(ctx.getNode(), { message }, {
		message,
		description: `SignNow answered 404 "${found}" to ${request.method} ${request.path}. The team and organization endpoints come from SignNow's team reference and are not in its SDKs; this account's API lacks this one. Check the credential's environment, or do this in the SignNow web app.`,
		httpCode: '404',
		itemIndex: request.itemIndex,
	});
}

/** A promise's value or its error, so that a caller can look at the error and pass on the ones it does not handle. */
export async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
	return await promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
}

/** One team or organization request (see `unconfirmed`). */
export async function unconfirmedRequest(this: RequestContext, what: string, request: ApiRequest): Promise<IDataObject> {
	return await unconfirmed(this, what, request, async () => await apiRequest.call(this, signNow, request));
}

/** The array under `data` of a v2 response, or []. */
export function dataOf(body: unknown): IDataObject[] {
	const data = (body as IDataObject | undefined)?.data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

const metaOf = (body: unknown) => ((body as IDataObject | undefined)?.meta ?? {}) as IDataObject;

/** `GET /v2/teams`: `page`/`per_page`, total in `meta.pagination.total` (seed 002; the page size limit is unknown). */
export const teamPaging = pageNumberPaging({
	pageParam: 'page',
	sizeParam: 'per_page',
	maxPageSize: 100,
	items: dataOf,
	total: (body) => (metaOf(body).pagination as IDataObject | undefined)?.total,
});

/** Organization users: `page`/`per_page` up to 100, total in `meta.total` (seed 000). */
export const organizationUserPaging = pageNumberPaging({
	pageParam: 'page',
	sizeParam: 'per_page',
	maxPageSize: 100,
	items: dataOf,
	total: (body) => metaOf(body).total,
});

const seg = (value: string) => encodeURIComponent(value);

/** Team and organization paths: seeds `002_*.txt` and `000_*.txt` beside ../shared/reference/vendor-apis.md (§2.4: UNCONFIRMED). */
export const paths = {
	team: (teamId: string) => `/team/${seg(teamId)}`,
	teamMember: (teamId: string, userId: string) => `/team/${seg(teamId)}/user/${seg(userId)}`,
	teamAdmin: (teamId: string, userId?: string) => `/team/${seg(teamId)}/admin${userId ? `/${seg(userId)}` : ''}`,
	transferOwnership: (teamId: string, userId: string) => `/team/${seg(teamId)}/transferownership/${seg(userId)}`,
	invite: (teamId: string) => `/team/${seg(teamId)}/request`,
	request: (requestId: string) => `/team/${seg(requestId)}/request`,
	organizationUsers: (organizationId: string) => `/api/v2/organizations/${seg(organizationId)}/users`,
};
