'use strict';
// SignNow searchable lists and dropdowns, called the way the editor does (n8n's LoadOptionsContext).

const { T, U, SIGNNOW_IDS, byId, startSignNow } = require('./setup');

let env;
beforeAll(async () => {
	env = await startSignNow({ extraTeams: 60 });
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const load = (method, parameters = {}, extra = {}) => env.n8n.loadOptions({ type: 'signNow', method, parameters: { authentication: 'password', ...parameters }, ...extra });

test('teams: searchable, 50 a page, the next page as the token', async () => {
	const first = await load('searchTeams');
	expect(first.results).toHaveLength(50);
	expect(first.results[0]).toEqual({ name: 'Sales', value: T.sales });
	expect(first.paginationToken).toBe('2');
	const second = await load('searchTeams', {}, { paginationToken: '2' });
	expect(second.results).toHaveLength(14);
	expect(second.paginationToken).toBeUndefined();
	const found = await load('searchTeams', {}, { filter: 'leg' });
	expect(found.results).toEqual([{ name: 'Legal', value: T.legal }]);
});

test('members of the chosen team (or From Team), by email, with role and status', async () => {
	const { results } = await load('searchMembers', { resource: 'team', operation: 'removeUser', team: byId(T.sales) }, { filter: 'finn' });
	expect(results).toEqual([{ name: 'finn.olsen@example.com (member, pending)', value: U(6) }]);
	const from = await load('searchMembers', { resource: 'team', operation: 'changeTeam', fromTeam: byId(T.legal) });
	expect(from.results.map((r) => r.value)).toEqual([U(1), U(7), U(8)]);
	expect((await load('searchMembers')).results).toEqual([]);
});

test('organization users: labelled with name and email, filtered', async () => {
	const { results } = await load('searchOrganizationUsers', {}, { filter: 'moreau' });
	expect(results).toEqual([{ name: 'Iris Moreau <iris.moreau@example.com>', value: U(9) }]);
	expect(env.mock.requests.find((r) => r.path.endsWith('/users')).query).toEqual({ page: '1', per_page: '100' });
});

test('organizations: Automatic, then those the API lists', async () => {
	const options = await load('getOrganizations', {}, { kind: 'loadOptions' });
	expect(options).toEqual([
		{ name: 'Automatic', value: 'automatic', description: expect.any(String) },
		{ name: 'Acme Signing', value: SIGNNOW_IDS.organizationId },
	]);
	env.mock.offer.organizations = false;
	const fallback = await load('getOrganizations', {}, { kind: 'loadOptions' });
	expect(fallback.map((o) => o.value)).toEqual(['automatic', SIGNNOW_IDS.organizationId]);
	env.mock.offer.organizations = true;
});
