'use strict';
// descriptions.ts (field builders and the readers of their values) and user.ts (the normalized record).

const { NodeOperationError } = require('n8n-workflow');
const d = require('../../dist/nodes/shared/descriptions');
const { isEmail, isoDate, normalizedUser, simplifyUser, str } = require('../../dist/nodes/shared/user');
const { NODE } = require('./support');

/** An execution context whose parameters are `params[name]`, or a function of the item index. */
function context(params) {
	return {
		getNode: () => NODE,
		getNodeParameter(name, itemIndex, fallback) {
			let value = name in params ? params[name] : fallback;
			if (typeof value === 'function') value = value(itemIndex);
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			return value;
		},
	};
}

/** Every field of n8n's editor needs a label; ours all explain themselves too. */
function expectLabelled(field) {
	expect(typeof field.displayName).toBe('string');
	expect(field.displayName.trim()).not.toBe('');
	expect(typeof field.description).toBe('string');
	expect(field.description.trim()).not.toBe('');
}

describe('field builders', () => {
	const options = [{ name: 'User', value: 'user' }];
	test('Resource and Operation selectors', () => {
		expect(d.resourceSelector('user', options)).toEqual({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'user',
			options,
		});
		expect(d.operationSelector('team', 'get', options)).toEqual({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['team'] } },
			default: 'get',
			options,
		});
	});

	test('showFor: one operation or several', () => {
		expect(d.showFor('user', 'get')).toEqual({ show: { resource: ['user'], operation: ['get'] } });
		expect(d.showFor('user', ['get', 'getAll'])).toEqual({ show: { resource: ['user'], operation: ['get', 'getAll'] } });
	});

	test("Return All and Limit: n8n's standard pair; Limit only shown without Return All", () => {
		const show = d.showFor('user', 'getAll');
		const [returnAll, limit] = d.returnAllAndLimit(show);
		// The texts n8n's linter asks for.
		expect(returnAll).toEqual({
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show,
		});
		expect(limit).toEqual({
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { resource: ['user'], operation: ['getAll'], returnAll: [false] } },
		});
		expect(d.returnAllAndLimit(show, 100)[1].typeOptions).toEqual({ minValue: 1, maxValue: 100 });
	});

	test('Filters and Simplify', () => {
		const show = d.showFor('user', 'getAll');
		const filterOptions = [{ displayName: 'Status', name: 'status', type: 'string', default: '' }];
		expect(d.filtersField(show, filterOptions)).toEqual({
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show,
			options: filterOptions,
		});
		const simplify = d.simplifyField(show);
		expect(simplify).toMatchObject({ name: 'simplify', type: 'boolean', default: true, displayOptions: show });
		expectLabelled(simplify);
		expect(simplify.description).toMatch(/^Whether /);
	});

	test('a user locator: from a searchable list, by ID, or by a checked email', () => {
		const show = d.showFor('user', 'get');
		const field = d.locator({
			displayName: 'User',
			name: 'user',
			searchMethod: 'searchUsers',
			idPlaceholder: 'e.g. 1234',
			withEmail: true,
			description: 'The user to get',
			displayOptions: show,
		});
		expect(field).toMatchObject({
			displayName: 'User',
			name: 'user',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: 'The user to get',
			displayOptions: show,
		});
		expect(field.modes.map((m) => [m.name, m.type])).toEqual([
			['list', 'list'],
			['id', 'string'],
			['email', 'string'],
		]);
		const [list, id, email] = field.modes;
		expect(list.typeOptions).toEqual({ searchListMethod: 'searchUsers', searchable: true });
		expect(id.placeholder).toBe('e.g. 1234');
		expect(email.placeholder).toBe('name@example.com');
		for (const mode of field.modes) expect(mode.displayName.trim()).not.toBe('');
		const [rule] = email.validation;
		expect(rule.type).toBe('regex');
		expect(rule.properties.errorMessage).toBe('Not a valid email address');
		const regex = new RegExp(rule.properties.regex);
		expect(regex.test('ada@example.com')).toBe(true);
		expect(regex.test('ada@example')).toBe(false);
		expect(regex.test('ada example@example.com')).toBe(false);
		expect(regex.test('@example.com')).toBe(false);
	});

	test('a locator without email, optional', () => {
		const field = d.locator({ displayName: 'Team', name: 'team', searchMethod: 'searchTeams', idPlaceholder: 'id', required: false, displayOptions: {} });
		expect(field.modes.map((m) => m.name)).toStrictEqual(['list', 'id']);
		expect(field.required).toBe(false);
	});
});

describe('the normalized user', () => {
	const full = {
		id: 'u1',
		email: 'ada@example.com',
		firstName: 'Ada',
		lastName: 'Lovelace',
		role: 'Admin',
		status: 'active',
		teamId: 't1',
		teamName: 'Default',
		createdAt: '2024-01-02T00:00:00.000Z',
		updatedAt: '2024-01-03T00:00:00.000Z',
	};
	test('every key from its field', () => {
		expect(normalizedUser('boldsign', full)).toEqual({ vendor: 'boldsign', ...full });
	});
	test('null where the vendor has no value; empty strings are values', () => {
		expect(normalizedUser('docusign', {})).toEqual({
			vendor: 'docusign',
			id: null,
			email: null,
			firstName: null,
			lastName: null,
			role: null,
			status: null,
			teamId: null,
			teamName: null,
			createdAt: null,
			updatedAt: null,
		});
		expect(normalizedUser('x', { firstName: '', role: undefined, teamId: null }).firstName).toBe('');
	});
	test('Simplify on (the default) gives the normalized record, off the vendor object', () => {
		const raw = { userId: 'u1' };
		const normalize = (user) => normalizedUser('v', { id: user.userId });
		expect(simplifyUser.call(context({ simplify: true }), 0, raw, normalize)).toEqual(normalizedUser('v', { id: 'u1' }));
		expect(simplifyUser.call(context({}), 0, raw, normalize).vendor).toBe('v');
		expect(simplifyUser.call(context({ simplify: false }), 0, raw, normalize)).toBe(raw);
		expect(simplifyUser.call(context({ simplify: (i) => i === 1 }), 0, raw, normalize)).toBe(raw);
	});
	test('str: text, or null for anything empty', () => {
		expect(str('a')).toBe('a');
		expect(str(0)).toBe('0');
		expect(str(false)).toBe('false');
		expect(str('')).toBeNull();
		expect(str(null)).toBeNull();
		expect(str(undefined)).toBeNull();
	});
	test('isoDate: seconds, milliseconds (from 1e11), digit strings and date strings, in UTC', () => {
		expect(isoDate(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(isoDate(99_999_999_999)).toBe('5138-11-16T09:46:39.000Z');
		expect(isoDate(100_000_000_000)).toBe('1973-03-03T09:46:40.000Z');
		expect(isoDate('1646824225')).toBe('2022-03-09T11:10:25.000Z');
		expect(isoDate(1646824225.5)).toBe('2022-03-09T11:10:25.500Z');
		expect(isoDate('2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
		expect(isoDate('2024-05-01 10:00:00Z')).toBe('2024-05-01T10:00:00.000Z');
		expect(isoDate('12a')).toBeNull();
		expect(isoDate(null)).toBeNull();
		expect(isoDate(undefined)).toBeNull();
		expect(isoDate(NaN)).toBeNull();
	});
	test('isEmail: one @, a dot in the domain, no spaces; surrounding spaces ignored', () => {
		expect(isEmail(' ada@example.com ')).toBe(true);
		expect(isEmail('a.b+c@sub.example.co')).toBe(true);
		for (const bad of ['ada@example', 'ada@example.com x', 'ada@@example.com', 'ada@ex ample.com', 'a da@example.com', '@example.com', 'ada@.com', 'ada@example.', 'ada.example.com', '']) {
			expect(isEmail(bad)).toBe(false);
		}
	});
});
