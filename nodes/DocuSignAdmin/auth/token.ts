import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { failureOf, sendTokenRequest, sharedToken } from '../../shared/tokenRequest';
import { docuSignHosts, jwtAudience } from '../hosts';
import { buildAssertion, JWT_BEARER_GRANT, normalizeScopes, readPrivateKey } from './jwt';
import { AuthSetupError, tokenError } from './oauthErrors';

function required(credentials: ICredentialDataDecryptedObject, field: string, label: string): string {
	const value = String(credentials[field] ?? '').trim();
	if (!value) throw new AuthSetupError(`The DocuSign credential has no ${label}`, `Fill in the ${label} field of the credential.`);
	return value;
}

/**
 * The JWT grant (../shared/reference/vendor-apis.md §1.2): signs an assertion for the impersonated user and exchanges it for an
 * access token, which n8n stores in the credential's hidden expirable field until DocuSign rejects it.
 */
export async function requestJwtToken(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	// executions running at once in this process (an n8n worker) share one token request
	return { accessToken: await sharedToken('docuSignJwtApi', credentials, async () => await fetchJwtToken.call(this, credentials)) };
}

async function fetchJwtToken(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const { oauth } = docuSignHosts(credentials);
	if (!/^https?:\/\//i.test(oauth)) {
		throw new AuthSetupError('The DocuSign credential has no valid OAuth base URL', 'Enter the OAuth base URL, such as https://account-d.docusign.com.');
	}
	const integrationKey = required(credentials, 'integrationKey', 'Integration Key');
	const userId = required(credentials, 'userId', 'User ID');
	const scopes = normalizeScopes(credentials.scopes);
	const key = readPrivateKey(credentials.privateKey);
	const audience = jwtAudience(credentials, oauth);
	const assertion = buildAssertion(key, { integrationKey, userId, audience, scopes });

	// The outcome is settled rather than caught: the error thrown here is built from DocuSign's answer,
	// never from the request (whose form body carries the signed assertion).
	const outcome = await sendTokenRequest(this, {
		method: 'POST',
		url: `${oauth}/oauth/token`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Cache-Control': 'no-store', Pragma: 'no-cache' },
		body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
		json: true,
	});
	if ('error' in outcome) {
		const { status, body: errorBody } = failureOf(outcome.error);
		if (status === undefined) {
			throw new AuthSetupError(
				`Could not reach DocuSign's OAuth server at ${oauth}: ${(outcome.error as Error)?.message ?? 'no response'}`,
				'Check the environment (or the custom OAuth base URL) of the credential, and that this n8n can reach it.',
			);
		}
		const redirectUri = String(credentials.redirectUri ?? '').trim();
		throw tokenError(status, errorBody, { oauthBaseUrl: oauth, integrationKey, scopes, redirectUri, audience });
	}
	const accessToken = typeof outcome.body?.access_token === 'string' ? outcome.body.access_token : '';
	if (!accessToken) {
		throw new AuthSetupError('DocuSign answered the token request without an access token', 'Check the environment and OAuth base URL of the credential.');
	}
	return accessToken;
}
