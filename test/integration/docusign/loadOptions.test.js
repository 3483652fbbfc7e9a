'use strict';
// The node's dropdowns (loadOptions) and list searches, run in n8n-core's real LoadOptionsContext
// (through the harness), against the mock.

const { ORG, MAIN, DOCUSIGN_IDS, startDocuSign } = require('./setup');

let env;
beforeAll(async () => {
	env = await startDocuSign({ organizationCount: 2 });
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const load = (method, parameters) => env.n8n.loadOptions({ type: 'docuSignAdmin', kind: 'loadOptions', method, parameters });
const search = (method, parameters, filter) => env.n8n.loadOptions({ type: 'docuSignAdmin', method, parameters, filter });

test('organizations: Automatic first, then each organization by name', async () => {
	const options = await load('getOrganizations', { authentication: 'jwt', organization: 'automatic' });
	expect(options.map((o) => [o.name, o.value])).toEqual([
		['Automatic', 'automatic'],
		['Acme Corp', ORG],
		['Globex Subsidiary', DOCUSIGN_IDS.secondOrganizationId],
	]);
});

test('accounts of the chosen organization; profiles and groups of the chosen account', async () => {
	const params = { authentication: 'jwt', organization: ORG, account: MAIN };
	expect((await load('getAccounts', params)).map((o) => o.name)).toEqual(['Acme Corp', 'Acme Corp - Sales']);
	expect(await load('getPermissionProfiles', params)).toEqual([
		{ name: 'DS Admin', value: '20491673' },
		{ name: 'DS Sender', value: '20491674' },
		{ name: 'DS Viewer', value: '20491675' },
	]);
	expect((await load('getGroups', params)).map((o) => o.name)).toEqual(['Administrators', 'Everyone', 'Finance', 'HR', 'Legal', 'Marketing']);
	expect(await load('getPermissionProfiles', { ...params, account: '' })).toEqual([]);
});

test('Automatic with several organizations: the dropdown shows the error naming them', async () => {
	await expect(load('getAccounts', { authentication: 'jwt', organization: 'automatic' })).rejects.toThrow(/administers 2 DocuSign organizations/);
});

test('list searches: users by email or name, DS groups by name', async () => {
	const users = await search('searchUsers', { authentication: 'jwt', organization: ORG }, 'jordan');
	expect(users.results).toEqual([{ name: 'Jordan Patel <jordan.patel@example.com>', value: DOCUSIGN_IDS.userId(3) }]);
	expect(env.calls('GET', `/management/v2/organizations/${ORG}/users`)[0].query).toMatchObject({ account_id: MAIN, email_user_name_like: 'jordan' });
	const groups = await search('searchDsGroups', { authentication: 'jwt', organization: ORG, account: MAIN }, 'sales');
	expect(groups.results).toEqual([{ name: 'Sales Ops', value: DOCUSIGN_IDS.dsGroups.salesOps }]);
});

test('the optional Permission Profile of User › Create offers "Account Default" (empty) first, so leaving it empty is valid', async () => {
	const options = await load('getPermissionProfilesOrDefault', { authentication: 'jwt', organization: ORG, account: MAIN });
	expect(options.map((o) => [o.name, o.value])).toEqual([
		['Account Default', ''],
		['DS Admin', '20491673'],
		['DS Sender', '20491674'],
		['DS Viewer', '20491675'],
	]);
	const { description } = new (require('../../../dist/nodes/DocuSignAdmin/DocuSignAdmin.node.js').DocuSignAdmin)();
	const profileOf = (operation) =>
		description.properties.find((p) => p.name === 'permissionProfile' && p.displayOptions?.show?.operation?.includes(operation));
	expect([profileOf('create').required, profileOf('create').typeOptions.loadOptionsMethod]).toEqual([false, 'getPermissionProfilesOrDefault']);
	expect(profileOf('create').hint).toMatch(/Account Default/);
	expect([profileOf('updateRole').required, profileOf('updateRole').typeOptions.loadOptionsMethod]).toEqual([true, 'getPermissionProfiles']);
});

test('a dropdown or list opened before a credential is chosen says to add a DocuSign credential', async () => {
	const { createInstance } = require('../../helpers/harness');
	const bare = await createInstance({});
	const params = { authentication: 'jwt', organization: ORG, account: MAIN };
	await expect(bare.loadOptions({ type: 'docuSignAdmin', kind: 'loadOptions', method: 'getAccounts', parameters: params })).rejects.toThrow(
		'Add a DocuSign credential to load the list',
	);
	await expect(bare.loadOptions({ type: 'docuSignAdmin', method: 'searchUsers', parameters: params })).rejects.toThrow('Add a DocuSign credential to load the list');
	// with a credential, a failure is the vendor's own error, not this message
	env.mock.failNext({ status: 403, match: (r) => r.path.startsWith('/management') });
	const error = await load('getAccounts', params).then(() => null, (e) => e);
	expect(String(error?.message)).toMatch(/DocuSign returned 403/);
});
