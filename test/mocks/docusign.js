'use strict';
// DocuSign mock: OAuth JWT grant + userinfo (section 1.2) and the Admin API user-administration
// endpoints (sections 1.3-1.6) of ../shared/reference/vendor-apis.md, on one server.
// Model details from ../shared/reference/specs/admin.rest.swagger-v2.1.json.
// See README.md in this folder for options, state and the choices made where the reference is silent.

const crypto = require('node:crypto');
const { startMockServer, createRouter, json, empty, httpError, rateLimitHeaders } = require('./common');
const { createConnect, freshConnectState, isESignaturePath } = require('./docusign-connect');

// ================================================================ ids and seed

const gid = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const DOCUSIGN_IDS = {
	integrationKey: gid('d1000000', 1),
	organizationId: gid('d0000000', 1),
	secondOrganizationId: gid('d0000000', 2), // only with organizationCount: 2
	reservedDomainId: gid('d0d00000', 1),
	mainAccountId: gid('dac00000', 1),
	salesAccountId: gid('dac00000', 2),
	subsidiaryAccountId: gid('dac00000', 3), // only with organizationCount: 2
	adminUserId: gid('d5e00000', 1), // morgan.reyes@example.com, org admin, DS Admin on both accounts
	userId: (n) => gid('d5e00000', n),
	membershipId: (n, accountIndex) => gid(`d3e0000${accountIndex}`, n),
	permissionProfiles: {
		main: { admin: 20491673, sender: 20491674, viewer: 20491675 },
		sales: { admin: 20491701, sender: 20491702, viewer: 20491703 },
		subsidiary: { admin: 20491801, sender: 20491802, viewer: 20491803 },
	},
	groups: {
		main: { administrators: 30011001, everyone: 30011002, legal: 30011003, finance: 30011004, marketing: 30011005, hr: 30011006 },
		sales: { administrators: 30012001, everyone: 30012002, emeaSales: 30012003 },
		subsidiary: { administrators: 30013001, everyone: 30013002 },
	},
	dsGroups: {
		administrators: gid('d9000000', 1),
		engineering: gid('d9000000', 2),
		salesOps: gid('d9000000', 3),
		support: gid('d9000000', 4),
		regionalSales: gid('d9000000', 5),
	},
};

const NAMES = [
	'Morgan Reyes', 'Avery Chen', 'Jordan Patel', 'Riley Novak', 'Casey Kim', 'Taylor Brooks', 'Jamie Ortiz', 'Drew Foster',
	'Skyler Grant', 'Parker Lane', 'Reese Walsh', 'Quinn Hayes', 'Rowan Ellis', 'Sage Porter', 'Emerson Cole', 'Finley Ward',
	'Hayden Price', 'Kendall Shaw', 'Logan Pierce', 'Marlow Quinn', 'Nico Alvarez', 'Oakley Stone', 'Peyton Reed',
	'Remy Fischer', 'Sasha Ivanova', 'Tatum Blake', 'Val Moreno', 'Wren Holt', 'Ximena Cruz', 'Yusuf Demir',
	'Zara Lindqvist', 'Ansel Varga',
];

// DocuSign Admin timestamps look like "2019-04-01T22:11:56.457" (spec example of users/profile): UTC, no "Z".
const dsDate = (date) => new Date(date).toISOString().replace('Z', '');
const day = (base, n) => dsDate(Date.parse(base) + n * 86400000);
const dsNow = () => dsDate(Date.now());

function seedAccounts(organizationCount) {
	const P = DOCUSIGN_IDS.permissionProfiles;
	const G = DOCUSIGN_IDS.groups;
	const profiles = (p) => [{ id: p.admin, name: 'DS Admin' }, { id: p.sender, name: 'DS Sender' }, { id: p.viewer, name: 'DS Viewer' }];
	const baseGroups = (g) => [
		{ id: g.administrators, name: 'Administrators', type: 'admin_group' },
		{ id: g.everyone, name: 'Everyone', type: 'everyone_group' },
	];
	const accounts = [
		{
			id: DOCUSIGN_IDS.mainAccountId, organization_id: DOCUSIGN_IDS.organizationId, name: 'Acme Corp', external_account_id: 18452361,
			site_id: 1, permission_profiles: profiles(P.main), default_permission_profile_id: P.main.sender,
			groups: [...baseGroups(G.main), { id: G.main.legal, name: 'Legal', type: 'custom_group' },
				{ id: G.main.finance, name: 'Finance', type: 'custom_group' }, { id: G.main.marketing, name: 'Marketing', type: 'custom_group' },
				{ id: G.main.hr, name: 'HR', type: 'custom_group' }],
		},
		{
			id: DOCUSIGN_IDS.salesAccountId, organization_id: DOCUSIGN_IDS.organizationId, name: 'Acme Corp - Sales', external_account_id: 18452362,
			site_id: 1, permission_profiles: profiles(P.sales), default_permission_profile_id: P.sales.sender,
			groups: [...baseGroups(G.sales), { id: G.sales.emeaSales, name: 'EMEA Sales', type: 'custom_group' }],
		},
	];
	if (organizationCount > 1) {
		accounts.push({
			id: DOCUSIGN_IDS.subsidiaryAccountId, organization_id: DOCUSIGN_IDS.secondOrganizationId, name: 'Globex Holdings',
			external_account_id: 18452399, site_id: 1, permission_profiles: profiles(P.subsidiary),
			default_permission_profile_id: P.subsidiary.sender, groups: baseGroups(G.subsidiary),
		});
	}
	return accounts;
}

function seedOrganizations(organizationCount, adminUserId) {
	const org = (id, name, defaultAccountId, defaultProfileId, reserved) => ({
		id, name, description: `${name} organization`, default_account_id: defaultAccountId,
		default_permission_profile_id: defaultProfileId, created_on: '2023-06-01T08:00:00.000', created_by: adminUserId,
		last_modified_on: '2024-01-15T10:30:00.000', last_modified_by: adminUserId, reserved_domains: reserved, identity_providers: [],
	});
	const orgs = [org(DOCUSIGN_IDS.organizationId, 'Acme Corp', DOCUSIGN_IDS.mainAccountId, DOCUSIGN_IDS.permissionProfiles.main.sender,
		[{
			id: DOCUSIGN_IDS.reservedDomainId, status: 'active', host_name: 'example.com', txt_token: 'docusign=5e0f6a2b-mock',
			settings: [], links: [],
		}])];
	if (organizationCount > 1) {
		orgs.push(org(DOCUSIGN_IDS.secondOrganizationId, 'Globex Subsidiary', DOCUSIGN_IDS.subsidiaryAccountId,
			DOCUSIGN_IDS.permissionProfiles.subsidiary.sender, []));
	}
	return orgs;
}

/** Membership plan of seeded user n: [accountKey, status, profileKey][]. */
function seedPlan(n) {
	if (n === 1) return [['main', 'active', 'admin'], ['sales', 'active', 'admin'], ['subsidiary', 'active', 'admin']];
	if (n <= 20) {
		const main = ['main', 'active', n % 5 === 0 ? 'viewer' : 'sender'];
		return n % 3 === 0 ? [main, ['sales', 'active', 'sender']] : [main];
	}
	if (n <= 25) return [['sales', 'active', 'sender']];
	if (n === 26) return [['sales', 'activation_sent', 'sender']];
	if (n <= 28) return [['main', 'closed', 'sender']];
	if (n === 29) return [['main', 'activation_required', 'viewer']];
	if (n === 30) return [['main', 'active', 'sender'], ['sales', 'disabled', 'viewer']];
	return [['subsidiary', 'active', 'sender']]; // 31, 32: second organization only
}

const ACCOUNT_INDEX = { main: 1, sales: 2, subsidiary: 3 };
const ACCOUNT_ID = { main: DOCUSIGN_IDS.mainAccountId, sales: DOCUSIGN_IDS.salesAccountId, subsidiary: DOCUSIGN_IDS.subsidiaryAccountId };

function seedUser(n, adminUserId, accountIds) {
	const [first, last] = NAMES[n - 1].split(' ');
	const domain = n >= 29 && n <= 30 ? 'partner.example.org' : 'example.com';
	const createdOn = day('2024-01-01T09:00:00.000Z', n);
	const memberships = seedPlan(n)
		.filter(([key]) => accountIds.has(ACCOUNT_ID[key]))
		.map(([key, status, profile]) => ({
			id: DOCUSIGN_IDS.membershipId(n, ACCOUNT_INDEX[key]),
			account_id: ACCOUNT_ID[key],
			status,
			permission_profile_id: DOCUSIGN_IDS.permissionProfiles[key][profile],
			group_ids: [DOCUSIGN_IDS.groups[key].everyone, ...(profile === 'admin' ? [DOCUSIGN_IDS.groups[key].administrators] : [])],
			company_name: 'Acme Corp',
			job_title: profile === 'admin' ? 'IT Administrator' : 'Account Executive',
			created_on: createdOn,
			closed_on: status === 'closed' ? day('2025-02-01T12:00:00.000Z', n) : undefined,
		}));
	const userStatus = n === 27 || n === 28 ? 'closed' : n === 26 || n === 29 ? 'created' : 'active';
	return {
		id: n === 1 ? adminUserId : DOCUSIGN_IDS.userId(n),
		site_id: 1,
		user_name: `${first} ${last}`,
		first_name: first,
		last_name: last,
		email: `${first}.${last}@${domain}`.toLowerCase(),
		user_status: userStatus,
		default_account_id: memberships[0]?.account_id,
		language_culture: 'en',
		is_organization_admin: n === 1,
		created_on: createdOn,
		closed_on: userStatus === 'closed' ? day('2025-02-01T12:00:00.000Z', n) : undefined,
		last_modified_on: day('2025-01-01T12:00:00.000Z', n),
		memberships,
	};
}

function seedDsGroups(adminUserId) {
	const D = DOCUSIGN_IDS.dsGroups;
	const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => DOCUSIGN_IDS.userId(from + i));
	const group = (ds_group_id, account_id, group_id, group_name, description, is_admin, user_ids) => ({
		ds_group_id, account_id, group_id, group_name, description, is_admin, user_ids,
		source_product_name: 'eSignature', last_modified_on: '2024-11-05T16:20:00.000', is_managed_by_scim: false,
	});
	return [
		group(D.administrators, DOCUSIGN_IDS.mainAccountId, '40011001', 'Administrators', 'Account administrators', true, [adminUserId]),
		group(D.engineering, DOCUSIGN_IDS.mainAccountId, '40011002', 'Engineering', 'Engineering team', false, range(2, 6)),
		group(D.salesOps, DOCUSIGN_IDS.mainAccountId, '40011003', 'Sales Ops', 'Sales operations', false, range(7, 9)),
		group(D.support, DOCUSIGN_IDS.mainAccountId, '40011004', 'Support', 'Customer support', false, []),
		group(D.regionalSales, DOCUSIGN_IDS.salesAccountId, '40012001', 'Regional Sales', 'Regional sales reps', false, range(21, 23)),
	];
}

function defaultSeed({ organizationCount = 1, adminUserId = DOCUSIGN_IDS.adminUserId } = {}) {
	const accounts = seedAccounts(organizationCount);
	const accountIds = new Set(accounts.map((a) => a.id));
	const userCount = organizationCount > 1 ? 32 : 30;
	return {
		organizations: seedOrganizations(organizationCount, adminUserId),
		accounts,
		users: Array.from({ length: userCount }, (_, i) => seedUser(i + 1, adminUserId, accountIds)),
		dsGroups: seedDsGroups(adminUserId),
	};
}

function buildState(seed, seedOptions) {
	const base = typeof seed === 'function' ? seed(seedOptions) : seed || defaultSeed(seedOptions);
	return structuredClone({ organizations: [], accounts: [], users: [], dsGroups: [], ...base });
}

// ================================================================ errors

// Section 1.6: the Admin error body is UNCONFIRMED; the reference suggests {error, error_description}.
const dsError = (status, error, description) => httpError(status, { error, error_description: description });
const badRequest = (description, code = 'invalid_request') => dsError(400, code, description);
const notFound = (description) => dsError(404, 'not_found', description);
// Section 1.2: OAuth errors are 400 {error[, error_description]}.
const oauthError = (error, description) => httpError(400, description ? { error, error_description: description } : { error });

const HOURLY_LIMIT_ERROR = {
	error: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED',
	error_description: 'The maximum number of hourly API invocations has been exceeded. The hourly limit is 3000.',
};

function errorBody(status, message) {
	if (status === 429) return HOURLY_LIMIT_ERROR; // section 1.6
	const code = { 400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' }[status]
		|| String(message || 'error').toLowerCase().replace(/\W+/g, '_');
	return { error: code, error_description: message || code };
}

/** Item-level failure inside a 200 response (UsersUpdateResponse, DeleteMembershipsResponse, ...). */
class ItemError extends Error {
	constructor(error, description) {
		super(description);
		this.details = { error, error_description: description };
	}
}

// ================================================================ JWT

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Signs an RS256 JWT (test helper; the mock itself only verifies). */
function signJwt(privateKeyPem, claims, header = { alg: 'RS256', typ: 'JWT' }) {
	const input = `${b64url(header)}.${b64url(claims)}`;
	return `${input}.${crypto.sign('RSA-SHA256', Buffer.from(input), privateKeyPem).toString('base64url')}`;
}

function decodeJwt(assertion) {
	const parts = String(assertion || '').split('.');
	if (parts.length !== 3) return null;
	try {
		const [header, claims] = parts.slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
		return header && claims && typeof claims === 'object' ? { header, claims, parts } : null;
	} catch {
		return null;
	}
}

const verifySignature = (parts, publicKey) => {
	try {
		return crypto.verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], 'base64url'));
	} catch {
		return false;
	}
};

const REQUIRED_SCOPES = ['signature', 'impersonation'];
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Default scopes of code-grant tokens: those of the docuSignOAuth2Api credential. */
const CODE_GRANT_SCOPES = 'signature user_read user_write organization_read account_read group_read permission_read';
// Section 1.1: the base path is spelled /management and /Management.
const isAdminPath = (path) => /^\/management(\/|$)/i.test(path);

// ================================================================ OAuth (section 1.2)

function createOAuth(mock) {
	const nowSec = () => Math.floor(Date.now() / 1000);
	const knownUser = (sub) => mock.state.users.find((u) => u.id === sub && u.user_status !== 'closed');
	const isConsented = (sub) => mock.consented === true || (Array.isArray(mock.consented) && mock.consented.includes(sub));

	function checkTimes(claims) {
		const { iat, exp, nbf } = claims;
		const skew = mock.jwtOptions.clockSkewSeconds;
		const now = nowSec();
		if (typeof iat !== 'number' || typeof exp !== 'number') throw oauthError('invalid_grant', 'missing_iat_or_exp');
		if (exp <= now - skew) throw oauthError('invalid_grant', 'assertion_expired');
		if (iat > now + skew) throw oauthError('invalid_grant', 'iat_in_future');
		if (typeof nbf === 'number' && nbf > now + skew) throw oauthError('invalid_grant', 'nbf_in_future');
		// UNCONFIRMED (section 1.2): exp at most one hour after iat.
		const max = mock.jwtOptions.maxAssertionLifetime;
		if (max !== null && exp - iat > max) throw oauthError('invalid_grant', 'assertion_lifetime_too_long');
	}

	function checkScopes(scope) {
		const scopes = typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : [];
		const missing = REQUIRED_SCOPES.filter((s) => !scopes.includes(s));
		// Choice (no vendor source): a JWT grant lacking "signature impersonation" is refused with invalid_scope.
		if (missing.length) throw oauthError('invalid_scope', `scope must include ${missing.join(' and ')}`);
		return scopes;
	}

	function verifyAssertion(assertion) {
		const jwt = decodeJwt(assertion);
		if (!jwt) throw oauthError('invalid_grant', 'invalid_assertion');
		const { header, claims, parts } = jwt;
		if (claims.iss !== mock.integrationKey) throw oauthError('invalid_grant', 'issuer_not_found');
		if (header.alg !== 'RS256' || !verifySignature(parts, mock.publicKey)) {
			throw oauthError('invalid_grant', 'no_valid_keys_or_signatures');
		}
		if (!mock.audiences.includes(claims.aud)) throw oauthError('invalid_grant', 'invalid_audience');
		checkTimes(claims);
		if (!knownUser(claims.sub)) throw oauthError('invalid_grant', 'user_not_found');
		const scopes = checkScopes(claims.scope);
		if (!isConsented(claims.sub)) throw oauthError('consent_required');
		return { claims, scopes };
	}

	const randomToken = (prefix) => `${prefix}-${crypto.randomBytes(24).toString('base64url')}`;

	function issueToken({ sub, scopes }) {
		const issuedAt = nowSec();
		const record = {
			access_token: randomToken('mock-ds'),
			sub,
			scopes,
			issuedAt,
			expiresAt: issuedAt + mock.jwtOptions.tokenExpiresIn,
			revoked: false,
		};
		mock.issuedTokens.push(record);
		return record;
	}

	/** Section 1.2 success body; `refresh_token` only for the code and refresh grants. */
	const tokenResponse = ({ access_token, refresh_token }) =>
		compact({ access_token, token_type: 'Bearer', expires_in: mock.jwtOptions.tokenExpiresIn, refresh_token });

	/** An access token plus a refresh token bound to the client (authorization code and refresh grants). */
	function issueCodeGrantTokens({ clientId = mock.integrationKey, userId = mock.userId, scope = CODE_GRANT_SCOPES } = {}) {
		const scopes = scope.split(/\s+/).filter(Boolean);
		const refresh = { refresh_token: randomToken('mock-ds-refresh'), clientId, sub: userId, scopes, issuedAt: nowSec(), revoked: false };
		mock.refreshTokens.push(refresh);
		return tokenResponse({ access_token: issueToken(refresh).access_token, refresh_token: refresh.refresh_token });
	}

	/** A one-time authorization code, as the consent page would hand to the redirect URI. */
	function issueAuthorizationCode({ clientId = mock.integrationKey, userId = mock.userId, scope = CODE_GRANT_SCOPES, redirectUri } = {}) {
		const code = { code: randomToken('mock-ds-code'), clientId, userId, scope, redirectUri, used: false };
		mock.authorizationCodes.push(code);
		return code.code;
	}

	/**
	 * Client authentication of the code and refresh grants. Section 1.2 gives `Authorization: Basic
	 * base64(clientId:clientSecret)`; client_id/client_secret in the form are only accepted when
	 * mock.clientAuthMethods includes 'body'.
	 */
	function authenticateClient(req, entry) {
		const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization || '');
		const method = basic ? 'basic' : req.body.client_id !== undefined ? 'body' : undefined;
		const [id, secret] = basic
			? Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s)
			: [req.body.client_id, req.body.client_secret];
		Object.assign(entry, { clientId: id, clientAuth: method });
		if (!method) throw oauthError('invalid_client', 'client authentication is required');
		if (!mock.clientAuthMethods.includes(method)) throw oauthError('invalid_client', `client authentication by ${method} is not accepted`);
		if (secret === undefined || mock.oauthClients[id] !== secret) throw oauthError('invalid_client');
		return id;
	}

	const jwtGrant = (req) => {
		if (!req.body.assertion) throw oauthError('invalid_request', 'assertion is required');
		const { claims, scopes } = verifyAssertion(req.body.assertion);
		return { access_token: issueToken({ sub: claims.sub, scopes }).access_token };
	};

	function codeGrant(req, entry) {
		const clientId = authenticateClient(req, entry);
		if (!req.body.code) throw oauthError('invalid_request', 'code is required');
		const code = mock.authorizationCodes.find((c) => c.code === req.body.code);
		if (!code || code.used || code.clientId !== clientId || (code.redirectUri && code.redirectUri !== req.body.redirect_uri)) {
			throw oauthError('invalid_grant', 'invalid_authorization_code');
		}
		code.used = true;
		return issueCodeGrantTokens(code);
	}

	function refreshGrant(req, entry) {
		const clientId = authenticateClient(req, entry);
		if (!req.body.refresh_token) throw oauthError('invalid_request', 'refresh_token is required');
		const refresh = mock.refreshTokens.find((t) => t.refresh_token === req.body.refresh_token);
		if (!refresh || refresh.revoked || refresh.clientId !== clientId) throw oauthError('invalid_grant', 'invalid_refresh_token');
		if (!mock.rotateRefreshTokens) return { access_token: issueToken(refresh).access_token };
		refresh.revoked = true;
		return issueCodeGrantTokens({ clientId, userId: refresh.sub, scope: refresh.scopes.join(' ') });
	}

	const GRANTS = { [JWT_BEARER]: jwtGrant, authorization_code: codeGrant, refresh_token: refreshGrant };

	function token(req) {
		const entry = { at: Date.now(), grantType: undefined, claims: decodeJwt(req.body?.assertion)?.claims ?? null };
		mock.tokenRequests.push(entry);
		try {
			if (!/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] || '') || typeof req.body !== 'object') {
				throw oauthError('invalid_request', 'the body must be application/x-www-form-urlencoded');
			}
			entry.grantType = req.body.grant_type;
			const grant = GRANTS[req.body.grant_type];
			if (!grant) throw oauthError('unsupported_grant_type');
			const body = tokenResponse(grant(req, entry));
			Object.assign(entry, { outcome: 'issued', access_token: body.access_token, refresh_token: body.refresh_token });
			return json(body, 200, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
		} catch (err) {
			Object.assign(entry, { outcome: err.body?.error, description: err.body?.error_description });
			throw err;
		}
	}

	/** The live token record for a request's bearer token, or null. */
	function tokenOf(req) {
		const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
		const found = match && mock.issuedTokens.find((t) => t.access_token === match[1]);
		return found && !found.revoked && found.expiresAt > nowSec() ? found : null;
	}

	function userinfo(req) {
		const live = tokenOf(req);
		const user = live && knownUser(live.sub);
		// Section 1.2 shows this body for a failed userinfo call.
		if (!user) throw httpError(401, { error: 'internal_server_error', reference_id: crypto.randomUUID() });
		const [first, ...rest] = user.user_name.split(' ');
		return json({
			sub: user.id,
			name: user.user_name,
			given_name: user.first_name ?? first,
			family_name: user.last_name ?? rest.join(' '),
			created: user.created_on,
			email: user.email,
			accounts: user.memberships.filter((m) => m.status === 'active').map((m) => accountClaim(m, user)),
		});
	}

	function accountClaim(membership, user) {
		const account = mock.state.accounts.find((a) => a.id === membership.account_id);
		return {
			account_id: account.id,
			is_default: account.id === user.default_account_id, // boolean, section 1.2
			account_name: account.name,
			base_uri: mock.url,
			organization: {
				organization_id: account.organization_id,
				links: [{ rel: 'self', href: `${mock.adminBaseUrl}/v2/organizations/${account.organization_id}` }],
			},
		};
	}

	const consentPage = () => ({
		status: 200,
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
		body: '<!doctype html><html><body><h1>DocuSign mock consent</h1><p>Consent granted.</p></body></html>',
	});

	function authenticate(req) {
		if (!isAdminPath(req.path)) return;
		const live = tokenOf(req);
		if (!live) {
			throw dsError(401, 'invalid_token', 'The access token provided is expired, revoked or malformed.');
		}
		tokens.set(req, live);
	}

	const tokens = new WeakMap();
	return {
		token, userinfo, consentPage, authenticate, issueCodeGrantTokens, issueAuthorizationCode, tokenOfRequest: (req) => tokens.get(req), tokenOf,
	};
}

// ================================================================ Admin API (sections 1.3-1.5)

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const lower = (v) => String(v ?? '').toLowerCase();
const sameId = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const truthy = (v) => lower(v) === 'true';
const compact = (obj) => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
const listParam = (v) => (v === undefined ? [] : String(v).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));

function intParam(query, name, fallback, min = 0) {
	if (query[name] === undefined || query[name] === '') return fallback;
	const value = Number(query[name]);
	if (!Number.isInteger(value) || value < min) throw badRequest(`'${name}' must be an integer >= ${min}.`);
	return value;
}

function requireObject(body) {
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('A JSON object request body is required.');
	return body;
}

function requireEmail(value) {
	if (typeof value === 'string' && EMAIL_RE.test(value.trim())) return value.trim();
	throw badRequest(`Invalid email address '${value ?? ''}'.`, 'invalid_email');
}

/** Finders over mock.state; unknown ids throw the 404 of section 1.6's suggested shape. */
function createLookups(mock, oauth) {
	const S = () => mock.state;

	function findOrg(orgId) {
		const org = S().organizations.find((o) => sameId(o.id, orgId));
		if (!org) throw notFound(`Organization '${orgId}' was not found.`);
		return org;
	}

	const accountsOf = (org) => S().accounts.filter((a) => a.organization_id === org.id);
	const accountById = (id) => S().accounts.find((a) => sameId(a.id, id));
	const inOrg = (org) => (m) => accountById(m.account_id)?.organization_id === org.id;
	const orgUsers = (org) => S().users.filter((u) => u.memberships.some(inOrg(org)));
	const membershipIn = (user, accountId) => user.memberships.find((m) => sameId(m.account_id, accountId));
	const openMembershipIn = (user, accountId) => user.memberships.find((m) => sameId(m.account_id, accountId) && m.status !== 'closed');

	function findAccount(org, accountId) {
		const account = accountsOf(org).find((a) => sameId(a.id, accountId));
		if (!account) throw notFound(`Account '${accountId}' was not found in the organization.`);
		return account;
	}

	function findUser(org, userId) {
		const user = orgUsers(org).find((u) => sameId(u.id, userId));
		if (!user) throw notFound(`User '${userId}' was not found in the organization.`);
		return user;
	}

	function findDsGroup(account, dsGroupId) {
		const group = S().dsGroups.find((g) => sameId(g.ds_group_id, dsGroupId) && g.account_id === account.id);
		if (!group) throw notFound(`DS group '${dsGroupId}' was not found.`);
		return group;
	}

	const liveUserByEmail = (org, email) => orgUsers(org).find((u) => lower(u.email) === lower(email) && u.user_status !== 'closed');
	const currentUser = (req) => S().users.find((u) => u.id === oauth.tokenOfRequest(req)?.sub);
	/** The membership a user-list row describes: the filtered account's, else the default account's. */
	const rowMembership = (user, org, accountId) => (accountId
		? membershipIn(user, accountId)
		: membershipIn(user, user.default_account_id) || user.memberships.find(inOrg(org)));

	return {
		findOrg, accountsOf, accountById, inOrg, orgUsers, membershipIn, openMembershipIn, findAccount, findUser, findDsGroup,
		liveUserByEmail, currentUser, rowMembership,
	};
}

/** Response models with the exact key casing of section 1.4. */
function createViews(mock, L) {
	const { accountsOf, accountById, inOrg, orgUsers, rowMembership } = L;
	const S = () => mock.state;

	const profileView = (account, id) => {
		const profile = account.permission_profiles.find((p) => p.id === id);
		return profile ? { id: profile.id, name: profile.name } : {};
	};
	const groupViews = (account, ids) => account.groups.filter((g) => ids.includes(g.id)).map(({ id, name, type }) => ({ id, name, type }));
	const isAdminProfile = (account, id) => profileView(account, id).name === 'DS Admin';

	const dsGroupView = (g) => {
		const account = accountById(g.account_id);
		return {
			ds_group_id: g.ds_group_id, account_id: g.account_id, source_product_name: g.source_product_name, group_id: g.group_id,
			group_name: g.group_name, description: g.description, is_admin: g.is_admin, last_modified_on: g.last_modified_on,
			user_count: g.user_ids.length, external_account_id: account.external_account_id, account_name: account.name,
			is_managed_by_scim: g.is_managed_by_scim,
		};
	};

	const dsGroupsOf = (user, org) => S().dsGroups
		.filter((g) => g.user_ids.includes(user.id) && accountById(g.account_id).organization_id === org.id);

	function orgUserView(user, org, { accountId, includeDsGroups, includeLicense }) {
		const m = rowMembership(user, org, accountId);
		return compact({
			id: user.id, user_name: user.user_name, first_name: user.first_name, last_name: user.last_name, user_status: user.user_status,
			membership_status: m?.status, email: user.email, created_on: user.created_on, closed_on: user.closed_on,
			membership_created_on: m?.created_on, membership_closed_on: m?.closed_on,
			ds_groups: includeDsGroups ? dsGroupsOf(user, org).map(dsGroupView) : undefined,
			membership_id: m?.id, is_membership_managed_by_scim: false, is_managed_by_scim: false,
			...(includeLicense ? { license_type: 'Full', subscription_id: 'SUB-MOCK-0001', plan_name: 'Business Pro' } : {}),
		});
	}

	function membershipView(m, user) {
		const account = accountById(m.account_id);
		return compact({
			id: m.id, email: user.email, account_id: account.id, external_account_id: String(account.external_account_id),
			account_name: account.name, is_external_account: false, status: m.status,
			permission_profile: profileView(account, m.permission_profile_id), created_on: m.created_on, closed_on: m.closed_on,
			groups: groupViews(account, m.group_ids), is_admin: isAdminProfile(account, m.permission_profile_id),
		});
	}

	function drilldownView(user, org) {
		const defaultAccount = accountById(user.default_account_id);
		return compact({
			id: user.id, site_id: user.site_id, site_name: 'DEMO', user_name: user.user_name, first_name: user.first_name,
			last_name: user.last_name, user_status: user.user_status, default_account_id: user.default_account_id,
			default_account_name: defaultAccount?.name, language_culture: user.language_culture, selected_languages: user.selected_languages,
			federated_status: user.federated_status, is_organization_admin: user.is_organization_admin, created_on: user.created_on,
			memberships: user.memberships.filter(inOrg(org)).map((m) => membershipView(m, user)), identities: [],
			device_verification_enabled: false, require_two_step_verification: false, allow_two_step_verification_snooze: false,
			allow_extend_org_admin_rights_to_self: false, is_managed_by_scim: false,
		});
	}

	function newUserView(user, memberships) {
		return compact({
			id: user.id, site_id: user.site_id, user_name: user.user_name, first_name: user.first_name, last_name: user.last_name,
			email: user.email, language_culture: user.language_culture, federated_status: user.federated_status,
			accounts: memberships.map((m) => {
				const account = accountById(m.account_id);
				return compact({
					id: account.id, site_id: account.site_id, permission_profile: profileView(account, m.permission_profile_id),
					groups: groupViews(account, m.group_ids), company_name: m.company_name, job_title: m.job_title,
				});
			}),
		});
	}

	function organizationView(org) {
		return {
			id: org.id, name: org.name, description: org.description, default_account_id: org.default_account_id,
			default_permission_profile_id: org.default_permission_profile_id, created_on: org.created_on, created_by: org.created_by,
			last_modified_on: org.last_modified_on, last_modified_by: org.last_modified_by,
			accounts: accountsOf(org).map(({ id, name, external_account_id, site_id }) => ({ id, name, external_account_id, site_id })),
			users: orgUsers(org).filter((u) => u.is_organization_admin).map((u) => ({ id: u.id })),
			reserved_domains: org.reserved_domains, identity_providers: org.identity_providers,
			links: [{ rel: 'self', href: `${mock.adminBaseUrl}/v2/organizations/${org.id}` }],
		};
	}

	return {
		profileView, groupViews, isAdminProfile, dsGroupView, dsGroupsOf, orgUserView, membershipView, drilldownView, newUserView,
		organizationView,
	};
}

/** start/take/end paging (section 1.5) and the page/page_size model of DS groups. */
function createPaging(mock, { dsGroupPageBase }) {
	function readStartTake(query) {
		const start = intParam(query, 'start', 0);
		const end = intParam(query, 'end', undefined);
		const asked = query.take !== undefined ? intParam(query, 'take', 20, 1) : end !== undefined ? end - start + 1 : 20;
		if (asked < 1) throw badRequest("'end' must not be before 'start'.");
		// A server may serve fewer than asked (mock.maxTake); paging and next then say so.
		return { start, take: mock.maxTake ? Math.min(asked, mock.maxTake) : asked };
	}

	function pageLink(req, start, take) {
		const params = new URLSearchParams();
		for (const [key, value] of Object.entries(req.query)) {
			if (key !== 'start' && key !== 'take' && key !== 'end') [].concat(value).forEach((v) => params.append(key, v));
		}
		params.set('start', String(start));
		params.set('take', String(take));
		return `${mock.url}${req.path}?${params}`;
	}

	function paged(items, req) {
		const { start, take } = readStartTake(req.query);
		const page = items.slice(start, start + take);
		const paging = compact({
			result_set_size: page.length,
			result_set_start_position: start,
			result_set_end_position: page.length ? start + page.length - 1 : start,
			total_set_size: items.length,
			next: start + take < items.length ? pageLink(req, start + take, take) : undefined,
			previous: start > 0 ? pageLink(req, Math.max(0, start - take), take) : undefined,
		});
		return { page, paging };
	}

	function readPageNumber(query) {
		const page = intParam(query, 'page', dsGroupPageBase, dsGroupPageBase);
		const asked = intParam(query, 'page_size', 20, 1);
		// A server may serve smaller pages than asked (mock.maxPageSize); page_size and total_count then say so.
		const pageSize = mock.maxPageSize ? Math.min(asked, mock.maxPageSize) : asked;
		const offset = (page - dsGroupPageBase) * pageSize;
		return { page, pageSize, slice: (items) => items.slice(offset, offset + pageSize) };
	}

	return { paged, readPageNumber };
}

/** Organizations, user lists and drill-down profiles. */
function createReadHandlers({ mock, L, V, P }) {
	const { findOrg, inOrg, orgUsers, membershipIn, findUser, currentUser, rowMembership } = L;
	const { orgUserView, drilldownView, organizationView } = V;
	const { paged } = P;
	const S = () => mock.state;

	function listOrganizations(req) {
		const mode = req.query.mode ?? 'org_admin';
		if (mode !== 'org_admin' && mode !== 'account_membership') throw badRequest(`Invalid mode '${mode}'.`);
		const user = currentUser(req);
		const orgs = S().organizations.filter((org) => {
			const member = user?.memberships.some((m) => m.status !== 'closed' && inOrg(org)(m));
			return mode === 'account_membership' ? member : member && user.is_organization_admin;
		});
		return json({ organizations: orgs.map(organizationView) });
	}

	function userFilters(org, query) {
		const { email, account_id: accountId, organization_reserved_domain_id: domainId, last_modified_since: since } = query;
		// Section 1.3: at least one of email/account_id/organization_reserved_domain_id;
		// last_modified_since needs account_id or organization_reserved_domain_id.
		if (!email && !accountId && !domainId) {
			throw badRequest('At least one of email, account_id or organization_reserved_domain_id must be specified.');
		}
		if (since && !accountId && !domainId) {
			throw badRequest('last_modified_since requires account_id or organization_reserved_domain_id.');
		}
		const filters = [];
		if (email) filters.push((u) => lower(u.email) === lower(email));
		if (accountId) filters.push((u) => Boolean(membershipIn(u, accountId)));
		if (domainId) {
			const domain = org.reserved_domains.find((d) => sameId(d.id, domainId));
			if (!domain) throw badRequest(`Reserved domain '${domainId}' was not found.`);
			filters.push((u) => lower(u.email).endsWith(`@${lower(domain.host_name)}`));
		}
		if (since) {
			const sinceMs = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(since) ? since : `${since}Z`);
			if (Number.isNaN(sinceMs)) throw badRequest(`Invalid last_modified_since '${since}'.`);
			filters.push((u) => Date.parse(`${u.last_modified_on}Z`) >= sinceMs);
		}
		if (query.email_user_name_like) {
			const like = lower(query.email_user_name_like);
			filters.push((u) => lower(u.email).includes(like) || lower(u.user_name).includes(like));
		}
		const statuses = listParam(query.status);
		if (statuses.length) filters.push((u) => statuses.includes(u.user_status));
		const memberStatuses = listParam(query.membership_status);
		if (memberStatuses.length) {
			filters.push((u) => memberStatuses.includes(rowMembership(u, org, accountId)?.status));
		}
		return (u) => filters.every((f) => f(u));
	}

	function listUsers(req, { organizationId }) {
		const org = findOrg(organizationId);
		const { page, paging } = paged(orgUsers(org).filter(userFilters(org, req.query)), req);
		const viewOptions = {
			accountId: req.query.account_id,
			includeDsGroups: truthy(req.query.include_ds_groups),
			includeLicense: truthy(req.query.include_license),
		};
		return json({ users: page.map((u) => orgUserView(u, org, viewOptions)), paging });
	}

	function usersByEmail(org, email) {
		if (!email) throw badRequest('The email query parameter is required.');
		return orgUsers(org).filter((u) => lower(u.email) === lower(email));
	}

	function userProfile(req, { organizationId }) {
		const org = findOrg(organizationId);
		return json({ users: usersByEmail(org, req.query.email).map((u) => drilldownView(u, org)) });
	}

	function userDsProfile(req, { organizationId, userId }) {
		const org = findOrg(organizationId);
		const users = userId ? [findUser(org, userId)] : usersByEmail(org, req.query.email);
		return json({ users: users.map((u) => drilldownView(u, org)) });
	}

	return { listOrganizations, listUsers, userProfile, userDsProfile };
}

/** User creation, profile/email updates, membership close and activation. */
function createUserWriteHandlers({ mock, L, V }) {
	const { findOrg, accountsOf, accountById, inOrg, orgUsers, membershipIn, openMembershipIn, findAccount, findUser, liveUserByEmail } = L;
	const { newUserView } = V;
	const S = () => mock.state;

	function readMembershipRequest(account, props, status) {
		const profileId = props.permission_profile?.id ?? account.default_permission_profile_id;
		if (!account.permission_profiles.some((p) => p.id === Number(profileId))) {
			throw badRequest(`Permission profile '${profileId}' does not exist in account '${account.id}'.`, 'invalid_permission_profile');
		}
		const groupIds = (props.groups || []).map((g) => Number(g?.id));
		const unknown = groupIds.find((gidValue) => !account.groups.some((g) => g.id === gidValue));
		if (unknown !== undefined) throw badRequest(`Group '${unknown}' does not exist in account '${account.id}'.`, 'invalid_group');
		const everyone = account.groups.find((g) => g.type === 'everyone_group')?.id;
		return {
			id: crypto.randomUUID(), account_id: account.id, status, permission_profile_id: Number(profileId),
			group_ids: [...new Set([everyone, ...groupIds].filter((x) => x !== undefined))],
			company_name: props.company_name, job_title: props.job_title, created_on: dsNow(),
		};
	}

	const membershipStatus = (body) => (body.auto_activate_memberships === true ? 'active' : 'activation_sent');

	function newUserRecord(body, email, memberships) {
		const first = body.first_name;
		const last = body.last_name;
		return {
			id: crypto.randomUUID(), site_id: 1, user_name: body.user_name || [first, last].filter(Boolean).join(' ') || email,
			first_name: first, last_name: last, email, user_status: 'active',
			default_account_id: body.default_account_id && memberships.some((m) => sameId(m.account_id, body.default_account_id))
				? body.default_account_id : memberships[0].account_id,
			language_culture: body.language_culture || 'en', selected_languages: body.selected_languages,
			federated_status: body.federated_status, is_organization_admin: false, created_on: dsNow(), last_modified_on: dsNow(), memberships,
		};
	}

	function createUser(req, { organizationId }) {
		const org = findOrg(organizationId);
		const body = requireObject(req.body);
		const email = requireEmail(body.email);
		if (!Array.isArray(body.accounts) || body.accounts.length === 0) throw badRequest('accounts is required.');
		if (liveUserByEmail(org, email)) throw badRequest(`A user with email '${email}' already exists.`, 'user_already_exists');
		const memberships = body.accounts.map((props) => {
			const account = accountsOf(org).find((a) => sameId(a.id, props?.id));
			if (!account) throw badRequest(`Account '${props?.id}' is not part of the organization.`, 'invalid_account_id');
			return readMembershipRequest(account, props, membershipStatus(body));
		});
		const user = newUserRecord(body, email, memberships);
		S().users.push(user);
		return json(newUserView(user, memberships));
	}

	function createAccountUser(req, { organizationId, accountId }) {
		const org = findOrg(organizationId);
		const account = findAccount(org, accountId);
		const body = requireObject(req.body);
		const email = requireEmail(body.email);
		const membership = readMembershipRequest(account, body, membershipStatus(body));
		const existing = liveUserByEmail(org, email);
		if (existing && openMembershipIn(existing, account.id)) {
			throw badRequest(`User '${email}' is already a member of account '${account.id}'.`, 'user_already_exists');
		}
		if (existing) {
			existing.memberships.push(membership);
			existing.last_modified_on = dsNow();
			return json(newUserView(existing, [membership]));
		}
		const user = newUserRecord(body, email, [membership]);
		S().users.push(user);
		return json(newUserView(user, [membership]));
	}

	/** Runs `plan(item)` (which validates and returns an apply function) for each item of a bulk request. */
	function perItem(items, plan, view) {
		return items.map((raw) => {
			const item = raw && typeof raw === 'object' ? raw : {};
			try {
				plan(item)();
				return view(item, null);
			} catch (err) {
				if (!(err instanceof ItemError)) throw err;
				return view(item, err.details);
			}
		});
	}

	function itemUser(org, item) {
		const user = orgUsers(org).find((u) => sameId(u.id, item.id));
		if (!user) throw new ItemError('user_not_found', `User '${item.id}' was not found in the organization.`);
		if (item.site_id === undefined || Number(item.site_id) !== user.site_id) {
			throw new ItemError('invalid_site_id', `site_id '${item.site_id}' does not match the user's site.`);
		}
		return user;
	}

	function itemEmail(org, user, email) {
		if (email === undefined) return undefined;
		if (typeof email !== 'string' || !EMAIL_RE.test(email)) throw new ItemError('invalid_email', `Invalid email address '${email}'.`);
		const taken = liveUserByEmail(org, email);
		if (taken && taken !== user) throw new ItemError('email_already_in_use', `Email '${email}' is used by another user.`);
		return email;
	}

	function planMembershipUpdate(user, update) {
		const membership = membershipIn(user, update.account_id);
		if (!membership) throw new ItemError('membership_not_found', `User is not a member of account '${update.account_id}'.`);
		const account = accountById(membership.account_id);
		let profileId = membership.permission_profile_id;
		if (update.permission_profile) {
			profileId = Number(update.permission_profile.id);
			if (!account.permission_profiles.some((p) => p.id === profileId)) {
				const text = `Permission profile '${update.permission_profile.id}' does not exist in account '${account.id}'.`;
				throw new ItemError('invalid_permission_profile', text);
			}
		}
		const groupIds = update.groups ? update.groups.map((g) => Number(g?.id)) : membership.group_ids;
		if (groupIds.some((id) => !account.groups.some((g) => g.id === id))) throw new ItemError('invalid_group', 'Unknown group id.');
		return () => {
			Object.assign(membership, compact({ company_name: update.company_name, job_title: update.job_title }));
			membership.permission_profile_id = profileId;
			membership.group_ids = groupIds;
			if (update.send_activation === true && membership.status === 'activation_required') membership.status = 'activation_sent';
		};
	}

	const PROFILE_FIELDS = ['user_name', 'first_name', 'last_name', 'language_culture', 'selected_languages', 'federated_status'];

	function updateProfiles(req, { organizationId }) {
		const org = findOrg(organizationId);
		const { users } = requireObject(req.body);
		if (!Array.isArray(users)) throw badRequest('users is required.');
		const results = perItem(users, (item) => {
			const user = itemUser(org, item);
			const email = itemEmail(org, user, item.email);
			if (item.default_account_id && !openMembershipIn(user, item.default_account_id)) {
				throw new ItemError('invalid_default_account', `User is not a member of account '${item.default_account_id}'.`);
			}
			const membershipUpdates = (item.memberships || []).map((m) => planMembershipUpdate(user, m || {}));
			return () => {
				for (const field of PROFILE_FIELDS) if (item[field] !== undefined) user[field] = item[field];
				if (email) user.email = email;
				if (item.default_account_id) user.default_account_id = item.default_account_id;
				membershipUpdates.forEach((apply) => apply());
				user.last_modified_on = dsNow();
			};
		}, (item, errorDetails) => updateResult(org, item, errorDetails));
		return json({ success: results.every((r) => !r.error_details), users: results });
	}

	function updateResult(org, item, errorDetails) {
		const user = orgUsers(org).find((u) => sameId(u.id, item.id));
		return compact({
			id: item.id, site_id: user?.site_id ?? item.site_id, email: user?.email ?? item.email, error_details: errorDetails ?? undefined,
		});
	}

	function updateEmails(req, { organizationId }) {
		const org = findOrg(organizationId);
		const { users } = requireObject(req.body);
		if (!Array.isArray(users)) throw badRequest('users is required.');
		const results = perItem(users, (item) => {
			const user = itemUser(org, item);
			const email = itemEmail(org, user, item.email);
			if (!email) throw new ItemError('invalid_email', 'email is required.');
			return () => Object.assign(user, { email, last_modified_on: dsNow() });
		}, (item, errorDetails) => updateResult(org, item, errorDetails));
		return json({ success: results.every((r) => !r.error_details), users: results });
	}

	function closeMembership(user, membership) {
		Object.assign(membership, { status: 'closed', closed_on: dsNow() });
		S().dsGroups.filter((g) => g.account_id === membership.account_id).forEach((g) => {
			g.user_ids = g.user_ids.filter((id) => id !== user.id);
		});
		if (user.memberships.every((m) => m.status === 'closed')) Object.assign(user, { user_status: 'closed', closed_on: dsNow() });
		user.last_modified_on = dsNow();
	}

	function deleteMemberships(req, { organizationId, userId }) {
		const org = findOrg(organizationId);
		const user = findUser(org, userId);
		const { accounts } = requireObject(req.body);
		if (!Array.isArray(accounts) || accounts.length === 0) throw badRequest('accounts is required.');
		const results = perItem(accounts, (item) => {
			const membership = openMembershipIn(user, item.id);
			if (!membership || !inOrg(org)(membership)) {
				throw new ItemError('membership_not_found', `User '${user.id}' has no open membership in account '${item.id}'.`);
			}
			return () => closeMembership(user, membership);
		}, (item, errorDetails) => compact({ id: item.id, error_details: errorDetails ?? undefined }));
		return json({ success: results.every((r) => !r.error_details), accounts: results });
	}

	function activateMembership(req, { organizationId, userId, membershipId }) {
		const org = findOrg(organizationId);
		const user = findUser(org, userId);
		const membership = user.memberships.find((m) => sameId(m.id, membershipId) && inOrg(org)(m));
		if (!membership) throw notFound(`Membership '${membershipId}' was not found.`);
		const { site_id: siteId } = requireObject(req.body);
		if (siteId === undefined) throw badRequest('site_id is required.');
		if (Number(siteId) !== user.site_id) throw badRequest(`site_id '${siteId}' does not match the user's site.`, 'invalid_site_id');
		if (membership.status === 'closed') throw badRequest('A closed membership cannot be activated.', 'membership_closed');
		membership.status = 'active';
		if (user.user_status === 'created') user.user_status = 'active';
		user.last_modified_on = dsNow();
		return json({ status: 'OK' });
	}

	return { createUser, createAccountUser, updateProfiles, updateEmails, deleteMemberships, activateMembership };
}

/** Permission profiles, member groups and DS groups (v2.1). */
function createGroupHandlers({ mock, L, V, P }) {
	const { findOrg, orgUsers, membershipIn, openMembershipIn, findAccount, findDsGroup } = L;
	const { dsGroupView } = V;
	const { paged, readPageNumber } = P;
	const S = () => mock.state;

	function listPermissions(req, { organizationId, accountId }) {
		const account = findAccount(findOrg(organizationId), accountId);
		return json({ permissions: account.permission_profiles.map(({ id, name }) => ({ id, name })) });
	}

	function listGroups(req, { organizationId, accountId }) {
		const account = findAccount(findOrg(organizationId), accountId);
		const { page, paging } = paged(account.groups, req);
		return json({ groups: page.map(({ id, name, type }) => ({ id, name, type })), paging });
	}

	const dsGroupsIn = (account) => S().dsGroups.filter((g) => g.account_id === account.id);
	const dsContext = ({ organizationId, accountId, dsGroupId }) => {
		const org = findOrg(organizationId);
		const account = findAccount(org, accountId);
		return { org, account, group: dsGroupId ? findDsGroup(account, dsGroupId) : undefined };
	};

	function listDsGroups(req, params) {
		const { account } = dsContext(params);
		const { page, pageSize, slice } = readPageNumber(req.query);
		const groups = dsGroupsIn(account);
		return json({ page, page_size: pageSize, total_count: groups.length, account_id: account.id, ds_groups: slice(groups).map(dsGroupView) });
	}

	function createDsGroup(req, params) {
		const { account } = dsContext(params);
		const { group_name: name, description } = requireObject(req.body);
		if (typeof name !== 'string' || !name.trim()) throw badRequest('group_name is required.');
		if (dsGroupsIn(account).some((g) => lower(g.group_name) === lower(name))) {
			throw badRequest(`A group named '${name}' already exists.`, 'group_already_exists');
		}
		const group = {
			ds_group_id: crypto.randomUUID(), account_id: account.id, group_id: String(40000000 + S().dsGroups.length + 100),
			group_name: name.trim(), description: description ?? '', is_admin: false, user_ids: [], source_product_name: 'eSignature',
			last_modified_on: dsNow(), is_managed_by_scim: false,
		};
		S().dsGroups.push(group);
		return json(dsGroupView(group));
	}

	const getDsGroup = (req, params) => json(dsGroupView(dsContext(params).group));

	function deleteDsGroup(req, params) {
		const { group } = dsContext(params);
		S().dsGroups.splice(S().dsGroups.indexOf(group), 1);
		return empty(204); // section 1.3: the only 204 of the Admin API
	}

	function dsGroupUserView(user, account, errorDetails) {
		return compact({
			user_id: user?.id, account_id: account.id, user_name: user?.user_name, first_name: user?.first_name, last_name: user?.last_name,
			status: user ? membershipIn(user, account.id)?.status : undefined, error_details: errorDetails,
		});
	}

	function listDsGroupUsers(req, params) {
		const { org, account, group } = dsContext(params);
		const { page, pageSize, slice } = readPageNumber(req.query);
		const users = group.user_ids.map((id) => orgUsers(org).find((u) => u.id === id)).filter(Boolean);
		// Spec: DSGroupAndUsersResponse {group, group_users: DSGroupUsersResponse}.
		return json({
			group: dsGroupView(group),
			group_users: { page, page_size: pageSize, total_count: users.length, users: slice(users).map((u) => dsGroupUserView(u, account)) },
		});
	}

	function addDsGroupUsers(req, params) {
		const { org, account, group } = dsContext(params);
		const { user_ids: ids } = requireObject(req.body);
		if (!Array.isArray(ids) || ids.length === 0) throw badRequest('user_ids is required.');
		const users = ids.map((id) => {
			const user = orgUsers(org).find((u) => sameId(u.id, id));
			if (!user || !openMembershipIn(user, account.id)) {
				const errorDetails = { error: 'user_not_found', error_description: `User '${id}' is not a member of the account.` };
				return { user_id: id, account_id: account.id, error_details: errorDetails };
			}
			if (!group.user_ids.includes(user.id)) group.user_ids.push(user.id);
			return dsGroupUserView(user, account);
		});
		group.last_modified_on = dsNow();
		// Spec: AddDSGroupAndUsersResponse {group, group_users: {is_success, TotalCount, users}}; "TotalCount" casing per section 1.4.
		return json({
			group: dsGroupView(group),
			group_users: { is_success: users.every((u) => !u.error_details), TotalCount: users.length, users },
		});
	}

	function removeDsGroupUsers(req, params) {
		const { org, account, group } = dsContext(params);
		const { user_ids: ids, user_emails: emails } = requireObject(req.body);
		// Section 1.3: if both ids and emails are given, emails are ignored.
		const byId = Array.isArray(ids) && ids.length > 0;
		const keys = byId ? ids : Array.isArray(emails) ? emails : [];
		if (keys.length === 0) throw badRequest('user_ids or user_emails is required.');
		const failed = [];
		for (const key of keys) {
			const user = orgUsers(org).find((u) => (byId ? sameId(u.id, key) : lower(u.email) === lower(key)));
			if (user && group.user_ids.includes(user.id)) {
				group.user_ids = group.user_ids.filter((id) => id !== user.id);
				continue;
			}
			failed.push(dsGroupUserView(user, account, { error: 'user_not_in_group', error_description: `'${key}' is not a member of the group.` }));
		}
		group.last_modified_on = dsNow();
		return json({ is_success: failed.length === 0, failed_users: failed });
	}

	return {
		listPermissions, listGroups, listDsGroups, createDsGroup, getDsGroup, deleteDsGroup, listDsGroupUsers, addDsGroupUsers,
		removeDsGroupUsers,
	};
}

function createAdmin(mock, oauth, options) {
	const L = createLookups(mock, oauth);
	const ctx = { mock, L, V: createViews(mock, L), P: createPaging(mock, options) };
	return { ...createReadHandlers(ctx), ...createUserWriteHandlers(ctx), ...createGroupHandlers(ctx) };
}

// Per-endpoint scopes of section 1.3, enforced only with { enforceScopes: true }.
const SCOPES = {
	listOrganizations: 'organization_read', listUsers: 'user_read', userProfile: 'user_read', userDsProfile: 'user_read',
	createUser: 'user_write', createAccountUser: 'user_write', updateProfiles: 'user_write', updateEmails: 'user_write',
	deleteMemberships: 'user_write', activateMembership: 'user_write', listPermissions: 'permission_read', listGroups: 'group_read',
	listDsGroups: 'user_read', listDsGroupUsers: 'user_read', addDsGroupUsers: 'user_write', removeDsGroupUsers: 'user_write',
};

function withScopes(mock, oauth, admin) {
	return Object.fromEntries(Object.entries(admin).map(([name, handler]) => [name, (req, params) => {
		const scope = SCOPES[name];
		const granted = oauth.tokenOfRequest(req)?.scopes ?? [];
		if (mock.enforceScopes && scope && !granted.includes(scope)) {
			throw dsError(403, 'insufficient_scope', `The access token lacks the '${scope}' scope.`);
		}
		return handler(req, params);
	}]));
}

function buildRouter(oauth, a) {
	const v2 = '/management/v2/organizations/:organizationId';
	const v21 = '/management/v2.1/organizations/:organizationId';
	const ds = `${v21}/accounts/:accountId/dsgroups`;
	return createRouter()
		.post('/oauth/token', oauth.token)
		.get('/oauth/userinfo', oauth.userinfo)
		.get('/oauth/auth', oauth.consentPage)
		.get('/management/v2/organizations', a.listOrganizations)
		.get(`${v2}/users`, a.listUsers)
		.post(`${v2}/users`, a.createUser)
		.get(`${v2}/users/profile`, a.userProfile)
		.post(`${v2}/users/profiles`, a.updateProfiles)
		.post(`${v2}/users/email_addresses`, a.updateEmails)
		.delete(`${v2}/users/:userId/accounts`, a.deleteMemberships)
		.post(`${v2}/users/:userId/memberships/:membershipId`, a.activateMembership)
		.post(`${v2}/accounts/:accountId/users`, a.createAccountUser)
		.get(`${v2}/accounts/:accountId/permissions`, a.listPermissions)
		.get(`${v2}/accounts/:accountId/groups`, a.listGroups)
		.get(`${v21}/users/dsprofile`, a.userDsProfile)
		.get(`${v21}/users/:userId/dsprofile`, a.userDsProfile)
		.get(ds, a.listDsGroups)
		.post(ds, a.createDsGroup)
		.get(`${ds}/:dsGroupId`, a.getDsGroup)
		.delete(`${ds}/:dsGroupId`, a.deleteDsGroup)
		.get(`${ds}/:dsGroupId/users`, a.listDsGroupUsers)
		.post(`${ds}/:dsGroupId/users`, a.addDsGroupUsers)
		.delete(`${ds}/:dsGroupId/users`, a.removeDsGroupUsers);
}

// ================================================================ server

function resolveKeys(publicKeyPem, privateKeyPem) {
	if (publicKeyPem) return { publicKeyPem, privateKeyPem };
	if (privateKeyPem) return { privateKeyPem, publicKeyPem: crypto.createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }) };
	const pair = crypto.generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
	});
	return { publicKeyPem: pair.publicKey, privateKeyPem: pair.privateKey };
}

/**
 * @param {object} [options]
 * @param {string} [options.integrationKey] expected JWT "iss" (default DOCUSIGN_IDS.integrationKey)
 * @param {string} [options.userId] GUID of the seeded org admin to impersonate (default DOCUSIGN_IDS.adminUserId)
 * @param {string} [options.publicKeyPem] RSA public key (or certificate) verifying assertions; generated when omitted
 * @param {string} [options.privateKeyPem] optional; lets mock.createAssertion sign without passing a key
 * @param {boolean|string[]} [options.consented=true] true, false, or the user GUIDs that granted consent
 * @param {number} [options.port=0]
 * @param {object|function} [options.seed] replaces defaultSeed(); a function receives { organizationCount, adminUserId }
 * @param {number} [options.organizationCount=1] 1 or 2 seeded organizations
 * @param {object} [options.rateLimit] { limit, remaining, reset, burstLimit, burstRemaining } headers on Admin API responses
 * @param {number} [options.tokenExpiresIn=3600] expires_in of issued tokens (UNCONFIRMED value)
 * @param {number|null} [options.maxAssertionLifetime=3600] max exp - iat (UNCONFIRMED rule; null disables)
 * @param {number} [options.clockSkewSeconds=60]
 * @param {string[]} [options.audiences] accepted "aud" values (default [mock.oauthHost])
 * @param {boolean} [options.enforceScopes=false] check section 1.3 per-endpoint scopes (403 insufficient_scope)
 * @param {number} [options.dsGroupPageBase=1] first page number of the DS group "page" parameter (UNCONFIRMED)
 * @param {string} [options.clientSecret] secret of the integration key for the code and refresh grants
 * @param {boolean} [options.rotateRefreshTokens=true] a refresh grant returns a new refresh token and revokes the old one
 * @param {number} [options.maxTake] largest `take` served by start/take lists (users, groups); larger asks are capped
 * @param {number} [options.maxPageSize] largest `page_size` served by DS group lists; larger asks are capped
 * @param {string} [options.hmacSecretShape='keyId'] answer to POST connect/secret: 'keyId' {keyId, secretKey}, 'secrets' {secrets:[key]}, 'none' {}
 */
async function startDocuSignMock({
	integrationKey = DOCUSIGN_IDS.integrationKey,
	userId = DOCUSIGN_IDS.adminUserId,
	publicKeyPem,
	privateKeyPem,
	consented = true,
	port = 0,
	seed,
	organizationCount = 1,
	rateLimit = null,
	tokenExpiresIn = 3600,
	maxAssertionLifetime = 3600,
	clockSkewSeconds = 60,
	audiences,
	enforceScopes = false,
	dsGroupPageBase = 1,
	clientSecret = 'mock-ds-client-secret',
	rotateRefreshTokens = true,
	maxTake = null,
	maxPageSize = null,
	hmacSecretShape = 'keyId',
} = {}) {
	const keys = resolveKeys(publicKeyPem, privateKeyPem);
	const seedOptions = { organizationCount, adminUserId: userId };
	const mock = await startMockServer({
		port,
		setup: (m) => {
			const oauth = createOAuth(m);
			// eSignature Connect (section 1.7) under /restapi: base_uri in /oauth/userinfo is the mock's URL.
			const connect = createConnect(m, oauth, { hmacSecretShape });
			Object.assign(m, { issueCodeGrantTokens: oauth.issueCodeGrantTokens, issueAuthorizationCode: oauth.issueAuthorizationCode }, connect.api);
			return {
				router: connect.addRoutes(buildRouter(oauth, withScopes(m, oauth, createAdmin(m, oauth, { dsGroupPageBase })))),
				authenticate: (req) => (isESignaturePath(req.path) ? connect.authenticate(req) : oauth.authenticate(req)),
				responseHeaders: (req) => (isAdminPath(req.path) ? rateLimitHeaders(m.rateLimit) : {}),
			};
		},
		errorBody,
		reseed: (m) => {
			m.state = buildState(seed, seedOptions);
			m.state.connect = freshConnectState();
			if (m.tokenRequests) m.tokenRequests.length = 0;
		},
	});
	Object.assign(mock, {
		integrationKey,
		userId,
		publicKeyPem: keys.publicKeyPem,
		privateKeyPem: keys.privateKeyPem,
		publicKey: crypto.createPublicKey(keys.publicKeyPem),
		consented,
		rateLimit,
		enforceScopes,
		jwtOptions: { tokenExpiresIn, maxAssertionLifetime, clockSkewSeconds },
		oauthHost: `127.0.0.1:${mock.port}`,
		adminBaseUrl: `${mock.url}/management`,
		tokenRequests: [],
		issuedTokens: [],
		oauthClients: { [integrationKey]: clientSecret },
		clientAuthMethods: ['basic'],
		rotateRefreshTokens,
		maxTake,
		maxPageSize,
		refreshTokens: [],
		authorizationCodes: [],
		ids: DOCUSIGN_IDS,
		expireTokens() {
			mock.issuedTokens.forEach((t) => (t.revoked = true));
			return mock;
		},
		/** A valid, signed JWT-grant assertion; `overrides` replace claims (undefined removes one). */
		createAssertion(overrides = {}, { privateKeyPem: key = mock.privateKeyPem, header } = {}) {
			const iat = Math.floor(Date.now() / 1000);
			const claims = compact({
				iss: mock.integrationKey, sub: mock.userId, aud: mock.oauthHost, iat, exp: iat + 3600,
				scope: 'signature impersonation organization_read user_read user_write account_read group_read permission_read',
				...overrides,
			});
			return signJwt(key, claims, header);
		},
	});
	mock.audiences = audiences || [mock.oauthHost];
	return mock;
}

module.exports = { startDocuSignMock, defaultSeed, signJwt, DOCUSIGN_IDS, HOURLY_LIMIT_ERROR };
