'use strict';
// SignNow mock: OAuth (password, refresh, authorization code grants), user, team and organization endpoints,
// following /work/shared/reference/vendor-apis.md section 2 and the seeds it names (team API: seed 002,
// organization users: seed 000). See README.md in this folder for options, state and the choices made where
// the reference is silent or UNCONFIRMED.

const crypto = require('node:crypto');
const { startMockServer, createRouter, json, httpError, paramsToObject } = require('./common');
const { createEvents } = require('./signnow-events');

// ================================================================ ids and seed

/** SignNow ids are 40 hex characters (reference §2.3 `POST /user`, seed 002). */
const hexId = (label) => crypto.createHash('sha1').update(String(label)).digest('hex');

const SIGNNOW_IDS = {
	clientId: 'a3f1c9e2b7d84c6f9e0a1b2c3d4e5f60',
	adminUserId: hexId('user:1'), // ada.admin@example.com: the credential's user, organization admin
	userId: (n) => hexId(`user:${n}`),
	organizationId: hexId('organization:1'),
	teams: {
		sales: hexId('team:sales'), // ada is primary admin
		legal: hexId('team:legal'), // ada is primary admin
		support: hexId('team:support'), // ada is primary admin, alone
		partners: hexId('team:partners'), // ada is a plain member; user 9 is primary admin
		onboarding: hexId('team:onboarding'), // ada has a pending invitation (request 1)
		finance: hexId('team:finance'), // ada has a pending invitation (request 2)
	},
	requests: { onboarding: hexId('request:1'), finance: hexId('request:2') },
};

const ADMIN_PASSWORD = 'Adm1n-pass-7Q!';
const NAMES = [
	'Ada Admin', 'Ben Carter', 'Cleo Diaz', 'Dev Patel', 'Eva Novak', 'Finn Olsen', 'Gia Rossi', 'Hugo Lind', 'Iris Moreau',
	'Jon Berg', 'Kai Tanaka', 'Lena Voss',
];
const SEED_EPOCH = 1704067200; // 2024-01-01T00:00:00Z

function seedUser(n) {
	const [first, last] = NAMES[n - 1].split(' ');
	return {
		id: SIGNNOW_IDS.userId(n),
		email: `${first}.${last}@example.com`.toLowerCase(),
		password: n === 1 ? ADMIN_PASSWORD : `user-${n}-password`,
		first_name: first,
		last_name: last,
		active: n === 12 ? '0' : '1',
		verified: n === 11 ? '0' : '1',
		created: SEED_EPOCH + n * 86400,
	};
}

/** `n` more organization members (no teams), for paging the organization's users. */
const bulkUser = (n) => ({
	id: hexId(`bulk:${n}`),
	email: `bulk${n}@example.com`,
	password: `bulk-${n}-password`,
	first_name: 'Bulk',
	last_name: String(n),
	active: '1',
	verified: '1',
	created: SEED_EPOCH + 400 * 86400 + n,
});

const member = (userId, role, status, extra = {}) => ({ userId, role, status, primary: false, ...extra });

function team(key, name, type, createdDay, members) {
	return { id: SIGNNOW_IDS.teams[key], name, type, active: true, created: SEED_EPOCH + createdDay * 86400, updated: null, members };
}

function defaultSeed({ orgUserCount = 0, extraTeams = 0 } = {}) {
	const u = SIGNNOW_IDS.userId;
	const admin = (id, primary = false) => member(id, 'admin', 'accepted', { primary });
	const users = [...Array.from({ length: 12 }, (_, i) => seedUser(i + 1)), ...Array.from({ length: orgUserCount }, (_, i) => bulkUser(i + 1))];
	const teams = [
		team('sales', 'Sales', 'VIEWABLE', 10, [admin(u(1), true), admin(u(2)), member(u(3), 'member', 'accepted'),
			member(u(4), 'member', 'accepted'), member(u(5), 'member', 'accepted'), member(u(6), 'member', 'pending')]),
		team('legal', 'Legal', 'SHAREABLE', 11, [admin(u(1), true), member(u(7), 'member', 'accepted'), member(u(8), 'member', 'accepted')]),
		team('support', 'Support', 'VIEWABLE', 12, [admin(u(1), true)]),
		team('partners', 'Partners', 'VIEWABLE', 13, [admin(u(9), true), member(u(1), 'member', 'accepted'), member(u(10), 'member', 'accepted')]),
		team('onboarding', 'Onboarding', 'VIEWABLE', 14, [admin(u(10), true), member(u(1), 'member', 'pending')]),
		team('finance', 'Finance', 'VIEWABLE', 15, [admin(u(10), true), member(u(1), 'member', 'pending')]),
	];
	for (let n = 1; n <= extraTeams; n++) {
		teams.push({ id: hexId(`team:extra:${n}`), name: `Team ${n}`, type: 'VIEWABLE', active: true, created: SEED_EPOCH + n, updated: null,
			members: [admin(u(1), true)] });
	}
	const requests = [
		{ id: SIGNNOW_IDS.requests.onboarding, teamId: SIGNNOW_IDS.teams.onboarding, email: seedUser(1).email, status: 'waiting' },
		{ id: SIGNNOW_IDS.requests.finance, teamId: SIGNNOW_IDS.teams.finance, email: seedUser(1).email, status: 'waiting' },
	];
	const organizations = [{
		id: SIGNNOW_IDS.organizationId,
		name: 'Acme Signing',
		created: SEED_EPOCH,
		updated: SEED_EPOCH + 86400,
		adminIds: [u(1)],
		userIds: users.map((x) => x.id),
		teamIds: teams.filter((t) => t.id !== SIGNNOW_IDS.teams.partners).map((t) => t.id),
	}];
	return { users, teams, requests, organizations };
}

function buildState(seed, seedOptions) {
	const base = typeof seed === 'function' ? seed(seedOptions) : seed || defaultSeed(seedOptions);
	return structuredClone({ users: [], teams: [], requests: [], organizations: [], ...base, verificationEmails: [], subscriptions: [] });
}

// ================================================================ errors (reference §2.6)

/** The main error shape: `{"errors":[{"code","message"}]}`. Codes other than 66396 are our choice. */
const snError = (status, code, message) => httpError(status, { errors: [{ code, message }] });
const badRequest = (message, code = 65582) => snError(400, code, message);
const forbidden = (message) => snError(403, 65600, message);
const notFound = (message) => snError(404, 65537, message);
/** An unknown route: `{"404":"Unable to find a route to match the URI: <path>"}` (reference §2.6). */
const noRoute = (path) => httpError(404, { 404: `Unable to find a route to match the URI: ${String(path).replace(/^\/+/, '')}` });

function errorBody(status, message) {
	const route = /^No route for \S+ (.*)$/.exec(message || '');
	if (status === 404 && route) return { 404: `Unable to find a route to match the URI: ${route[1].replace(/^\/+/, '')}` };
	if (status === 429) return { errors: [{ code: 65429, message: 'Too many requests' }] }; // UNCONFIRMED (§2.6)
	return { errors: [{ code: status, message: message || 'Error' }] };
}

// ================================================================ bodies

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const lower = (v) => String(v ?? '').toLowerCase();
const nowSec = () => Math.floor(Date.now() / 1000);
const hex64 = () => crypto.randomBytes(32).toString('hex');

/** Minimal multipart/form-data reader: Postman sends the token form that way (reference §2.2). */
function parseMultipart(raw, contentType) {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType || '')?.[1];
	if (!boundary) return undefined;
	const out = {};
	for (const part of raw.split(`--${boundary}`)) {
		const name = /name="([^"]+)"/i.exec(part)?.[1];
		const split = part.indexOf('\r\n\r\n');
		if (name && split >= 0) out[name] = part.slice(split + 4).replace(/\r\n$/, '');
	}
	return out;
}

/** The token form, urlencoded or multipart; undefined for any other body. */
function tokenForm(req) {
	const type = lower(req.headers['content-type']);
	if (type.startsWith('application/x-www-form-urlencoded')) return paramsToObject(new URLSearchParams(req.rawBody));
	if (type.startsWith('multipart/form-data')) return parseMultipart(req.rawBody, req.headers['content-type']);
	return undefined;
}

// ================================================================ OAuth and route auth (reference §2.2)

function createAuth(mock) {
	function basicClient(req) {
		const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization || '');
		if (!basic) return null;
		const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s);
		return mock.clients[id] !== undefined && mock.clients[id] === secret ? id : undefined;
	}

	/** Token-endpoint errors: their bodies are UNCONFIRMED (§2.2); `tokenErrorStyle` picks the shape. */
	function tokenError(status, kind, message) {
		if (mock.tokenErrorStyle === 'oauth') return httpError(status, { error: kind, error_description: message });
		return snError(status, kind === 'invalid_client' ? 65578 : 65536, kind === 'invalid_client' ? 'invalid_client' : message);
	}

	function issue({ userId, clientId, grantType }) {
		const record = {
			access_token: hex64(),
			refresh_token: hex64(),
			userId,
			clientId,
			grantType,
			issuedAt: nowSec(),
			expires_in: mock.tokenExpiresIn,
			revoked: false,
			refreshUsed: false,
		};
		mock.issuedTokens.push(record);
		return record;
	}

	const tokenBody = (t) => ({
		expires_in: t.expires_in,
		token_type: 'bearer', // lowercase (reference §2.2)
		access_token: t.access_token,
		refresh_token: t.refresh_token,
		scope: '*',
		last_login: 0,
	});

	const userByLogin = (username) => mock.state.users.find((u) => lower(u.email) === lower(username));

	const GRANTS = {
		password(form) {
			const user = userByLogin(form.username);
			if (!user || user.password !== form.password) throw tokenError(400, 'invalid_grant', 'Invalid user credentials');
			if (user.active !== '1') throw tokenError(400, 'invalid_grant', 'user is not active');
			if (user.verified !== '1') throw snError(400, 66396, 'unverified_email'); // [sn-net] UserServiceTest.cs
			return user.id;
		},
		refresh_token(form) {
			// Refresh tokens are single-use (seed 000; reference §2.2 gives the same response shape).
			const found = mock.issuedTokens.find((t) => t.refresh_token === form.refresh_token);
			if (!found || found.refreshUsed) throw tokenError(400, 'invalid_grant', 'Invalid refresh token');
			found.refreshUsed = true;
			return found.userId;
		},
		authorization_code(form) {
			const code = mock.authorizationCodes.find((c) => c.code === form.code);
			if (!code || code.used || (code.redirectUri && code.redirectUri !== form.redirect_uri)) {
				throw tokenError(400, 'invalid_grant', 'Invalid authorization code');
			}
			code.used = true;
			return code.userId;
		},
	};

	/** `POST /oauth2/token`: Basic client auth; form `grant_type=password|refresh_token|authorization_code`. */
	function token(req) {
		const form = tokenForm(req) ?? {};
		const entry = { at: Date.now(), grantType: form.grant_type, username: form.username, encoding: lower(req.headers['content-type']).split(';')[0] };
		mock.tokenRequests.push(entry);
		try {
			const clientId = basicClient(req);
			entry.clientId = clientId;
			if (!clientId) throw tokenError(401, 'invalid_client', 'Client authentication failed');
			const grant = GRANTS[form.grant_type];
			if (!grant) throw tokenError(400, 'unsupported_grant_type', `Unsupported grant type ${form.grant_type ?? ''}`.trim());
			const issued = issue({ userId: grant(form), clientId, grantType: form.grant_type });
			Object.assign(entry, { outcome: 'issued', access_token: issued.access_token, refresh_token: issued.refresh_token });
			return json(tokenBody(issued));
		} catch (err) {
			entry.outcome = err.body?.error ?? err.body?.errors?.[0]?.message ?? 'error';
			throw err;
		}
	}

	function liveToken(req) {
		const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
		const found = bearer && mock.issuedTokens.find((t) => t.access_token === bearer[1]);
		return found && !found.revoked ? found : null;
	}

	/** `GET /oauth2/token`: verify; `expires_in` is a string here (reference §2.2). */
	function verify(req) {
		const live = mock.tokens.get(req);
		return json({ access_token: live.access_token, scope: '*', expires_in: String(live.expires_in), token_type: 'bearer' });
	}

	/** What mints a finished consent: token data for a `signNowOAuth2Api` credential. */
	function issueCodeGrantTokens({ userId = SIGNNOW_IDS.adminUserId, clientId = mock.clientId } = {}) {
		return tokenBody(issue({ userId, clientId, grantType: 'authorization_code' }));
	}

	function issueAuthorizationCode({ userId = SIGNNOW_IDS.adminUserId, redirectUri } = {}) {
		const code = { code: hex64(), userId, redirectUri, used: false };
		mock.authorizationCodes.push(code);
		return code.code;
	}

	/**
	 * Basic-only routes refuse a Bearer token, and every other route refuses Basic (reference §2.2, §2.3), except the
	 * event-subscription routes, whose auth differs by method (§2.5: `events.authenticate`).
	 */
	function authenticate(req) {
		if (req.path === '/oauth2/token' && req.method === 'POST') return;
		if (mock.events?.authenticate(req)) return;
		const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
		if (BASIC_ROUTES.has(route)) {
			if (basicClient(req)) return;
			throw snError(401, 1537, /^Bearer/i.test(req.headers.authorization || '') ? 'This endpoint requires Basic authorization' : 'invalid_client');
		}
		const live = liveToken(req);
		if (!live) {
			throw snError(401, 1537, /^Basic/i.test(req.headers.authorization || '') ? 'This endpoint requires a Bearer access token' : 'invalid_token');
		}
		mock.tokens.set(req, live);
	}

	return { token, verify, authenticate, issueCodeGrantTokens, issueAuthorizationCode, basicClient, liveToken };
}

const BASIC_ROUTES = new Set(['POST /user', 'POST /user/verifyemail', 'PUT /user/email/verify', 'POST /user/forgotpassword']);

// ================================================================ users (reference §2.3)

function createUserHandlers(mock) {
	const S = () => mock.state;
	const me = (req) => S().users.find((u) => u.id === mock.tokens.get(req).userId);

	function teamsOf(user) {
		return S().teams.filter((t) => t.members.some((m) => m.userId === user.id && m.status === 'accepted')).map((t) => ({
			id: t.id,
			team: t.name,
			type: t.type,
			created_since: String(t.created),
			role: t.members.find((m) => m.userId === user.id).role,
			document_count: 0,
			workspace_id: null,
			admins: t.members.filter((m) => m.role === 'admin').map((m) => ({
				id: m.userId, is_secondary: !m.primary, email: emailOf(mock, m), billing: 1, document_access: 1, primary: m.primary,
			})),
		}));
	}

	function organizationOf(user) {
		const org = S().organizations.find((o) => o.userIds.includes(user.id));
		if (!org) return undefined;
		return {
			is_admin: org.adminIds.includes(user.id), is_superadmin: false, is_workspace: false, id: org.id, name: org.name,
			deleted: '0', created: String(org.created), updated: String(org.updated), domains: [], logos: [], active_logo: [],
			teams: S().teams.filter((t) => org.teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
		};
	}

	/** `GET /user`: the token's user (reference §2.3 key list; a subset of the large object). */
	function getUser(req) {
		const user = me(req);
		const organization = organizationOf(user);
		return json({
			id: user.id, first_name: user.first_name, last_name: user.last_name, active: user.active, verified: user.verified,
			type: 1, pro: 0, created: String(user.created), emails: [user.email], primary_email: user.email, subscriptions: [],
			credits: 0, has_atticus_access: false, is_logged_in: true, companies: [], document_count: 0, monthly_document_count: 0,
			lifetime_document_count: 0, teams: teamsOf(user), google_apps: false, facebook_apps: false, microsoft_apps: false,
			status: {}, settings: {}, organization_settings: [], issue_notifications: [], merchant_accounts: [],
			...(organization ? { organization } : {}), locale: 'en',
		});
	}

	/** `POST /user` (Basic): `{email, password, first_name, last_name, number}` → `{id, verified, email}`. */
	function createUser(req) {
		const body = req.body ?? {};
		const email = String(body.email ?? '').trim();
		if (!EMAIL_RE.test(email)) throw badRequest('Email address is not valid');
		if (typeof body.password !== 'string' || body.password.length < 8) throw badRequest('Password must be at least 8 characters');
		if (S().users.some((u) => lower(u.email) === lower(email))) throw badRequest('Email already in use', 65591);
		const user = {
			id: hexId(`created:${email}:${Date.now()}`), email, password: body.password, first_name: String(body.first_name ?? ''),
			last_name: String(body.last_name ?? ''), number: body.number, active: '1', verified: '0', created: nowSec(),
		};
		S().users.push(user);
		return json({ id: user.id, verified: 0, email: user.email });
	}

	/** `PUT /user`: `{first_name, last_name, password, old_password, logout_all}` → `{id, first_name, last_name}`. */
	function updateUser(req) {
		const user = me(req);
		const body = req.body ?? {};
		if (body.password !== undefined) {
			if (body.old_password !== user.password) throw badRequest('The current password is not correct');
			if (String(body.password).length < 8) throw badRequest('Password must be at least 8 characters');
		}
		if (body.first_name !== undefined) user.first_name = String(body.first_name);
		if (body.last_name !== undefined) user.last_name = String(body.last_name);
		if (body.password !== undefined) user.password = String(body.password);
		// Choice: logout_all ends the user's other sessions; the token of this request stays valid.
		if (String(body.logout_all) === 'true') {
			const current = mock.tokens.get(req);
			mock.issuedTokens.filter((t) => t.userId === user.id && t !== current).forEach((t) => (t.revoked = true));
		}
		return json({ id: user.id, first_name: user.first_name, last_name: user.last_name });
	}

	/** `POST /user/verifyemail` (Basic): `{email}` → `{status: "success"}`. */
	function verifyEmail(req) {
		const email = String(req.body?.email ?? '').trim();
		if (!EMAIL_RE.test(email)) throw badRequest('Email address is not valid');
		const user = S().users.find((u) => lower(u.email) === lower(email));
		if (!user) throw notFound('User not found');
		if (user.verified === '1') throw badRequest('User is already verified', 65592);
		S().verificationEmails.push({ email: user.email, at: Date.now() });
		return json({ status: 'success' });
	}

	return { getUser, createUser, updateUser, verifyEmail };
}

/** The address of a team member: the account's email, or the invited one. */
function emailOf(mock, m) {
	return m.email ?? mock.state.users.find((u) => u.id === m.userId)?.email ?? null;
}

// ================================================================ teams (seed 002) and organizations (seed 000)

function createTeamHandlers(mock) {
	const S = () => mock.state;
	const me = (req) => S().users.find((u) => u.id === mock.tokens.get(req).userId);
	const offered = (what, req) => {
		if (!mock.offer[what]) throw noRoute(req.path);
	};

	function findTeam(id) {
		const team = S().teams.find((t) => t.id === id && t.active);
		if (!team) throw notFound('Invalid team_id. Team with the provided ID doesn’t exist.');
		return team;
	}
	const membership = (team, userId) => team.members.find((m) => m.userId === userId && m.status === 'accepted');
	function asMember(req, teamId) {
		const team = findTeam(teamId);
		const m = membership(team, me(req).id);
		if (!m) throw forbidden('User who makes the request is not a member of the requested team');
		return { team, self: m };
	}
	function asAdmin(req, teamId) {
		const found = asMember(req, teamId);
		if (found.self.role !== 'admin') throw forbidden('User is not a team admin');
		return found;
	}
	function asPrimary(req, teamId) {
		const found = asMember(req, teamId);
		if (!found.self.primary) throw forbidden('User is not the primary admin of the team');
		return found;
	}

	function checkName(name) {
		if (typeof name !== 'string') throw badRequest('Value of the "name" parameter is not a string');
		if (!/[\p{L}\p{N}]/u.test(name)) throw badRequest('There is no "name" parameter in the payload or it consists of special characters only');
		if (name.length > 40) throw badRequest('The team name must be 40 characters or fewer');
		return name;
	}

	const memberView = (m) => ({
		id: m.userId,
		emails: [emailOf(mock, m)],
		role: m.role,
		status: m.status,
		can_admin_view: m.role === 'admin',
		...(m.role === 'admin' ? { primary: m.primary, billing: 1, document_access: 1 } : {}),
	});
	const teamView = (t) => ({
		id: t.id, name: t.name, active: t.active, created: String(t.created), updated: t.updated ? String(t.updated) : '', type: t.type,
		members: t.members.map(memberView),
	});

	function createTeam(req) {
		offered('teams', req);
		const body = req.body ?? {};
		const name = checkName(body.name);
		const type = body.type ?? 'VIEWABLE';
		if (!['VIEWABLE', 'SHAREABLE'].includes(type)) throw badRequest('Type of the team is invalid');
		const team = { id: hexId(`team:new:${name}:${Date.now()}:${Math.random()}`), name, type, active: true, created: nowSec(), updated: null,
			members: [member(me(req).id, 'admin', 'accepted', { primary: true })] };
		S().teams.push(team);
		return json({ id: team.id });
	}

	function getTeam(req, { teamId }) {
		offered('teams', req);
		return json(teamView(asMember(req, teamId).team));
	}

	function renameTeam(req, { teamId }) {
		offered('teams', req);
		const { team } = asAdmin(req, teamId);
		team.name = checkName(req.body?.name);
		team.updated = nowSec();
		return json({ id: team.id });
	}

	function deleteTeam(req, { teamId }) {
		offered('teams', req);
		const { team } = asPrimary(req, teamId);
		S().teams.splice(S().teams.indexOf(team), 1);
		return json({ result: 'success' });
	}

	/** `GET /v2/teams`: the token user's teams, `page`/`per_page` (default 15; the cap is our choice). */
	function listTeams(req) {
		offered('teams', req);
		const user = me(req);
		const perPage = Math.min(Number(req.query.per_page ?? 15) || 15, mock.teamsPageCap);
		const page = Math.max(1, Number(req.query.page ?? 1) || 1);
		const mine = S().teams.filter((t) => t.active && membership(t, user.id));
		const data = mine.slice((page - 1) * perPage, page * perPage).map((t) => ({
			id: t.id, active: 1, name: t.name, created: t.created, type: t.type, role: membership(t, user.id).role,
		}));
		const totalPages = Math.max(1, Math.ceil(mine.length / perPage));
		return json({ data, meta: { pagination: { total: mine.length, count: data.length, per_page: perPage, current_page: page, total_pages: totalPages, links: [] } } });
	}

	/** `GET /v2/teams/{id}/admins` (the seed's curl; its heading says `/v2/team/…`: `mock.adminsPath` picks). */
	function listAdmins(req, { teamId }) {
		offered('teams', req);
		const { team } = asMember(req, teamId);
		const data = team.members.filter((m) => m.role === 'admin' && m.status === 'accepted').map((m) => ({
			user_id: m.userId, email: emailOf(mock, m), type: 1, primary: m.primary, updated: team.created, created: team.created,
		}));
		return json({ data });
	}
	const adminsAt = (variant) => (req, params) => {
		if (mock.adminsPath !== variant) throw noRoute(req.path);
		return listAdmins(req, params);
	};

	function invite(req, { teamId }) {
		offered('teams', req);
		const { team } = asMember(req, teamId);
		const emails = req.body?.emails;
		if (!Array.isArray(emails) || emails.length === 0) throw badRequest('Request without body OR Body is not a valid JSON');
		if (emails.some((e) => typeof e !== 'string' || !EMAIL_RE.test(e.trim()))) {
			throw badRequest('One or more value in the "emails" array is invalid (not an email address)');
		}
		const team_requests = emails.map((raw) => {
			const email = raw.trim();
			const request = { id: hexId(`request:${team.id}:${email}:${Date.now()}:${Math.random()}`), teamId: team.id, email, status: 'waiting' };
			S().requests.push(request);
			const account = S().users.find((u) => lower(u.email) === lower(email));
			const existing = team.members.find((m) => lower(emailOf(mock, m)) === lower(email));
			if (!existing) {
				team.members.push(member(account?.id ?? hexId(`invitee:${email}`), 'member', 'pending', account ? {} : { email }));
			}
			return { email, status: 'success', id: request.id };
		});
		return json({ team_requests });
	}

	function findRequest(req, requestId) {
		if (!/^[0-9a-f]{40}$/i.test(requestId)) throw badRequest('Request_id doesn\'t correspond to 40 characters length');
		const request = S().requests.find((r) => r.id === requestId);
		if (!request) throw notFound('Request_id doesn\'t exists in signNow database');
		if (lower(request.email) !== lower(me(req).email)) throw forbidden('User is trying to get someone else’s team invite');
		return request;
	}

	function getRequest(req, { requestId }) {
		offered('teams', req);
		const request = findRequest(req, requestId);
		const team = S().teams.find((t) => t.id === request.teamId);
		return json({ team_name: team?.name ?? null, team_id: request.teamId, request_id: request.id, request_status: request.status });
	}

	function answerRequest(req, { requestId }) {
		offered('teams', req);
		const request = findRequest(req, requestId);
		const accept = req.body?.accept;
		if (typeof accept !== 'boolean') throw badRequest('"accept" body parameter contains invalid value');
		if (request.status !== 'waiting') throw badRequest('User accepts/denies invite which is not pending');
		const team = findTeam(request.teamId);
		const user = me(req);
		const index = team.members.findIndex((m) => m.status === 'pending' && (m.userId === user.id || lower(m.email) === lower(user.email)));
		request.status = accept ? 'accepted' : 'declined';
		if (accept) {
			if (index >= 0) Object.assign(team.members[index], { userId: user.id, status: 'accepted', email: undefined });
			else team.members.push(member(user.id, 'member', 'accepted'));
		} else if (index >= 0) {
			team.members.splice(index, 1);
		}
		return json({ result: 'success' });
	}

	function grantAdmin(req, { teamId }) {
		offered('teams', req);
		const { team } = asAdmin(req, teamId);
		const email = String(req.body?.email ?? '').trim();
		if (!EMAIL_RE.test(email)) throw badRequest('Request without body OR body doesn’t have a valid email address');
		if (!S().users.some((u) => lower(u.email) === lower(email))) throw badRequest('User with provided email address doesn’t exist');
		const target = team.members.find((m) => m.status === 'accepted' && lower(emailOf(mock, m)) === lower(email));
		if (!target) throw badRequest('User with provided email is not a team member');
		target.role = 'admin';
		return json({ result: 'success' });
	}

	function revokeAdmin(req, { teamId, userId }) {
		offered('teams', req);
		const { team, self } = asAdmin(req, teamId);
		const target = team.members.find((m) => m.userId === userId && m.status === 'accepted');
		if (!target || target.role !== 'admin') throw badRequest('Incorrect user_id. User is not a team admin.');
		if (target.primary) throw badRequest('Team admin cannot delete primary admin.');
		if (target === self) throw badRequest('Admin is trying to delete their own admin permissions');
		target.role = 'member';
		return json({ result: 'success' });
	}

	function transferOwnership(req, { teamId, userId }) {
		offered('teams', req);
		const { team, self } = asPrimary(req, teamId);
		const target = membership(team, userId);
		if (!target) throw badRequest('Provided user_id is not of a team member');
		self.primary = false;
		Object.assign(target, { role: 'admin', primary: true });
		return json({ result: 'success' });
	}

	function removeUser(req, { teamId, userId }) {
		offered('teams', req);
		const team = findTeam(teamId);
		const caller = me(req);
		const self = membership(team, caller.id);
		if (!self || (!self.primary && caller.id !== userId)) {
			throw forbidden('Incorrect access_token. access_token must belong to team primary admin or the user being deleted');
		}
		const index = team.members.findIndex((m) => m.userId === userId);
		if (index < 0) throw notFound('Invalid user_id. User with the provided ID doesn’t exist.');
		if (team.members[index].primary) throw badRequest('The primary admin cannot be removed from the team');
		team.members.splice(index, 1);
		return json({ result: 'success' });
	}

	/** `GET /api/v2/organizations` (seed 000; the response shape is our choice: `{data:[{id,name,created,updated}]}`). */
	function listOrganizations(req) {
		offered('organizations', req);
		const user = me(req);
		const data = S().organizations.filter((o) => o.userIds.includes(user.id)).map(({ id, name, created, updated }) => ({ id, name, created, updated }));
		return json({ data });
	}

	/** `GET /api/v2/organizations/{id}/users?per_page&page` (seed 000): `{data, meta:{total,page,per_page}}`. */
	function organizationUsers(req, { organizationId }) {
		offered('organizations', req);
		const org = S().organizations.find((o) => o.id === organizationId);
		if (!org) throw notFound('Organization not found');
		if (!org.adminIds.includes(me(req).id)) throw forbidden('Only organization administrators can list its users');
		const perPage = req.query.per_page === undefined ? 25 : Number(req.query.per_page);
		const page = req.query.page === undefined ? 1 : Number(req.query.page);
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw badRequest('per_page must be between 1 and 100');
		if (!Number.isInteger(page) || page < 1) throw badRequest('page must be 1 or more');
		const users = org.userIds.map((id) => S().users.find((u) => u.id === id)).filter(Boolean);
		const data = users.slice((page - 1) * perPage, page * perPage).map(({ id, email, first_name, last_name }) => ({ id, email, first_name, last_name }));
		return json({ data, meta: { total: users.length, page, per_page: perPage } });
	}

	return {
		createTeam, getTeam, renameTeam, deleteTeam, listTeams, adminsAt, invite, getRequest, answerRequest, grantAdmin, revokeAdmin,
		transferOwnership, removeUser, listOrganizations, organizationUsers,
	};
}

function buildRouter(auth, u, t) {
	return createRouter()
		.post('/oauth2/token', auth.token)
		.get('/oauth2/token', auth.verify)
		.post('/user', u.createUser)
		.get('/user', u.getUser)
		.put('/user', u.updateUser)
		.post('/user/verifyemail', u.verifyEmail)
		.post('/team', t.createTeam)
		.get('/v2/teams', t.listTeams)
		.get('/v2/teams/:teamId/admins', t.adminsAt('teams'))
		.get('/v2/team/:teamId/admins', t.adminsAt('team'))
		.get('/team/:requestId/request', t.getRequest)
		.put('/team/:requestId/request', t.answerRequest)
		.post('/team/:teamId/request', t.invite)
		.post('/team/:teamId/admin', t.grantAdmin)
		.delete('/team/:teamId/admin/:userId', t.revokeAdmin)
		.post('/team/:teamId/transferownership/:userId', t.transferOwnership)
		.delete('/team/:teamId/user/:userId', t.removeUser)
		.get('/team/:teamId', t.getTeam)
		.put('/team/:teamId', t.renameTeam)
		.delete('/team/:teamId', t.deleteTeam)
		.get('/api/v2/organizations', t.listOrganizations)
		.get('/api/v2/organizations/:organizationId/users', t.organizationUsers);
}

// ================================================================ server

/**
 * @param {object} [options]
 * @param {number} [options.port=0]
 * @param {string} [options.clientId] / [options.clientSecret] the app's client credentials (the Basic token)
 * @param {object|function} [options.seed] replaces defaultSeed(); a function receives { orgUserCount, extraTeams }
 * @param {number} [options.orgUserCount=0] more organization members, for paging
 * @param {number} [options.extraTeams=0] more teams of the admin, for paging `GET /v2/teams`
 * @param {number} [options.tokenExpiresIn=2592000] expires_in of issued tokens (30 days, Postman's description)
 * @param {'errors'|'oauth'} [options.tokenErrorStyle='errors'] body of token errors (UNCONFIRMED, §2.2)
 * @param {number} [options.teamsPageCap=100] the largest per_page `GET /v2/teams` serves
 * @param {'teams'|'team'} [options.adminsPath='teams'] which spelling of the team-admins route exists
 * @param {'both'|'basic'|'bearer'} [options.eventsAuth='both'] what GET/PUT/DELETE /api/v2/events accept (§2.5 auth quirk)
 * @param {'empty'|'id'} [options.eventCreateAnswer='empty'] POST /api/v2/events answers {} (fixture) or {id}
 * @param {boolean} [options.listSecretKeys=true] GET /api/v2/events shows json_attributes.secret_key (fixture)
 * @param {'hex'|'base64'} [options.signatureEncoding='hex'] X-SignNow-Signature encoding of deliveries (UNCONFIRMED, §2.5)
 */
async function startSignNowMock({
	port = 0,
	clientId = SIGNNOW_IDS.clientId,
	clientSecret = 'sn-client-secret-5b8e2d71',
	seed,
	orgUserCount = 0,
	extraTeams = 0,
	tokenExpiresIn = 2592000,
	tokenErrorStyle = 'errors',
	teamsPageCap = 100,
	adminsPath = 'teams',
	eventsAuth = 'both',
	eventCreateAnswer = 'empty',
	listSecretKeys = true,
	signatureEncoding = 'hex',
} = {}) {
	const seedOptions = { orgUserCount, extraTeams };
	const mock = await startMockServer({
		port,
		setup: (m) => {
			m.tokens = new WeakMap();
			const auth = createAuth(m);
			// Event subscriptions (§2.5 family A): routes, their auth, and signed deliveries to the callbacks.
			m.events = createEvents(m, auth);
			Object.assign(m, { issueCodeGrantTokens: auth.issueCodeGrantTokens, issueAuthorizationCode: auth.issueAuthorizationCode }, m.events.api);
			return { router: m.events.addRoutes(buildRouter(auth, createUserHandlers(m), createTeamHandlers(m))), authenticate: auth.authenticate };
		},
		errorBody,
		reseed: (m) => {
			m.state = buildState(seed, seedOptions);
			if (m.tokenRequests) m.tokenRequests.length = 0;
			if (m.eventDeliveries) m.eventDeliveries.length = 0;
			m.nextEntityNumber = 1001;
		},
	});
	Object.assign(mock, {
		ids: SIGNNOW_IDS,
		adminEmail: 'ada.admin@example.com',
		adminPassword: ADMIN_PASSWORD,
		clientId,
		clientSecret,
		clients: { [clientId]: clientSecret },
		basicToken: Buffer.from(`${clientId}:${clientSecret}`).toString('base64'),
		tokenExpiresIn,
		tokenErrorStyle,
		teamsPageCap,
		adminsPath,
		eventsAuth,
		eventCreateAnswer,
		listSecretKeys,
		signatureEncoding,
		offer: { teams: true, organizations: true },
		tokenRequests: [],
		issuedTokens: [],
		authorizationCodes: [],
		/** Every issued access token now gets 401; refresh tokens keep their state. */
		expireTokens() {
			mock.issuedTokens.forEach((t) => (t.revoked = true));
			return mock;
		},
	});
	return mock;
}

module.exports = { startSignNowMock, defaultSeed, SIGNNOW_IDS, hexId };
