'use strict';
// The poll snapshot store and diff (nodes/shared/poll) on the cases the vendor triggers do not reach:
// ids and values that need escaping, values cut at the bound, every status move, the user bound.

const { PollContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { decodeId, encodeId, MAX_SNAPSHOT_USERS, MAX_VALUE, readSnapshot, storedUser, writeSnapshot } = require('../../dist/nodes/shared/poll/snapshot');
const { changesOf, diffScope } = require('../../dist/nodes/shared/poll/diff');
const { pollUsers } = require('../../dist/nodes/shared/poll/trigger');
const { normalizedUser } = require('../../dist/nodes/shared/user');

const user = (fields) => normalizedUser('test', { status: 'active', ...fields });
const roundTrip = (users) => {
	const scopes = new Map([['', new Map(users.map((u) => [String(u.id), storedUser(u)]))]]);
	return readSnapshot(JSON.parse(JSON.stringify(writeSnapshot('src', scopes))), 'src').scopes.get('');
};

describe('snapshot ids', () => {
	test.each([
		['a lower-case UUID, as base64url', 'b5000000-0000-4000-8000-000000000001', /^~[\w-]{22}$/],
		['long lower-case hex (SignNow), as base64url', 'a'.repeat(40), /^\^[\w-]{27}$/],
		['an upper-case UUID, as it is', 'B5000000-0000-4000-8000-000000000001', /^B5000000/],
		['an id starting with a marker, escaped', '~odd', /^!~odd$/],
		['a short id, as it is', '42', /^42$/],
	])('%s', (_name, id, shape) => {
		expect(encodeId(id)).toMatch(shape);
		expect(decodeId(encodeId(id))).toBe(id);
	});
});

describe('snapshot values', () => {
	test('every compared value comes back, separators and escapes in values included', () => {
		const odd = user({ id: 'u1', email: 'a|b%40c@x@example.com', firstName: 'Ann|e', lastName: '%7C', role: 'Team@Admin', teamId: 't|1', teamName: 'R&D | EU', status: 'invited' });
		const empty = user({ id: 'u2', status: null });
		const noAt = user({ id: 'u3', email: 'not-an-email' });
		const back = roundTrip([odd, empty, noAt]);
		for (const u of [odd, empty, noAt]) {
			expect(back.get(u.id)).toEqual(storedUser(u));
		}
	});

	test(`values are kept up to ${MAX_VALUE} characters; the hash still sees a change beyond`, () => {
		const long = 'x'.repeat(MAX_VALUE + 50);
		const before = storedUser(user({ id: 'u1', lastName: `${long}a` }));
		const after = storedUser(user({ id: 'u1', lastName: `${long}b` }));
		expect(before.lastName).toHaveLength(MAX_VALUE);
		expect(roundTrip([user({ id: 'u1', lastName: `${long}a` })]).get('u1').lastName).toHaveLength(MAX_VALUE);
		expect(changesOf(before, after).map((c) => c.event)).toEqual([]); // same stored value: no field to report…
		expect(before.hash).not.toBe(after.hash); // …but the snapshot is updated, so a later change compares right
	});

	test('a snapshot of another version or source is no snapshot (a new baseline)', () => {
		const data = writeSnapshot('boldsign|boldSignApi:1', new Map([['', new Map()]]));
		expect(readSnapshot(data, 'boldsign|boldSignApi:1')).toBeDefined();
		expect(readSnapshot(data, 'boldsign|boldSignApi:2')).toBeUndefined();
		expect(readSnapshot({ ...data, v: 99 }, 'boldsign|boldSignApi:1')).toBeUndefined();
		expect(readSnapshot(undefined, 'x')).toBeUndefined();
	});
});

describe('status moves', () => {
	const events = (from, to) => changesOf(storedUser(user({ id: 'u', status: from })), storedUser(user({ id: 'u', status: to }))).map((c) => [c.event, c.previous]);
	test.each([
		['active', 'deactivated', [['user.deactivated', { status: 'active' }]]],
		['invited', 'deactivated', [['user.deactivated', { status: 'invited' }]]],
		[null, 'deactivated', [['user.deactivated', { status: null }]]],
		['deactivated', 'active', [['user.reactivated', { status: 'deactivated' }]]],
		['deactivated', 'invited', [['user.reactivated', { status: 'deactivated' }]]],
		['deactivated', null, []],
		['invited', 'active', []],
		['active', 'invited', []],
	])('%s → %s', (from, to, expected) => {
		expect(events(from, to)).toEqual(expected);
	});
});

describe('diff', () => {
	test('an incremental listing keeps the users it does not list; a complete one removes them; an id listed twice counts once', () => {
		const before = new Map([['a', storedUser(user({ id: 'a' }))], ['b', storedUser(user({ id: 'b' }))]]);
		const listed = [user({ id: 'a', role: 'Admin' }), user({ id: 'a', role: 'Member' }), user({ id: null })];
		const partial = diffScope('test', before, listed, false);
		expect(partial.changes.map((c) => [c.event, c.user.id, c.previous])).toEqual([['user.role_changed', 'a', { role: null }]]);
		expect([...partial.after.keys()]).toEqual(['a', 'b']);
		const complete = diffScope('test', before, listed, true);
		expect(complete.changes.map((c) => [c.event, c.user.id])).toEqual([['user.role_changed', 'a'], ['user.removed', 'b']]);
		expect([...complete.after.keys()]).toEqual(['a']);
	});
});

describe(`the snapshot is bounded to ${MAX_SNAPSHOT_USERS.toLocaleString('en')} users`, () => {
	/** A poll context of n8n-core for a node type that polls the given users through the shared poll. */
	function pollContext(count) {
		const source = {
			vendor: 'test',
			list: async () => Array.from({ length: count }, (_, i) => ({ id: `u${i}` })),
			normalize: (record) => normalizedUser('test', { id: record.id, status: 'active' }),
		};
		const nodeType = { description: { properties: [] }, poll() { return pollUsers.call(this, source); } };
		const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
		const node = { id: 'n', name: 'Poll', type: 'test.poll', typeVersion: 1, position: [0, 0], parameters: {} };
		const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, nodeTypes, active: true, settings: {} });
		return { context: new PollContext(workflow, node, { credentialsHelper: {}, hooks: undefined }, 'trigger', 'activate'), nodeType, workflow, node };
	}

	test('more users fail the poll with an error saying so, and nothing is written', async () => {
		const { context, nodeType, workflow, node } = pollContext(MAX_SNAPSHOT_USERS + 1);
		await expect(nodeType.poll.call(context)).rejects.toThrow(`The trigger follows ${MAX_SNAPSHOT_USERS + 1} users, more than the ${MAX_SNAPSHOT_USERS} its snapshot holds`);
		expect(workflow.getStaticData('node', node).snapshot).toBeUndefined();
	}, 60000);
});
