'use strict';
// PandaDoc mock: members, users, workspaces, workspace members, document ownership and OAuth 2.0, following
// /work/shared/reference/vendor-apis.md section 4. See README.md in this folder for options, state and the
// choices made where the reference is silent.

const crypto = require('node:crypto');
const { startMockServer, createRouter, json, empty, httpError, ciQuery } = require('./common');
const { createWebhooks } = require('./pandadoc-webhooks');

const ROLES = ['Admin', 'Manager', 'Member', 'Collaborator'];
const LICENSES = ['Full', 'eSign', 'Read-only', 'Creator', 'Guest'];
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const pad = (n) => String(n).padStart(4, '0');

const PANDADOC_IDS = {
	mainWorkspaceId: 'ws-main-0001',
	salesWorkspaceId: 'ws-sales-0002',
	userId: (n) => `pd-user-${pad(n)}`,
	membershipId: (n, workspace = 'main') => `pd-mbr-${workspace}-${pad(n)}`,
	/** The user whose API key and OAuth tokens the mock issues: Admin of both workspaces. */
	adminUserId: 'pd-user-0001',
	adminMembershipId: 'pd-mbr-main-0001',
};

// ---------------------------------------------------------------- seed

const PEOPLE = [
	['Ada', 'Admin'], ['Ben', 'Brooks'], ['Cleo', 'Carter'], ['Dev', 'Desai'], ['Eli', 'Evans'], ['Fay', 'Fischer'],
	['Gus', 'Grant'], ['Hana', 'Hill'], ['Ivo', 'Ito'], ['Jade', 'Jensen'], ['Kai', 'King'], ['Lena', 'Lopez'],
];
const SEED_DAY = Date.parse('2024-03-01T09:00:00.000Z');
const at = (n) => new Date(SEED_DAY + n * 86_400_000).toISOString().replace('Z', '000Z'); // microseconds, as Django writes them

function seedUser(n, first, last) {
	return {
		user_id: PANDADOC_IDS.userId(n),
		email: `${first}.${last}@example.com`.toLowerCase(),
		first_name: first,
		last_name: last,
		phone_number: '',
		license: n === 8 || n === 9 ? 'eSign' : 'Full',
		is_organization_owner: n === 1,
		emails_verified: true,
		date_created: at(n),
		date_modified: at(n + 30),
	};
}

function seedMembership(n, workspace, role, isActive = true) {
	const workspaceId = workspace === 'main' ? PANDADOC_IDS.mainWorkspaceId : PANDADOC_IDS.salesWorkspaceId;
	return {
		membership_id: PANDADOC_IDS.membershipId(n, workspace),
		user_id: PANDADOC_IDS.userId(n),
		workspace_id: workspaceId,
		role,
		is_active: isActive,
		date_created: at(n),
		date_modified: at(n + 30),
	};
}

/**
 * Users 1–9 and 12 are members of the main workspace (1 Admin, 2 Manager, 3–7 Member, 8 Collaborator,
 * 9 an inactive Collaborator); 1, 10, 11 and 12 of the sales workspace. Users 3 and 12 own documents.
 * `bulk` adds that many more Members of the main workspace (users 101…), for audits.
 */
function defaultSeed({ bulk = 0 } = {}) {
	const users = PEOPLE.map(([first, last], i) => seedUser(i + 1, first, last));
	const role = (n) => (n === 1 ? 'Admin' : n === 2 ? 'Manager' : n >= 8 && n <= 9 ? 'Collaborator' : 'Member');
	const memberships = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map((n) => seedMembership(n, 'main', role(n), n !== 9));
	memberships.push(...[1, 10, 11, 12].map((n) => seedMembership(n, 'sales', n === 1 ? 'Admin' : 'Member')));
	for (let k = 1; k <= bulk; k++) {
		const n = 100 + k;
		users.push(seedUser(n, 'Bulk', `User${k}`));
		memberships.push(seedMembership(n, 'main', 'Member'));
	}
	const doc = (id, owner) => ({ id: `doc-${id}`, name: `Contract ${id}`, owner });
	return {
		workspaces: [
			{ id: PANDADOC_IDS.mainWorkspaceId, name: 'Acme', date_created: at(0), owner: PANDADOC_IDS.adminUserId, active: true },
			{ id: PANDADOC_IDS.salesWorkspaceId, name: 'Acme Sales', date_created: at(1), owner: PANDADOC_IDS.adminUserId, active: true },
		],
		users,
		memberships,
		documents: [
			doc(1, PANDADOC_IDS.membershipId(3)),
			doc(2, PANDADOC_IDS.membershipId(3)),
			doc(3, PANDADOC_IDS.membershipId(3)),
			doc(4, PANDADOC_IDS.membershipId(12)),
			doc(5, PANDADOC_IDS.membershipId(12, 'sales')),
			doc(6, PANDADOC_IDS.membershipId(2)),
		],
	};
}

function buildState(seed) {
	const base = typeof seed === 'function' ? seed() : seed || defaultSeed();
	return {
		...structuredClone(base),
		/** Every change in order: { type: 'transfer' | 'remove' | 'add' | 'role' | 'createUser' | …, …, at }. */
		log: [],
		/** Webhook subscriptions (section 4.4), as Items with their `shared_key`. */
		webhookSubscriptions: [],
	};
}

// ---------------------------------------------------------------- errors

/** Section 4.3: `{"type": "<string>", "detail": <string|object>}`. */
const pdError = (status, type, detail) => httpError(status, { type, detail });
const badRequest = (detail) => pdError(400, 'request_error', detail);
const notFound = (detail = 'Not found.') => pdError(404, 'not_found', detail);

function errorBody(status, message) {
	if (status === 429) return { type: 'request_throttled', detail: 'Request was throttled. Expected available in 60 seconds.' };
	if (status === 401) return { type: 'authentication_error', detail: 'Authentication credentials were not provided.' };
	return { type: status >= 500 ? 'server_error' : 'request_error', detail: message || 'Error' };
}

const boolParam = (value) => String(value ?? '').toLowerCase() === 'true';

// ---------------------------------------------------------------- API (section 4.3)

function createApi(mock) {
	const state = () => mock.state;
	const now = () => new Date().toISOString().replace('Z', '000Z');
	const log = (type, details) => state().log.push({ type, ...details, at: Date.now() });

	const workspace = (id) => state().workspaces.find((w) => w.id === id && w.active);
	const userOf = (id) => state().users.find((u) => u.user_id === id);
	const live = (m) => !m.removed;
	const membershipsOf = (userId) => state().memberships.filter((m) => m.user_id === userId && live(m));
	const findMembership = (id) => state().memberships.find((m) => m.membership_id === id && live(m));
	/** The membership the API key or token acts as; its workspace scopes the members endpoints. */
	const current = () => findMembership(mock.currentMembershipId);

	function memberDetails(m) {
		const u = userOf(m.user_id);
		return {
			user_id: u.user_id,
			membership_id: m.membership_id,
			email: u.email,
			first_name: u.first_name,
			last_name: u.last_name,
			is_active: m.is_active,
			workspace: m.workspace_id,
			workspace_name: state().workspaces.find((w) => w.id === m.workspace_id)?.name ?? null,
			emails_verified: u.emails_verified,
			role: m.role,
			user_license: u.license,
			date_created: m.date_created,
			date_modified: m.date_modified,
		};
	}

	function readRole(value) {
		if (!ROLES.includes(value)) throw badRequest({ role: [`"${value}" is not a valid choice.`] });
		return value;
	}

	/** count + page (1-based); `maxCount` caps what one page serves. */
	function page(list, query) {
		const count = Math.min(Number(ciQuery(query, 'count') ?? 50), mock.maxCount);
		const pageNo = Number(ciQuery(query, 'page') ?? 1);
		if (!Number.isInteger(count) || count < 1) throw badRequest({ count: ['A valid integer is required.'] });
		if (!Number.isInteger(pageNo) || pageNo < 1) throw badRequest({ page: ['A valid integer is required.'] });
		return { total: list.length, results: list.slice((pageNo - 1) * count, pageNo * count) };
	}

	// ------------------------------------------------------------ members

	const inCurrentWorkspace = (m) => m.workspace_id === current().workspace_id;

	const listMembers = () => json({ results: state().memberships.filter((m) => live(m) && inCurrentWorkspace(m)).map(memberDetails) });
	const getCurrent = () => json(memberDetails(current()));

	function memberInCurrentWorkspace(id) {
		const m = findMembership(id);
		if (!m || !inCurrentWorkspace(m)) throw notFound('Member not found.');
		return m;
	}

	const getMember = (req, { id }) => json(memberDetails(memberInCurrentWorkspace(id)));

	/** Seed 004 only; `mock.memberPatch = false` makes it answer 405 as a server without it would. */
	function patchMember(req, { id }) {
		if (!mock.memberPatch) throw pdError(405, 'method_not_allowed', 'Method "PATCH" not allowed.');
		const m = memberInCurrentWorkspace(id);
		m.role = readRole(req.body?.role);
		m.date_modified = now();
		log('role', { membershipId: m.membership_id, role: m.role });
		return json(memberDetails(m));
	}

	// ------------------------------------------------------------ users

	function createUser(req) {
		const body = req.body ?? {};
		const user = body.user ?? {};
		const email = String(user.email ?? '').trim();
		if (!EMAIL_RE.test(email)) throw badRequest({ user: { email: ['Enter a valid email address.'] } });
		if (state().users.some((u) => u.email.toLowerCase() === email.toLowerCase())) {
			throw badRequest(`User with email ${email} already exists.`);
		}
		const workspaces = Array.isArray(body.workspaces) ? body.workspaces : [];
		if (!workspaces.length) throw badRequest({ workspaces: ['This field is required.'] });
		for (const entry of workspaces) {
			if (!workspace(entry?.workspace_id)) throw notFound(`Workspace ${entry?.workspace_id} not found.`);
			readRole(entry.role);
		}
		if (body.license !== undefined && !LICENSES.includes(body.license)) throw badRequest({ license: [`"${body.license}" is not a valid choice.`] });
		const created = {
			user_id: `pd-user-${crypto.randomUUID().slice(0, 8)}`,
			email,
			first_name: user.first_name ?? '',
			last_name: user.last_name ?? '',
			phone_number: user.phone_number ?? '',
			license: body.license ?? 'Full',
			is_organization_owner: false,
			emails_verified: false,
			date_created: now(),
			date_modified: now(),
		};
		state().users.push(created);
		const memberships = workspaces.map((entry) => addMembership(created.user_id, entry.workspace_id, entry.role));
		log('createUser', { userId: created.user_id, email, notifyUser: boolParam(req.query.notify_user), notifyWsAdmins: boolParam(req.query.notify_ws_admins) });
		return json(
			{ user_id: created.user_id, workspaces: memberships.map((m) => ({ workspace_id: m.workspace_id, role: m.role, member_id: m.membership_id })) },
			201,
		);
	}

	function userRecord(u) {
		return {
			user_id: u.user_id,
			email: u.email,
			first_name: u.first_name,
			last_name: u.last_name,
			phone_number: u.phone_number,
			license: u.license,
			is_organization_owner: u.is_organization_owner,
			workspaces: membershipsOf(u.user_id).map((m) => ({ role: m.role, workspace_id: m.workspace_id, membership_id: m.membership_id })),
		};
	}

	function listUsers(req) {
		// A user left with no workspace is "removed": listed only with show_removed=true.
		const showRemoved = boolParam(ciQuery(req.query, 'show_removed'));
		const users = state().users.filter((u) => showRemoved || membershipsOf(u.user_id).length > 0);
		const { total, results } = page(users, req.query);
		return json({ total, results: results.map(userRecord) });
	}

	// ------------------------------------------------------------ workspaces

	function createWorkspace(req) {
		const name = String(req.body?.name ?? '').trim();
		if (!name) throw badRequest({ name: ['This field is required.'] });
		const created = { id: `ws-${crypto.randomUUID().slice(0, 8)}`, name, date_created: now(), owner: current().user_id, active: true };
		state().workspaces.push(created);
		addMembership(current().user_id, created.id, 'Admin');
		log('createWorkspace', { workspaceId: created.id, name });
		return json({ id: created.id, name }, 201);
	}

	function listWorkspaces(req) {
		const { total, results } = page(state().workspaces.filter((w) => w.active), req.query);
		return json({ total, results: results.map(({ id, name, date_created, owner }) => ({ id, name, date_created, owner })) });
	}

	function deactivateWorkspace(req, { workspaceId }) {
		const found = state().workspaces.find((w) => w.id === workspaceId);
		if (!found) throw notFound('Workspace not found.');
		found.active = false;
		log('deactivateWorkspace', { workspaceId });
		return empty(200);
	}

	// ------------------------------------------------------------ workspace members

	function addMembership(userId, workspaceId, role) {
		const m = {
			membership_id: `pd-mbr-${crypto.randomUUID().slice(0, 8)}`,
			user_id: userId,
			workspace_id: workspaceId,
			role,
			is_active: true,
			date_created: now(),
			date_modified: now(),
		};
		state().memberships.push(m);
		return m;
	}

	function addMember(req, { workspaceId }) {
		if (!workspace(workspaceId)) throw notFound('Workspace not found.');
		const userId = req.body?.user_id;
		if (!userId) throw badRequest({ user_id: ['This field is required.'] });
		const user = userOf(userId);
		if (!user) throw notFound('User not found.');
		const role = readRole(req.body.role);
		if (membershipsOf(userId).some((m) => m.workspace_id === workspaceId)) throw badRequest('User is already a member of this workspace.');
		const m = addMembership(userId, workspaceId, role);
		log('add', { userId, workspaceId, membershipId: m.membership_id, role });
		const { email, first_name, last_name } = user;
		return json({ member_id: m.membership_id, workspace_id: workspaceId, role, email, first_name, last_name }, 201);
	}

	function removeMember(req, { workspaceId, memberId }) {
		if (!workspace(workspaceId)) throw notFound('Workspace not found.');
		const m = findMembership(memberId);
		if (!m || m.workspace_id !== workspaceId) throw notFound('Member not found.');
		if (m.membership_id === mock.currentMembershipId) throw badRequest('You cannot remove yourself from the workspace.');
		m.removed = true;
		const orphaned = state().documents.filter((d) => d.owner === memberId).map((d) => d.id);
		log('remove', { workspaceId, membershipId: memberId, orphanedDocuments: orphaned });
		return empty(204);
	}

	// ------------------------------------------------------------ document ownership

	function transferOwnership(req) {
		const from = req.body?.from_membership_id;
		const to = req.body?.to_membership_id;
		const missing = Object.fromEntries(
			Object.entries({ from_membership_id: from, to_membership_id: to }).filter(([, v]) => !v).map(([k]) => [k, ['This field is required.']]),
		);
		if (Object.keys(missing).length) throw badRequest(missing);
		const source = findMembership(from);
		const target = findMembership(to);
		if (!source) throw notFound(`Member ${from} not found.`);
		if (!target) throw notFound(`Member ${to} not found.`);
		if (from === to) throw badRequest('The source and target members must differ.');
		if (source.workspace_id !== target.workspace_id) throw badRequest('Both members must belong to the same workspace.');
		if (!target.is_active) throw badRequest('Documents can only be transferred to an active member.');
		const moved = state().documents.filter((d) => d.owner === from);
		for (const d of moved) d.owner = to;
		log('transfer', { from, to, silent: req.body.silent ?? null, documents: moved.map((d) => d.id) });
		return empty(204);
	}

	return {
		listMembers, getCurrent, getMember, patchMember, createUser, listUsers, createWorkspace, listWorkspaces, deactivateWorkspace,
		addMember, removeMember, transferOwnership,
	};
}

// ---------------------------------------------------------------- rate limits (section 4.3)

/**
 * Per endpoint (method + route), a sliding window of `limit` requests per `windowMs` (the reference: 10 a minute
 * for a sandbox key, 100 for production). A refused request does not count. The 429 body says when a slot frees,
 * in whole seconds rounded up; `retryAfterHeader` also sends it as Retry-After (both UNCONFIRMED, section 4.3).
 */
function throttle(mock, key, handler) {
	return (req, params) => {
		const limit = mock.rateLimit;
		const now = Date.now();
		if (limit) {
			const sent = (mock.windows[key] ??= []).filter((t) => t > now - limit.windowMs);
			mock.windows[key] = sent;
			if (sent.length >= limit.limit) {
				const seconds = Math.ceil((sent[0] + limit.windowMs - now) / 1000);
				mock.throttled.push({ key, method: req.method, path: req.path, query: req.query, at: now, availableAt: sent[0] + limit.windowMs });
				const headers = limit.retryAfterHeader ? { 'Retry-After': String(seconds) } : {};
				throw httpError(429, { type: 'request_throttled', detail: `Request was throttled. Expected available in ${seconds} seconds.` }, headers);
			}
			sent.push(now);
		}
		return handler(req, params);
	};
}

function buildRouter(mock, api, oauth, webhooks) {
	const router = createRouter();
	const route = (method, pattern, handler) => router[method.toLowerCase()](pattern, throttle(mock, `${method} ${pattern}`, handler));
	route('GET', '/public/v1/members', api.listMembers);
	route('GET', '/public/v1/members/current', api.getCurrent);
	route('GET', '/public/v1/members/:id', api.getMember);
	route('PATCH', '/public/v1/members/:id', api.patchMember);
	route('POST', '/public/v1/users', api.createUser);
	route('GET', '/public/v1/users', api.listUsers);
	route('POST', '/public/v1/workspaces', api.createWorkspace);
	route('GET', '/public/v1/workspaces', api.listWorkspaces);
	route('POST', '/public/v1/workspaces/:workspaceId/deactivate', api.deactivateWorkspace);
	route('POST', '/public/v1/workspaces/:workspaceId/members', api.addMember);
	route('DELETE', '/public/v1/workspaces/:workspaceId/members/:memberId', api.removeMember);
	route('PATCH', '/public/v1/documents/ownership', api.transferOwnership);
	webhooks.addRoutes(route);
	router.post('/oauth2/access_token', oauth.token);
	router.get('/oauth2/authorize', oauth.consentPage);
	return router;
}

// ---------------------------------------------------------------- OAuth 2.0 (section 4.2)

function createOAuth(mock) {
	const randomToken = (prefix) => `${prefix}-${crypto.randomBytes(18).toString('base64url')}`;
	const oauthError = (error, description) => httpError(400, description ? { error, error_description: description } : { error });

	/** What a finished consent gives: an access token (1 year, section 4.2) and a refresh token. */
	function issueTokens({ scope = 'read+write' } = {}) {
		const token = { access_token: randomToken('pd-access'), expiresAt: Date.now() + mock.tokenExpiresIn * 1000, revoked: false };
		const refresh = { refresh_token: randomToken('pd-refresh'), revoked: false };
		mock.issuedTokens.push(token);
		mock.refreshTokens.push(refresh);
		return { access_token: token.access_token, token_type: 'Bearer', expires_in: mock.tokenExpiresIn, scope, refresh_token: refresh.refresh_token };
	}

	function issueAuthorizationCode({ redirectUri, scope } = {}) {
		const code = { code: randomToken('pd-code'), redirectUri, scope, used: false };
		mock.authorizationCodes.push(code);
		return code.code;
	}

	/** Client ID and secret in the form body, never an Authorization header (section 4.2). */
	function authenticateClient(req, entry) {
		entry.clientId = req.body.client_id;
		entry.clientAuth = req.headers.authorization ? 'header' : req.body.client_id !== undefined ? 'body' : undefined;
		if (entry.clientAuth !== 'body') throw oauthError('invalid_client', 'client_id and client_secret must be sent in the body');
		if (req.body.client_id !== mock.clientId || req.body.client_secret !== mock.clientSecret) throw oauthError('invalid_client');
	}

	function token(req) {
		const entry = { at: Date.now(), grantType: req.body?.grant_type };
		mock.tokenRequests.push(entry);
		try {
			if (!/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] || '') || typeof req.body !== 'object') {
				throw oauthError('invalid_request', 'the body must be application/x-www-form-urlencoded');
			}
			authenticateClient(req, entry);
			let body;
			if (req.body.grant_type === 'authorization_code') {
				const code = mock.authorizationCodes.find((c) => c.code === req.body.code);
				// Reusing a code gives "invalid grant" (section 4.2).
				if (!code || code.used || (code.redirectUri && code.redirectUri !== req.body.redirect_uri)) throw oauthError('invalid_grant');
				code.used = true;
				body = issueTokens();
			} else if (req.body.grant_type === 'refresh_token') {
				const refresh = mock.refreshTokens.find((t) => t.refresh_token === req.body.refresh_token);
				if (!refresh || refresh.revoked) throw oauthError('invalid_grant');
				if (mock.rotateRefreshTokens) refresh.revoked = true;
				body = issueTokens();
				if (!mock.rotateRefreshTokens) body.refresh_token = refresh.refresh_token;
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
		body: '<!doctype html><html><body><h1>PandaDoc mock consent</h1></body></html>',
	});

	/** `Authorization: API-Key <key>` or `Bearer <token>` (section 4.1) on every /public route. */
	function authenticate(req) {
		if (!req.path.toLowerCase().startsWith('/public/')) return;
		const header = String(req.headers.authorization || '');
		const apiKey = /^API-Key\s+(\S+)$/.exec(header);
		if (apiKey && apiKey[1] === mock.apiKey) return;
		const bearer = /^Bearer\s+(\S+)$/i.exec(header);
		const live = bearer && mock.issuedTokens.find((t) => t.access_token === bearer[1] && !t.revoked && t.expiresAt > Date.now());
		if (live) return;
		throw pdError(401, 'authentication_error', apiKey || bearer ? 'Invalid API key or access token.' : 'Authentication credentials were not provided.');
	}

	return { token, consentPage, authenticate, issueTokens, issueAuthorizationCode };
}

// ---------------------------------------------------------------- server

/**
 * @param {object} [options]
 * @param {string} [options.apiKey='pd-test-key']
 * @param {object|function} [options.seed] replaces the default seed (see defaultSeed)
 * @param {object|null} [options.rateLimit] { limit, windowMs, retryAfterHeader } per endpoint (default 100 a minute)
 * @param {number} [options.maxCount=100] the largest `count` a users or workspaces page serves
 * @param {boolean} [options.memberPatch=true] whether PATCH /public/v1/members/{id} exists (seed 004 only)
 * @param {boolean} [options.webhookHttpsOnly=false] refuse subscription URLs that are not HTTPS, as PandaDoc does (4.4)
 * @param {string} [options.webhookCreateAnswer='item'] 'noSharedKey': the 201 Item of a subscription create lacks `shared_key`
 */
async function startPandaDocMock({
	apiKey = 'pd-test-key',
	port = 0,
	seed,
	rateLimit = { limit: 100, windowMs: 60_000 },
	maxCount = 100,
	memberPatch = true,
	clientId = 'pd-client-id',
	clientSecret = 'pd-client-secret',
	rotateRefreshTokens = true,
	tokenExpiresIn = 31_535_999,
	webhookHttpsOnly = false,
	webhookCreateAnswer = 'item',
} = {}) {
	const mock = await startMockServer({
		port,
		setup: (m) => {
			const oauth = createOAuth(m);
			// Webhook subscriptions (section 4.4) and signed deliveries to their URLs.
			const webhooks = createWebhooks(m);
			Object.assign(m, { issueTokens: oauth.issueTokens, issueAuthorizationCode: oauth.issueAuthorizationCode }, webhooks.api);
			return { router: buildRouter(m, createApi(m), oauth, webhooks), authenticate: oauth.authenticate };
		},
		errorBody,
		reseed: (m) => {
			m.state = buildState(seed);
			m.windows = {};
			m.throttled = [];
			if (m.tokenRequests) m.tokenRequests.length = 0;
		},
	});
	Object.assign(mock, {
		apiKey,
		rateLimit,
		maxCount,
		memberPatch,
		clientId,
		clientSecret,
		rotateRefreshTokens,
		tokenExpiresIn,
		webhookHttpsOnly,
		webhookCreateAnswer,
		currentMembershipId: PANDADOC_IDS.adminMembershipId,
		tokenRequests: [],
		issuedTokens: [],
		refreshTokens: [],
		authorizationCodes: [],
		ids: PANDADOC_IDS,
		/** Every access token issued so far now gets 401; refresh tokens stay valid. */
		expireTokens() {
			mock.issuedTokens.forEach((t) => (t.revoked = true));
			return mock;
		},
	});
	return mock;
}

module.exports = { startPandaDocMock, defaultSeed, PANDADOC_IDS, ROLES, LICENSES };
