'use strict';
// BoldSign Invite: the invited users read back (team name, dates), two runs at once, and how many
// users/list calls the existence check costs (../shared/reference/vendor-apis.md §3.2).

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { createInstance } = require('../helpers/harness');

const API_KEY = 'bs-invite-key-91c2';

/** An organization of `count` users user1@ … userN@example.com. */
const seedOf = (count) => () => ({
	teams: [{ teamId: BOLDSIGN_IDS.defaultTeamId, teamName: 'Default', createdDate: 1704067200, modifiedDate: 1704067200 }],
	users: Array.from({ length: count }, (_, i) => ({
		userId: `u-${i + 1}`,
		email: `user${i + 1}@example.com`,
		firstName: 'User',
		lastName: String(i + 1),
		teamId: BOLDSIGN_IDS.defaultTeamId,
		role: 'Member',
		userStatus: 'Active',
		createdDate: 1704067200 + i,
		modifiedDate: 1704067200 + i,
		metaData: {},
	})),
});

let mock;
let n8n;
async function start(options = {}) {
	await mock?.close();
	mock = await startBoldSignMock({ apiKey: API_KEY, ...options });
	n8n = await createInstance({ boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: mock.url } });
}
afterAll(async () => mock?.close());

const invite = (emails, extra = {}) => ({ resource: 'user', operation: 'invite', emails, role: 'Member', ...extra });
const run = (parameters, extra = {}) => n8n.run({ type: 'boldSign', parameters, ...extra });
const creates = () => mock.requests.filter((r) => r.path === '/v1/users/create');
const lists = () => mock.requests.filter((r) => r.path === '/v1/users/list');
/** The walk over the whole list: no filter. */
const walks = () => lists().filter((r) => !r.query.UserId && !r.query.Search);
const readBacks = () => lists().filter((r) => r.query.UserId);
const searches = () => lists().filter((r) => r.query.Search);

describe('the invited users are read back', () => {
	beforeAll(() => start());
	beforeEach(() => {
		mock.reset();
		mock.createListsUsers = true;
	});

	test('team name, created and updated dates are filled, with one users/list call by ID', async () => {
		const { json } = await run(invite('new.a@example.com, new.b@example.com', { team: { __rl: true, mode: 'id', value: BOLDSIGN_IDS.salesTeamId } }));
		expect(json).toEqual(
			['new.a@example.com', 'new.b@example.com'].map((email) => ({
				vendor: 'boldsign',
				id: expect.any(String),
				email,
				firstName: null,
				lastName: null,
				role: 'Member',
				status: 'invited',
				teamId: BOLDSIGN_IDS.salesTeamId,
				teamName: 'Sales',
				createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			})),
		);
		expect(creates()).toHaveLength(1);
		expect(walks()).toHaveLength(1);
		expect(readBacks().map((r) => r.query)).toEqual([{ Page: '1', PageSize: '100', UserId: json.map((u) => u.id) }]);
		expect(searches()).toHaveLength(0);
	});

	test('when users/create answers without the users, they are found by email', async () => {
		mock.createListsUsers = false;
		const { json } = await run(invite('void.a@example.com, void.b@example.com'));
		const created = mock.state.users.filter((u) => u.email.startsWith('void.'));
		expect(json.map((u) => [u.id, u.teamName])).toEqual(created.map((u) => [u.userId, 'Default']));
		expect(json.every((u) => u.createdAt && u.updatedAt)).toBe(true);
		expect(walks()).toHaveLength(2); // the existence check, then the read-back
		expect(searches()).toHaveLength(0);
	});

	test('a failed read-back does not fail invitations that were sent', async () => {
		mock.failNext({ status: 503, headers: { 'Retry-After': '0' }, count: 5, match: (r) => Boolean(r.query.UserId) });
		const { json, error } = await run(invite('late@example.com'));
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ email: 'late@example.com', id: expect.any(String), status: 'invited', createdAt: null });
		expect(mock.state.users.filter((u) => u.email === 'late@example.com')).toHaveLength(1);
	});
});

describe('two runs at the same time', () => {
	beforeAll(() => start());
	beforeEach(() => mock.reset());

	/** Both runs' existence checks are answered before either sends users/create. */
	function overlapChecks(count = 2) {
		mock.failNext({ delayMs: 300, count, match: (r) => r.path === '/v1/users/list' && !r.query.UserId });
	}

	test('the run that comes second returns the user the first one invited', async () => {
		overlapChecks();
		const [a, b] = await Promise.all([run(invite('race@example.com')), run(invite('race@example.com'))]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		const [user] = mock.state.users.filter((u) => u.email === 'race@example.com');
		expect([a.json[0].id, b.json[0].id]).toEqual([user.userId, user.userId]);
		expect(creates()).toHaveLength(2); // one of them was answered 400 "already exists"
	});

	test('with "Fail", the second run fails with "already exists"', async () => {
		overlapChecks();
		const fail = invite('race2@example.com', { options: { ifExists: 'fail' } });
		const results = await Promise.all([run(fail), run(fail)]);
		const failed = results.filter((r) => r.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].error.message).toBe('A BoldSign user with the email race2@example.com already exists');
		expect(results.find((r) => !r.error).json[0].email).toBe('race2@example.com');
	});

	test('a batch rejected for one such email is sent again without it, not one by one', async () => {
		overlapChecks();
		const [a, b] = await Promise.all([run(invite('both@example.com')), run(invite('both@example.com, only.b@example.com'))]);
		expect(a.error ?? b.error).toBeUndefined();
		expect(b.json.map((u) => u.email)).toEqual(['both@example.com', 'only.b@example.com']);
		expect(b.json[0].id).toBe(a.json[0].id);
		const bodies = creates().map((r) => r.body.map((u) => u.emailId));
		expect(bodies).toHaveLength(3);
		expect(bodies).toEqual(expect.arrayContaining([['both@example.com'], ['both@example.com', 'only.b@example.com'], ['only.b@example.com']]));
	});
});

describe('request counts of the existence check', () => {
	afterEach(() => mock.reset());

	test('1,000 new users in an organization of 25: 10 users/create calls and one page of the list', async () => {
		await start();
		const items = Array.from({ length: 1000 }, (_, i) => ({ json: { email: `bulk${i + 1}@example.com` } }));
		const { json, error } = await run(invite('={{ $json.email }}'), { items });
		expect(error).toBeUndefined();
		expect(json).toHaveLength(1000);
		expect(json.every((u) => u.teamName === 'Default' && u.createdAt)).toBe(true);
		expect(creates().map((r) => r.body.length)).toEqual(Array(10).fill(100));
		expect(walks().map((r) => r.query)).toEqual([{ Page: '1', PageSize: '100' }]);
		expect(readBacks().map((r) => r.query.UserId.length)).toEqual(Array(10).fill(100));
		expect(searches()).toHaveLength(0);
	});

	test('1,000 new users in an organization of 250: ceil(250/100) = 3 pages of the list', async () => {
		await start({ seed: seedOf(250) });
		const emails = Array.from({ length: 1000 }, (_, i) => `new${i + 1}@example.com`).join(',');
		const { json } = await run(invite(`${emails}, user7@example.com, USER250@example.com`));
		expect(json).toHaveLength(1002);
		expect(json.slice(-2).map((u) => u.id)).toEqual(['u-7', 'u-250']);
		expect(creates()).toHaveLength(10);
		expect(walks().map((r) => r.query.Page)).toEqual(['1', '2', '3']);
		expect(searches()).toHaveLength(0);
	});

	test('a few emails in a large organization: the walk stops and each remaining email is searched', async () => {
		await start({ seed: seedOf(1000) });
		const { json } = await run(invite('user5@example.com, user950@example.com, fresh@example.com'));
		expect(json.map((u) => u.id)).toEqual(['u-5', 'u-950', expect.any(String)]);
		// Page 1 finds user5; after 3 pages (more than the 2 emails left) searching is cheaper than 7 more pages.
		expect(walks().map((r) => r.query.Page)).toEqual(['1', '2', '3']);
		expect(searches().map((r) => r.query.Search)).toEqual(['user950@example.com', 'fresh@example.com']);
		expect(creates().map((r) => r.body.map((u) => u.emailId))).toEqual([['fresh@example.com']]);
	});
});
