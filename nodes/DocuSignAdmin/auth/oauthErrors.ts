import { redact } from '../../shared/errors';

/**
 * An authentication problem the user fixes in the credential or in DocuSign. `description` says
 * what to check; neither text ever contains the private key or the assertion.
 */
export class AuthSetupError extends Error {
	description: string;

	constructor(message: string, description: string) {
		super(message);
		this.name = 'AuthSetupError';
		this.description = description;
	}
}

export interface ConsentRequest {
	oauthBaseUrl: string;
	integrationKey: string;
	scopes: string;
	redirectUri: string;
}

/** What the token request was: for the consent URL, and to name the audience and OAuth server in errors. */
export interface TokenRequest extends ConsentRequest {
	audience: string;
}

/** The page where the impersonated user (or an admin) grants the integration key consent (../shared/reference/vendor-apis.md §1.2). */
export function consentUrl({ oauthBaseUrl, integrationKey, scopes, redirectUri }: ConsentRequest): string {
	return (
		`${oauthBaseUrl}/oauth/auth?response_type=code` +
		`&scope=${encodeURIComponent(scopes)}` +
		`&client_id=${encodeURIComponent(integrationKey)}` +
		`&redirect_uri=${encodeURIComponent(redirectUri)}`
	);
}

const CHECK_KEY =
	'Check that the private key is the one of an RSA key pair added to this integration key (Apps and Keys → Service Integration), and that the integration key and environment (Demo or Production) are right.';
const CHECK_CLOCK =
	'Check the clock of the machine running n8n: DocuSign rejects an assertion whose issue time is in the future or whose expiry has passed. Sync the clock (NTP) and try again.';

/** What to check for each `invalid_grant` description DocuSign reports (../shared/reference/vendor-apis.md §1.2). */
const INVALID_GRANT: Record<string, { message: string; check: string }> = {
	no_valid_keys_or_signatures: {
		message: 'DocuSign could not verify the JWT signature',
		check: `${CHECK_KEY} This error also appears when the machine's clock is far off.`,
	},
	issuer_not_found: {
		message: 'DocuSign does not know this integration key',
		check:
			'Check the Integration Key field: it must be the integration key (client ID) from Apps and Keys, and the environment must match where it was created (Demo keys only work on Demo until the app is promoted to Production).',
	},
	user_not_found: {
		message: 'DocuSign does not know the user to impersonate',
		check:
			'Check the User ID field: it is the user’s API user ID (a GUID, shown under Apps and Keys → My Account Information), not the email address or account ID, and it must belong to the selected environment.',
	},
	assertion_expired: { message: 'DocuSign says the JWT assertion has expired', check: CHECK_CLOCK },
	iat_in_future: { message: 'DocuSign says the JWT assertion was issued in the future', check: CHECK_CLOCK },
	nbf_in_future: { message: 'DocuSign says the JWT assertion is not valid yet', check: CHECK_CLOCK },
	assertion_lifetime_too_long: { message: 'DocuSign rejected the JWT lifetime', check: CHECK_CLOCK },
};

const GENERIC_INVALID_GRANT = `${CHECK_KEY} Also check the User ID (the API user GUID) and the clock of the machine running n8n.`;

const CHECK_AUDIENCE =
	'DocuSign expects the bare host of its OAuth server, such as account-d.docusign.com (Demo) or account.docusign.com (Production). Check the environment; for Custom, the OAuth Base URL and the JWT Audience field (leave it empty to use the OAuth Base URL’s host).';

/** Turns DocuSign's OAuth error body `{error, error_description}` into an error that says what to fix. */
export function tokenError(status: number | undefined, body: unknown, request: TokenRequest): AuthSetupError {
	const sent = `audience "${request.audience}", OAuth base URL ${request.oauthBaseUrl}`;
	const answer = (body && typeof body === 'object' ? body : {}) as { error?: unknown; error_description?: unknown };
	// A server may echo the form it got, signed assertion included: mask credential shapes before quoting it.
	const quote = (value: unknown) => (value === undefined || value === null ? undefined : redact(String(value), []));
	const error = quote(answer.error);
	const detail = quote(answer.error_description);
	if (error === 'consent_required') {
		return new AuthSetupError(
			`DocuSign needs consent before the integration key may act for this user. Open this URL, sign in as the user to impersonate (or an admin), and accept: ${consentUrl(request)}`,
			'The redirect URI in the credential must be one of the redirect URIs registered on the integration key. After accepting, run the workflow again.',
		);
	}
	if (error === 'invalid_grant') {
		if (detail === 'invalid_audience') {
			return new AuthSetupError(`DocuSign rejected the JWT audience (invalid_grant: invalid_audience; ${sent})`, CHECK_AUDIENCE);
		}
		const known = detail ? INVALID_GRANT[detail] : undefined;
		if (known) return new AuthSetupError(`${known.message} (invalid_grant: ${detail})`, known.check);
		// A bare or unknown invalid_grant may be any of them, the audience included.
		return new AuthSetupError(
			`DocuSign rejected the JWT grant (invalid_grant${detail ? `: ${detail}` : ''}; ${sent})`,
			`${GENERIC_INVALID_GRANT} ${CHECK_AUDIENCE}`,
		);
	}
	if (error === 'invalid_scope') {
		return new AuthSetupError(
			`DocuSign rejected the requested scopes (invalid_scope${detail ? `: ${detail}` : ''})`,
			'Check the Scopes field: a JWT grant needs "signature impersonation" plus the Admin API scopes, and consent must have been given for all of them.',
		);
	}
	if (error === 'invalid_client' || error === 'unauthorized_client') {
		return new AuthSetupError(
			`DocuSign rejected the integration key (${error}${detail ? `: ${detail}` : ''})`,
			'Check the Integration Key field and the environment the key was created in.',
		);
	}
	const code = error ? `${error}${detail ? `: ${detail}` : ''}` : `HTTP ${status ?? 'error'}`;
	return new AuthSetupError(
		`DocuSign's OAuth server refused the token request (${code})`,
		'Check the environment and, for a custom environment, the OAuth base URL of the credential.',
	);
}
