'use strict';
// SignNow User operations (reference §2.3; organization users from seed 000) through the n8n harness.

const { U, SIGNNOW_IDS, startSignNow } = require('./setup');

let env;
beforeAll(async () => {
	env = await startSignNow();
});
afterAll(async () => env.mock.close());
beforeEach(() => {
	env.mock.reset();
	env.mock.offer = { teams: true, organizations: true };
});

describe('create account', () => {
	test('POST /user with the app’s Basic token, never the Bearer token; the output is the normalized record', async () => {
		const { json } = await env.run({
			resource: 'user',
			operation: 'create',
			email: 'new.hire@example.com',
			password: 'Hire-pass-2291',
			firstName: 'New',
			lastName: 'Hire',
			additionalFields: { number: '+1 555 0100' },
		});
		const [call] = env.calls('POST', '/user');
		expect(call.headers.authorization).toBe(`Basic ${env.mock.basicToken}`);
		expect(call.body).toEqual({ email: 'new.hire@example.com', password: 'Hire-pass-2291', first_name: 'New', last_name: 'Hire', number: '+1 555 0100' });
		expect(env.mock.tokenRequests).toHaveLength(0);
		const stored = env.mock.state.users.find((u) => u.email === 'new.hire@example.com');
		expect(json).toEqual([
			{
				vendor: 'signnow',
				id: stored.id,
				email: 'new.hire@example.com',
				firstName: 'New',
				lastName: 'Hire',
				role: null,
				status: 'invited',
				teamId: null,
				teamName: null,
				createdAt: null,
				updatedAt: null,
			},
		]);
		expect(JSON.stringify(json)).not.toContain('Hire-pass-2291');
	});

	test('Simplify off outputs SignNow’s own answer {id, verified, email}', async () => {
		const { json } = await env.run({ resource: 'user', operation: 'create', email: 'raw.one@example.com', password: 'Raw-pass-123', firstName: 'Raw', simplify: false });
		expect(json).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{40}$/), verified: 0, email: 'raw.one@example.com' }]);
	});

	test('an existing email gives SignNow’s message and status', async () => {
		const { error } = await env.run(
			{ resource: 'user', operation: 'create', email: 'ben.carter@example.com', password: 'Long-enough-1' },
			{ expectError: true },
		);
		expect(error.message).toBe('SignNow returned 400: Email already in use (65591)');
		expect(error.httpCode).toBe('400');
	});

	test('a bad email or an empty password is refused before any request', async () => {
		const bad = await env.run({ resource: 'user', operation: 'create', email: 'nope', password: 'x' }, { expectError: true });
		expect(bad.error.message).toBe('"nope" is not a valid email address');
		const empty = await env.run(
			{ resource: 'user', operation: 'create', email: 'a@example.com', password: '={{ $json.password }}' },
			{ items: [{ json: { password: '' } }], expectError: true },
		);
		expect(empty.error.message).toBe('No password given');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('current user', () => {
	test('get current: role and team from the first team, status from active/verified', async () => {
		const { json } = await env.run({ resource: 'user', operation: 'getCurrent' });
		expect(json[0]).toEqual({
			vendor: 'signnow',
			id: U(1),
			email: 'ada.admin@example.com',
			firstName: 'Ada',
			lastName: 'Admin',
			role: 'admin',
			status: 'active',
			teamId: SIGNNOW_IDS.teams.sales,
			teamName: 'Sales',
			createdAt: '2024-01-02T00:00:00.000Z',
			updatedAt: null,
		});
		const raw = await env.run({ resource: 'user', operation: 'getCurrent', simplify: false });
		expect(raw.json[0]).toMatchObject({ id: U(1), active: '1', verified: '1', organization: { id: SIGNNOW_IDS.organizationId } });
	});

	test.each([
		[{ active: '0', verified: '1' }, 'deactivated'],
		[{ active: '1', verified: '0' }, 'invited'],
	])('status of an account %j is %s', async (flags, status) => {
		env.mock.failNext({ status: 200, body: { id: U(1), first_name: 'Ada', created: '1704153600', ...flags }, match: (r) => r.method === 'GET' && r.path === '/user' });
		const { json } = await env.run({ resource: 'user', operation: 'getCurrent' });
		expect(json[0].status).toBe(status);
	});

	test('update current: PUT /user, then the user read back', async () => {
		const { json } = await env.run({ resource: 'user', operation: 'updateCurrent', updateFields: { firstName: 'Adeline', logoutAll: true } });
		expect(env.calls('PUT', '/user')[0].body).toEqual({ first_name: 'Adeline', logout_all: 'true' });
		expect(json[0]).toMatchObject({ id: U(1), firstName: 'Adeline' });
	});

	test('a new password needs the current one, checked before any request', async () => {
		const { error } = await env.run({ resource: 'user', operation: 'updateCurrent', updateFields: { newPassword: 'x-new-password' } }, { expectError: true });
		expect(error.message).toBe('No current password given');
		const nothing = await env.run({ resource: 'user', operation: 'updateCurrent', updateFields: {} }, { expectError: true });
		expect(nothing.error.message).toBe('Nothing to update');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('resend verification email: POST /user/verifyemail with the Basic token', async () => {
		const { json } = await env.run({ resource: 'user', operation: 'resendVerification', email: 'kai.tanaka@example.com' });
		expect(json).toEqual([{ email: 'kai.tanaka@example.com', sent: true, status: 'success' }]);
		const [call] = env.calls('POST', '/user/verifyemail');
		expect(call.headers.authorization).toBe(`Basic ${env.mock.basicToken}`);
		expect(call.body).toEqual({ email: 'kai.tanaka@example.com' });
		expect(env.mock.state.verificationEmails.map((v) => v.email)).toEqual(['kai.tanaka@example.com']);
	});
});

describe('organization users (Get Many)', () => {
	test('the organization is found for the user (GET /user); Limit asks for one page of that size', async () => {
		const { json } = await env.run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 5 });
		expect(json).toHaveLength(5);
		expect(json[1]).toEqual({
			vendor: 'signnow',
			id: U(2),
			email: 'ben.carter@example.com',
			firstName: 'Ben',
			lastName: 'Carter',
			role: null,
			status: null,
			teamId: null,
			teamName: null,
			createdAt: null,
			updatedAt: null,
		});
		const listed = env.calls('GET', `/api/v2/organizations/${SIGNNOW_IDS.organizationId}/users`);
		expect(listed.map((r) => r.query)).toEqual([{ page: '1', per_page: '5' }]);
		expect(env.calls('GET', '/user')).toHaveLength(1);
	});

	test('without an organization in GET /user, the only one GET /api/v2/organizations lists is used', async () => {
		const noOrganization = { id: U(1), first_name: 'Ada', last_name: 'Admin', active: '1', verified: '1', teams: [] };
		env.mock.failNext({ status: 200, body: noOrganization, match: (r) => r.method === 'GET' && r.path === '/user' });
		const { json } = await env.run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(json).toHaveLength(12);
		expect(env.calls('GET', '/api/v2/organizations')).toHaveLength(1);
	});

	test('GET /api/v2/organizations may answer a bare list', async () => {
		const noOrganization = { id: U(1), first_name: 'Ada', last_name: 'Admin', active: '1', verified: '1', teams: [] };
		env.mock.failNext({ status: 200, body: noOrganization, match: (r) => r.method === 'GET' && r.path === '/user' });
		env.mock.failNext({ status: 200, body: [{ id: SIGNNOW_IDS.organizationId, name: 'Acme Signing' }], match: (r) => r.path === '/api/v2/organizations' });
		const { json } = await env.run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 3 });
		expect(json).toHaveLength(3);
	});

	test('a user in no organization gets an error saying so', async () => {
		const org = env.mock.state.organizations[0];
		org.userIds = org.userIds.filter((id) => id !== U(1));
		const { error } = await env.run({ resource: 'user', operation: 'getAll', returnAll: true }, { expectError: true });
		expect(error.message).toBe('The credential’s user belongs to no SignNow organization');
		expect(error.description).toMatch(/organization ID/);
	});

	test('an organization chosen by ID is used as given', async () => {
		const { json } = await env.run({ resource: 'user', operation: 'getAll', returnAll: true, organization: SIGNNOW_IDS.organizationId });
		expect(json).toHaveLength(12);
		expect(env.calls('GET', '/user')).toHaveLength(0);
	});

	test('a missing organization route says the account’s API does not offer it', async () => {
		env.mock.offer.organizations = false;
		const { error } = await env.run({ resource: 'user', operation: 'getAll', returnAll: true }, { expectError: true });
		expect(error.message).toBe("This SignNow account's API does not offer organization users");
		expect(error.description).toMatch(/Unable to find a route to match the URI: api\/v2\/organizations\/.*\/users/);
		expect(error.httpCode).toBe('404');
	});
});

describe('organization users: pagination over many pages', () => {
	let big;
	afterEach(async () => big?.mock.close());

	test('Return All walks pages of 100 using meta.total; Limit stops as soon as it is reached', async () => {
		big = await startSignNow({ orgUserCount: 238 }); // 250 users
		const all = await big.run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(all.json).toHaveLength(250);
		expect(new Set(all.json.map((u) => u.id)).size).toBe(250);
		const path = `/api/v2/organizations/${SIGNNOW_IDS.organizationId}/users`;
		expect(big.calls('GET', path).map((r) => [r.query.page, r.query.per_page]).sort()).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		big.mock.requests.length = 0;
		const some = await big.run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 130 });
		expect(some.json).toHaveLength(130);
		expect(big.calls('GET', path).map((r) => [r.query.page, r.query.per_page])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
	});
});
