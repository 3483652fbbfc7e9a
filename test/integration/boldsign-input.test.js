'use strict';
// Bad input to the BoldSign node fails with an error naming the field, before any request reaches the mock.

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { createInstance } = require('../helpers/harness');

const API_KEY = 'bs-input-key-5d1e';
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });
/** A locator whose value comes from the input item's `bad` property. */
const fromItem = (mode = 'id') => ({ __rl: true, mode, value: '={{ $json.bad }}' });

const LONG_EMAIL = `${'a'.repeat(250)}@example.com`; // 262 characters
const LONG_NAME = 'N'.repeat(101);
const user = byId(BOLDSIGN_IDS.adminUserId);
const team = byId(BOLDSIGN_IDS.salesTeamId);

let mock;
let n8n;
beforeAll(async () => {
	mock = await startBoldSignMock({ apiKey: API_KEY });
	n8n = await createInstance({ boldSignApi: { apiKey: API_KEY, region: 'custom', baseUrl: mock.url } });
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

async function expectRefused(parameters, field, bad) {
	const { error } = await n8n.run({ type: 'boldSign', parameters, items: [{ json: { bad } }] });
	expect(error).toBeDefined();
	expect(error.name).toBe('NodeOperationError');
	expect(error.message).toContain(field);
	expect(mock.requests).toHaveLength(0);
	return error;
}

const OBJECT = { id: 'x' };
const LIST = ['a', 'b'];

describe('an object or a list from an expression is refused where one value is expected', () => {
	test.each([
		['user get', { resource: 'user', operation: 'get', user: fromItem() }, 'User', OBJECT],
		['user get (whole locator is the object)', { resource: 'user', operation: 'get', user: '={{ $json.bad }}' }, 'User', OBJECT],
		['user update role', { resource: 'user', operation: 'updateRole', user: fromItem(), role: 'Member' }, 'User', LIST],
		['user deactivate: transfer target', { resource: 'user', operation: 'deactivate', user, transferTo: fromItem() }, 'Transfer Documents To', OBJECT],
		['user reactivate', { resource: 'user', operation: 'reactivate', user: fromItem() }, 'User', OBJECT],
		['user change team: team', { resource: 'user', operation: 'changeTeam', user, team: fromItem() }, 'New Team', OBJECT],
		['user change team: user', { resource: 'user', operation: 'changeTeam', user: fromItem('email'), team }, 'User', OBJECT],
		['user update metadata: value', { resource: 'user', operation: 'updateMetadata', user, metadata: { entry: [{ key: 'k', value: '={{ $json.bad }}' }] } }, 'Metadata', OBJECT],
		['user resend invitation', { resource: 'user', operation: 'resendInvitation', user: fromItem() }, 'User', OBJECT],
		['user cancel invitation', { resource: 'user', operation: 'cancelInvitation', user: fromItem() }, 'User', LIST],
		['user get many: user IDs', { resource: 'user', operation: 'getAll', returnAll: true, filters: { userIds: '={{ $json.bad }}' } }, 'User IDs', [OBJECT]],
		['user get many: search', { resource: 'user', operation: 'getAll', returnAll: true, filters: { search: '={{ $json.bad }}' } }, 'Search', OBJECT],
		['user invite: emails', { resource: 'user', operation: 'invite', emails: '={{ $json.bad }}', role: 'Member' }, 'Emails', OBJECT],
		['user invite: team', { resource: 'user', operation: 'invite', emails: 'new@example.com', team: fromItem(), role: 'Member' }, 'Team', OBJECT],
		['team get', { resource: 'team', operation: 'get', team: fromItem() }, 'Team', OBJECT],
		['team rename: team', { resource: 'team', operation: 'rename', team: fromItem(), teamName: 'Legal' }, 'Team', OBJECT],
		['team create: name', { resource: 'team', operation: 'create', teamName: '={{ $json.bad }}' }, 'Team Name', OBJECT],
		['team get many: search', { resource: 'team', operation: 'getAll', returnAll: true, search: '={{ $json.bad }}' }, 'Search', LIST],
	])('%s', async (_name, parameters, field, bad) => {
		const error = await expectRefused(parameters, field, bad);
		expect(error.message).toMatch(/must be a single value, not (an object|a list)$/);
	});
});

describe('an options field fed by an expression must give one of its values', () => {
	test.each([
		['invite role', { resource: 'user', operation: 'invite', emails: 'new@example.com', role: '={{ $json.bad }}' }, 'Role'],
		['update role', { resource: 'user', operation: 'updateRole', user, role: '={{ $json.bad }}' }, 'Role'],
		['invite: if the user exists', { resource: 'user', operation: 'invite', emails: 'new@example.com', role: 'Member', options: { ifExists: '={{ $json.bad }}' } }, 'If the User Already Exists'],
	])('%s', async (_name, parameters, field) => {
		const error = await expectRefused(parameters, field, 'Owner');
		expect(error.message).toContain('must be one of');
		expect(error.message).toContain('"Owner"');
	});

	test('the value is matched regardless of case', async () => {
		const { json } = await n8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'updateRole', user, role: '={{ "teamadmin" }}' } });
		expect(json[0].role).toBe('TeamAdmin');
		expect(mock.requests.find((r) => r.method === 'PUT').body.userRole).toBe('TeamAdmin');
	});
});

describe('Limit must be a whole number of 1 or more', () => {
	test.each([
		['users, "abc"', 'user', '={{ "abc" }}'],
		['users, 0', 'user', 0],
		['users, negative', 'user', '={{ -3 }}'],
		['users, a fraction', 'user', 2.5],
		['teams, "abc"', 'team', '={{ "abc" }}'],
		['teams, 0', 'team', 0],
	])('%s', async (_name, resource, limit) => {
		const error = await expectRefused({ resource, operation: 'getAll', returnAll: false, limit }, 'Limit');
		expect(error.message).toMatch(/^Limit must be a whole number of 1 or more/);
	});

	test('a number given as text works', async () => {
		const { json } = await n8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'getAll', returnAll: false, limit: '={{ "3" }}' } });
		expect(json).toHaveLength(3);
	});
});

describe('emails and names beyond the vendor’s limits', () => {
	test.each([
		['user locator in email mode', { resource: 'user', operation: 'get', user: byEmail(LONG_EMAIL) }, 'User'],
		['transfer target in email mode', { resource: 'user', operation: 'deactivate', user, transferTo: byEmail(LONG_EMAIL) }, 'Transfer Documents To'],
		['invite emails', { resource: 'user', operation: 'invite', emails: `ok@example.com, ${LONG_EMAIL}`, role: 'Member' }, 'Emails'],
	])('email longer than 254 characters: %s', async (_name, parameters, field) => {
		const error = await expectRefused(parameters, field);
		expect(error.message).toBe(`${field} is longer than 254 characters (262)`);
	});

	test.each([
		['create', { resource: 'team', operation: 'create', teamName: LONG_NAME }],
		['rename', { resource: 'team', operation: 'rename', team, teamName: LONG_NAME }],
	])('team name longer than 100 characters: %s', async (_name, parameters) => {
		const error = await expectRefused(parameters, 'Team Name');
		expect(error.message).toBe('Team Name is longer than 100 characters (101)');
	});

	test('254 characters are accepted', async () => {
		const email = `${'b'.repeat(242)}@example.com`;
		const { json } = await n8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'invite', emails: email, role: 'Member' } });
		expect(json[0].email).toBe(email);
	});
});

describe('an email typed with surrounding spaces', () => {
	test('passes the editor’s validation of the By Email mode and is trimmed', async () => {
		const { BoldSign } = require('../../dist/nodes/BoldSign/BoldSign.node');
		const userField = new BoldSign().description.properties.find((p) => p.name === 'user');
		const regex = new RegExp(userField.modes.find((m) => m.name === 'email').validation[0].properties.regex);
		expect(regex.test('  bob.smith@example.com ')).toBe(true);
		expect(regex.test('bob smith@example.com')).toBe(false);
		expect(regex.test('not-an-email')).toBe(false);

		const { json } = await n8n.run({ type: 'boldSign', parameters: { resource: 'user', operation: 'get', user: byEmail('  bob.smith@example.com ') } });
		expect(json[0].id).toBe(BOLDSIGN_IDS.teamAdminUserId);
		expect(mock.requests[0].query.Search).toBe('bob.smith@example.com');
	});
});
