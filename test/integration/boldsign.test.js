'use strict';
// BoldSign node through n8n-core's execution engine against the BoldSign mock over HTTP (../shared/reference/vendor-apis.md §3).

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { createInstance, errorText } = require('../helpers/harness');

const API_KEY = 'bs-live-key-7f3a9c21';
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });

let mock;
let n8n;

function credentials(overrides = {}) {
	return { boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: mock.url, ...overrides } };
}

const calls = (method, path) => mock.requests.filter((r) => r.method === method && r.path === path);

async function run(parameters, extra = {}) {
	const result = await n8n.run({ type: 'boldSign', parameters, ...extra });
	// The API key must never reach an error or an output item, whatever failed.
	expect(errorText(result.error) + JSON.stringify(result.output)).not.toContain(API_KEY);
	if (result.error && !extra.expectError) throw result.error;
	return result;
}

beforeAll(async () => {
	mock = await startBoldSignMock({ apiKey: API_KEY });
	n8n = await createInstance(credentials());
});
afterAll(async () => mock.close());
beforeEach(() => {
	mock.reset();
	mock.rateLimit = null;
});

describe('user: get', () => {
	test('by ID returns the normalized record', async () => {
		const { json, output } = await run({ resource: 'user', operation: 'get', user: byId(BOLDSIGN_IDS.adminUserId) });
		expect(json).toEqual([
			{
				vendor: 'boldsign',
				id: BOLDSIGN_IDS.adminUserId,
				email: 'alice.johnson@example.com',
				firstName: 'Alice',
				lastName: 'Johnson',
				role: 'Admin',
				status: 'active',
				teamId: BOLDSIGN_IDS.defaultTeamId,
				teamName: 'Default',
				createdAt: expect.stringMatching(/^2024-01-02T/),
				updatedAt: expect.stringMatching(/^2024-01-02T01:/),
			},
		]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(calls('GET', '/v1/users/get')[0].query).toEqual({ userId: BOLDSIGN_IDS.adminUserId });
		expect(calls('GET', '/v1/users/get')[0].headers['x-api-key']).toBe(API_KEY);
	});

	test('by email resolves through the list search; Simplify off gives the vendor object', async () => {
		const { json } = await run({ resource: 'user', operation: 'get', user: byEmail('Bob.Smith@example.com'), simplify: false });
		expect(json[0]).toMatchObject({ userId: BOLDSIGN_IDS.teamAdminUserId, role: 'TeamAdmin', userStatus: 'Active', createdDate: expect.any(Number) });
		expect(calls('GET', '/v1/users/list')[0].query).toMatchObject({ Search: 'Bob.Smith@example.com' });
	});

	test('pending and deactivated users map to invited and deactivated', async () => {
		const { json } = await run(
			{ resource: 'user', operation: 'get', user: '={{ { "__rl": true, "mode": "id", "value": $json.id } }}' },
			{ items: [{ json: { id: BOLDSIGN_IDS.pendingUserId } }, { json: { id: BOLDSIGN_IDS.deactivatedUserId } }] },
		);
		expect(json.map((u) => u.status)).toEqual(['invited', 'deactivated']);
	});

	test('an unknown email is a clear error', async () => {
		const { error } = await run({ resource: 'user', operation: 'get', user: byEmail('nobody@example.com') }, { expectError: true });
		expect(error.message).toBe('No BoldSign user has the email nobody@example.com');
	});

	test('a malformed email from an expression is refused before any request', async () => {
		// A typed value is already refused by the field's validation in the editor; an expression is checked at run time.
		const { error } = await run(
			{ resource: 'user', operation: 'get', user: { __rl: true, mode: 'email', value: '={{ $json.email }}' } },
			{ items: [{ json: { email: 'not-an-email' } }], expectError: true },
		);
		expect(error.message).toBe('"not-an-email" in User is not a valid email address');
		expect(mock.requests).toHaveLength(0);
	});

	test('a missing ID gives the vendor message and what to do', async () => {
		const { error } = await run({ resource: 'user', operation: 'get', user: byId('does-not-exist') }, { expectError: true });
		expect(error.message).toBe('BoldSign returned 400: Invalid User ID.');
		expect(error.httpCode).toBe('400');
	});

	test('an empty ID is a clear error', async () => {
		const { error } = await run({ resource: 'user', operation: 'get', user: byId('  ') }, { expectError: true });
		expect(error.message).toBe('User is empty');
		expect(mock.requests).toHaveLength(0);
	});

	test('continue on fail: the bad item becomes an error item paired to its input', async () => {
		const { output } = await run(
			{ resource: 'user', operation: 'get', user: '={{ { "__rl": true, "mode": "id", "value": $json.id } }}' },
			{ items: [{ json: { id: BOLDSIGN_IDS.adminUserId } }, { json: { id: 'missing' } }], continueOnFail: true },
		);
		expect(output).toHaveLength(2);
		expect(output[0]).toMatchObject({ json: { id: BOLDSIGN_IDS.adminUserId }, pairedItem: { item: 0 } });
		expect(output[1]).toEqual({
			json: { error: 'BoldSign returned 400: Invalid User ID.', description: expect.any(String), httpCode: '400' },
			pairedItem: { item: 1 },
		});
	});
});

describe('user: get many', () => {
	test('Limit asks for one page of that size', async () => {
		const { json } = await run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 7 });
		expect(json).toHaveLength(7);
		expect(calls('GET', '/v1/users/list').map((r) => r.query)).toEqual([{ Page: '1', PageSize: '7' }]);
	});

	test('filters: search and user IDs (repeated query keys)', async () => {
		const { json } = await run({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			filters: { userIds: `${BOLDSIGN_IDS.adminUserId}, ${BOLDSIGN_IDS.teamAdminUserId}` },
		});
		expect(json.map((u) => u.id).sort()).toEqual([BOLDSIGN_IDS.adminUserId, BOLDSIGN_IDS.teamAdminUserId].sort());
		expect(calls('GET', '/v1/users/list')[0].rawBody).toBe('');
		const searched = await run({ resource: 'user', operation: 'getAll', returnAll: true, filters: { search: 'garcia' } });
		expect(searched.json.map((u) => u.email)).toEqual(['frank.garcia@example.com']);
	});
});

describe('user: pagination over many pages', () => {
	let big;
	let bigN8n;
	const seedOf = (count) => () => ({
		teams: [{ teamId: BOLDSIGN_IDS.defaultTeamId, teamName: 'Default', createdDate: 1704067200, modifiedDate: 1704067200 }],
		users: Array.from({ length: count }, (_, i) => ({
			userId: `u-${i + 1}`,
			email: `user${i + 1}@example.com`,
			firstName: 'User',
			lastName: String(i + 1),
			teamId: BOLDSIGN_IDS.defaultTeamId,
			teamName: 'Default',
			role: 'Member',
			userStatus: 'Active',
			createdDate: 1704067200 + i,
			modifiedDate: 1704067200 + i,
			metaData: {},
		})),
	});

	afterEach(async () => big?.close());

	async function startWith(count) {
		big = await startBoldSignMock({ apiKey: API_KEY, seed: seedOf(count) });
		bigN8n = await createInstance({ boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: big.url } });
	}
	const pages = () => big.requests.filter((r) => r.path === '/v1/users/list').map((r) => r.query);

	// BoldSign gives no totals (§3.2): pages are fetched up to 3 ahead and the first short page ends the list.
	const pageNumbers = () => pages().map((q) => Number(q.Page)).sort((a, b) => a - b);

	test('Return All walks pages of 100 until a short page, at most 3 pages ahead, in the vendor order', async () => {
		await startWith(250);
		const { json } = await bigN8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
		expect(json.map((u) => u.id)).toEqual(Array.from({ length: 250 }, (_, i) => `u-${i + 1}`));
		expect(pages().every((q) => q.PageSize === '100')).toBe(true);
		expect(pageNumbers()).toEqual([1, 2, 3, 4, 5, 6]);
	});

	test('the credential is decrypted once for the whole list, not once per page', async () => {
		await startWith(250);
		const before = bigN8n.credentialsHelper.decryptions;
		const { json } = await bigN8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
		expect(json).toHaveLength(250);
		expect(pages()).toHaveLength(6);
		expect(big.requests.every((r) => r.headers['x-api-key'] === API_KEY)).toBe(true);
		expect(bigN8n.credentialsHelper.decryptions - before).toBe(1);
	});

	test('exactly at a page boundary: the empty page ends the list', async () => {
		await startWith(200);
		const { json } = await bigN8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
		expect(json).toHaveLength(200);
		expect(pageNumbers()).toEqual([1, 2, 3, 4, 5, 6]);
	});

	test('Limit stops fetching as soon as it is reached', async () => {
		await startWith(250);
		const { json } = await bigN8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'getAll', returnAll: false, limit: 150 } });
		expect(json).toHaveLength(150);
		expect(json[149].id).toBe('u-150');
		expect(pages().map((q) => q.Page)).toEqual(['1', '2']);
	});
});

describe('user: invite', () => {
	test('several input items are invited with one request', async () => {
		const { output } = await run(
			{
				resource: 'user',
				operation: 'invite',
				emails: '={{ $json.email }}',
				team: byId(BOLDSIGN_IDS.salesTeamId),
				role: 'TeamAdmin',
				metadata: { entry: [{ key: 'costCenter', value: 'CC-42' }] },
			},
			{ items: [{ json: { email: 'new.one@example.com' } }, { json: { email: 'new.two@example.com, new.three@example.com' } }] },
		);
		const creates = calls('POST', '/v1/users/create');
		expect(creates).toHaveLength(1);
		expect(creates[0].body).toEqual(
			['new.one@example.com', 'new.two@example.com', 'new.three@example.com'].map((emailId) => ({
				emailId,
				userRole: 'TeamAdmin',
				teamId: BOLDSIGN_IDS.salesTeamId,
				metaData: { costCenter: 'CC-42' },
			})),
		);
		expect(output.map((o) => [o.json.email, o.json.status, o.json.role, o.pairedItem.item])).toEqual([
			['new.one@example.com', 'invited', 'TeamAdmin', 0],
			['new.two@example.com', 'invited', 'TeamAdmin', 1],
			['new.three@example.com', 'invited', 'TeamAdmin', 1],
		]);
		expect(output.every((o) => typeof o.json.id === 'string' && o.json.id)).toBe(true);
		expect(mock.state.users.filter((u) => u.email.startsWith('new.'))).toHaveLength(3);
	});

	test('an existing user is returned, not invited again (workflow retried)', async () => {
		const { json } = await run(
			{ resource: 'user', operation: 'invite', emails: '={{ $json.email }}', role: 'Member' },
			{ items: [{ json: { email: 'alice.johnson@example.com' } }, { json: { email: 'fresh@example.com' } }, { json: { email: 'FRESH@example.com' } }] },
		);
		expect(json.map((u) => u.email)).toEqual(['alice.johnson@example.com', 'fresh@example.com', 'fresh@example.com']);
		expect(json[0].id).toBe(BOLDSIGN_IDS.adminUserId);
		expect(calls('POST', '/v1/users/create').map((r) => r.body.map((u) => u.emailId))).toEqual([['fresh@example.com']]);

		mock.requests.length = 0;
		const again = await run({ resource: 'user', operation: 'invite', emails: 'fresh@example.com', role: 'Member' });
		expect(again.json[0].id).toBe(json[1].id);
		expect(calls('POST', '/v1/users/create')).toHaveLength(0);
	});

	test('"fail" when the user exists makes that item fail and still invites the others', async () => {
		const { output } = await run(
			{ resource: 'user', operation: 'invite', emails: '={{ $json.email }}', role: 'Member', options: { ifExists: 'fail' } },
			{ items: [{ json: { email: 'bob.smith@example.com' } }, { json: { email: 'other@example.com' } }], continueOnFail: true },
		);
		expect(output[0]).toEqual({
			json: { error: 'A BoldSign user with the email bob.smith@example.com already exists', description: expect.stringContaining('Return the Existing User') },
			pairedItem: { item: 0 },
		});
		expect(output[1]).toMatchObject({ json: { email: 'other@example.com', status: 'invited' }, pairedItem: { item: 1 } });
	});

	test('a bad email fails its item without a request', async () => {
		const { error } = await run({ resource: 'user', operation: 'invite', emails: 'ok@example.com, broken@', role: 'Member' }, { expectError: true });
		expect(error.message).toBe('Not a valid email address: broken@');
		expect(calls('POST', '/v1/users/create')).toHaveLength(0);
	});

	test('when the vendor rejects a batch, each invitation is sent alone so only the culprit fails', async () => {
		mock.failNext({ status: 400, body: { error: 'One or more users are invalid.' }, match: (r) => r.path === '/v1/users/create' && r.body.length > 1 });
		const { output } = await run(
			{ resource: 'user', operation: 'invite', emails: '={{ $json.email }}', role: 'Member' },
			{ items: [{ json: { email: 'a1@example.com' } }, { json: { email: 'a2@example.com' } }] },
		);
		expect(calls('POST', '/v1/users/create').map((r) => r.body.length)).toEqual([2, 1, 1]);
		expect(output.map((o) => o.json.email)).toEqual(['a1@example.com', 'a2@example.com']);
	});
});

describe('user: changes', () => {
	test('update role', async () => {
		const { json } = await run({ resource: 'user', operation: 'updateRole', user: byEmail('carol.williams@example.com'), role: 'Admin' });
		const id = BOLDSIGN_IDS.userId(3);
		expect(calls('PUT', '/v1/users/update')[0].body).toEqual({ userId: id, userRole: 'Admin' });
		expect(json[0]).toMatchObject({ id, role: 'Admin' });
	});

	test('deactivate with document transfer to a user given by email', async () => {
		const { json } = await run({
			resource: 'user',
			operation: 'deactivate',
			user: byId(BOLDSIGN_IDS.userId(5)),
			transferTo: byEmail('alice.johnson@example.com'),
		});
		expect(calls('PUT', '/v1/users/update')[0].body).toEqual({
			userId: BOLDSIGN_IDS.userId(5),
			userStatus: 'Deactivate',
			toUserId: BOLDSIGN_IDS.adminUserId,
		});
		expect(json[0].status).toBe('deactivated');
	});

	test('deactivate without transfer sends no toUserId; reactivate brings the user back', async () => {
		await run({ resource: 'user', operation: 'deactivate', user: byId(BOLDSIGN_IDS.userId(6)), transferTo: { __rl: true, mode: 'list', value: '' } });
		expect(calls('PUT', '/v1/users/update')[0].body).toEqual({ userId: BOLDSIGN_IDS.userId(6), userStatus: 'Deactivate' });
		const { json } = await run({ resource: 'user', operation: 'reactivate', user: byId(BOLDSIGN_IDS.userId(6)) });
		expect(calls('PUT', '/v1/users/update')[1].body).toEqual({ userId: BOLDSIGN_IDS.userId(6), userStatus: 'Activate' });
		expect(json[0].status).toBe('active');
	});

	test('change team with document transfer', async () => {
		const { json } = await run({
			resource: 'user',
			operation: 'changeTeam',
			user: byId(BOLDSIGN_IDS.userId(4)),
			team: byId(BOLDSIGN_IDS.salesTeamId),
			transferTo: byId(BOLDSIGN_IDS.adminUserId),
		});
		const [call] = calls('PUT', '/v1/users/changeTeam');
		expect(call.query).toEqual({ userId: BOLDSIGN_IDS.userId(4) });
		expect(call.body).toEqual({ toTeamId: BOLDSIGN_IDS.salesTeamId, transferDocumentsToUserId: BOLDSIGN_IDS.adminUserId });
		expect(json[0]).toMatchObject({ teamId: BOLDSIGN_IDS.salesTeamId, teamName: 'Sales' });
	});

	test('update metadata', async () => {
		const { json } = await run({
			resource: 'user',
			operation: 'updateMetadata',
			user: byId(BOLDSIGN_IDS.userId(7)),
			metadata: { entry: [{ key: 'employeeId', value: 'E-7' }] },
			simplify: false,
		});
		expect(calls('PUT', '/v1/users/updateMetaData')[0].body).toEqual({ userId: BOLDSIGN_IDS.userId(7), metaData: { employeeId: 'E-7' } });
		expect(json[0].metaData).toEqual({ employeeId: 'E-7' });
	});

	test('resend and cancel an invitation', async () => {
		const resent = await run({ resource: 'user', operation: 'resendInvitation', user: byId(BOLDSIGN_IDS.pendingUserId) });
		expect(resent.json).toEqual([{ success: true, userId: BOLDSIGN_IDS.pendingUserId }]);
		expect(calls('POST', '/v1/users/resendInvitation')[0].query).toEqual({ UserId: BOLDSIGN_IDS.pendingUserId });
		const cancelled = await run({ resource: 'user', operation: 'cancelInvitation', user: byEmail('uma.lee@example.com') });
		expect(cancelled.json).toEqual([{ success: true, userId: BOLDSIGN_IDS.pendingUserId }]);
		expect(calls('POST', '/v1/users/cancelInvitation')[0].query).toEqual({ UserId: BOLDSIGN_IDS.pendingUserId });
	});
});

describe('team', () => {
	test('create, get, rename, get many', async () => {
		const created = await run({ resource: 'team', operation: 'create', teamName: 'Legal' });
		const { teamId } = created.json[0];
		expect(created.json).toEqual([{ teamId: expect.any(String), teamName: 'Legal' }]);
		expect(calls('POST', '/v1/teams/create')[0].body).toEqual({ teamName: 'Legal' });

		const renamed = await run({ resource: 'team', operation: 'rename', team: byId(teamId), teamName: 'Legal & Compliance' });
		expect(renamed.json).toEqual([{ teamId, teamName: 'Legal & Compliance' }]);
		expect(calls('PUT', '/v1/teams/update')[0].body).toEqual({ teamId, teamName: 'Legal & Compliance' });

		const got = await run({ resource: 'team', operation: 'get', team: byId(teamId) });
		expect(got.json[0]).toMatchObject({ teamId, teamName: 'Legal & Compliance', users: [] });

		const all = await run({ resource: 'team', operation: 'getAll', returnAll: true });
		expect(all.json.map((t) => t.teamName)).toEqual(expect.arrayContaining(['Default', 'Sales', 'Legal & Compliance']));
		const searched = await run({ resource: 'team', operation: 'getAll', returnAll: false, limit: 5, search: 'sal' });
		expect(searched.json.map((t) => t.teamName)).toEqual(['Sales']);
		expect(calls('GET', '/v1/teams/list').pop().query).toEqual({ Page: '1', PageSize: '5', SearchKey: 'sal' });
	});

	test('an empty team name is refused', async () => {
		const { error } = await run({ resource: 'team', operation: 'create', teamName: ' ' }, { expectError: true });
		expect(error.message).toBe('Team Name is empty');
	});
});

describe('dropdowns and list search', () => {
	test('users: searchable, paginated, labelled with name and email', async () => {
		const first = await n8n.loadOptions({ type: 'boldSign', parameters: { authentication: 'apiKey' }, method: 'searchUsers' });
		expect(first.results).toHaveLength(25);
		expect(first.results[0]).toEqual({ name: 'Alice Johnson <alice.johnson@example.com>', value: BOLDSIGN_IDS.adminUserId });
		expect(first.paginationToken).toBeUndefined();
		const found = await n8n.loadOptions({ type: 'boldSign', parameters: { authentication: 'apiKey' }, method: 'searchUsers', filter: 'karen' });
		expect(found.results).toEqual([{ name: 'Karen Hernandez <karen.hernandez@example.com>', value: BOLDSIGN_IDS.userId(11) }]);
		expect(calls('GET', '/v1/users/list').pop().query).toEqual({ Page: '1', PageSize: '50', Search: 'karen' });
	});

	test('teams: from the API', async () => {
		const { results } = await n8n.loadOptions({ type: 'boldSign', parameters: { authentication: 'apiKey' }, method: 'searchTeams' });
		expect(results).toEqual([
			{ name: 'Default', value: BOLDSIGN_IDS.defaultTeamId },
			{ name: 'Sales', value: BOLDSIGN_IDS.salesTeamId },
		]);
	});
});

describe('rate limits, retries and errors', () => {
	test('429 with Retry-After, then success', async () => {
		mock.failNext({ status: 429, headers: { 'Retry-After': '1', 'X-RateLimit-Limit': '2000', 'X-RateLimit-Remaining': '0' } });
		const started = Date.now();
		const { json } = await run({ resource: 'user', operation: 'get', user: byId(BOLDSIGN_IDS.adminUserId) });
		expect(json[0].id).toBe(BOLDSIGN_IDS.adminUserId);
		expect(calls('GET', '/v1/users/get')).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	test('429 on a POST is retried too: the vendor refused it before doing anything', async () => {
		mock.failNext({ status: 429, headers: { 'Retry-After': '0' } });
		const { json } = await run({ resource: 'team', operation: 'create', teamName: 'Retry Team' });
		expect(json[0].teamName).toBe('Retry Team');
		expect(calls('POST', '/v1/teams/create')).toHaveLength(2);
	});

	test('a Retry-After longer than the node waits fails at once with a clear error', async () => {
		mock.failNext({ status: 429, headers: { 'Retry-After': '3600' } });
		const { error } = await run({ resource: 'team', operation: 'get', team: byId(BOLDSIGN_IDS.defaultTeamId) }, { expectError: true });
		expect(error.message).toBe("BoldSign's rate limit was reached: Too many requests. The API rate limit has been exceeded.");
		expect(error.description).toMatch(/^The quota resets at \d{4}-\d\d-\d\dT[\d:]+Z \(in about 60 min\), longer than this node waits/);
		expect(error.httpCode).toBe('429');
		expect(calls('GET', '/v1/teams/get')).toHaveLength(1);
	});

	test('5xx on a GET is retried', async () => {
		mock.failNext({ status: 503, headers: { 'Retry-After': '0' } });
		const { json } = await run({ resource: 'team', operation: 'get', team: byId(BOLDSIGN_IDS.defaultTeamId) });
		expect(json[0].teamName).toBe('Default');
		expect(calls('GET', '/v1/teams/get')).toHaveLength(2);
	});

	test('5xx on a POST is not retried (it may have been done)', async () => {
		mock.failNext({ status: 502 });
		const { error } = await run({ resource: 'team', operation: 'create', teamName: 'Once' }, { expectError: true });
		expect(error.httpCode).toBe('502');
		expect(calls('POST', '/v1/teams/create')).toHaveLength(1);
	});

	test('a wrong key says to check the region; the key appears in no error', async () => {
		const wrong = await createInstance(credentials({ apiKey: 'bs-wrong-key-123456' }));
		const result = await wrong.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
		expect(result.error.message).toBe('BoldSign returned 401: Unauthorized request. The API key or access token is missing or invalid.');
		expect(result.error.description).toMatch(/region/);
		expect(errorText(result.error)).not.toContain('bs-wrong-key-123456');
		expect(calls('GET', '/v1/users/list')).toHaveLength(1);
	});

	test('a 403 for an unknown user or team ID says to check the ID first, admin rights second', async () => {
		const strict = await startBoldSignMock({ apiKey: API_KEY, unknownIdStatus: 403 });
		try {
			const other = await createInstance(credentials({ baseUrl: strict.url }));
			const userResult = await other.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'get', user: byId('b5000000-0000-4000-8000-999999999999') } });
			const teamResult = await other.run({ type: 'boldSign', parameters: { resource: 'team', operation: 'get', team: byId('b5700000-0000-4000-8000-999999999999') } });
			expect(userResult.error.message).toBe('BoldSign returned 403: Invalid User ID.');
			expect(teamResult.error.message).toBe('BoldSign returned 403: Invalid Team ID.');
			for (const { error } of [userResult, teamResult]) {
				expect(error.httpCode).toBe('403');
				expect(error.description).toMatch(/^BoldSign does not know this ID in your organization: check the user or team ID/);
				expect(error.description.indexOf('ID')).toBeLessThan(error.description.indexOf('admin'));
			}
		} finally {
			await strict.close();
		}
	});

	test('any other 403 also names the IDs before admin rights', async () => {
		mock.failNext({ status: 403, body: { error: 'Forbidden' } });
		const { error } = await run({ resource: 'user', operation: 'get', user: byId(BOLDSIGN_IDS.adminUserId) }, { expectError: true });
		expect(error.message).toBe('BoldSign returned 403: Forbidden');
		expect(error.description).toMatch(/^Check the user and team IDs first: BoldSign also answers 403 for an ID outside your organization\. .*admin account/);
	});

	test('an unreachable host names the host and what to check', async () => {
		const down = await createInstance(credentials({ baseUrl: 'http://127.0.0.1:9' }));
		const result = await down.run({ type: 'boldSign', parameters: { resource: 'team', operation: 'create', teamName: 'x' } });
		expect(result.error.message).toMatch(/^Could not reach BoldSign at http:\/\/127\.0\.0\.1:9/);
		expect(result.error.description).toMatch(/base URL/);
	});
});
