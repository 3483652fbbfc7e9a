'use strict';
// BoldSign's OAuth2 server for the mock: authorization code grant, GET /connect/authorize (the consent page)
// and POST /connect/token (https://developers.boldsign.com/authentication/oauth-2-0/). The access tokens it
// issues are accepted as `Authorization: Bearer` on the API (../shared/reference/vendor-apis.md §3.1).
// The client ID and secret come in the form body, as BoldSign's examples send them.

const crypto = require('node:crypto');
const { json, httpError } = require('./common');

/** Adds the OAuth state and helpers to `mock`; returns { token, consentPage, isLiveToken }. */
function createBoldSignOAuth(mock, { clientId = 'bs-client-id', clientSecret = 'bs-client-secret', tokenExpiresIn = 3600 } = {}) {
	const randomToken = (prefix) => `${prefix}-${crypto.randomBytes(18).toString('base64url')}`;
	const oauthError = (error) => httpError(400, { error });

	function issueTokens({ scope = 'openid profile email offline_access BoldSign.Users.All BoldSign.Teams.All' } = {}) {
		const token = { access_token: randomToken('bs-access'), expiresAt: Date.now() + tokenExpiresIn * 1000, revoked: false };
		const refresh = { refresh_token: randomToken('bs-refresh'), revoked: false };
		mock.issuedTokens.push(token);
		mock.refreshTokens.push(refresh);
		return { access_token: token.access_token, token_type: 'Bearer', expires_in: tokenExpiresIn, scope, refresh_token: refresh.refresh_token };
	}

	function issueAuthorizationCode({ redirectUri, scope } = {}) {
		const code = { code: randomToken('bs-code'), redirectUri, scope, used: false };
		mock.authorizationCodes.push(code);
		return code.code;
	}

	function token(req) {
		const entry = { at: Date.now(), grantType: req.body?.grant_type, clientId: req.body?.client_id };
		mock.tokenRequests.push(entry);
		try {
			if (typeof req.body !== 'object' || !/x-www-form-urlencoded/i.test(req.headers['content-type'] || '')) throw oauthError('invalid_request');
			entry.clientAuth = req.headers.authorization ? 'header' : req.body.client_id !== undefined ? 'body' : undefined;
			if (req.body.client_id !== clientId || req.body.client_secret !== clientSecret) throw httpError(400, { error: 'invalid_client' });
			let body;
			if (req.body.grant_type === 'authorization_code') {
				const code = mock.authorizationCodes.find((c) => c.code === req.body.code);
				if (!code || code.used || (code.redirectUri && code.redirectUri !== req.body.redirect_uri)) throw oauthError('invalid_grant');
				code.used = true;
				body = issueTokens();
			} else if (req.body.grant_type === 'refresh_token') {
				const refresh = mock.refreshTokens.find((t) => t.refresh_token === req.body.refresh_token);
				if (!refresh || refresh.revoked) throw oauthError('invalid_grant');
				refresh.revoked = true;
				body = issueTokens();
			} else {
				throw oauthError('unsupported_grant_type');
			}
			Object.assign(entry, { outcome: 'issued', access_token: body.access_token, refresh_token: body.refresh_token });
			return json(body);
		} catch (err) {
			entry.outcome = err.body?.error;
			throw err;
		}
	}

	const consentPage = () => ({
		status: 200,
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
		body: '<!doctype html><html><body><h1>BoldSign mock consent</h1></body></html>',
	});

	const isLiveToken = (value) => mock.issuedTokens.some((t) => t.access_token === value && !t.revoked && t.expiresAt > Date.now());

	Object.assign(mock, {
		clientId,
		clientSecret,
		tokenRequests: [],
		issuedTokens: [],
		refreshTokens: [],
		authorizationCodes: [],
		issueTokens,
		issueAuthorizationCode,
		/** Every access token issued so far now gets 401; refresh tokens stay valid. */
		expireTokens() {
			mock.issuedTokens.forEach((t) => (t.revoked = true));
			return mock;
		},
	});
	return { token, consentPage, isLiveToken };
}

module.exports = { createBoldSignOAuth };
