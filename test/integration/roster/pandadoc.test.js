'use strict';
// Issue 13: PandaDoc Create or Update and Sync Roster against the PandaDoc mock (../shared/reference/vendor-apis.md §4.3).
// The shared cases see one workspace per user; the PandaDoc cases below cover a user in two workspaces, the
// document transfer of a removal, a removed user added back, and the organization owner.

const { startPandaDocMock, defaultSeed, PANDADOC_IDS } = require('../../mocks/pandadoc');
const { createInstance } = require('../../helpers/harness');
const { expectNoSecrets } = require('../../helpers/secrets');
const { rosterCases } = require('./cases');

const API_KEY = 'pd-roster-key-5e1a7c30';
const SALES = PANDADOC_IDS.salesWorkspaceId;
const key = (email) => email.toLowerCase();
const isChange = (r) => r.method !== 'GET';
const credentials = (mock) => ({ pandaDocApi: { apiKey: API_KEY, keyType: 'production', baseUrl: mock.url } });

const live = (mock) => mock.state.memberships.filter((m) => !m.removed);
const membershipsOf = (mock, email) => {
	const user = mock.state.users.find((u) => key(u.email) === key(email));
	return user ? live(mock).filter((m) => m.user_id === user.user_id) : [];
};
const workspaceName = (mock, id) => mock.state.workspaces.find((w) => w.id === id)?.name;

/** Each user by its membership of the credential's workspace, else its first (as the adapter compares them). */
function users(mock) {
	const home = mock.state.memberships.find((m) => m.membership_id === mock.currentMembershipId).workspace_id;
	return mock.state.users.flatMap((u) => {
		const mine = live(mock).filter((m) => m.user_id === u.user_id);
		const m = mine.find((one) => one.workspace_id === home) ?? mine[0];
		return m ? [{ email: u.email, role: m.role, status: 'active', teamName: workspaceName(mock, m.workspace_id) }] : [];
	});
}

/** The default seed with one workspace per user but the owner (user 12 left the sales workspace). */
function oneWorkspaceEach() {
	const seed = defaultSeed();
	seed.memberships = seed.memberships.filter((m) => m.membership_id !== PANDADOC_IDS.membershipId(12, 'sales'));
	return seed;
}

rosterCases({
	name: 'PandaDoc',
	type: 'pandaDoc',
	resource: 'user',
	start: () => startPandaDocMock({ apiKey: API_KEY, seed: oneWorkspaceEach }),
	credentials,
	secrets: [API_KEY],
	users,
	teams: ['Acme', 'Acme Sales'],
	roles: { member: 'Member', other: 'Manager', admin: 'Admin' },
	isList: (r) => r.method === 'GET' && r.path === '/public/v1/users',
	isWrite: isChange,
	invitations: (mock, email) => mock.state.log.filter((l) => l.type === 'createUser' && key(l.email) === key(email)).length,
	failChange(mock, email) {
		const ids = membershipsOf(mock, email).map((m) => m.membership_id);
		mock.failNext({ status: 403, match: (r) => isChange(r) && ids.some((id) => r.path.endsWith(`/members/${id}`)) });
	},
	failCreate: (mock) => mock.failNext({ status: 403, match: (r) => r.method === 'POST' && r.path === '/public/v1/users' }),
	listFloor: (mock) => Math.max(1, Math.ceil(users(mock).length / 100)),
	createdStatus: 'active',
	canReactivate: false,
});

describe('PandaDoc Sync Roster: workspaces, removals and the owner', () => {
	let mock;
	let n8n;
	beforeAll(async () => {
		mock = await startPandaDocMock({ apiKey: API_KEY });
		n8n = await createInstance(credentials(mock));
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.reset());

	async function sync(mode, emails, options = {}) {
		const items = emails.map((email) => ({ json: { email } }));
		const parameters = { resource: 'user', operation: 'syncRoster', rosterMode: mode, rosterOptions: { missing: 'deactivate', maxDeactivationPercent: 100, ...options } };
		const result = await n8n.run({ type: 'pandaDoc', parameters, items });
		expectNoSecrets(result, [API_KEY]);
		if (result.error) throw result.error;
		return Object.fromEntries(result.json.map((j) => [key(j.email), j]));
	}
	const email = (n) => mock.state.users.find((u) => u.user_id === PANDADOC_IDS.userId(n)).email;
	const owner = (doc) => mock.state.documents.find((d) => d.id === doc).owner;

	test('Only Workspace: a user in two workspaces leaves that one only, its documents there handed over first', async () => {
		// Sales: 1 (owner, Admin), 10, 11, 12 (also in the main workspace, where it owns doc-4; doc-5 in sales).
		const e = await sync('apply', [email(10), email(11), email(3)], { scopeTeam: 'acme sales', transferTo: email(1) });
		expect(e[key(email(12))]).toMatchObject({ action: 'deactivate', result: 'done', user: { teamId: SALES } });
		expect(e[key(email(3))]).toMatchObject({ action: 'skipped', reason: 'outside the scope' });
		expect(e[key(email(1))]).toMatchObject({ action: 'skipped', reason: 'not in the roster, but protected' });
		expect(membershipsOf(mock, email(12)).map((m) => m.workspace_id)).toEqual([PANDADOC_IDS.mainWorkspaceId]);
		expect(owner('doc-5')).toBe(PANDADOC_IDS.membershipId(1, 'sales'));
		expect(owner('doc-4')).toBe(PANDADOC_IDS.membershipId(12));
		const transfer = mock.state.log.findIndex((l) => l.type === 'transfer');
		expect(transfer).toBeGreaterThanOrEqual(0);
		expect(transfer).toBeLessThan(mock.state.log.findIndex((l) => l.type === 'remove'));
	});

	test('a removed user back in the roster is added to the workspace again (a create), once', async () => {
		const everyone = users(mock).map((u) => u.email);
		const without3 = everyone.filter((one) => one !== email(3));
		expect((await sync('apply', without3))[key(email(3))]).toMatchObject({ action: 'deactivate', result: 'done' });
		expect(membershipsOf(mock, email(3))).toEqual([]);
		const e = await sync('apply', everyone);
		expect(e[key(email(3))]).toMatchObject({ action: 'create', result: 'done', user: { email: email(3), role: 'Member', status: 'active' } });
		expect(membershipsOf(mock, email(3))).toMatchObject([{ workspace_id: PANDADOC_IDS.mainWorkspaceId, role: 'Member' }]);
		expect(mock.state.users.filter((u) => u.email === email(3))).toHaveLength(1);
		expect(Object.values(await sync('plan', everyone)).every((j) => j.action === 'unchanged')).toBe(true);
	});

	test('the organization owner is protected even when Protected Roles leaves Admin out', async () => {
		const e = await sync('plan', [email(2)], { protectedRoles: [] });
		expect(e[key(email(1))]).toMatchObject({ action: 'skipped', reason: 'not in the roster, but protected' });
		expect(e[key(email(3))].action).toBe('deactivate');
	});
});
