'use strict';
// Remove From Workspace and Change Workspace with Transfer Documents To (reference §4.3): the transfer comes
// before the removal, a failed transfer keeps the member, and a half-done move says so.

const { MAIN, SALES, PANDADOC_IDS, byId, byEmail, byUserId, startPandaDoc } = require('./setup');

const mid = PANDADOC_IDS.membershipId;
const uid = PANDADOC_IDS.userId;

let env;
beforeAll(async () => {
	env = await startPandaDoc();
});
afterAll(async () => env.mock.close());
beforeEach(() => env.mock.reset());

const run = (...args) => env.run(...args);
const calls = (...args) => env.calls(...args);
const owners = (...ids) => ids.map((id) => env.mock.state.documents.find((d) => d.id === id).owner);
const changes = () => env.mock.state.log.map((entry) => entry.type);
const isOwnership = (r) => r.method === 'PATCH' && r.path === '/public/v1/documents/ownership';
const isRemoval = (r) => r.method === 'DELETE' && r.path.startsWith('/public/v1/workspaces/');

describe('member: remove from workspace (close)', () => {
	test('documents go to the colleague first, then the membership is deleted (204)', async () => {
		const { json } = await run({
			resource: 'member',
			operation: 'remove',
			member: byEmail('cleo.carter@example.com'),
			transferTo: byEmail('ben.brooks@example.com'),
		});
		expect(json).toEqual([
			{
				vendor: 'pandadoc',
				membershipId: mid(3),
				userId: uid(3),
				email: 'cleo.carter@example.com',
				workspaceId: MAIN,
				removed: true,
				documentsTransferredTo: mid(2),
			},
		]);
		const [transfer] = calls('PATCH', '/public/v1/documents/ownership');
		expect(transfer.body).toEqual({ from_membership_id: mid(3), to_membership_id: mid(2) });
		expect(env.mock.requests.findIndex(isOwnership)).toBeLessThan(env.mock.requests.findIndex(isRemoval));
		expect(changes()).toEqual(['transfer', 'remove']);
		expect(calls('DELETE', `/public/v1/workspaces/${MAIN}/members/${mid(3)}`)).toHaveLength(1);
		expect(owners('doc-1', 'doc-2', 'doc-3')).toEqual([mid(2), mid(2), mid(2)]);
		expect(env.membership(mid(3))).toBeUndefined();
		expect(env.mock.state.log[1].orphanedDocuments).toEqual([]);
	});

	test('a failed transfer keeps the member, and says why', async () => {
		env.mock.failNext({ status: 400, body: { type: 'request_error', detail: 'Documents are locked by a running workflow.' }, match: isOwnership });
		const { error } = await run(
			{ resource: 'member', operation: 'remove', member: byId(mid(3)), transferTo: byId(mid(2)) },
			{ expectError: true },
		);
		expect(error.message).toBe(
			'The documents could not be transferred, so the member was not removed: PandaDoc returned 400: Documents are locked by a running workflow.',
		);
		expect(error.httpCode).toBe('400');
		expect(env.mock.requests.filter(isRemoval)).toHaveLength(0);
		expect(env.membership(mid(3))).toMatchObject({ user_id: uid(3) });
		expect(owners('doc-1')).toEqual([mid(3)]);
	});

	test('a transfer to the leaver is refused before any request', async () => {
		const { error } = await run(
			{ resource: 'member', operation: 'remove', member: byId(mid(3)), transferTo: byId(mid(3)), workspace: byId(MAIN) },
			{ expectError: true },
		);
		expect(error.message).toBe('Transfer Documents To names the member who is leaving');
		expect(env.mock.requests).toHaveLength(0);
	});

	test('without a transfer the documents stay with the removed membership', async () => {
		const { json } = await run({ resource: 'member', operation: 'remove', member: byId(mid(2)), workspace: byId(MAIN) });
		expect(json[0]).toMatchObject({ membershipId: mid(2), userId: null, removed: true, documentsTransferredTo: null });
		expect(calls('PATCH', '/public/v1/documents/ownership')).toHaveLength(0);
		// A membership ID and a chosen workspace need no lookup at all.
		expect(env.mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /public/v1/workspaces/${MAIN}/members/${mid(2)}`]);
		expect(env.mock.state.log).toEqual([expect.objectContaining({ type: 'remove', orphanedDocuments: ['doc-6'] })]);
	});

	test('in another workspace, member and colleague by email are found through the users list', async () => {
		const { json } = await run({
			resource: 'member',
			operation: 'remove',
			member: byEmail('lena.lopez@example.com'),
			workspace: byId(SALES),
			transferTo: byUserId(uid(10)),
		});
		expect(json[0]).toMatchObject({ membershipId: mid(12, 'sales'), workspaceId: SALES, documentsTransferredTo: mid(10, 'sales') });
		expect(owners('doc-5', 'doc-4')).toEqual([mid(10, 'sales'), mid(12)]);
		expect(env.membership(mid(12))).toBeDefined();
	});

	test('a transfer whose answer was lost is sent again and the removal follows', async () => {
		env.mock.failNext({ fault: 'drop-after-apply', match: isOwnership });
		const { json } = await run({ resource: 'member', operation: 'remove', member: byId(mid(3)), workspace: byId(MAIN), transferTo: byId(mid(2)) });
		expect(json[0]).toMatchObject({ removed: true, documentsTransferredTo: mid(2) });
		expect(env.mock.requests.filter(isOwnership)).toHaveLength(2);
		expect(changes()).toEqual(['transfer', 'transfer', 'remove']);
		expect(owners('doc-1')).toEqual([mid(2)]);
	});

	test('a removal whose answer was lost is not reported as failed when the repeat finds it gone', async () => {
		env.mock.failNext({ fault: 'drop-after-apply', match: isRemoval });
		const { json } = await run({ resource: 'member', operation: 'remove', member: byId(mid(4)), workspace: byId(MAIN) });
		expect(json[0]).toMatchObject({ membershipId: mid(4), removed: true });
		expect(env.mock.requests.filter(isRemoval)).toHaveLength(2);
	});
});

describe('member: change workspace', () => {
	test('added to the target, documents handed over, removed from the source: both steps reported', async () => {
		const moved = await run({
			resource: 'member',
			operation: 'changeWorkspace',
			member: byEmail('dev.desai@example.com'),
			toWorkspace: byId(SALES),
			transferTo: byEmail('ben.brooks@example.com'),
			role: 'Manager',
		});
		const added = env.mock.state.memberships.find((m) => m.user_id === uid(4) && m.workspace_id === SALES);
		expect(moved.json).toEqual([
			{
				vendor: 'pandadoc',
				userId: uid(4),
				email: 'dev.desai@example.com',
				added: { workspaceId: SALES, membershipId: added.membership_id, role: 'Manager' },
				documentsTransferredTo: mid(2),
				removed: { workspaceId: MAIN, membershipId: mid(4) },
			},
		]);
		expect(changes()).toEqual(['add', 'transfer', 'remove']);
		expect(env.membership(mid(4))).toBeUndefined();
	});

	test('a user already in the target: PandaDoc’s 400, and nothing else is done', async () => {
		const { error } = await run(
			{ resource: 'member', operation: 'changeWorkspace', member: byEmail('lena.lopez@example.com'), toWorkspace: byId(SALES), transferTo: byId(mid(2)), role: 'keep' },
			{ expectError: true },
		);
		expect(error.message).toBe('PandaDoc returned 400: User is already a member of this workspace.');
		expect(env.mock.state.log).toEqual([]);
	});

	test('Keep Current Role takes the role from the source workspace', async () => {
		await run({ resource: 'member', operation: 'changeWorkspace', member: byId(mid(2)), toWorkspace: byId(SALES), role: 'keep' });
		expect(calls('POST', `/public/v1/workspaces/${SALES}/members`)[0].body).toEqual({ user_id: uid(2), role: 'Manager' });
	});

	test('a removal that fails after the add is reported as a half-done move', async () => {
		env.mock.failNext({ status: 403, body: { type: 'permission_error', detail: 'You do not have permission to perform this action.' }, match: isRemoval });
		const { error } = await run(
			{ resource: 'member', operation: 'changeWorkspace', member: byId(mid(5)), toWorkspace: byId(SALES), role: 'keep' },
			{ expectError: true },
		);
		expect(error.message).toBe(
			`Half-done move: eli.evans@example.com was added to workspace ${SALES} but is still a member of workspace ${MAIN} (removing the member from the old workspace failed): PandaDoc returned 403: You do not have permission to perform this action.`,
		);
		expect(error.description).toMatch(/^The new membership is pd-mbr-\w+\. Fix the cause, then run Remove From Workspace for workspace ws-main-0001/);
		expect(error.httpCode).toBe('403');
		const workspaces = env.mock.state.memberships.filter((m) => m.user_id === uid(5) && !m.removed).map((m) => m.workspace_id);
		expect(workspaces.sort()).toEqual([MAIN, SALES].sort());
	});

	test('a failed transfer stops the move after the add: the member stays in the source, and it says so', async () => {
		env.mock.failNext({ status: 404, body: { type: 'not_found', detail: 'Member not found.' }, match: isOwnership });
		const { error } = await run(
			{ resource: 'member', operation: 'changeWorkspace', member: byId(mid(3)), toWorkspace: byId(SALES), transferTo: byId(mid(2)), role: 'keep' },
			{ expectError: true },
		);
		expect(error.message).toMatch(/^Half-done move: cleo\.carter@example\.com was added to workspace ws-sales-0002 but is still a member of workspace ws-main-0001 \(transferring the documents failed\)/);
		expect(env.mock.requests.filter(isRemoval)).toHaveLength(0);
		expect(env.membership(mid(3))).toBeDefined();
		expect(owners('doc-1')).toEqual([mid(3)]);
	});

	test('the same workspace on both sides is refused before any request', async () => {
		const { error } = await run(
			{ resource: 'member', operation: 'changeWorkspace', member: byId(mid(3)), fromWorkspace: byId(MAIN), toWorkspace: byId(MAIN), role: 'keep' },
			{ expectError: true },
		);
		expect(error.message).toBe('From Workspace and To Workspace are the same');
		expect(env.mock.requests).toHaveLength(0);
	});
});
