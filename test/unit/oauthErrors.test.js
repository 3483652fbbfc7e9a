'use strict';
// DocuSign's token errors are shown as they are (also by n8n's credential test, outside our transport): what the
// OAuth server echoes of the form must come out masked.

const { tokenError } = require('../../dist/nodes/DocuSignAdmin/auth/oauthErrors');

const request = { oauthBaseUrl: 'https://account-d.docusign.com', integrationKey: 'ik', scopes: 'signature', redirectUri: 'https://x', audience: 'account-d.docusign.com' };
const assertion = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJpbnRlZ3JhdGlvbiJ9.c2lnbmF0dXJlLWJ5dGVz';

test('an echoed assertion in error_description is masked in the message', () => {
	const error = tokenError(400, { error: 'invalid_request', error_description: `bad form grant_type=x&assertion=${assertion}` }, request);
	expect(error.message).toBe("DocuSign's OAuth server refused the token request (invalid_request: bad form grant_type=x&assertion=***)");
	expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain(assertion.slice(0, 20));
});

test('an echoed JWT in an unknown invalid_grant description is masked', () => {
	const error = tokenError(400, { error: 'invalid_grant', error_description: `${assertion} rejected` }, request);
	expect(error.message).toContain('invalid_grant: *** rejected');
	expect(error.message).not.toContain(assertion.slice(0, 20));
});
