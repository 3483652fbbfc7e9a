import { redact } from '../../shared/errors';

/** A sign-in problem the user fixes in the credential or in SignNow; neither text carries a secret. */
export class SignNowAuthError extends Error {
	description: string;

	constructor(message: string, description: string) {
		super(message);
		this.name = 'SignNowAuthError';
		this.description = description;
	}
}

/** Every message in a SignNow error body: `{errors:[{code,message}]}`, `{error, error_description}`, `{message}` (../shared/reference/vendor-apis.md §2.6). */
export function vendorText(body: unknown): string {
	if (typeof body === 'string') return body.trim();
	const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
	const list = Array.isArray(record.errors) ? record.errors : Array.isArray(record.error) ? record.error : [];
	const fromList = list.map((e) => String((e as Record<string, unknown>)?.message ?? e)).filter(Boolean);
	const flat = [record.error, record.error_description, record.message].filter((v): v is string => typeof v === 'string' && v !== '');
	return [...fromList, ...flat].join('; ');
}

const CHECK_ENVIRONMENT = 'Sandbox apps and accounts only work on api-eval.signnow.com, production ones on api.signnow.com.';

/**
 * Turns a refused token request into an error that says which part of the credential is wrong. SignNow's
 * OAuth error bodies are UNCONFIRMED (../shared/reference/vendor-apis.md §2.2), so the words decide, not the shape.
 */
export function tokenError(status: number | undefined, body: unknown, secrets: string[]): SignNowAuthError {
	const text = redact(vendorText(body), secrets);
	const said = text ? ` (${text})` : ` (HTTP ${status ?? 'error'})`;
	if (/unverified_email/i.test(text)) {
		return new SignNowAuthError(
			`SignNow refused the sign-in: the user's email address is not verified${said}`,
			'Open the verification email SignNow sent to the username’s address (User › Resend Verification Email sends it again), then try again.',
		);
	}
	if (/client/i.test(text) || (status === 401 && !/password|credential|grant|user/i.test(text))) {
		return new SignNowAuthError(
			`SignNow rejected the client ID or client secret${said}`,
			`Check the Client ID and Client Secret fields: they are the keys of your API application in SignNow (its Basic authorization token is base64 of client_id:client_secret). ${CHECK_ENVIRONMENT}`,
		);
	}
	if (/password|credential|grant|user|login/i.test(text)) {
		return new SignNowAuthError(
			`SignNow rejected the username or password${said}`,
			`Check the Username (the SignNow account's email address) and Password fields, and that the account can sign in to SignNow. ${CHECK_ENVIRONMENT}`,
		);
	}
	return new SignNowAuthError(
		`SignNow's token endpoint refused the sign-in${said}`,
		`Check the credential's environment (or custom base URL), client ID, client secret, username and password. ${CHECK_ENVIRONMENT}`,
	);
}
