'use strict';
// Organizations (with automatic discovery), accounts and DS groups; rate limits and Continue On Fail.

const { ORG, MAIN, SALES, DOCUSIGN_IDS, byId, startDocuSign, adminPath, isAdmin } = require('./setup');

const D = DOCUSIGN_IDS.dsGroups;
const uid = DOCUSIGN_IDS.userId;

let env;
beforeAll(async () => {
	env = await startDocuSign();
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const dsGroup = (operation, parameters = {}, extra) => env.run({ resource: 'dsGroup', operation, organization: ORG, account: MAIN, ...parameters }, extra);
const dsPath = (suffix = '') => adminPath(`/v2.1/organizations/${ORG}/accounts/${MAIN}/dsgroups${suffix}`);
const listOrgs = () => env.calls('GET', '/management/v2/organizations');

describe('organization', () => {
	test('get many lists the organizations; Include is sent as mode', async () => {
		const { json } = await env.run({ resource: 'organization', operation: 'getAll', returnAll: true, mode: 'account_membership' });
		expect(json).toEqual([expect.objectContaining({ id: ORG, name: 'Acme Corp', default_account_id: MAIN })]);
		expect(listOrgs()[0].query).toEqual({ mode: 'account_membership' });
	});

	test('automatic: one organization is found once per execution, not per item, and not cached across executions', async () => {
		const items = [2, 3, 4].map((n) => ({ json: { id: uid(n) } }));
		const parameters = { resource: 'user', operation: 'get', user: '={{ { "__rl": true, "mode": "id", "value": $json.id } }}' };
		const { json } = await env.run(parameters, { items });
		expect(json.map((u) => u.id)).toEqual([uid(2), uid(3), uid(4)]);
		expect(listOrgs()).toHaveLength(1);
		expect(env.calls('GET', /\/dsprofile$/).every((r) => r.path.includes(`/organizations/${ORG}/`))).toBe(true);
		await env.run(parameters, { items });
		expect(listOrgs()).toHaveLength(2);
	});

	test('automatic: a user who administers no organization gets a clear error', async () => {
		env.mock.state.users.find((u) => u.id === DOCUSIGN_IDS.adminUserId).is_organization_admin = false;
		const { error } = await env.run({ resource: 'user', operation: 'get', user: byId(uid(2)) }, { expectError: true });
		expect(error.message).toBe('The credential’s user administers no DocuSign organization');
	});

	test('automatic: several organizations are listed by name and ID; choosing one works', async () => {
		const two = await startDocuSign({ organizationCount: 2 });
		try {
			const { error } = await two.run({ resource: 'user', operation: 'get', user: byId(uid(2)) }, { expectError: true });
			expect(error.message).toBe(
				`The credential’s user administers 2 DocuSign organizations: Acme Corp (${ORG}), Globex Subsidiary (${DOCUSIGN_IDS.secondOrganizationId})`,
			);
			expect(error.description).toMatch(/Organization field/);
			const chosen = await two.run({
				resource: 'user',
				operation: 'getAll',
				organization: DOCUSIGN_IDS.secondOrganizationId,
				returnAll: true,
				filters: { account: DOCUSIGN_IDS.subsidiaryAccountId },
			});
			expect(chosen.json.map((u) => u.email)).toEqual(['morgan.reyes@example.com', 'zara.lindqvist@example.com', 'ansel.varga@example.com']);
		} finally {
			await two.mock.close();
		}
	});
});

describe('account', () => {
	test('permission profiles: one item per profile', async () => {
		const { json } = await env.run({ resource: 'account', operation: 'getPermissionProfiles', organization: ORG, account: SALES });
		expect(json).toEqual([
			{ id: 20491701, name: 'DS Admin' },
			{ id: 20491702, name: 'DS Sender' },
			{ id: 20491703, name: 'DS Viewer' },
		]);
	});

	test('groups: Return All, and Limit asking for that many', async () => {
		const all = await env.run({ resource: 'account', operation: 'getGroups', organization: ORG, account: MAIN, returnAll: true });
		expect(all.json.map((g) => g.name)).toEqual(['Administrators', 'Everyone', 'Legal', 'Finance', 'Marketing', 'HR']);
		const two = await env.run({ resource: 'account', operation: 'getGroups', organization: ORG, account: MAIN, limit: 2 });
		expect(two.json).toHaveLength(2);
		expect(env.calls('GET', adminPath(`/v2/organizations/${ORG}/accounts/${MAIN}/groups`)).map((r) => r.query)).toEqual([
			{ start: '0', take: '100' },
			{ start: '0', take: '2' },
		]);
	});
});

describe('DS group', () => {
	test('create, get, get many, delete', async () => {
		const created = await dsGroup('create', { groupName: 'Legal Ops', description: 'Contracts' });
		expect(env.calls('POST', dsPath())[0].body).toEqual({ group_name: 'Legal Ops', description: 'Contracts' });
		const id = created.json[0].ds_group_id;
		expect(created.json[0]).toMatchObject({ group_name: 'Legal Ops', account_id: MAIN, user_count: 0 });

		const got = await dsGroup('get', { dsGroup: byId(id) });
		expect(got.json[0]).toMatchObject({ ds_group_id: id, description: 'Contracts' });

		const all = await dsGroup('getAll', { returnAll: true });
		expect(all.json.map((g) => g.group_name)).toEqual(['Administrators', 'Engineering', 'Sales Ops', 'Support', 'Legal Ops']);
		expect(env.calls('GET', dsPath()).map((r) => r.query)).toEqual([{ page: '1', page_size: '100' }]);

		const deleted = await dsGroup('delete', { dsGroup: byId(id) });
		expect(deleted.json).toEqual([{ deleted: true, dsGroupId: id }]);
		expect(env.mock.state.dsGroups.some((g) => g.ds_group_id === id)).toBe(false);
	});

	test('get users', async () => {
		const { json } = await dsGroup('getUsers', { dsGroup: byId(D.engineering), returnAll: true });
		expect(json.map((u) => u.user_id)).toEqual([2, 3, 4, 5, 6].map(uid));
	});

	test('add users by ID and email (emails resolved to IDs), remove them, and a failed removal is an error', async () => {
		const support = () => env.mock.state.dsGroups.find((g) => g.ds_group_id === D.support).user_ids;
		const users = `${uid(10)}, Logan.Pierce@example.com`;
		const added = await dsGroup('addUsers', { dsGroup: byId(D.support), users });
		expect(added.json).toEqual([{ dsGroupId: D.support, accountId: MAIN, userIds: [uid(10), uid(19)], success: true }]);
		expect(env.calls('POST', dsPath(`/${D.support}/users`))[0].body).toEqual({ user_ids: [uid(10), uid(19)] });
		expect(support()).toEqual([uid(10), uid(19)]);

		await dsGroup('removeUsers', { dsGroup: byId(D.support), users });
		expect(env.calls('DELETE', dsPath(`/${D.support}/users`))[0].body).toEqual({ user_ids: [uid(10), uid(19)] });
		expect(support()).toEqual([]);

		const { error } = await dsGroup('removeUsers', { dsGroup: byId(D.support), users: uid(10) }, { expectError: true });
		expect(error.message).toBe(`DocuSign could not remove 1 user from the DS group: ${uid(10)}: '${uid(10)}' is not a member of the group.`);
	});
});

describe('rate limits and Continue On Fail', () => {
	const getUser = { resource: 'user', operation: 'get', organization: ORG, user: byId(uid(2)) };

	test('a burst-limit 429 without reset or Retry-After is retried after a short wait', async () => {
		env.mock.failNext({ status: 429, headers: { 'X-BurstLimit-Limit': '500', 'X-BurstLimit-Remaining': '0' }, match: isAdmin });
		const started = Date.now();
		const { json } = await env.run(getUser);
		expect(json[0].id).toBe(uid(2));
		// 2 s backoff with jitter: between 1 and 2 s.
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(env.mock.requests.filter(isAdmin)).toHaveLength(2);
	});

	test('a burst-limit 429 carrying the hourly reset backs off instead of waiting for the hour', async () => {
		const reset = String(Math.floor(Date.now() / 1000) + 3600);
		env.mock.failNext({
			status: 429,
			headers: { 'X-RateLimit-Remaining': '2400', 'X-RateLimit-Reset': reset, 'X-BurstLimit-Remaining': '0' },
			match: isAdmin,
		});
		const started = Date.now();
		const { json } = await env.run(getUser);
		expect(json[0].id).toBe(uid(2));
		expect(Date.now() - started).toBeLessThan(10000);
		expect(env.mock.requests.filter(isAdmin)).toHaveLength(2);
	});

	test('a 429 with Retry-After is retried after that wait', async () => {
		env.mock.failNext({ status: 429, headers: { 'Retry-After': '0', 'X-RateLimit-Remaining': '0' }, match: isAdmin });
		const { json } = await env.run(getUser);
		expect(json[0].id).toBe(uid(2));
	});

	test('the hourly limit with its reset an hour away fails at once, saying so', async () => {
		const reset = String(Math.floor(Date.now() / 1000) + 3600);
		env.mock.failNext({ status: 429, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset }, match: isAdmin });
		const { error } = await env.run(getUser, { expectError: true });
		expect(error.message).toBe(
			"DocuSign's rate limit was reached: The maximum number of hourly API invocations has been exceeded. The hourly limit is 3000. (HOURLY_APIINVOCATION_LIMIT_EXCEEDED)",
		);
		expect(error.description).toMatch(/^The quota resets at [\d-]+T[\d:]+Z \(in about 60 min\)/);
		expect(env.mock.requests.filter(isAdmin)).toHaveLength(1);
	});

	test('Continue On Fail: a failing item becomes an error item paired to its input', async () => {
		const { output } = await env.run(
			{ resource: 'user', operation: 'get', organization: ORG, user: '={{ { "__rl": true, "mode": $json.mode, "value": $json.value } }}' },
			{
				items: [{ json: { mode: 'id', value: uid(2) } }, { json: { mode: 'email', value: 'ghost@example.com' } }, { json: { mode: 'id', value: 'nope' } }],
				continueOnFail: true,
			},
		);
		expect(output).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ id: uid(2) }), pairedItem: { item: 0 } }),
			{
				json: { error: 'No DocuSign user has the email ghost@example.com in this organization', description: 'Check the address or ID, and the organization.' },
				pairedItem: { item: 1 },
			},
			{
				json: { error: "DocuSign returned 404: User 'nope' was not found in the organization. (not_found)", description: expect.any(String), httpCode: '404' },
				pairedItem: { item: 2 },
			},
		]);
	});
});
