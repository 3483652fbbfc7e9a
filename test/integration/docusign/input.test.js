'use strict';
// Bad input to the DocuSign Admin node fails with an error naming the field, before any request (not even
// the token request). The Organization field is left on Automatic, so a field read after the organization
// lookup would show up as a request.

const { MAIN, DOCUSIGN_IDS, byId, byEmail, startDocuSign } = require('./setup');

const LONG_EMAIL = `${'a'.repeat(250)}@example.com`; // 262 characters
const LONG_NAME = 'N'.repeat(101);
const OBJECT = { id: 'x' };
const LIST = ['a', 'b'];
const user = byId(DOCUSIGN_IDS.userId(2));
const dsGroup = byId(DOCUSIGN_IDS.dsGroups.engineering);
const fromItem = (mode = 'id') => ({ __rl: true, mode, value: '={{ $json.bad }}' });
const BAD = '={{ $json.bad }}';

let env;
beforeAll(async () => {
	env = await startDocuSign();
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

async function expectRefused(parameters, field, bad) {
	const { error } = await env.run(parameters, { items: [{ json: { bad } }], expectError: true });
	expect(error).toBeDefined();
	expect(error.name).toBe('NodeOperationError');
	expect(error.message).toContain(field);
	expect(env.mock.requests).toHaveLength(0);
	return error;
}

const u = (operation, parameters) => ({ resource: 'user', operation, ...parameters });
const g = (operation, parameters) => ({ resource: 'dsGroup', operation, account: MAIN, ...parameters });

describe('an object or a list from an expression is refused where one value is expected', () => {
	test.each([
		['organization', u('get', { organization: BAD, user }), 'Organization', OBJECT],
		['user get', u('get', { user: fromItem() }), 'User', OBJECT],
		['user get, email mode', u('get', { user: fromItem('email') }), 'User', LIST],
		['user update', u('update', { user: fromItem(), updateFields: { firstName: 'A' } }), 'User', OBJECT],
		['user update: default account', u('update', { user, updateFields: { defaultAccount: BAD } }), 'Default Account', OBJECT],
		['user update role: account', u('updateRole', { user, account: BAD, permissionProfile: '20491673' }), 'Account', OBJECT],
		['user update role: permission profile', u('updateRole', { user, account: MAIN, permissionProfile: BAD }), 'Permission Profile', LIST],
		['user close', u('close', { user: fromItem() }), 'User', OBJECT],
		['user close: accounts', u('close', { user, closeFrom: 'selectedAccounts', accounts: BAD }), 'Account Names or IDs', [OBJECT]],
		['user reactivate: account', u('reactivate', { user, account: BAD }), 'Account', OBJECT],
		['user change team: to DS group', u('changeTeam', { user, account: MAIN, toDsGroup: fromItem() }), 'To DS Group', OBJECT],
		['user change team: from DS group', u('changeTeam', { user, account: MAIN, toDsGroup: dsGroup, fromDsGroup: fromItem() }), 'From DS Group', OBJECT],
		['user update email', u('updateEmail', { user: fromItem(), newEmail: 'x@example.com' }), 'User', OBJECT],
		['user create: account', u('create', { email: 'n@example.com', account: BAD }), 'Account', OBJECT],
		['user create: groups', u('create', { email: 'n@example.com', account: MAIN, groups: BAD }), 'Group Names or IDs', [OBJECT]],
		['user create: additional account', u('create', { email: 'n@example.com', account: MAIN, additionalFields: { additionalAccounts: { account: [{ id: BAD }] } } }), 'Additional Accounts', OBJECT],
		['user get many: account filter', u('getAll', { returnAll: true, filters: { account: BAD } }), 'Account', OBJECT],
		['account permission profiles', { resource: 'account', operation: 'getPermissionProfiles', account: BAD }, 'Account', OBJECT],
		['account groups', { resource: 'account', operation: 'getGroups', account: BAD, returnAll: true }, 'Account', LIST],
		['DS group get', g('get', { dsGroup: fromItem() }), 'DS Group', OBJECT],
		['DS group delete', g('delete', { dsGroup: fromItem() }), 'DS Group', OBJECT],
		['DS group get users', g('getUsers', { dsGroup: fromItem(), returnAll: true }), 'DS Group', OBJECT],
		['DS group add users: users', g('addUsers', { dsGroup, users: BAD }), 'Users', [OBJECT]],
		['DS group remove users: group', g('removeUsers', { dsGroup: fromItem(), users: 'x' }), 'DS Group', OBJECT],
		['DS group create: description', g('create', { groupName: 'G', description: BAD }), 'Description', OBJECT],
		['DS group get many: account', { resource: 'dsGroup', operation: 'getAll', account: BAD, returnAll: true }, 'Account', OBJECT],
	])('%s', async (_name, parameters, field, bad) => {
		const error = await expectRefused(parameters, field, bad);
		expect(error.message).toMatch(/must be a single value, not (an object|a list)$/);
	});
});

describe('an options field fed by an expression must give one of its values', () => {
	test.each([
		['organization get many: include', { resource: 'organization', operation: 'getAll', returnAll: true, mode: BAD }, 'Include'],
		['user close: close memberships on', u('close', { user, closeFrom: BAD, accounts: [MAIN] }), 'Close Memberships On'],
		['user get many: user status', u('getAll', { returnAll: true, filters: { status: BAD } }), 'User Status'],
		['user get many: membership status', u('getAll', { returnAll: true, filters: { membershipStatus: BAD } }), 'Membership Status'],
	])('%s', async (_name, parameters, field) => {
		const error = await expectRefused(parameters, field, 'everything');
		expect(error.message).toContain('must be one of');
	});

	test('a date from an expression ({{ $now }}, a Luxon DateTime) is read as a date, not refused as an object', async () => {
		const { error } = await env.run(u('getAll', { returnAll: true, filters: { modifiedSince: '={{ $now.minus({ days: 1 }) }}' } }), { expectError: true });
		expect(error).toBeUndefined();
		const sent = env.mock.requests.find((r) => r.path.endsWith('/users')).query.last_modified_since;
		expect(sent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
		expect(Math.abs(Date.parse(`${sent}Z`) - (Date.now() - 86400000))).toBeLessThan(60000);
	});

	test('Modified Since must be a date', async () => {
		const error = await expectRefused(u('getAll', { returnAll: true, filters: { modifiedSince: BAD } }), 'Modified Since', 'yesterday-ish');
		expect(error.message).toBe('Modified Since is not a date: "yesterday-ish"');
	});
});

describe('Limit must be a whole number of 1 or more', () => {
	test.each([
		['users, "abc"', u('getAll', { limit: '={{ "abc" }}' })],
		['users, 0', u('getAll', { limit: 0 })],
		['users, negative', u('getAll', { limit: '={{ -1 }}' })],
		['organizations, 0', { resource: 'organization', operation: 'getAll', limit: 0 }],
		['account groups, "abc"', { resource: 'account', operation: 'getGroups', account: MAIN, limit: '={{ "abc" }}' }],
		['DS groups, negative', g('getAll', { limit: -5 })],
		['DS group users, 0', g('getUsers', { dsGroup, limit: 0 })],
	])('%s', async (_name, parameters) => {
		const error = await expectRefused({ returnAll: false, ...parameters }, 'Limit');
		expect(error.message).toMatch(/^Limit must be a whole number of 1 or more/);
	});
});

describe('emails and names beyond the vendor’s limits', () => {
	test.each([
		['user locator in email mode', u('get', { user: byEmail(LONG_EMAIL) }), 'User'],
		['create: email', u('create', { email: LONG_EMAIL, account: MAIN }), 'Email'],
		['update email: new email', u('updateEmail', { user, newEmail: LONG_EMAIL }), 'New Email'],
		['get many: email filter', u('getAll', { returnAll: true, filters: { email: LONG_EMAIL } }), 'Email'],
		['DS group add users', g('addUsers', { dsGroup, users: `avery.chen@example.com, ${LONG_EMAIL}` }), 'Users'],
	])('email longer than 254 characters: %s', async (_name, parameters, field) => {
		const error = await expectRefused(parameters, field);
		expect(error.message).toBe(`${field} is longer than 254 characters (262)`);
	});

	test.each([
		['create: first name', u('create', { email: 'n@example.com', account: MAIN, firstName: LONG_NAME }), 'First Name'],
		['create: last name', u('create', { email: 'n@example.com', account: MAIN, lastName: LONG_NAME }), 'Last Name'],
		['create: user name', u('create', { email: 'n@example.com', account: MAIN, additionalFields: { userName: LONG_NAME } }), 'User Name'],
		['create: company', u('create', { email: 'n@example.com', account: MAIN, additionalFields: { companyName: LONG_NAME } }), 'Company'],
		['update: job title', u('update', { user, updateFields: { jobTitle: LONG_NAME } }), 'Job Title'],
		['update: last name', u('update', { user, updateFields: { lastName: LONG_NAME } }), 'Last Name'],
		['DS group create: name', g('create', { groupName: LONG_NAME }), 'Group Name'],
	])('name longer than 100 characters: %s', async (_name, parameters, field) => {
		const error = await expectRefused(parameters, field);
		expect(error.message).toBe(`${field} is longer than 100 characters (101)`);
	});

	test('an entry with an @ in DS group Users must be a valid email', async () => {
		const error = await expectRefused(g('addUsers', { dsGroup, users: 'broken@' }), 'Users');
		expect(error.message).toBe('"broken@" in Users is not a valid email address');
	});
});

describe('an email typed with surrounding spaces', () => {
	test('passes the editor’s validation of the By Email mode and is trimmed', async () => {
		const { DocuSignAdmin } = require('../../../dist/nodes/DocuSignAdmin/DocuSignAdmin.node');
		const userField = new DocuSignAdmin().description.properties.find((p) => p.name === 'user');
		const regex = new RegExp(userField.modes.find((m) => m.name === 'email').validation[0].properties.regex);
		expect(regex.test(' avery.chen@example.com  ')).toBe(true);
		expect(regex.test('avery chen@example.com')).toBe(false);

		const { json } = await env.run(u('get', { user: byEmail(' avery.chen@example.com  ') }));
		expect(json[0].id).toBe(DOCUSIGN_IDS.userId(2));
		expect(env.mock.requests.find((r) => r.path.endsWith('/users/profile')).query).toEqual({ email: 'avery.chen@example.com' });
	});
});
