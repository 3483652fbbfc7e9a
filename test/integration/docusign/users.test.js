'use strict';
// DocuSign Admin user operations against the mock (../shared/reference/vendor-apis.md §1.3-1.5), through the n8n harness.

const { ORG, MAIN, SALES, DOCUSIGN_IDS, byId, byEmail, startDocuSign, adminPath } = require('./setup');

const P = DOCUSIGN_IDS.permissionProfiles.main;
const G = DOCUSIGN_IDS.groups.main;
const D = DOCUSIGN_IDS.dsGroups;
const uid = DOCUSIGN_IDS.userId;

let env;
beforeAll(async () => {
	env = await startDocuSign();
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const user = (operation, parameters = {}, extra) => env.run({ resource: 'user', operation, organization: ORG, ...parameters }, extra);
const stateUser = (id) => env.mock.state.users.find((u) => u.id === id);
const orgPath = (path) => adminPath(`/v2/organizations/${ORG}${path}`);

describe('get', () => {
	test('by ID: the v2.1 dsprofile, normalized', async () => {
		const { json, output } = await user('get', { user: byId(uid(5)) });
		expect(json).toEqual([
			{
				vendor: 'docusign',
				id: uid(5),
				email: 'casey.kim@example.com',
				firstName: 'Casey',
				lastName: 'Kim',
				role: 'DS Viewer',
				status: 'active',
				teamId: null,
				teamName: null,
				createdAt: '2024-01-06T09:00:00.000Z',
				updatedAt: null,
			},
		]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(env.calls('GET', `/management/v2.1/organizations/${ORG}/users/${uid(5)}/dsprofile`)).toHaveLength(1);
	});

	test('by email: users/profile; Simplify off gives the drilldown record', async () => {
		const { json } = await user('get', { user: byEmail('Morgan.Reyes@example.com'), simplify: false });
		expect(json[0]).toMatchObject({ id: DOCUSIGN_IDS.adminUserId, site_id: 1, memberships: expect.any(Array) });
		expect(env.calls('GET', orgPath('/users/profile'))[0].query).toEqual({ email: 'Morgan.Reyes@example.com' });
	});

	test('statuses: created → invited, closed → deactivated, activation required → invited; the admin group is the team', async () => {
		const { json } = await user(
			'get',
			{ user: '={{ { "__rl": true, "mode": "id", "value": $json.id } }}' },
			{ items: [26, 27, 29, 1].map((n) => ({ json: { id: uid(n) } })) },
		);
		expect(json.map((u) => u.status)).toEqual(['invited', 'deactivated', 'invited', 'active']);
		expect(json[3]).toMatchObject({ role: 'DS Admin', teamId: String(G.administrators), teamName: 'Administrators' });
	});

	test('an unknown email is a clear error', async () => {
		const { error } = await user('get', { user: byEmail('nobody@example.com') }, { expectError: true });
		expect(error.message).toBe('No DocuSign user has the email nobody@example.com in this organization');
	});
});

describe('get many', () => {
	test('without account or email filter the organization’s default account is used', async () => {
		const { json } = await user('getAll', { returnAll: true });
		expect(json).toHaveLength(24);
		expect(env.calls('GET', orgPath('/users')).map((r) => r.query)).toEqual([{ account_id: MAIN, start: '0', take: '100' }]);
	});

	test('filters: account, status, membership status, email, modified since, DS groups', async () => {
		const sales = await user('getAll', { returnAll: true, filters: { account: SALES, membershipStatus: 'activation_sent' } });
		expect(sales.json.map((u) => u.email)).toEqual(['tatum.blake@example.com']);
		expect(sales.json[0].status).toBe('invited');

		const closed = await user('getAll', { returnAll: true, filters: { account: MAIN, status: 'closed' } });
		expect(closed.json.map((u) => u.status)).toEqual(['deactivated', 'deactivated']);

		const byMail = await user('getAll', { returnAll: true, filters: { email: 'avery.chen@example.com', includeDsGroups: true } });
		expect(byMail.json).toEqual([expect.objectContaining({ id: uid(2), teamId: D.engineering, teamName: 'Engineering' })]);
		expect(env.calls('GET', orgPath('/users')).at(-1).query).toEqual({
			email: 'avery.chen@example.com',
			include_ds_groups: 'true',
			start: '0',
			take: '100',
		});

		const recent = await user('getAll', { returnAll: true, filters: { modifiedSince: '2025-01-25T00:00:00.000Z', emailLike: 'example.com' } });
		expect(env.calls('GET', orgPath('/users')).at(-1).query).toMatchObject({
			account_id: MAIN,
			last_modified_since: '2025-01-25T00:00:00.000',
			email_user_name_like: 'example.com',
		});
		expect(recent.json.map((u) => u.id)).toEqual([uid(27), uid(28)]);
	});
});

describe('create', () => {
	test('a user on an account, with permission profile and groups', async () => {
		const { json } = await user('create', {
			email: 'new.hire@example.com',
			firstName: 'New',
			lastName: 'Hire',
			account: MAIN,
			permissionProfile: String(P.viewer),
			groups: [String(G.legal)],
			additionalFields: { jobTitle: 'Counsel', language: 'de' },
		});
		expect(env.calls('POST', orgPath('/users'))[0].body).toEqual({
			email: 'new.hire@example.com',
			first_name: 'New',
			last_name: 'Hire',
			user_name: 'New Hire',
			language_culture: 'de',
			accounts: [{ id: MAIN, permission_profile: { id: P.viewer }, groups: [{ id: G.legal }], job_title: 'Counsel' }],
		});
		expect(json[0]).toMatchObject({ email: 'new.hire@example.com', role: 'DS Viewer', status: 'invited', teamId: String(G.legal), teamName: 'Legal' });
	});

	test('additional accounts, each with its own role and groups, in the same request', async () => {
		const { json } = await user('create', {
			email: 'two.accounts@example.com',
			account: MAIN,
			permissionProfile: String(P.viewer),
			additionalFields: {
				additionalAccounts: { account: [{ id: SALES, permissionProfile: '20491702', groups: '30012001, 30012002' }] },
			},
		});
		expect(env.calls('POST', orgPath('/users'))[0].body.accounts).toEqual([
			{ id: MAIN, permission_profile: { id: P.viewer } },
			{ id: SALES, permission_profile: { id: 20491702 }, groups: [{ id: 30012001 }, { id: 30012002 }] },
		]);
		expect(json[0]).toMatchObject({ email: 'two.accounts@example.com', role: 'DS Viewer' });
	});

	test('Activate Membership makes the user active at once', async () => {
		const { json } = await user('create', { email: 'fast@example.com', account: SALES, additionalFields: { autoActivate: true } });
		expect(json[0]).toMatchObject({ status: 'active', role: 'DS Sender' });
	});

	test('an existing email gives DocuSign’s message', async () => {
		const { error } = await user('create', { email: 'avery.chen@example.com', account: MAIN }, { expectError: true });
		expect(error.message).toBe("DocuSign returned 400: A user with email 'avery.chen@example.com' already exists. (user_already_exists)");
	});
});

describe('update', () => {
	test('profile fields and the title on every open membership, with the site ID from the profile', async () => {
		const { json } = await user('update', {
			user: byEmail('jordan.patel@example.com'),
			updateFields: { firstName: 'Jordy', language: 'fr', jobTitle: 'Lead' },
		});
		expect(env.calls('POST', orgPath('/users/profiles'))[0].body).toEqual({
			users: [
				{
					id: uid(3),
					site_id: 1,
					first_name: 'Jordy',
					language_culture: 'fr',
					memberships: [{ account_id: MAIN, job_title: 'Lead' }, { account_id: SALES, job_title: 'Lead' }],
				},
			],
		});
		expect(json[0]).toMatchObject({ id: uid(3), firstName: 'Jordy' });
		expect(stateUser(uid(3)).memberships.map((m) => m.job_title)).toEqual(['Lead', 'Lead']);
	});

	test('per-user error_details become a node error', async () => {
		const { error } = await user('update', { user: byId(uid(2)), updateFields: { defaultAccount: SALES } }, { expectError: true });
		expect(error.message).toMatch(/^DocuSign did not update the user: User is not a member of account .* — invalid_default_account$/);
	});

	test('nothing to update is refused', async () => {
		const { error } = await user('update', { user: byId(uid(2)) }, { expectError: true });
		expect(error.message).toBe('Nothing to update');
	});
});

describe('update role', () => {
	test('the permission profile changes through the membership update', async () => {
		const { json } = await user('updateRole', { user: byEmail('avery.chen@example.com'), account: MAIN, permissionProfile: String(P.admin) });
		expect(env.calls('POST', orgPath('/users/profiles'))[0].body).toEqual({
			users: [{ id: uid(2), site_id: 1, memberships: [{ account_id: MAIN, permission_profile: { id: P.admin } }] }],
		});
		expect(json[0].role).toBe('DS Admin');
	});

	test('a profile of another account is DocuSign’s per-user error', async () => {
		const { error } = await user('updateRole', { user: byId(uid(2)), account: MAIN, permissionProfile: '20491701' }, { expectError: true });
		expect(error.message).toContain('invalid_permission_profile');
	});
});

describe('close', () => {
	test('all accounts: every open membership from the profile', async () => {
		const { json } = await user('close', { user: byEmail('jordan.patel@example.com') });
		expect(env.calls('DELETE', orgPath(`/users/${uid(3)}/accounts`))[0].body).toEqual({ accounts: [{ id: MAIN }, { id: SALES }] });
		expect(json[0]).toEqual({
			userId: uid(3),
			success: true,
			closedAccounts: 2,
			accounts: [
				{ accountId: MAIN, closed: true },
				{ accountId: SALES, closed: true },
			],
		});
		expect(stateUser(uid(3)).user_status).toBe('closed');
	});

	test('selected accounts: the per-account error details are in the output; the item fails only if all failed', async () => {
		const { json } = await user('close', { user: byId(uid(2)), closeFrom: 'selectedAccounts', accounts: [MAIN, SALES] });
		expect(json[0]).toEqual({
			userId: uid(2),
			success: false,
			closedAccounts: 1,
			accounts: [
				{ accountId: MAIN, closed: true },
				{
					accountId: SALES,
					closed: false,
					error: 'membership_not_found',
					errorDescription: `User '${uid(2)}' has no open membership in account '${SALES}'.`,
				},
			],
		});
		expect(env.mock.requests.filter((r) => r.path.endsWith('/profile') || r.path.endsWith('/dsprofile'))).toHaveLength(0);

		const { error } = await user('close', { user: byId(uid(4)), closeFrom: 'selectedAccounts', accounts: [SALES] }, { expectError: true });
		expect(error.message).toContain('DocuSign closed none of the user’s memberships');
		expect(error.message).toContain(`User '${uid(4)}' has no open membership in account '${SALES}'`);
	});

	test('a user with no open membership is already closed: nothing is sent', async () => {
		const { json } = await user('close', { user: byId(uid(27)) });
		expect(json[0]).toEqual({ userId: uid(27), success: true, closedAccounts: 0, accounts: [] });
		expect(env.mock.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
	});
});

describe('reactivate', () => {
	test('activates the membership with its ID and the site ID from the profile', async () => {
		const { json } = await user('reactivate', { user: byEmail('ximena.cruz@partner.example.org'), account: MAIN });
		const call = env.calls('POST', orgPath(`/users/${uid(29)}/memberships/${DOCUSIGN_IDS.membershipId(29, 1)}`));
		expect(call.map((r) => r.body)).toEqual([{ site_id: 1 }]);
		expect(json[0].status).toBe('active');
	});

	test('no membership on the account is a clear error', async () => {
		const { error } = await user('reactivate', { user: byId(uid(2)), account: SALES }, { expectError: true });
		expect(error.message).toBe(`The user has no membership in account ${SALES}`);
	});
});

describe('change team', () => {
	const dsUsers = (key) => env.mock.state.dsGroups.find((g) => g.ds_group_id === D[key]).user_ids;

	test('adds to the target DS group, then removes from the source', async () => {
		const { json } = await user('changeTeam', {
			user: byEmail('avery.chen@example.com'),
			account: MAIN,
			toDsGroup: byId(D.salesOps),
			fromDsGroup: byId(D.engineering),
		});
		expect(json[0]).toEqual({ userId: uid(2), accountId: MAIN, toDsGroupId: D.salesOps, fromDsGroupId: D.engineering, success: true });
		const writes = env.mock.requests.filter((r) => r.method !== 'GET' && r.path.includes('/dsgroups/'));
		expect(writes.map((r) => [r.method, r.path.split('/dsgroups/')[1], r.body])).toEqual([
			['POST', `${D.salesOps}/users`, { user_ids: [uid(2)] }],
			['DELETE', `${D.engineering}/users`, { user_ids: [uid(2)] }],
		]);
		expect(dsUsers('salesOps')).toContain(uid(2));
		expect(dsUsers('engineering')).not.toContain(uid(2));
	});

	test('without a source it only adds; a user outside the account is DocuSign’s per-user error', async () => {
		await user('changeTeam', { user: byId(uid(10)), account: MAIN, toDsGroup: byId(D.support) });
		expect(dsUsers('support')).toEqual([uid(10)]);
		expect(env.mock.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

		const { error } = await user('changeTeam', { user: byId(uid(21)), account: MAIN, toDsGroup: byId(D.support) }, { expectError: true });
		expect(error.message).toBe(`DocuSign could not add 1 user to the DS group: ${uid(21)}: User '${uid(21)}' is not a member of the account.`);
	});
});

describe('update email', () => {
	test('sends id, site_id and the new email', async () => {
		const { json } = await user('updateEmail', { user: byId(uid(2)), newEmail: 'avery.c@example.com' });
		expect(env.calls('POST', orgPath('/users/email_addresses'))[0].body).toEqual({
			users: [{ id: uid(2), site_id: 1, email: 'avery.c@example.com' }],
		});
		expect(json[0].email).toBe('avery.c@example.com');
	});

	test('an email in use is DocuSign’s per-user error', async () => {
		const { error } = await user('updateEmail', { user: byId(uid(2)), newEmail: 'jordan.patel@example.com' }, { expectError: true });
		expect(error.message).toContain('email_already_in_use');
	});
});
