'use strict';
// SignNow Team operations (seed 002; UNCONFIRMED in the SDKs, reference §2.4) through the n8n harness.

const { T, U, byId, byEmail, startSignNow } = require('./setup');

let env;
beforeAll(async () => {
	env = await startSignNow();
});
afterAll(async () => env.mock.close());
beforeEach(() => {
	env.mock.reset();
	env.mock.offer = { teams: true, organizations: true };
	env.mock.adminsPath = 'teams';
});

const team = (id) => env.mock.state.teams.find((t) => t.id === id);
const memberOf = (teamId, userId) => team(teamId)?.members.find((m) => m.userId === userId);

describe('create, get, get many, rename, delete', () => {
	test('create: POST /team {name, type}, then the team read back with its members normalized', async () => {
		const { json } = await env.run({ resource: 'team', operation: 'create', name: 'Procurement', type: 'SHAREABLE' });
		expect(env.calls('POST', '/team')[0].body).toEqual({ name: 'Procurement', type: 'SHAREABLE' });
		const created = env.mock.state.teams.find((t) => t.name === 'Procurement');
		expect(json[0]).toMatchObject({ id: created.id, name: 'Procurement', type: 'SHAREABLE' });
		expect(json[0].members).toEqual([
			{
				vendor: 'signnow',
				id: U(1),
				email: 'ada.admin@example.com',
				firstName: null,
				lastName: null,
				role: 'admin',
				status: 'active',
				teamId: created.id,
				teamName: 'Procurement',
				createdAt: null,
				updatedAt: null,
			},
		]);
	});

	test('a name over 40 characters or without letters is refused before any request', async () => {
		const long = await env.run({ resource: 'team', operation: 'create', name: 'x'.repeat(41), type: 'VIEWABLE' }, { expectError: true });
		expect(long.error.message).toBe('The team name is 41 characters long');
		const symbols = await env.run({ resource: 'team', operation: 'create', name: '***', type: 'VIEWABLE' }, { expectError: true });
		expect(symbols.error.message).toBe('No team name given');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('get: members with accepted → active, pending → invited, role from the membership; Simplify off is the vendor’s team', async () => {
		const { json } = await env.run({ resource: 'team', operation: 'get', team: byId(T.sales) });
		const members = json[0].members;
		expect(members.map((m) => [m.email, m.role, m.status])).toEqual([
			['ada.admin@example.com', 'admin', 'active'],
			['ben.carter@example.com', 'admin', 'active'],
			['cleo.diaz@example.com', 'member', 'active'],
			['dev.patel@example.com', 'member', 'active'],
			['eva.novak@example.com', 'member', 'active'],
			['finn.olsen@example.com', 'member', 'invited'],
		]);
		expect(members.every((m) => m.teamId === T.sales && m.teamName === 'Sales')).toBe(true);
		const raw = await env.run({ resource: 'team', operation: 'get', team: byId(T.sales), simplify: false });
		expect(raw.json[0].members[5]).toEqual({ id: U(6), emails: ['finn.olsen@example.com'], role: 'member', status: 'pending', can_admin_view: false });
	});

	test('get many: GET /v2/teams with Return All and Limit over page/per_page', async () => {
		const all = await env.run({ resource: 'team', operation: 'getAll', returnAll: true });
		expect(all.json.map((t) => [t.name, t.role])).toEqual([
			['Sales', 'admin'],
			['Legal', 'admin'],
			['Support', 'admin'],
			['Partners', 'member'],
		]);
		expect(env.calls('GET', '/v2/teams')[0].query).toEqual({ page: '1', per_page: '100' });
		const two = await env.run({ resource: 'team', operation: 'getAll', returnAll: false, limit: 2 });
		expect(two.json.map((t) => t.name)).toEqual(['Sales', 'Legal']);
	});

	test('get many trusts meta.pagination.total when SignNow serves smaller pages than asked', async () => {
		const many = await startSignNow({ extraTeams: 40, teamsPageCap: 15 });
		try {
			const { json } = await many.run({ resource: 'team', operation: 'getAll', returnAll: true });
			expect(json).toHaveLength(44);
			expect(many.calls('GET', '/v2/teams').map((r) => r.query.page).sort((a, b) => a - b)).toEqual(['1', '2', '3']);
		} finally {
			await many.mock.close();
		}
	});

	test('rename and delete', async () => {
		const renamed = await env.run({ resource: 'team', operation: 'rename', team: byId(T.support), name: 'Customer Care' });
		expect(env.calls('PUT', `/team/${T.support}`)[0].body).toEqual({ name: 'Customer Care' });
		expect(renamed.json[0]).toMatchObject({ id: T.support, name: 'Customer Care' });
		const deleted = await env.run({ resource: 'team', operation: 'delete', team: byId(T.support) });
		expect(deleted.json).toEqual([{ teamId: T.support, deleted: true }]);
		expect(team(T.support)).toBeUndefined();
	});

	test('a 403 carries SignNow’s message and what to do', async () => {
		const { error } = await env.run({ resource: 'team', operation: 'delete', team: byId(T.partners) }, { expectError: true });
		expect(error.message).toBe('SignNow returned 403: User is not the primary admin of the team (65600)');
		expect(error.httpCode).toBe('403');
		expect(error.description).toMatch(/primary admin/);
	});

	test('get admins: /v2/teams/{id}/admins, or the /v2/team/ spelling when the first has no route', async () => {
		const { json } = await env.run({ resource: 'team', operation: 'getAdmins', team: byId(T.sales) });
		expect(json.map((a) => [a.id, a.email, a.role, a.status])).toEqual([
			[U(1), 'ada.admin@example.com', 'admin', 'active'],
			[U(2), 'ben.carter@example.com', 'admin', 'active'],
		]);
		expect(json[0].createdAt).toBe('2024-01-11T00:00:00.000Z');
		env.mock.adminsPath = 'team';
		env.mock.requests.length = 0;
		const other = await env.run({ resource: 'team', operation: 'getAdmins', team: byId(T.sales), simplify: false });
		expect(other.json[0]).toMatchObject({ user_id: U(1), primary: true });
		expect(env.mock.requests.filter((r) => /admins$/.test(r.path)).map((r) => r.path)).toEqual([`/v2/teams/${T.sales}/admins`, `/v2/team/${T.sales}/admins`]);
	});
});

describe('members', () => {
	test('remove user by email (Close for SignNow): DELETE /team/{id}/user/{user_id}', async () => {
		const { json } = await env.run({ resource: 'team', operation: 'removeUser', team: byId(T.sales), user: byEmail('Cleo.Diaz@example.com') });
		expect(json).toEqual([{ teamId: T.sales, userId: U(3), email: 'cleo.diaz@example.com', removed: true }]);
		expect(env.calls('DELETE', `/team/${T.sales}/user/${U(3)}`)).toHaveLength(1);
		expect(memberOf(T.sales, U(3))).toBeUndefined();
	});

	test('remove user: a pending invitee too', async () => {
		await env.run({ resource: 'team', operation: 'removeUser', team: byId(T.sales), user: byEmail('finn.olsen@example.com') });
		expect(env.calls('DELETE', `/team/${T.sales}/user/${U(6)}`)).toHaveLength(1);
		expect(memberOf(T.sales, U(6))).toBeUndefined();
	});

	test('a member that is not in the team is a clear error, before any change', async () => {
		const { error } = await env.run({ resource: 'team', operation: 'removeUser', team: byId(T.sales), user: byEmail('gia.rossi@example.com') }, { expectError: true });
		expect(error.message).toBe('No member of the team Sales has the email gia.rossi@example.com');
		expect(env.mock.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
	});

	test('grant admin (by ID, the email is looked up) and revoke admin (Update Role)', async () => {
		const granted = await env.run({ resource: 'team', operation: 'grantAdmin', team: byId(T.sales), user: byId(U(4)) });
		expect(env.calls('POST', `/team/${T.sales}/admin`)[0].body).toEqual({ email: 'dev.patel@example.com' });
		expect(granted.json[0]).toMatchObject({ id: U(4), role: 'admin', status: 'active', teamName: 'Sales' });
		const revoked = await env.run({ resource: 'team', operation: 'revokeAdmin', team: byId(T.sales), user: byEmail('dev.patel@example.com') });
		expect(env.calls('DELETE', `/team/${T.sales}/admin/${U(4)}`)).toHaveLength(1);
		expect(revoked.json[0]).toMatchObject({ id: U(4), role: 'member' });
	});

	test('revoking the primary admin gives SignNow’s reason', async () => {
		const { error } = await env.run({ resource: 'team', operation: 'revokeAdmin', team: byId(T.sales), user: byId(U(1)) }, { expectError: true });
		expect(error.message).toMatch(/^SignNow returned 400: Team admin cannot delete primary admin\./);
	});

	test('transfer ownership', async () => {
		const { json } = await env.run({ resource: 'team', operation: 'transferOwnership', team: byId(T.legal), user: byEmail('gia.rossi@example.com'), simplify: false });
		expect(env.calls('POST', `/team/${T.legal}/transferownership/${U(7)}`)).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: U(7), role: 'admin', primary: true });
		expect(memberOf(T.legal, U(1)).primary).toBe(false);
	});

	test('the same member changed twice in one run: in input order', async () => {
		const items = [{ json: { op: 'grant' } }, { json: { op: 'again' } }];
		await env.run({ resource: 'team', operation: 'grantAdmin', team: byId(T.legal), user: byId(U(8)) }, { items });
		expect(env.calls('POST', `/team/${T.legal}/admin`)).toHaveLength(2);
		expect(memberOf(T.legal, U(8)).role).toBe('admin');
	});
});

describe('invite users', () => {
	test('several items for the same team go in one request; each email is one output paired to its item', async () => {
		const { output } = await env.run(
			{ resource: 'team', operation: 'inviteUsers', team: byId(T.legal), inviteBy: 'emails', emails: '={{ $json.emails }}' },
			{ items: [{ json: { emails: 'new.one@example.com' } }, { json: { emails: 'new.two@example.com, jon.berg@example.com' } }] },
		);
		const posts = env.calls('POST', `/team/${T.legal}/request`);
		expect(posts.map((r) => r.body)).toEqual([{ emails: ['new.one@example.com', 'new.two@example.com', 'jon.berg@example.com'] }]);
		expect(output.map((o) => [o.json.email, o.json.status, o.pairedItem.item])).toEqual([
			['new.one@example.com', 'success', 0],
			['new.two@example.com', 'success', 1],
			['jon.berg@example.com', 'success', 1],
		]);
		expect(output.every((o) => /^[0-9a-f]{40}$/.test(o.json.requestId) && o.json.teamId === T.legal)).toBe(true);
		expect(memberOf(T.legal, U(10))).toMatchObject({ status: 'pending' });
	});

	test('items for different teams: one request per team', async () => {
		await env.run(
			{ resource: 'team', operation: 'inviteUsers', team: '={{ { "__rl": true, "mode": "id", "value": $json.team } }}', inviteBy: 'emails', emails: '={{ $json.email }}' },
			{ items: [{ json: { team: T.sales, email: 'a@example.com' } }, { json: { team: T.legal, email: 'b@example.com' } }, { json: { team: T.sales, email: 'c@example.com' } }] },
		);
		expect(env.calls('POST', `/team/${T.sales}/request`).map((r) => r.body.emails)).toEqual([['a@example.com', 'c@example.com']]);
		expect(env.calls('POST', `/team/${T.legal}/request`).map((r) => r.body.emails)).toEqual([['b@example.com']]);
	});

	test('a batch SignNow refuses with 400 is sent again item by item, so only the culprit fails', async () => {
		env.mock.failNext({ status: 400, body: { errors: [{ code: 65582, message: 'One or more value in the "emails" array is invalid' }] }, match: (r) => r.path === `/team/${T.legal}/request` && r.body.emails.length > 1 });
		env.mock.failNext({ status: 400, body: { errors: [{ code: 65582, message: 'Invalid email domain' }] }, match: (r) => r.path === `/team/${T.legal}/request` && r.body.emails[0] === 'bad@blocked.example' });
		const { output } = await env.run(
			{ resource: 'team', operation: 'inviteUsers', team: byId(T.legal), inviteBy: 'emails', emails: '={{ $json.email }}' },
			{ items: [{ json: { email: 'ok@example.com' } }, { json: { email: 'bad@blocked.example' } }], continueOnFail: true },
		);
		expect(env.calls('POST', `/team/${T.legal}/request`).map((r) => r.body.emails)).toEqual([['ok@example.com', 'bad@blocked.example'], ['ok@example.com'], ['bad@blocked.example']]);
		expect(output[0]).toMatchObject({ json: { email: 'ok@example.com', status: 'success' }, pairedItem: { item: 0 } });
		expect(output[1]).toEqual({ json: { error: 'SignNow returned 400: Invalid email domain (65582)', description: expect.any(String), httpCode: '400' }, pairedItem: { item: 1 } });
	});

	test('an email SignNow answers without success fails its item', async () => {
		env.mock.failNext({ status: 200, body: { team_requests: [{ email: 'x@example.com', status: 'already_invited' }] }, match: (r) => r.method === 'POST' && r.path.endsWith('/request') });
		const { error } = await env.run({ resource: 'team', operation: 'inviteUsers', team: byId(T.legal), inviteBy: 'emails', emails: 'x@example.com' }, { expectError: true });
		expect(error.message).toBe('SignNow did not invite x@example.com: already_invited');
	});

	test('at most 100 emails a request', async () => {
		const emails = Array.from({ length: 101 }, (_, n) => `bulk.invite${n}@example.com`).join(', ');
		const { json } = await env.run({ resource: 'team', operation: 'inviteUsers', team: byId(T.legal), inviteBy: 'emails', emails });
		expect(json).toHaveLength(101);
		expect(env.calls('POST', `/team/${T.legal}/request`).map((r) => r.body.emails.length)).toEqual([100, 1]);
	});

	test('a bad email fails its item without a request', async () => {
		const { error } = await env.run({ resource: 'team', operation: 'inviteUsers', team: byId(T.legal), inviteBy: 'emails', emails: 'ok@example.com, broken@' }, { expectError: true });
		expect(error.message).toBe('Not a valid email address: broken@');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('an organization user picked by ID is invited by their email', async () => {
		const { json } = await env.run({ resource: 'team', operation: 'inviteUsers', team: byId(T.support), inviteBy: 'organizationUser', organizationUser: byId(U(9)) });
		expect(json[0]).toMatchObject({ email: 'iris.moreau@example.com', status: 'success' });
		expect(env.calls('POST', `/team/${T.support}/request`)[0].body).toEqual({ emails: ['iris.moreau@example.com'] });
	});
});

describe('change team', () => {
	const move = { resource: 'team', operation: 'changeTeam', fromTeam: byId(T.sales), user: byEmail('eva.novak@example.com'), toTeam: byId(T.legal) };

	test('invites to the target, then removes from the source; the output reports both steps', async () => {
		const { json } = await env.run(move);
		const order = env.mock.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
		expect(order.filter((line) => !line.includes('/oauth2/'))).toEqual([`POST /team/${T.legal}/request`, `DELETE /team/${T.sales}/user/${U(5)}`]);
		expect(json).toEqual([
			{
				userId: U(5),
				email: 'eva.novak@example.com',
				fromTeamId: T.sales,
				toTeamId: T.legal,
				invite: { status: 'done', teamId: T.legal, requestId: expect.stringMatching(/^[0-9a-f]{40}$/) },
				removal: { status: 'done', teamId: T.sales },
				success: true,
			},
		]);
		expect(memberOf(T.sales, U(5))).toBeUndefined();
		expect(memberOf(T.legal, U(5))).toMatchObject({ status: 'pending' });
	});

	test('a removal that fails after a successful invitation is reported as such, never dropped', async () => {
		const blockRemoval = () =>
			env.mock.failNext({ status: 403, body: { errors: [{ code: 65600, message: 'Removal blocked by organization policy' }] }, match: (r) => r.method === 'DELETE' });
		blockRemoval();
		const { output } = await env.run(move, { continueOnFail: true });
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toMatch(
			/^Change Team half done: eva\.novak@example\.com was invited to the To Team \(request [0-9a-f]{40}\), but removing them from the From Team failed: SignNow returned 403: Removal blocked by organization policy \(65600\)$/,
		);
		expect(output[0].json.description).toMatch(/still in the From Team and has a pending invitation to the To Team.*Team › Remove User/);
		expect(output[0].json.httpCode).toBe('403');
		expect(memberOf(T.sales, U(5))).toMatchObject({ status: 'accepted' });
		expect(memberOf(T.legal, U(5))).toMatchObject({ status: 'pending' });
		blockRemoval();
		const stopped = await env.run(move, { expectError: true });
		expect(stopped.error.message).toMatch(/^Change Team half done/);
	});

	test('the same team twice is refused before any request', async () => {
		const { error } = await env.run({ ...move, toTeam: byId(T.sales) }, { expectError: true });
		expect(error.message).toBe('From Team and To Team are the same team');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('teams the account’s API does not offer', () => {
	test('a missing route becomes an error saying the API does not offer it', async () => {
		env.mock.offer.teams = false;
		for (const parameters of [
			{ resource: 'team', operation: 'getAll', returnAll: true },
			{ resource: 'team', operation: 'get', team: byId(T.sales) },
			{ resource: 'team', operation: 'create', name: 'New', type: 'VIEWABLE' },
		]) {
			const { error } = await env.run(parameters, { expectError: true });
			expect(error.message).toBe("This SignNow account's API does not offer teams");
			expect(error.description).toMatch(/Unable to find a route to match the URI/);
		}
		const admins = await env.run({ resource: 'team', operation: 'getAdmins', team: byId(T.sales) }, { expectError: true });
		expect(admins.error.message).toBe("This SignNow account's API does not offer team admins");
	});

	test('a 404 for an unknown team is not mistaken for a missing route', async () => {
		const { error } = await env.run({ resource: 'team', operation: 'get', team: byId('f'.repeat(40)) }, { expectError: true });
		expect(error.message).toBe('SignNow returned 404: Invalid team_id. Team with the provided ID doesn’t exist. (65537)');
	});
});
