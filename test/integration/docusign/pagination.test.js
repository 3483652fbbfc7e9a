'use strict';
// Paging over several pages: users (start/take), DS groups and DS group users (page/page_size).

const { defaultSeed } = require('../../mocks/docusign');
const { ORG, MAIN, DOCUSIGN_IDS, startDocuSign, adminPath } = require('./setup');

const BULK = 226; // with the 24 seeded members of the main account: 250 users
const bulkId = (n) => `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function bulkUser(n) {
	const on = '2024-06-01T00:00:00.000';
	return {
		id: bulkId(n), site_id: 1, user_name: `Bulk ${n}`, first_name: 'Bulk', last_name: String(n), email: `bulk${n}@example.com`,
		user_status: 'active', default_account_id: MAIN, language_culture: 'en', is_organization_admin: false, created_on: on,
		last_modified_on: on,
		memberships: [{
			id: `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, account_id: MAIN, status: 'active',
			permission_profile_id: DOCUSIGN_IDS.permissionProfiles.main.sender, group_ids: [DOCUSIGN_IDS.groups.main.everyone], created_on: on,
		}],
	};
}

function bigSeed(options) {
	const seed = defaultSeed(options);
	const bulk = Array.from({ length: BULK }, (_, i) => bulkUser(i + 1));
	seed.users.push(...bulk);
	const engineering = seed.dsGroups.find((g) => g.ds_group_id === DOCUSIGN_IDS.dsGroups.engineering);
	engineering.user_ids.push(...bulk.map((u) => u.id)); // 5 + 226 = 231 users
	for (let n = 1; n <= 121; n++) {
		seed.dsGroups.push({ ...engineering, ds_group_id: `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, group_name: `Bulk ${n}`, user_ids: [] });
	}
	return seed; // main account: 4 + 121 = 125 DS groups
}

let env;
beforeAll(async () => {
	env = await startDocuSign({ seed: bigSeed });
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const usersPath = adminPath(`/v2/organizations/${ORG}/users`);
const dsPath = adminPath(`/v2.1/organizations/${ORG}/accounts/${MAIN}/dsgroups`);
const pages = (path) => env.calls('GET', path).map((r) => r.query);

describe('users: start/take', () => {
	const getAll = (paging) => env.run({ resource: 'user', operation: 'getAll', organization: ORG, filters: { account: MAIN }, ...paging });

	test('Return All walks every page', async () => {
		const { json } = await getAll({ returnAll: true });
		expect(json).toHaveLength(250);
		expect(new Set(json.map((u) => u.id)).size).toBe(250);
		expect(pages(usersPath).map((q) => [q.start, q.take])).toEqual([['0', '100'], ['100', '100'], ['200', '100']]);
	});

	test('Limit stops as soon as it has enough', async () => {
		const { json } = await getAll({ limit: 150 });
		expect(json).toHaveLength(150);
		expect(json[149].email).toBe('bulk126@example.com');
		expect(pages(usersPath).map((q) => q.start)).toEqual(['0', '100']);
		env.mock.reset();
		await getAll({ limit: 5 });
		expect(pages(usersPath)).toEqual([{ account_id: MAIN, start: '0', take: '5' }]);
	});
});

describe('DS groups: page/page_size', () => {
	test('Return All over two pages of DS groups', async () => {
		const { json } = await env.run({ resource: 'dsGroup', operation: 'getAll', organization: ORG, account: MAIN, returnAll: true });
		expect(json).toHaveLength(125);
		expect(pages(dsPath)).toEqual([{ page: '1', page_size: '100' }, { page: '2', page_size: '100' }]);
	});

	test('users of a DS group: Return All over three pages, Limit stopping early', async () => {
		const usersOf = `${dsPath}/${DOCUSIGN_IDS.dsGroups.engineering}/users`;
		const base = { resource: 'dsGroup', operation: 'getUsers', organization: ORG, account: MAIN, dsGroup: { __rl: true, mode: 'id', value: DOCUSIGN_IDS.dsGroups.engineering } };
		const all = await env.run({ ...base, returnAll: true });
		expect(all.json).toHaveLength(231);
		expect(pages(usersOf).map((q) => q.page)).toEqual(['1', '2', '3']);
		env.mock.reset();
		const some = await env.run({ ...base, limit: 120 });
		expect(some.json).toHaveLength(120);
		expect(pages(usersOf).map((q) => q.page)).toEqual(['1', '2']);
	});
});
