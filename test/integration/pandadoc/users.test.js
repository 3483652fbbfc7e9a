'use strict';
// PandaDoc users and workspaces (reference §4.3): create (201), count/page lists answering `total`,
// show_removed, deactivate.

const { MAIN, SALES, PANDADOC_IDS, byId, byEmail, startPandaDoc } = require('./setup');

let env;
beforeAll(async () => {
	env = await startPandaDoc({ maxCount: 5 });
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const run = (...args) => env.run(...args);
const calls = (...args) => env.calls(...args);

describe('user: create', () => {
	test('with the key’s workspace, a role, a license, more workspaces and the notify options', async () => {
		const { json } = await run({
			resource: 'user',
			operation: 'create',
			email: 'new.hire@example.com',
			role: 'Manager',
			license: 'eSign',
			additionalFields: { firstName: 'New', lastName: 'Hire', phoneNumber: '+1 555 0100', additionalWorkspaces: { workspace: [{ id: SALES, role: 'Collaborator' }] } },
			options: { notifyUser: false },
		});
		const [call] = calls('POST', '/public/v1/users');
		expect(call.query).toEqual({ notify_user: 'false' });
		expect(call.body).toEqual({
			user: { email: 'new.hire@example.com', first_name: 'New', last_name: 'Hire', phone_number: '+1 555 0100' },
			workspaces: [
				{ workspace_id: MAIN, role: 'Manager' },
				{ workspace_id: SALES, role: 'Collaborator' },
			],
			license: 'eSign',
		});
		const created = env.mock.state.users.find((u) => u.email === 'new.hire@example.com');
		expect(json).toEqual([
			{
				vendor: 'pandadoc',
				id: created.user_id,
				email: 'new.hire@example.com',
				firstName: 'New',
				lastName: 'Hire',
				role: 'Manager',
				status: null,
				teamId: MAIN,
				teamName: null,
				createdAt: null,
				updatedAt: null,
			},
		]);
		expect(env.mock.state.log.at(-1)).toMatchObject({ type: 'createUser', notifyUser: false, notifyWsAdmins: false });
	});

	test('Simplify off: the new user with each workspace’s membership ID from the 201', async () => {
		const { json } = await run({ resource: 'user', operation: 'create', email: 'raw@example.com', workspace: byId(SALES), role: 'Member', license: 'Full', simplify: false });
		const membership = env.mock.state.memberships.find((m) => m.workspace_id === SALES && env.mock.state.users.find((u) => u.user_id === m.user_id).email === 'raw@example.com');
		expect(json[0]).toEqual({
			user_id: membership.user_id,
			email: 'raw@example.com',
			license: 'Full',
			workspaces: [{ workspace_id: SALES, role: 'Member', membership_id: membership.membership_id }],
		});
		expect(calls('GET', '/public/v1/members/current')).toHaveLength(0);
	});

	test('a role in Additional Workspaces that is none of the four is refused before any request', async () => {
		const { error } = await run(
			{
				resource: 'user',
				operation: 'create',
				email: 'x@example.com',
				role: 'Member',
				license: 'Full',
				additionalFields: { additionalWorkspaces: { workspace: [{ id: SALES, role: '={{ "Owner" }}' }] } },
			},
			{ expectError: true },
		);
		expect(error.message).toBe('Additional Workspaces: Role must be one of Admin, Manager, Member, Collaborator, not "Owner"');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('a license from an expression that PandaDoc does not know is refused before any request', async () => {
		const { error } = await run({ resource: 'user', operation: 'create', email: 'x@example.com', role: 'Member', license: '={{ "Premium" }}' }, { expectError: true });
		expect(error.message).toBe('License must be one of Full, eSign, Read-only, Creator, Guest, not "Premium"');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('a bad email is refused before any request; an existing one gets PandaDoc’s message', async () => {
		const bad = await run({ resource: 'user', operation: 'create', email: 'nope', role: 'Member', license: 'Full' }, { expectError: true });
		expect(bad.error.message).toBe('"nope" in Email is not a valid email address');
		expect(env.mock.requests).toHaveLength(0);
		const taken = await run({ resource: 'user', operation: 'create', email: 'ben.brooks@example.com', workspace: byId(MAIN), role: 'Member', license: 'Full' }, { expectError: true });
		expect(taken.error.message).toBe('PandaDoc returned 400: User with email ben.brooks@example.com already exists.');
	});
});

describe('user: get many', () => {
	test('Return All reads `total` and fetches the rest of the pages the server serves', async () => {
		const { json } = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(json).toHaveLength(12);
		expect(json[0]).toMatchObject({ vendor: 'pandadoc', id: PANDADOC_IDS.adminUserId, role: 'Admin', teamId: MAIN, status: null });
		// The mock serves 5 a page whatever is asked: 12 users → pages 1–3.
		expect(calls('GET', '/public/v1/users').map((r) => [r.query.page, r.query.count]).sort()).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	test('Limit asks for that many; Show Removed sends show_removed', async () => {
		await run({ resource: 'member', operation: 'remove', member: byEmail('kai.king@example.com'), workspace: byId(SALES) });
		const listed = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(listed.json.map((u) => u.email)).not.toContain('kai.king@example.com');
		const removed = await run({ resource: 'user', operation: 'getAll', returnAll: true, filters: { showRemoved: true }, simplify: false });
		expect(removed.json.find((u) => u.email === 'kai.king@example.com')).toMatchObject({ workspaces: [] });
		expect(calls('GET', '/public/v1/users').at(-1).query).toMatchObject({ show_removed: 'true' });
		env.mock.requests.length = 0;
		const some = await run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 3 });
		expect(some.json).toHaveLength(3);
		expect(calls('GET', '/public/v1/users').map((r) => r.query)).toEqual([{ page: '1', count: '3' }]);
	});
});

describe('workspace', () => {
	test('create (201), get many, deactivate', async () => {
		const created = await run({ resource: 'workspace', operation: 'create', name: 'Legal' });
		expect(created.json).toEqual([{ id: expect.any(String), name: 'Legal' }]);
		expect(calls('POST', '/public/v1/workspaces')[0].body).toEqual({ name: 'Legal' });
		const { id } = created.json[0];

		const all = await run({ resource: 'workspace', operation: 'getAll', returnAll: true });
		expect(all.json.map((w) => w.name)).toEqual(['Acme', 'Acme Sales', 'Legal']);
		expect(all.json[0]).toEqual({ id: MAIN, name: 'Acme', date_created: expect.any(String), owner: PANDADOC_IDS.adminUserId });

		const deactivated = await run({ resource: 'workspace', operation: 'deactivate', workspace: byId(id) });
		expect(deactivated.json).toEqual([{ id, deactivated: true }]);
		expect(calls('POST', `/public/v1/workspaces/${id}/deactivate`)).toHaveLength(1);
		expect((await run({ resource: 'workspace', operation: 'getAll', returnAll: true })).json.map((w) => w.name)).toEqual(['Acme', 'Acme Sales']);
	});

	test('an empty name is refused; an unknown workspace gets 404', async () => {
		const { error } = await run({ resource: 'workspace', operation: 'create', name: ' ' }, { expectError: true });
		expect(error.message).toBe('Name is empty');
		const missing = await run({ resource: 'workspace', operation: 'deactivate', workspace: byId('ws-none') }, { expectError: true });
		expect(missing.error.message).toBe('PandaDoc returned 404: Workspace not found.');
	});
});
