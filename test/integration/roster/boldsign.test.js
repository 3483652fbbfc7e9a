'use strict';
// Issue 13: BoldSign Create or Update and Sync Roster against the BoldSign mock (../shared/reference/vendor-apis.md §3).

const { startBoldSignMock } = require('../../mocks/boldsign');
const { rosterCases } = require('./cases');

const API_KEY = 'bs-roster-key-3c9d0e12';
const STATUS = { Active: 'active', InvitationPending: 'invited', Deactivated: 'deactivated' };
const idOf = (mock, email) => mock.state.users.find((u) => u.email.toLowerCase() === email.toLowerCase())?.userId;
const isChange = (r) => r.method !== 'GET';

rosterCases({
	name: 'BoldSign',
	type: 'boldSign',
	resource: 'user',
	start: () => startBoldSignMock({ apiKey: API_KEY }),
	credentials: (mock) => ({ boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: mock.url } }),
	secrets: [API_KEY],
	users: (mock) =>
		mock.state.users.map((u) => ({
			email: u.email,
			role: u.role,
			status: STATUS[u.userStatus],
			teamName: mock.state.teams.find((t) => t.teamId === u.teamId)?.teamName,
		})),
	teams: ['Default', 'Sales'],
	roles: { member: 'Member', other: 'TeamAdmin', admin: 'Admin' },
	isList: (r) => r.method === 'GET' && r.path === '/v1/users/list',
	isWrite: isChange,
	invitations: (mock, email) => mock.state.invitations.filter((i) => i.kind === 'invite' && i.email.toLowerCase() === email.toLowerCase()).length,
	failChange(mock, email) {
		const userId = idOf(mock, email);
		mock.failNext({ status: 403, match: (r) => isChange(r) && (r.body?.userId === userId || r.query.userId === userId) });
	},
	failCreate: (mock) => mock.failNext({ status: 403, match: (r) => r.path === '/v1/users/create' }),
	listFloor: (mock) => Math.floor(mock.state.users.length / 100) + 1,
});
