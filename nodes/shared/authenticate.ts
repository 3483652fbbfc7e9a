import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * A credential's `authenticate` that puts one of its fields in one header, as `prefix` + value. A function
 * rather than n8n's `{ type: 'generic' }` form, which n8n evaluates as an expression in its sandbox for every
 * request: about 1 ms each, an eighth of n8n's CPU for a 10,000-user list (measured in n8n 2.41).
 */
export function headerAuthentication(header: string, field: string, prefix = '') {
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, [header]: `${prefix}${String(credentials[field] ?? '')}` },
	});
}
