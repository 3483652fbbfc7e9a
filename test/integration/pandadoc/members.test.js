'use strict';
// PandaDoc members through n8n-core's execution engine against the PandaDoc mock over HTTP (reference §4.3):
// get, get many, get current, add to workspace, update role, the list searches, and errors.

const { API_KEY, MAIN, SALES, PANDADOC_IDS, byId, byUserId, byEmail, startPandaDoc } = require('./setup');

const mid = PANDADOC_IDS.membershipId;
const uid = PANDADOC_IDS.userId;

let env;
beforeAll(async () => {
	env = await startPandaDoc();
});
afterAll(async () => env.mock.close());
beforeEach(() => {
	env.mock.reset();
	env.mock.memberPatch = true;
});

const run = (...args) => env.run(...args);
const calls = (...args) => env.calls(...args);

describe('member: get', () => {
	test('by membership ID: the normalized record from GET /public/v1/members/{id}, sent with API-Key', async () => {
		const { json, output } = await run({ resource: 'member', operation: 'get', member: byId(mid(2)) });
		expect(json).toEqual([
			{
				vendor: 'pandadoc',
				id: uid(2),
				email: 'ben.brooks@example.com',
				firstName: 'Ben',
				lastName: 'Brooks',
				role: 'Manager',
				status: 'active',
				teamId: MAIN,
				teamName: 'Acme',
				createdAt: '2024-03-03T09:00:00.000Z',
				updatedAt: '2024-04-02T09:00:00.000Z',
			},
		]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const [call] = calls('GET', `/public/v1/members/${mid(2)}`);
		expect(call.headers.authorization).toBe(`API-Key ${API_KEY}`);
	});

	test('by email and by user ID: found in the workspace list; Simplify off gives MemberDetails', async () => {
		const { json } = await run(
			{ resource: 'member', operation: 'get', member: '={{ $json.member }}', simplify: false },
			{ items: [{ json: { member: byEmail('Cleo.Carter@example.com') } }, { json: { member: byUserId(uid(4)) } }] },
		);
		expect(json.map((m) => m.membership_id)).toEqual([mid(3), mid(4)]);
		expect(Object.keys(json[0]).sort()).toEqual(
			['date_created', 'date_modified', 'email', 'emails_verified', 'first_name', 'is_active', 'last_name', 'membership_id', 'role', 'user_id', 'user_license', 'workspace', 'workspace_name'].sort(),
		);
		// One list for both items; no member by ID, and no members/current: the list is the key's workspace.
		expect(calls('GET', '/public/v1/members')).toHaveLength(1);
		expect(calls('GET', '/public/v1/members/current')).toHaveLength(0);
		expect(calls('GET', /^\/public\/v1\/members\/pd-/)).toHaveLength(0);
	});

	test('an inactive member is deactivated', async () => {
		const { json } = await run({ resource: 'member', operation: 'get', member: byId(mid(9)) });
		expect(json[0]).toMatchObject({ id: uid(9), status: 'deactivated', role: 'Collaborator' });
	});

	test('an unknown email is a clear error naming the workspace', async () => {
		const { error } = await run({ resource: 'member', operation: 'get', member: byEmail('nobody@example.com') }, { expectError: true });
		expect(error.message).toBe(`No member of workspace ${MAIN} has the email nobody@example.com`);
	});

	test('an unknown membership ID gives PandaDoc’s {type, detail} message and status', async () => {
		const { error } = await run({ resource: 'member', operation: 'get', member: byId('pd-mbr-none') }, { expectError: true });
		expect(error.message).toBe('PandaDoc returned 404: Member not found.');
		expect(error.httpCode).toBe('404');
		expect(error.description).toMatch(/pick the member/);
	});

	test('a malformed email from an expression is refused before any request', async () => {
		const { error } = await run(
			{ resource: 'member', operation: 'get', member: { __rl: true, mode: 'email', value: '={{ $json.email }}' } },
			{ items: [{ json: { email: 'not-an-email' } }], expectError: true },
		);
		expect(error.message).toBe('"not-an-email" in Member is not a valid email address');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('continue on fail: the bad item becomes an error item paired to its input', async () => {
		const { output } = await run(
			{ resource: 'member', operation: 'get', member: '={{ $json.member }}' },
			{ items: [{ json: { member: byId(mid(1)) } }, { json: { member: byId('pd-mbr-none') } }], continueOnFail: true },
		);
		expect(output[0]).toMatchObject({ json: { id: uid(1) }, pairedItem: { item: 0 } });
		expect(output[1]).toEqual({
			json: { error: 'PandaDoc returned 404: Member not found.', description: expect.any(String), httpCode: '404' },
			pairedItem: { item: 1 },
		});
	});
});

describe('member: get many and get current', () => {
	test('Get Many lists the credential’s workspace in one request; Limit cuts the list', async () => {
		const all = await run({ resource: 'member', operation: 'getAll', returnAll: true });
		expect(all.json.map((m) => m.id).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map(uid).sort());
		expect(all.json.every((m) => m.teamId === MAIN)).toBe(true);
		const some = await run({ resource: 'member', operation: 'getAll', returnAll: false, limit: 3 });
		expect(some.json).toHaveLength(3);
		expect(calls('GET', '/public/v1/members').map((r) => r.query)).toEqual([{}, {}]);
	});

	test('Get Current is the key’s own member', async () => {
		const { json } = await run({ resource: 'member', operation: 'getCurrent' });
		expect(json[0]).toMatchObject({ id: PANDADOC_IDS.adminUserId, role: 'Admin', teamId: MAIN, teamName: 'Acme' });
		expect(calls('GET', '/public/v1/members/current')).toHaveLength(1);
	});
});

describe('member: add to workspace', () => {
	test('by email into the key’s workspace when none is chosen: POST …/members {user_id, role} → 201', async () => {
		const { json } = await run({ resource: 'member', operation: 'addToWorkspace', user: byEmail('jade.jensen@example.com'), role: 'Manager' });
		const [call] = calls('POST', `/public/v1/workspaces/${MAIN}/members`);
		expect(call.body).toEqual({ user_id: uid(10), role: 'Manager' });
		expect(call.query).toEqual({});
		expect(json[0]).toMatchObject({ vendor: 'pandadoc', id: uid(10), email: 'jade.jensen@example.com', role: 'Manager', teamId: MAIN });
		expect(env.mock.state.memberships.some((m) => m.user_id === uid(10) && m.workspace_id === MAIN && !m.removed)).toBe(true);
		// Jade is not in the key's workspace: found through the organization's users.
		expect(calls('GET', '/public/v1/users')).toHaveLength(1);
	});

	test('the key’s workspace is read once per execution, for every item', async () => {
		const { json } = await run(
			{ resource: 'member', operation: 'addToWorkspace', user: '={{ $json.user }}', role: 'Member' },
			{ items: [{ json: { user: byId(uid(10)) } }, { json: { user: byId(uid(11)) } }] },
		);
		expect(json.map((m) => m.teamId)).toEqual([MAIN, MAIN]);
		expect(calls('POST', `/public/v1/workspaces/${MAIN}/members`)).toHaveLength(2);
		expect(calls('GET', '/public/v1/members/current')).toHaveLength(1);
	});

	test('by user ID into a chosen workspace, with the notify options; Simplify off keeps the 201 body', async () => {
		const { json } = await run({
			resource: 'member',
			operation: 'addToWorkspace',
			user: byId(uid(4)),
			workspace: byId(SALES),
			role: 'Collaborator',
			options: { notifyUser: false, notifyWsAdmins: true },
			simplify: false,
		});
		const [call] = calls('POST', `/public/v1/workspaces/${SALES}/members`);
		expect(call.query).toEqual({ notify_user: 'false', notify_ws_admins: 'true' });
		expect(json[0]).toMatchObject({ member_id: expect.any(String), workspace_id: SALES, role: 'Collaborator', email: 'dev.desai@example.com', user_id: uid(4) });
		expect(calls('GET', '/public/v1/members/current')).toHaveLength(0);
	});

	test('an existing member gets PandaDoc’s 400 message', async () => {
		const { error } = await run({ resource: 'member', operation: 'addToWorkspace', user: byId(uid(2)), role: 'Member' }, { expectError: true });
		expect(error.message).toBe('PandaDoc returned 400: User is already a member of this workspace.');
	});
});

describe('member: update role (PATCH /public/v1/members/{id}, seed 004 only)', () => {
	test('sends {role}, then reads the member back', async () => {
		const { json } = await run({ resource: 'member', operation: 'updateRole', member: byEmail('eli.evans@example.com'), role: 'Admin' });
		const [patch] = calls('PATCH', `/public/v1/members/${mid(5)}`);
		expect(patch.body).toEqual({ role: 'Admin' });
		expect(json[0]).toMatchObject({ id: uid(5), role: 'Admin' });
		expect(env.membership(mid(5)).role).toBe('Admin');
	});

	test('a server without the endpoint: a clear error, and nothing changed', async () => {
		env.mock.memberPatch = false;
		const { error } = await run({ resource: 'member', operation: 'updateRole', member: byId(mid(5)), role: 'Admin' }, { expectError: true });
		expect(error.message).toBe(
			'PandaDoc refused the role change (PATCH /public/v1/members/{id} is not in PandaDoc’s published API): PandaDoc returned 405: Method "PATCH" not allowed.',
		);
		expect(error.httpCode).toBe('405');
		expect(error.description).toMatch(/remove the member \(with Transfer Documents To\) and add them again/);
		expect(env.membership(mid(5)).role).toBe('Member');
	});

	test.each([404, 501])('a %i to the PATCH after the member was read is a refusal too', async (status) => {
		env.mock.failNext({ status, match: (r) => r.method === 'PATCH' });
		const { error } = await run({ resource: 'member', operation: 'updateRole', member: byId(mid(5)), role: 'Admin' }, { expectError: true });
		expect(error.message).toMatch(/^PandaDoc refused the role change/);
		expect(error.httpCode).toBe(String(status));
	});

	test('a role from an expression that is none of the four is refused before any request', async () => {
		const { error } = await run({ resource: 'member', operation: 'updateRole', member: byId(mid(5)), role: '={{ "Owner" }}' }, { expectError: true });
		expect(error.message).toBe('Role must be one of Admin, Manager, Member, Collaborator, not "Owner"');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('a 400 whose detail holds field messages shows them', async () => {
		env.mock.failNext({ status: 400, body: { type: 'request_error', detail: { role: ['"Admin" is not allowed for this license.'] } }, match: (r) => r.method === 'PATCH' });
		const { error } = await run({ resource: 'member', operation: 'updateRole', member: byId(mid(8)), role: 'Admin' }, { expectError: true });
		expect(error.message).toBe('PandaDoc returned 400: role: "Admin" is not allowed for this license.');
	});
});

describe('list searches and dropdowns', () => {
	const search = (method, filter, paginationToken) =>
		env.n8n.loadOptions({ type: 'pandaDoc', method, parameters: { authentication: 'apiKey' }, filter, paginationToken });

	test('members of the key’s workspace by name or email; the value is the membership ID', async () => {
		const { results } = await search('searchMembers', 'cart');
		expect(results).toEqual([{ name: 'Cleo Carter <cleo.carter@example.com>', value: mid(3) }]);
	});

	test('users of the organization, page by page', async () => {
		const { results, paginationToken } = await search('searchUsers', 'kai');
		expect(results).toEqual([{ name: 'Kai King <kai.king@example.com>', value: uid(11) }]);
		expect(paginationToken).toBeUndefined();
		expect(calls('GET', '/public/v1/users')[0].query).toEqual({ page: '1', count: '100' });
	});

	test('workspaces by name, and the dropdown of every workspace', async () => {
		expect((await search('searchWorkspaces', 'sales')).results).toEqual([{ name: 'Acme Sales', value: SALES }]);
		const options = await env.n8n.loadOptions({ type: 'pandaDoc', kind: 'loadOptions', method: 'getWorkspaces', parameters: { authentication: 'apiKey' } });
		expect(options).toEqual([
			{ name: 'Acme', value: MAIN },
			{ name: 'Acme Sales', value: SALES },
		]);
	});
});

describe('errors', () => {
	test('a wrong key gets 401 with what to check; the key appears nowhere', async () => {
		const { createInstance } = require('../../helpers/harness');
		const wrong = await createInstance({ pandaDocApi: { apiKey: 'pd-wrong-key-9d8c7b6a', baseUrl: env.mock.url } });
		const result = await wrong.run({ type: 'pandaDoc', parameters: { resource: 'member', operation: 'getCurrent' } });
		expect(result.error.message).toBe('PandaDoc returned 401: Invalid API key or access token.');
		expect(result.error.description).toMatch(/API-Key <key>/);
		expect(JSON.stringify(result.error)).not.toContain('pd-wrong-key-9d8c7b6a');
	});

	test('5xx on a GET is retried; on a POST it is not', async () => {
		env.mock.failNext({ status: 503, match: (r) => r.method === 'GET' });
		expect((await run({ resource: 'member', operation: 'getCurrent' })).json[0].id).toBe(PANDADOC_IDS.adminUserId);
		expect(calls('GET', '/public/v1/members/current')).toHaveLength(2);
		env.mock.failNext({ status: 502, match: (r) => r.method === 'POST' });
		const { error } = await run({ resource: 'workspace', operation: 'create', name: 'Once' }, { expectError: true });
		expect(error.httpCode).toBe('502');
		expect(calls('POST', '/public/v1/workspaces')).toHaveLength(1);
	});
});
