'use strict';
// The roster planner and the safety limit (nodes/shared/roster): pure functions, no vendor.

const { planRoster, checkSafetyLimit } = require('../../dist/nodes/shared/roster');
const { normalizedUser } = require('../../dist/nodes/shared/user');

const node = { id: 'n', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const TEAMS = [
	{ id: 't-default', name: 'Default' },
	{ id: 't-sales', name: 'Sales' },
	{ id: 't-empty', name: 'Empty' },
];
const teamName = (id) => TEAMS.find((t) => t.id === id)?.name ?? null;

function user(email, { role = 'Member', status = 'active', teamId = 't-default', firstName = null, lastName = null } = {}) {
	const u = normalizedUser('test', { id: `id-${email}`, email, role, status, teamId, teamName: teamName(teamId), firstName, lastName });
	return { user: u, raw: { userId: u.id } };
}

const row = (email, itemIndex, more = {}) => ({ email, itemIndex, ...more });
const OPTIONS = { fields: ['role', 'team', 'names'], missing: 'deactivate', reactivate: true, protectedEmails: [], protectedRoles: [] };
const plan = (rows, users, options = {}, teams = TEAMS) => planRoster(node, 'Vendor', rows, { users, teams }, { ...OPTIONS, ...options });
const byEmail = (entries) => Object.fromEntries(entries.map((e) => [e.email.toLowerCase(), e]));

const USERS = [
	user('owner@example.com', { role: 'Admin' }),
	user('same@example.com', { role: 'Member', firstName: 'Sam' }),
	user('role@example.com', { role: 'Member' }),
	user('team@example.com', { teamId: 't-default' }),
	user('gone@example.com'),
	user('off@example.com', { status: 'deactivated' }),
	user('invited@example.com', { status: 'invited' }),
	user('oldoff@example.com', { status: 'deactivated' }),
	user('other@else.org', { teamId: 't-sales' }),
];

describe('planRoster: every kind of difference', () => {
	const rows = [
		row(' Same@Example.com ', 0, { role: 'member', firstName: 'Sam' }),
		row('role@example.com', 1, { role: 'TeamAdmin' }),
		row('team@example.com', 2, { team: 'sales' }),
		row('new@example.com', 3, { role: 'Member', team: 't-sales', firstName: 'Nu', lastName: 'Ser' }),
		row('off@example.com', 4, { role: 'Member' }),
		row('invited@example.com', 5, { role: 'Member' }),
		row('owner@example.com', 6, { role: 'Admin' }),
		row('other@else.org', 7, { team: 'Sales' }),
	];
	const { entries, counts } = plan(rows, USERS);
	const e = byEmail(entries);

	test('case and spaces in emails and roles do not count as differences', () => {
		expect(e['same@example.com']).toMatchObject({ action: 'unchanged', reason: 'matches the roster', changes: {}, itemIndex: 0 });
	});
	test('a different role, and a team given by name in another case', () => {
		expect(e['role@example.com']).toMatchObject({ action: 'update', changes: { role: { from: 'Member', to: 'TeamAdmin' } }, target: { role: 'TeamAdmin' } });
		expect(e['team@example.com']).toMatchObject({ action: 'update', changes: { team: { from: 'Default', to: 'Sales' } }, target: { teamId: 't-sales' } });
	});
	test('a new user is created with its role, team (given by ID) and names', () => {
		expect(e['new@example.com']).toMatchObject({
			action: 'create',
			current: undefined,
			target: { role: 'Member', teamId: 't-sales', firstName: 'Nu', lastName: 'Ser' },
			changes: { role: { from: null, to: 'Member' }, team: { from: null, to: 'Sales' } },
		});
	});
	test('a deactivated user in the roster is reactivated: an update with a status change', () => {
		expect(e['off@example.com']).toMatchObject({ action: 'update', changes: { status: { from: 'deactivated', to: 'active' } }, target: { status: 'active' } });
		expect(e['off@example.com'].reason).toContain('reactivate');
	});
	test('an invited user counts as present (no second invitation)', () => {
		expect(e['invited@example.com']).toMatchObject({ action: 'unchanged', reason: 'invited; matches the roster' });
	});
	test('a team given by its ID matches the user’s team', () => {
		expect(e['other@else.org'].action).toBe('unchanged');
	});
	test('users missing from the roster: active ones deactivated, deactivated ones unchanged; paired with item 0', () => {
		expect(e['gone@example.com']).toMatchObject({ action: 'deactivate', itemIndex: 0, reason: 'not in the roster' });
		expect(e['oldoff@example.com']).toMatchObject({ action: 'unchanged', itemIndex: 0 });
	});
	test('counts, and the entries in roster order then missing users', () => {
		expect(counts).toEqual({ create: 1, update: 3, deactivate: 1, unchanged: 5, skipped: 0, inScope: 7 });
		expect(entries.slice(0, 8).map((x) => x.itemIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});
});

describe('planRoster: options', () => {
	test('fields not managed are never compared', () => {
		const { entries } = plan([row('role@example.com', 0, { role: 'Admin', team: 'Sales', firstName: 'X' })], [USERS[2]], { fields: ['names'] });
		expect(entries[0]).toMatchObject({ action: 'update', changes: { firstName: { from: null, to: 'X' } } });
		expect(Object.keys(entries[0].changes)).toEqual(['firstName']);
	});
	test('empty values in a row leave the field as it is', () => {
		const { entries } = plan([row('role@example.com', 0, {})], [USERS[2]]);
		expect(entries[0].action).toBe('unchanged');
	});
	test('Reactivate off: a deactivated user in the roster is skipped', () => {
		const { entries } = plan([row('off@example.com', 0)], [USERS[5]], { reactivate: false });
		expect(entries[0]).toMatchObject({ action: 'skipped', reason: expect.stringContaining('Reactivate Users') });
	});
	test('Missing Users: Only Report lists them as skipped', () => {
		const { entries, counts } = plan([], [USERS[4]], { missing: 'report' });
		expect(entries[0]).toMatchObject({ action: 'skipped', reason: expect.stringContaining('Only Report') });
		expect(counts.deactivate).toBe(0);
	});
	test('an unknown team is an error naming the row, before anything', () => {
		expect(() => plan([row('team@example.com', 4, { team: 'Nope' })], USERS)).toThrow(/team "Nope" of team@example.com \(input item 5\) is not a Vendor team/);
	});
	test('a team known only from the users works without a team list', () => {
		const { entries } = planRoster(node, 'Vendor', [row('team@example.com', 0, { team: 'Sales' })], { users: USERS }, OPTIONS);
		expect(entries[0].target.teamId).toBe('t-sales');
	});
});

describe('planRoster: protected users', () => {
	test('protected roles and emails are never deactivated and their role never changes', () => {
		const users = [user('owner@example.com', { role: 'Admin' }), user('boss@example.com'), user('boss2@example.com'), user('plain@example.com')];
		const rows = [row('owner@example.com', 0, { role: 'Member' }), row('boss@example.com', 1, { role: 'Admin', team: 'Sales' })];
		const e = byEmail(plan(rows, users, { protectedRoles: ['admin'], protectedEmails: ['BOSS@example.com', 'boss2@example.com'] }).entries);
		expect(e['owner@example.com']).toMatchObject({ action: 'skipped', reason: 'protected: role kept', changes: {} });
		expect(e['boss@example.com']).toMatchObject({ action: 'update', changes: { team: { from: 'Default', to: 'Sales' } } });
		expect(e['boss@example.com'].changes.role).toBeUndefined();
		expect(e['boss@example.com'].reason).toContain('protected: role kept');
		expect(e['boss2@example.com']).toMatchObject({ action: 'skipped', reason: 'not in the roster, but protected' });
		expect(e['plain@example.com'].action).toBe('deactivate');
	});
	test('a user the vendor marks protected (an organization admin) is neither deactivated nor given another role', () => {
		const orgAdmin = { ...user('org.admin@example.com'), protected: true };
		const other = { ...user('org.admin2@example.com'), protected: true };
		const e = byEmail(plan([row('org.admin@example.com', 0, { role: 'Admin' })], [orgAdmin, other, user('plain@example.com')]).entries);
		expect(e['org.admin@example.com']).toMatchObject({ action: 'skipped', reason: 'protected: role kept' });
		expect(e['org.admin2@example.com']).toMatchObject({ action: 'skipped', reason: 'not in the roster, but protected' });
		expect(e['plain@example.com'].action).toBe('deactivate');
	});
	test('the Transfer Documents To user is protected', () => {
		const { entries } = plan([], [user('heir@example.com')], { transferTo: 'Heir@example.com' });
		expect(entries[0].action).toBe('skipped');
	});
});

describe('planRoster: scope', () => {
	test('an email domain: users of other domains are never changed nor listed', () => {
		const { entries, counts } = plan([row('new@else.org', 0)], USERS, { scopeDomain: '@Example.com' });
		expect(entries[0]).toMatchObject({ action: 'skipped', reason: 'outside the scope' });
		expect(entries.some((e) => e.email === 'other@else.org')).toBe(false);
		expect(counts.inScope).toBe(6);
	});
	test('a team: only its users; new users are created in it; rows of other teams are skipped', () => {
		const users = [user('a@example.com', { teamId: 't-sales' }), user('b@example.com', { teamId: 't-sales' }), user('c@example.com')];
		const rows = [row('a@example.com', 0, { role: 'TeamAdmin' }), row('n@example.com', 1), row('c@example.com', 2, { role: 'Admin' }), row('m@example.com', 3, { team: 'Default' })];
		const e = byEmail(plan(rows, users, { scopeTeam: 'SALES' }).entries);
		expect(e['a@example.com']).toMatchObject({ action: 'update', changes: { role: { from: 'Member', to: 'TeamAdmin' } } });
		expect(e['n@example.com']).toMatchObject({ action: 'create', target: { teamId: 't-sales' } });
		expect(e['c@example.com']).toMatchObject({ action: 'skipped', reason: 'outside the scope' });
		expect(e['m@example.com']).toMatchObject({ action: 'skipped', reason: 'outside the scope' });
		expect(e['b@example.com'].action).toBe('deactivate');
	});
});

describe('planRoster: duplicates', () => {
	test('the same email twice is an error naming both items', () => {
		expect(() => plan([row('a@example.com', 2), row('b@example.com', 3), row(' A@EXAMPLE.com', 6)], [])).toThrow(
			'The email A@EXAMPLE.com is in the roster twice: input items 3 and 7',
		);
	});
});

describe('checkSafetyLimit', () => {
	const counts = { create: 1, update: 2, deactivate: 6, unchanged: 3, skipped: 0, inScope: 10 };
	test('over the percentage: refused, with the plan’s counts', () => {
		let error;
		try {
			checkSafetyLimit(node, counts, { maxDeactivationPercent: 50 });
		} catch (e) {
			error = e;
		}
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('Refusing to apply: the plan deactivates 6 of 10 users in scope (60 %), over the safety limit of 50 %');
		expect(error.description).toContain('Plan: 1 create, 2 update, 6 deactivate, 3 unchanged, 0 skipped. Nothing was changed.');
	});
	test('over the count', () => {
		expect(() => checkSafetyLimit(node, counts, { maxDeactivations: 5 })).toThrow('over the safety limit of 5 users');
	});
	test('within both limits, at the bounds, or without deactivations: allowed', () => {
		expect(() => checkSafetyLimit(node, counts, { maxDeactivations: 6, maxDeactivationPercent: 60 })).not.toThrow();
		expect(() => checkSafetyLimit(node, { ...counts, deactivate: 0, inScope: 0 }, { maxDeactivations: 0 })).not.toThrow();
		expect(() => checkSafetyLimit(node, counts, {})).not.toThrow();
	});
});

describe('roster fields', () => {
	const nodes = {
		BoldSign: require('../../dist/nodes/BoldSign/BoldSign.node').BoldSign,
		DocuSignAdmin: require('../../dist/nodes/DocuSignAdmin/DocuSignAdmin.node').DocuSignAdmin,
		SignNow: require('../../dist/nodes/SignNow/SignNow.node').SignNow,
		PandaDoc: require('../../dist/nodes/PandaDoc/PandaDoc.node').PandaDoc,
	};
	const optionNames = (properties, name) => properties.filter((p) => p.name === name).flatMap((p) => (p.options ?? []).map((o) => o.name));

	test.each([
		['BoldSign', true],
		['DocuSignAdmin', true],
		['SignNow', false],
		['PandaDoc', false],
	])('%s: the Reactivate options show only where the vendor can reactivate (%s)', (name, reactivates) => {
		const { properties } = new nodes[name]().description;
		expect(optionNames(properties, 'rosterOptions').includes('reactivate')).toBe(reactivates);
		expect(properties.some((p) => p.name === 'ensureOptions')).toBe(reactivates);
		expect(optionNames(properties, 'rosterOptions').length).toBeGreaterThan(3);
	});
});
