'use strict';
// Issue 13: DocuSign Admin Create or Update and Sync Roster against the DocuSign mock (../shared/reference/vendor-apis.md §1).
// The roster is the Sales account's memberships: it has a disabled membership (user 30) that Reactivate can
// activate; the seed gets a second DS group there so a user can change team.

const { startDocuSignMock, defaultSeed, DOCUSIGN_IDS } = require('../../mocks/docusign');
const { makeKeys, keyFragments, jwtCredential, SALES } = require('../docusign/setup');
const { rosterCases } = require('./cases');

const keys = makeKeys();
const RENEWALS = 'd9000000-0000-4000-8000-000000000099';
const STATUS = { active: 'active', activation_sent: 'invited', activation_required: 'invited', pending: 'invited', closed: 'deactivated', disabled: 'deactivated' };
const lower = (s) => String(s ?? '').toLowerCase();

function seed(options) {
	const base = defaultSeed(options);
	base.dsGroups.push({
		ds_group_id: RENEWALS, account_id: SALES, group_id: '40012002', group_name: 'Renewals', description: 'Renewals team', is_admin: false,
		user_ids: [15, 24, 25].map(DOCUSIGN_IDS.userId), source_product_name: 'eSignature', last_modified_on: '2024-11-05T16:20:00.000', is_managed_by_scim: false,
	});
	return base;
}

/** The Sales account's members as the roster sees them, from the mock's state. */
function users(mock) {
	const account = mock.state.accounts.find((a) => a.id === SALES);
	return mock.state.users
		.map((u) => ({ u, m: u.memberships.find((m) => m.account_id === SALES) }))
		.filter(({ m }) => m)
		.map(({ u, m }) => ({
			email: u.email,
			role: account.permission_profiles.find((p) => p.id === m.permission_profile_id)?.name,
			status: u.user_status === 'closed' ? 'deactivated' : STATUS[m.status],
			teamName: mock.state.dsGroups.find((g) => g.account_id === SALES && g.user_ids.includes(u.id))?.group_name ?? null,
		}));
}

const idOf = (mock, email) => mock.state.users.find((u) => lower(u.email) === lower(email))?.id;
const isAdmin = (r) => lower(r.path).startsWith('/management');
const isChange = (r) => isAdmin(r) && r.method !== 'GET';
const isCreate = (r) => r.method === 'POST' && /\/accounts\/[^/]+\/users$|\/organizations\/[^/]+\/users$/.test(r.path);
const touches = (r, userId) =>
	r.path.includes(userId) || (r.body?.users ?? []).some((u) => u.id === userId) || (r.body?.user_ids ?? []).includes(userId);

rosterCases({
	name: 'DocuSign',
	type: 'docuSignAdmin',
	resource: 'user',
	parameters: { account: SALES },
	start: () => startDocuSignMock({ publicKeyPem: keys.publicKey, seed }),
	credentials: (mock) => ({ docuSignJwtApi: jwtCredential(mock, keys.pkcs1) }),
	secrets: keyFragments(keys.pkcs1),
	users,
	teams: ['Regional Sales', 'Renewals'],
	roles: { member: 'DS Sender', other: 'DS Viewer', admin: 'DS Admin' },
	isList: (r) => r.method === 'GET' && /\/v2\/organizations\/[^/]+\/users$/.test(r.path) && r.query.account_id && !r.query.email,
	isWrite: isChange,
	// Memberships made on the account for the email (the mock refuses a second one for a live user).
	invitations: (mock, email) =>
		mock.state.users.filter((u) => lower(u.email) === lower(email)).flatMap((u) => u.memberships.filter((m) => m.account_id === SALES)).length,
	failChange(mock, email) {
		const userId = idOf(mock, email);
		mock.failNext({ status: 403, body: { error: 'forbidden', error_description: 'Not allowed' }, match: (r) => isChange(r) && touches(r, userId) });
	},
	failCreate: (mock) => mock.failNext({ status: 403, body: { error: 'forbidden', error_description: 'Not allowed' }, match: isCreate }),
	listFloor: (mock) => Math.floor(users(mock).length / 100) + 1,
});

describe('DocuSign roster: what differs from the other vendors', () => {
	const { createInstance } = require('../../helpers/harness');
	let mock;
	let n8n;
	beforeAll(async () => {
		mock = await startDocuSignMock({ publicKeyPem: keys.publicKey, seed });
		n8n = await createInstance({ docuSignJwtApi: jwtCredential(mock, keys.pkcs1) });
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.reset());

	async function run(parameters, items) {
		const result = await n8n.run({ type: 'docuSignAdmin', parameters: { resource: 'user', account: SALES, ...parameters }, items });
		if (result.error) throw result.error;
		return result;
	}
	const row = (u) => ({ json: { email: u.email, role: u.role } });

	test('organization admins stay protected with Protected Roles emptied; each listed user’s profile is read once', async () => {
		const members = users(mock).filter((u) => u.status !== 'deactivated');
		const admin = mock.state.users.find((u) => u.is_organization_admin);
		const rows = members.filter((u) => lower(u.email) !== lower(admin.email)).map(row);
		const { json } = await run({ operation: 'syncRoster', rosterMode: 'apply', rosterOptions: { missing: 'deactivate', protectedRoles: [] } }, rows);
		expect(json.find((j) => lower(j.email) === lower(admin.email))).toMatchObject({ action: 'skipped', reason: 'not in the roster, but protected' });
		expect(mock.requests.filter(isChange)).toEqual([]);
		const profiles = mock.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/dsprofile'));
		expect(profiles).toHaveLength(users(mock).length);
		expect(new Set(profiles.map((r) => r.path)).size).toBe(profiles.length);
	});

	test('Create or Update gives a member of another account a membership here, with the permission profile asked for', async () => {
		const mainOnly = mock.state.users.find((u) => u.memberships.length === 1 && u.memberships[0].account_id === DOCUSIGN_IDS.mainAccountId && u.user_status === 'active');
		const { json } = await run({ operation: 'createOrUpdate', email: mainOnly.email, role: 'DS Viewer', team: { __rl: true, mode: 'list', value: 'Renewals' } }, [{ json: {} }]);
		expect(json[0]).toMatchObject({ action: 'created', id: mainOnly.id, role: 'DS Viewer', status: 'invited', teamName: 'Renewals' });
		expect(users(mock).find((u) => u.email === mainOnly.email)).toMatchObject({ role: 'DS Viewer', status: 'invited', teamName: 'Renewals' });
		expect(mock.state.users.filter((u) => u.email === mainOnly.email)).toHaveLength(1);
	});

	test('Sync Roster offers no document transfer (the Admin API has none)', () => {
		const node = require('../../../dist/nodes/DocuSignAdmin/DocuSignAdmin.node.js');
		const options = new node.DocuSignAdmin().description.properties.filter((p) => p.name === 'rosterOptions').flatMap((p) => p.options.map((o) => o.name));
		expect(options).not.toContain('transferTo');
		expect(options).toContain('scopeDomain');
	});
});
