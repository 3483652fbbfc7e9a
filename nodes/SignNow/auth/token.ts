import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { failureOf, sendTokenRequest, sharedToken } from '../../shared/tokenRequest';
import { basicAuthorization, signNowBaseUrl } from '../hosts';
import { SignNowAuthError, tokenError } from './errors';

function required(credentials: ICredentialDataDecryptedObject, field: string, label: string, trim = true): string {
	const raw = String(credentials[field] ?? '');
	const value = trim ? raw.trim() : raw;
	if (!value.trim()) throw new SignNowAuthError(`The SignNow credential has no ${label}`, `Fill in the ${label} field of the credential.`);
	return value;
}

/**
 * The password grant (../shared/reference/vendor-apis.md §2.2): `POST /oauth2/token` with Basic client auth and
 * `grant_type=password&username&password&scope=*`. n8n keeps the access token in the credential's hidden field
 * and calls this again once when SignNow answers 401. The refresh token is not kept: SignNow's are single-use,
 * and two executions refreshing at once would break the chain, while signing in again is always safe.
 */
export async function requestPasswordToken(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	// executions running at once in this process (an n8n worker) share one sign-in
	return { accessToken: await sharedToken('signNowApi', credentials, async () => await signIn.call(this, credentials)) };
}

async function signIn(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const base = signNowBaseUrl(credentials);
	if (!/^https?:\/\//i.test(base)) {
		throw new SignNowAuthError('The SignNow credential has no valid base URL', 'Enter the API base URL, such as https://api-eval.signnow.com.');
	}
	const clientId = required(credentials, 'clientId', 'Client ID');
	const clientSecret = required(credentials, 'clientSecret', 'Client Secret');
	const username = required(credentials, 'username', 'Username');
	const password = required(credentials, 'password', 'Password', false);
	const authorization = basicAuthorization(clientId, clientSecret);

	// Settled, not caught: the error is built from SignNow's answer, never from the request (its form has the password).
	const outcome = await sendTokenRequest(this, {
		method: 'POST',
		url: `${base}/oauth2/token`,
		headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'password', username, password, scope: '*' }).toString(),
		json: true,
	});
	if ('error' in outcome) {
		const { status, body } = failureOf(outcome.error);
		if (status === undefined) {
			throw new SignNowAuthError(
				`Could not reach SignNow at ${base}`,
				'Check the environment (or the custom base URL) of the credential, and that this n8n can reach it.',
			);
		}
		throw tokenError(status, body, [password, clientSecret, authorization, authorization.slice(6)]);
	}
	const accessToken = typeof outcome.body?.access_token === 'string' ? outcome.body.access_token : '';
	if (!accessToken) {
		throw new SignNowAuthError('SignNow answered the sign-in without an access token', 'Check the environment or base URL of the credential.');
	}
	return accessToken;
}
