'use strict';
// BoldSign mock: users and teams API, following ../shared/reference/vendor-apis.md section 3.
// See README.md in this folder for options, state and the choices made where the reference is silent.

const crypto = require('node:crypto');
const {
	startMockServer,
	createRouter,
	json,
	empty,
	httpError,
	ciGet,
	ciQuery,
	ciQueryAll,
	rateLimitHeaders,
} = require('./common');
const { createBoldSignOAuth } = require('./boldsign-oauth');
const { deliver, sign } = require('./webhooks');

const USER_ROLES = ['Admin', 'TeamAdmin', 'Member'];
// teams/get reports roles with their own enum (section 3.3).
const TEAM_USER_ROLE = { Admin: 'AccountAdmin', TeamAdmin: 'TeamAdmin', Member: 'TeamMember' };
const ACTIVE = 'Active';
const PENDING = 'InvitationPending';
const DEACTIVATED = 'Deactivated';
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const id = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const now = () => Math.floor(Date.now() / 1000);

const BOLDSIGN_IDS = {
	defaultTeamId: id('b5700000', 1),
	salesTeamId: id('b5700000', 2),
	adminUserId: id('b5000000', 1), // alice.johnson@example.com, Admin, Active
	teamAdminUserId: id('b5000000', 2), // bob.smith@example.com, TeamAdmin, Active
	pendingUserId: id('b5000000', 21), // uma.lee@example.com, InvitationPending
	deactivatedUserId: id('b5000000', 24), // xavier.white@example.com, Deactivated
	userId: (n) => id('b5000000', n),
};

// ---------------------------------------------------------------- seed

const FIRST = ['Alice', 'Bob', 'Carol', 'David', 'Emma', 'Frank', 'Grace', 'Henry', 'Isla', 'Jack', 'Karen', 'Liam', 'Mia',
	'Noah', 'Olivia', 'Paul', 'Quinn', 'Ruby', 'Sam', 'Tara', 'Uma', 'Victor', 'Wendy', 'Xavier', 'Yara'];
const LAST = ['Johnson', 'Smith', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
	'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
	'Perez', 'Thompson', 'White', 'Harris'];
const SEED_EPOCH = 1704067200; // 2024-01-01T00:00:00Z

function seedUser(n) {
	const status = n >= 24 ? DEACTIVATED : n >= 21 ? PENDING : ACTIVE;
	const createdDate = SEED_EPOCH + n * 86400;
	return {
		userId: BOLDSIGN_IDS.userId(n),
		email: `${FIRST[n - 1]}.${LAST[n - 1]}@example.com`.toLowerCase(),
		firstName: status === PENDING ? '' : FIRST[n - 1], // invitees have not entered a name yet
		lastName: status === PENDING ? '' : LAST[n - 1],
		teamId: n % 3 === 0 ? BOLDSIGN_IDS.salesTeamId : BOLDSIGN_IDS.defaultTeamId,
		role: n === 1 ? 'Admin' : n === 2 || n === 14 ? 'TeamAdmin' : 'Member',
		userStatus: status,
		createdDate,
		modifiedDate: createdDate + n * 3600,
		metaData: n % 4 === 0 ? { Department: n % 3 === 0 ? 'Sales' : 'Engineering' } : {},
	};
}

function defaultSeed() {
	return {
		teams: [
			{ teamId: BOLDSIGN_IDS.defaultTeamId, teamName: 'Default', createdDate: SEED_EPOCH, modifiedDate: SEED_EPOCH },
			{ teamId: BOLDSIGN_IDS.salesTeamId, teamName: 'Sales', createdDate: SEED_EPOCH + 3600, modifiedDate: SEED_EPOCH + 7200 },
		],
		users: Array.from({ length: 25 }, (_, i) => seedUser(i + 1)),
	};
}

function buildState(seed) {
	const base = typeof seed === 'function' ? seed() : seed || defaultSeed();
	return {
		teams: structuredClone(base.teams || []),
		users: structuredClone(base.users || []),
		documentTransfers: [], // { fromUserId, toUserId, via: 'update' | 'changeTeam', at }
		invitations: [], // { userId, email, kind: 'invite' | 'resend', at }
	};
}

// ---------------------------------------------------------------- helpers

const badRequest = (message) => httpError(400, { error: message });

function requireString(value, name) {
	if (typeof value !== 'string' || !value.trim()) throw badRequest(`The ${name} field is required.`);
	return value.trim();
}

/** Page (required, 1-based) and PageSize (1..100, default 10); section 3.2. */
function readPaging(query) {
	const pageRaw = ciQuery(query, 'Page');
	if (pageRaw === undefined || pageRaw === '') throw badRequest('The Page field is required.');
	const page = Number(pageRaw);
	if (!Number.isInteger(page) || page < 1) throw badRequest('Page must be greater than or equal to 1.');
	const sizeRaw = ciQuery(query, 'PageSize');
	const pageSize = sizeRaw === undefined || sizeRaw === '' ? 10 : Number(sizeRaw);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
		throw badRequest('PageSize must be between 1 and 100.');
	}
	return { page, pageSize };
}

const pageOf = (items, { page, pageSize }) => items.slice((page - 1) * pageSize, page * pageSize);
const sameId = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const includesText = (value, needle) => String(value || '').toLowerCase().includes(needle.toLowerCase());

// ---------------------------------------------------------------- handlers

function createHandlers(mock, { unknownIdStatus }) {
	const state = () => mock.state;
	const teamOf = (teamId) => state().teams.find((t) => sameId(t.teamId, teamId));
	const notFound = (message) => httpError(unknownIdStatus, { error: message });

	function findUser(userId, label = 'userId') {
		const user = state().users.find((u) => sameId(u.userId, requireString(userId, label)));
		if (!user) throw notFound('Invalid User ID.');
		return user;
	}

	function findTeam(teamId, label = 'teamId') {
		const team = teamOf(requireString(teamId, label));
		if (!team) throw notFound('Invalid Team ID.');
		return team;
	}

	function readRole(value, fallback) {
		if (value === undefined || value === null || value === '') return fallback;
		const role = USER_ROLES.find((r) => r.toLowerCase() === String(value).toLowerCase());
		if (!role) throw badRequest(`Invalid user role '${value}'. Allowed values: ${USER_ROLES.join(', ')}.`);
		return role;
	}

	function transferTarget(userId, from) {
		if (userId === undefined || userId === null || userId === '') return null;
		const target = findUser(userId, 'toUserId');
		if (target === from) throw badRequest('Documents cannot be transferred to the same user.');
		if (target.userStatus !== ACTIVE) throw badRequest('Documents can only be transferred to an active user.');
		return target;
	}

	function recordTransfer(from, to, via) {
		if (to) state().documentTransfers.push({ fromUserId: from.userId, toUserId: to.userId, via, at: now() });
	}

	function touch(entity) {
		entity.modifiedDate = Math.max(now(), entity.modifiedDate + 1);
	}

	const userView = (u) => ({
		userId: u.userId,
		email: u.email,
		firstName: u.firstName,
		lastName: u.lastName,
		teamId: u.teamId,
		teamName: teamOf(u.teamId)?.teamName ?? null,
		role: u.role,
		userStatus: u.userStatus,
		createdDate: u.createdDate,
		modifiedDate: u.modifiedDate,
		metaData: u.metaData ?? {},
	});

	// ------------------------------------------------------------ users (section 3.2)

	function validateInvite(item, seen) {
		const email = String(ciGet(item, 'emailId') ?? '').trim();
		if (!EMAIL_RE.test(email)) throw badRequest(`Invalid email address '${email}'.`);
		const key = email.toLowerCase();
		if (seen.has(key) || state().users.some((u) => u.email.toLowerCase() === key)) {
			throw badRequest(`User with email ${email} already exists.`);
		}
		seen.add(key);
		const teamId = ciGet(item, 'teamId');
		const team = teamId ? findTeam(teamId) : state().teams[0];
		if (!team) throw badRequest('No team is available for the user.');
		const metaData = ciGet(item, 'metaData') ?? {};
		if (typeof metaData !== 'object' || Array.isArray(metaData)) throw badRequest('MetaData must be an object.');
		return { email, team, role: readRole(ciGet(item, 'userRole'), 'Member'), metaData };
	}

	function createUsers(req) {
		// section 3.2: the body is a JSON array; the response lists the created users.
		if (!Array.isArray(req.body) || req.body.length === 0) {
			throw badRequest('The request body must be a non-empty array of users.');
		}
		const seen = new Set();
		const invites = req.body.map((item) => validateInvite(item || {}, seen)); // all-or-nothing
		const created = invites.map(({ email, team, role, metaData }) => {
			const at = now();
			const user = {
				userId: crypto.randomUUID(),
				email,
				firstName: '',
				lastName: '',
				teamId: team.teamId,
				role,
				userStatus: PENDING,
				createdDate: at,
				modifiedDate: at,
				metaData: { ...metaData },
			};
			state().users.push(user);
			state().invitations.push({ userId: user.userId, email, kind: 'invite', at });
			return { emailId: email, userId: user.userId, teamId: team.teamId };
		});
		// The SDK types the answer as void (section 3.2, UNCONFIRMED): createListsUsers = false sends none.
		return mock.createListsUsers === false ? empty() : json({ users: created });
	}

	function listUsers(req) {
		const paging = readPaging(req.query);
		const search = ciQuery(req.query, 'Search');
		const ids = ciQueryAll(req.query, 'UserId').filter(Boolean);
		let users = state().users;
		if (ids.length) users = users.filter((u) => ids.some((x) => sameId(x, u.userId)));
		if (search) {
			users = users.filter((u) => [u.email, u.firstName, u.lastName, `${u.firstName} ${u.lastName}`, u.userId]
				.some((field) => includesText(field, search)));
		}
		// section 3.2: pageDetails holds only pageSize and page, no totals.
		return json({ pageDetails: { pageSize: paging.pageSize, page: paging.page }, result: pageOf(users, paging).map(userView) });
	}

	const getUser = (req) => json(userView(findUser(ciQuery(req.query, 'userId'))));

	function applyStatus(user, status, toUserId) {
		const wanted = String(status).toLowerCase();
		if (wanted === 'deactivate') {
			if (user.userStatus !== ACTIVE) throw badRequest('Only active users can be deactivated.');
			const target = transferTarget(toUserId, user);
			user.userStatus = DEACTIVATED;
			recordTransfer(user, target, 'update');
		} else if (wanted === 'activate') {
			if (user.userStatus !== DEACTIVATED) throw badRequest('Only deactivated users can be activated.');
			user.userStatus = ACTIVE;
		} else {
			throw badRequest(`Invalid user status '${status}'. Allowed values: Activate, Deactivate.`);
		}
	}

	function updateUser(req) {
		const user = findUser(ciGet(req.body, 'userId'));
		const role = readRole(ciGet(req.body, 'userRole'), user.role);
		const status = ciGet(req.body, 'userStatus');
		if (status !== undefined && status !== null && status !== '') applyStatus(user, status, ciGet(req.body, 'toUserId'));
		user.role = role;
		touch(user);
		return empty(); // section 5.3: 200 with an empty body
	}

	function updateMetaData(req) {
		const user = findUser(ciGet(req.body, 'userId'));
		const metaData = ciGet(req.body, 'metaData');
		if (!metaData || typeof metaData !== 'object' || Array.isArray(metaData)) throw badRequest('The MetaData field is required.');
		// Partial update: given keys are merged, a null value removes the key.
		for (const [key, value] of Object.entries(metaData)) {
			if (value === null) delete user.metaData[key];
			else user.metaData[key] = String(value);
		}
		touch(user);
		return empty();
	}

	function changeTeam(req) {
		const user = findUser(ciQuery(req.query, 'userId'));
		const team = findTeam(ciGet(req.body, 'toTeamId'), 'toTeamId');
		if (sameId(team.teamId, user.teamId)) throw badRequest('The user is already a member of this team.');
		const target = transferTarget(ciGet(req.body, 'transferDocumentsToUserId'), user);
		user.teamId = team.teamId;
		recordTransfer(user, target, 'changeTeam');
		touch(user);
		return empty();
	}

	function pendingUser(req) {
		const user = findUser(ciQuery(req.query, 'UserId'));
		if (user.userStatus !== PENDING) throw badRequest('The user has already accepted the invitation.');
		return user;
	}

	function resendInvitation(req) {
		const user = pendingUser(req);
		state().invitations.push({ userId: user.userId, email: user.email, kind: 'resend', at: now() });
		return empty();
	}

	function cancelInvitation(req) {
		const user = pendingUser(req);
		state().users.splice(state().users.indexOf(user), 1); // a cancelled invitee no longer exists
		return empty();
	}

	// ------------------------------------------------------------ teams (section 3.3)

	function uniqueTeamName(name, except) {
		const taken = state().teams.some((t) => t !== except && t.teamName.toLowerCase() === name.toLowerCase());
		if (taken) throw badRequest(`Team name '${name}' already exists.`);
		return name;
	}

	function createTeam(req) {
		const teamName = uniqueTeamName(requireString(ciGet(req.body, 'teamName'), 'TeamName'));
		const at = now();
		const team = { teamId: crypto.randomUUID(), teamName, createdDate: at, modifiedDate: at };
		state().teams.push(team);
		return json({ teamId: team.teamId });
	}

	function getTeam(req) {
		const team = findTeam(ciQuery(req.query, 'teamId'));
		const users = state().users.filter((u) => sameId(u.teamId, team.teamId)).map((u) => ({
			userId: u.userId,
			email: u.email,
			firstName: u.firstName,
			lastName: u.lastName,
			userRole: TEAM_USER_ROLE[u.role],
			userStatus: u.userStatus,
		}));
		const { teamId, teamName, createdDate, modifiedDate } = team;
		return json({ teamId, teamName, users, createdDate, modifiedDate });
	}

	function listTeams(req) {
		const paging = readPaging(req.query);
		const search = ciQuery(req.query, 'SearchKey');
		const teams = search ? state().teams.filter((t) => includesText(t.teamName, search)) : state().teams;
		const results = pageOf(teams, paging).map(({ teamName, teamId, createdDate, modifiedDate }) => (
			{ teamName, teamId, createdDate, modifiedDate }));
		// section 3.3: "results" (plural) for teams, "result" for users.
		return json({ pageDetails: { pageSize: paging.pageSize, page: paging.page }, results });
	}

	function updateTeam(req) {
		const team = findTeam(ciGet(req.body, 'teamId'));
		team.teamName = uniqueTeamName(requireString(ciGet(req.body, 'teamName'), 'TeamName'), team);
		touch(team);
		return empty();
	}

	return {
		createUsers, listUsers, getUser, updateUser, updateMetaData, changeTeam, resendInvitation, cancelInvitation,
		createTeam, getTeam, listTeams, updateTeam,
	};
}

function buildRouter(h, oauth) {
	return createRouter()
		.get('/connect/authorize', oauth.consentPage)
		.post('/connect/token', oauth.token)
		.post('/v1/users/create', h.createUsers)
		.get('/v1/users/list', h.listUsers)
		.get('/v1/users/get', h.getUser)
		.put('/v1/users/update', h.updateUser)
		.put('/v1/users/updateMetaData', h.updateMetaData)
		.put('/v1/users/changeTeam', h.changeTeam)
		.post('/v1/users/resendInvitation', h.resendInvitation)
		.post('/v1/users/cancelInvitation', h.cancelInvitation)
		.post('/v1/teams/create', h.createTeam)
		.get('/v1/teams/get', h.getTeam)
		.get('/v1/teams/list', h.listTeams)
		.put('/v1/teams/update', h.updateTeam);
}

// ---------------------------------------------------------------- server

/** Error bodies are BoldSign's ErrorResult {error} (section 3.4). */
function errorBody(status, message) {
	if (status === 429) return { error: 'Too many requests. The API rate limit has been exceeded.' };
	return { error: message || 'Error' };
}

function authenticator(apiKey, oauth) {
	// section 3.1: X-API-KEY, or Authorization: Bearer <token> (an OAuth2 access token, or the key itself).
	return (req) => {
		if (req.path.toLowerCase().startsWith('/connect/')) return;
		const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization || '');
		const token = bearer && bearer[1].trim();
		if (req.headers['x-api-key'] === apiKey || (token && (token === apiKey || oauth.isLiveToken(token)))) return;
		throw httpError(401, { error: 'Unauthorized request. The API key or access token is missing or invalid.' });
	};
}

/**
 * @param {object} [options]
 * @param {string} [options.apiKey='bs-test-key']
 * @param {number} [options.port=0]
 * @param {object|function} [options.seed] { teams, users } (or a function returning it) replacing the default seed
 * @param {object} [options.rateLimit] { limit, remaining, reset } -> X-RateLimit-* on every response
 * @param {number} [options.unknownIdStatus=400] status for an unknown userId or teamId
 * @param {boolean} [options.createListsUsers=true] whether users/create answers {users:[...]} (false: an empty 200)
 * @param {string} [options.webhookSecret='bs-webhook-secret'] the signing secret of the webhook the mock delivers to
 * @param {string} [options.clientId='bs-client-id'] @param {string} [options.clientSecret='bs-client-secret'] the OAuth2 app (boldsign-oauth.js)
 */
async function startBoldSignMock({
	apiKey = 'bs-test-key',
	port = 0,
	seed,
	rateLimit = null,
	unknownIdStatus = 400,
	createListsUsers = true,
	webhookSecret = 'bs-webhook-secret',
	clientId = 'bs-client-id',
	clientSecret = 'bs-client-secret',
} = {}) {
	const mock = await startMockServer({
		port,
		setup: (m) => {
			const oauth = createBoldSignOAuth(m, { clientId, clientSecret });
			return {
				router: buildRouter(createHandlers(m, { unknownIdStatus }), oauth),
				authenticate: authenticator(apiKey, oauth),
				responseHeaders: () => rateLimitHeaders(m.rateLimit),
			};
		},
		errorBody,
		reseed: (m) => {
			m.state = buildState(seed);
			if (m.tokenRequests) m.tokenRequests.length = 0;
		},
	});
	mock.apiKey = apiKey;
	mock.createListsUsers = createListsUsers;
	mock.rateLimit = rateLimit;
	mock.ids = BOLDSIGN_IDS;
	Object.assign(mock, webhookDelivery(mock, webhookSecret));
	return mock;
}

// ---------------------------------------------------------------- webhooks (section 3.5)

/**
 * BoldSign has no webhook-registration API (3.5): the mock only delivers. An event is
 * {event:{id, created, eventType, clientId, environment}, context:{eventType, actor:{userType, id}, previousState}, data:{object, ...}},
 * sent with X-BoldSign-Event and X-BoldSign-Signature: t=<ts>, s0=hex(HMAC(secret, "<ts>.<body>"))[, s1=…].
 */
function webhookDelivery(mock, webhookSecret) {
	let sequence = 0;
	/** The event body of section 3.5 for a document event. */
	function webhookEvent({ eventType = 'Completed', id, created = Math.floor(Date.now() / 1000), documentId = 'b5d00000-0000-4000-8000-000000000001', actorId = BOLDSIGN_IDS.adminUserId, data } = {}) {
		return {
			event: { id: id ?? `b5e${String(++sequence).padStart(5, '0')}-0000-4000-8000-000000000000`, created, eventType, clientId: 'mock-client', environment: 'Test' },
			context: { eventType, actor: { userType: 'Sender', id: actorId }, previousState: {} },
			data: data ?? { object: 'document', documentId, messageTitle: 'Mock document', status: eventType === 'Completed' ? 'Completed' : 'InProgress' },
		};
	}
	return {
		webhookSecret,
		webhookDeliveries: [],
		webhookEvent,
		/**
		 * POSTs one signed event to `url`. Options: the event fields of webhookEvent, or `payload` (an object) or
		 * `rawBody` (exact text); `secrets` (default [mock.webhookSecret]; two give s0 and s1, as while a secret is
		 * rolled; [] sends no signature); `t` (the signed timestamp, default now); `headers` (added or replacing).
		 * Resolves { status, json, text, payload, rawBody }.
		 */
		async deliverWebhook(url, { payload, rawBody, secrets = [mock.webhookSecret], t, headers = {}, ...fields } = {}) {
			const event = payload ?? webhookEvent(fields);
			const body = rawBody ?? JSON.stringify(event);
			const signature = secrets.length ? sign.boldSign(body, secrets, t) : {};
			const response = await deliver(url, {
				body,
				headers: { 'X-BoldSign-Event': event.event?.eventType ?? 'Completed', ...signature, ...headers },
			});
			mock.webhookDeliveries.push({ url, eventId: event.event?.id, eventType: event.event?.eventType, status: response.status });
			return { ...response, payload: event, rawBody: body };
		},
		/** The endpoint check BoldSign sends when a webhook is added: X-BoldSign-Event: Verification, unsigned (3.5). */
		async deliverVerification(url) {
			const event = webhookEvent({ eventType: 'Verification', data: {} });
			const response = await deliver(url, { body: JSON.stringify(event), headers: { 'X-BoldSign-Event': 'Verification' } });
			mock.webhookDeliveries.push({ url, eventId: event.event.id, eventType: 'Verification', status: response.status });
			return response;
		},
	};
}

module.exports = { startBoldSignMock, defaultSeed, BOLDSIGN_IDS };
