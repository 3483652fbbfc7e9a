'use strict';
// Issue 13: SignNow Create or Update and Sync Roster against the SignNow mock (../shared/reference/vendor-apis.md
// §2.4, team seed 002). The roster is the members of the teams the credential's user (ada, primary admin of
// Sales, Legal and Support) administers; SignNow has no deactivated state: "deactivate" removes the member.

const { startSignNowMock } = require('../../mocks/signnow');
const { rosterCases } = require('./cases');

const STATUS = { accepted: 'active', pending: 'invited' };
const lower = (value) => String(value ?? '').toLowerCase();
const emailOf = (mock, m) => m.email ?? mock.state.users.find((u) => u.id === m.userId)?.email;
const TEAM_READ = /^\/team\/[0-9a-f]{40}$/;
const isInvite = (r) => r.method === 'POST' && /^\/team\/[0-9a-f]{40}\/request$/.test(r.path);

let current;

/** The teams ada administers, in the mock's order (the order `GET /v2/teams` lists them). */
const adminTeams = (mock) =>
	mock.state.teams.filter((t) => t.active && t.members.some((m) => m.userId === mock.ids.adminUserId && m.status === 'accepted' && m.role === 'admin'));

rosterCases({
	name: 'SignNow',
	type: 'signNow',
	resource: 'user',
	async start() {
		current = await startSignNowMock();
		return current;
	},
	credentials: (mock) => ({
		signNowApi: {
			environment: 'custom',
			baseUrl: mock.url,
			clientId: mock.clientId,
			clientSecret: mock.clientSecret,
			username: mock.adminEmail,
			password: mock.adminPassword,
			accessToken: '',
		},
	}),
	get secrets() {
		return [current.adminPassword, current.clientSecret, current.basicToken, ...current.issuedTokens.flatMap((t) => [t.access_token, t.refresh_token])];
	},
	/** One record per email: its first membership among ada's admin teams (as the node compares it). */
	users(mock) {
		const out = new Map();
		for (const team of adminTeams(mock)) {
			for (const m of team.members) {
				const email = emailOf(mock, m);
				if (!out.has(lower(email))) out.set(lower(email), { email, role: m.role, status: STATUS[m.status], teamName: team.name });
			}
		}
		return [...out.values()];
	},
	teams: ['Sales', 'Legal'],
	roles: { member: 'member', other: 'admin', admin: 'admin' },
	canReactivate: false,
	teamRequired: true,
	isList: (r) => r.method === 'GET' && (r.path === '/v2/teams' || TEAM_READ.test(r.path)),
	isWrite: (r) => r.method !== 'GET' && r.path !== '/oauth2/token',
	invitations: (mock, email) => mock.state.requests.filter((r) => lower(r.email) === lower(email)).length,
	failChange(mock, email) {
		const user = mock.state.users.find((u) => lower(u.email) === lower(email));
		const concerns = (r) => lower(r.body?.email) === lower(email) || (user && r.path.includes(user.id));
		mock.failNext({ status: 403, match: (r) => r.method !== 'GET' && r.path !== '/oauth2/token' && concerns(r) });
	},
	failCreate: (mock) => mock.failNext({ status: 403, match: isInvite }),
	listFloor: (mock) => Math.ceil(mock.state.teams.length / 100) + adminTeams(mock).length,
});
