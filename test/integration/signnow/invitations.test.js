'use strict';
// SignNow Invitation and Organization operations (seed 002 `/team/{request_id}/request`; seed 000 and the
// `organization` of `GET /user`) through the n8n harness.

const { T, SIGNNOW_IDS, U, startSignNow } = require('./setup');

let env;
beforeAll(async () => {
	env = await startSignNow();
});
afterAll(async () => env.mock.close());
beforeEach(() => {
	env.mock.reset();
	env.mock.offer = { teams: true, organizations: true };
});

const R = SIGNNOW_IDS.requests;
const invitation = (operation, requestId) => ({ resource: 'invitation', operation, requestId });
const adaIn = (teamId) => env.mock.state.teams.find((t) => t.id === teamId).members.find((m) => m.userId === U(1));

describe('invitation', () => {
	test('get: GET /team/{request_id}/request', async () => {
		const { json } = await env.run(invitation('get', R.onboarding));
		expect(json).toEqual([{ team_name: 'Onboarding', team_id: T.onboarding, request_id: R.onboarding, request_status: 'waiting' }]);
	});

	test('accept: PUT {accept: true}; the credential’s user joins the team', async () => {
		const { json } = await env.run(invitation('accept', R.onboarding));
		expect(env.calls('PUT', `/team/${R.onboarding}/request`)[0].body).toEqual({ accept: true });
		expect(json[0]).toMatchObject({ request_id: R.onboarding, request_status: 'accepted' });
		expect(adaIn(T.onboarding)).toMatchObject({ status: 'accepted' });
	});

	test('decline: PUT {accept: false}; the pending membership goes', async () => {
		const { json } = await env.run(invitation('decline', R.finance));
		expect(env.calls('PUT', `/team/${R.finance}/request`)[0].body).toEqual({ accept: false });
		expect(json[0]).toMatchObject({ request_status: 'declined' });
		expect(adaIn(T.finance)).toBeUndefined();
	});

	test('answering twice gives SignNow’s reason', async () => {
		await env.run(invitation('accept', R.onboarding));
		const { error } = await env.run(invitation('decline', R.onboarding), { expectError: true });
		expect(error.message).toBe('SignNow returned 400: User accepts/denies invite which is not pending (65582)');
	});

	test('an ID that is not 40 hex characters is refused before any request', async () => {
		const { error } = await env.run(invitation('get', 'abc'), { expectError: true });
		expect(error.message).toBe('"abc" is not a SignNow invitation ID');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('an account whose API lacks the route: the error says so', async () => {
		env.mock.offer.teams = false;
		const { error } = await env.run(invitation('get', R.onboarding), { expectError: true });
		expect(error.message).toBe("This SignNow account's API does not offer team invitations");
	});
});

describe('organization', () => {
	test('get: id, name and teams of the user’s organization, from GET /user', async () => {
		const { json } = await env.run({ resource: 'organization', operation: 'get' });
		expect(json).toEqual([
			{
				id: SIGNNOW_IDS.organizationId,
				name: 'Acme Signing',
				teams: [T.sales, T.legal, T.support, T.onboarding, T.finance].map((id) => ({ id, name: env.mock.state.teams.find((t) => t.id === id).name })),
			},
		]);
		expect(env.mock.requests.filter((r) => r.path !== '/oauth2/token').map((r) => r.path)).toEqual(['/user']);
	});

	test('several organizations and none of its own: the error lists them', async () => {
		env.mock.failNext({ status: 200, body: { id: U(1), teams: [] }, match: (r) => r.method === 'GET' && r.path === '/user' });
		env.mock.state.organizations.push({ id: 'b'.repeat(40), name: 'Beta Org', created: 1, updated: 1, adminIds: [U(1)], userIds: [U(1)], teamIds: [] });
		const { error } = await env.run({ resource: 'organization', operation: 'get' }, { expectError: true });
		expect(error.message).toBe(`The credential’s user belongs to 2 SignNow organizations: Acme Signing (${SIGNNOW_IDS.organizationId}), Beta Org (${'b'.repeat(40)})`);
	});
});
