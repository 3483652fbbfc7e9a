'use strict';
// The PandaDoc mock itself, over raw HTTP, against reference §4: what the node tests rely on it to do.

const { startPandaDocMock, PANDADOC_IDS } = require('../../mocks/pandadoc');

let mock;
beforeAll(async () => {
	mock = await startPandaDocMock({ apiKey: 'k-mock-1234' });
});
afterAll(async () => mock.close());
beforeEach(() => {
	mock.reset();
	mock.rateLimit = { limit: 100, windowMs: 60_000 };
});

async function call(method, path, body, headers = { Authorization: 'API-Key k-mock-1234' }) {
	const res = await fetch(mock.url + path, {
		method,
		headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined, text };
}

test('status codes: 201 for created user, workspace and member; 204 for removal and ownership transfer', async () => {
	const { mainWorkspaceId: MAIN, membershipId } = PANDADOC_IDS;
	const user = await call('POST', '/public/v1/users', { user: { email: 'z@example.com' }, workspaces: [{ workspace_id: MAIN, role: 'Member' }] });
	expect(user.status).toBe(201);
	expect(user.json).toEqual({ user_id: expect.any(String), workspaces: [{ workspace_id: MAIN, role: 'Member', member_id: expect.any(String) }] });
	expect((await call('POST', '/public/v1/workspaces', { name: 'W' })).status).toBe(201);
	const added = await call('POST', `/public/v1/workspaces/${PANDADOC_IDS.salesWorkspaceId}/members`, { user_id: PANDADOC_IDS.userId(2), role: 'Member' });
	expect(added.status).toBe(201);
	expect(Object.keys(added.json).sort()).toEqual(['email', 'first_name', 'last_name', 'member_id', 'role', 'workspace_id']);
	const transfer = await call('PATCH', '/public/v1/documents/ownership', { from_membership_id: membershipId(3), to_membership_id: membershipId(2) });
	expect([transfer.status, transfer.text]).toEqual([204, '']);
	expect(mock.state.documents.filter((d) => d.owner === membershipId(2)).map((d) => d.id).sort()).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-6']);
	const removed = await call('DELETE', `/public/v1/workspaces/${MAIN}/members/${membershipId(3)}`);
	expect([removed.status, removed.text]).toEqual([204, '']);
});

test('errors are {type, detail}; detail is a string or field messages', async () => {
	expect((await call('GET', '/public/v1/members/nope')).json).toEqual({ type: 'not_found', detail: 'Member not found.' });
	const bad = await call('PATCH', '/public/v1/documents/ownership', {});
	expect(bad.status).toBe(400);
	expect(bad.json).toEqual({
		type: 'request_error',
		detail: { from_membership_id: ['This field is required.'], to_membership_id: ['This field is required.'] },
	});
	const other = await call('PATCH', '/public/v1/documents/ownership', {
		from_membership_id: PANDADOC_IDS.membershipId(3),
		to_membership_id: PANDADOC_IDS.membershipId(10, 'sales'),
	});
	expect(other.json).toEqual({ type: 'request_error', detail: 'Both members must belong to the same workspace.' });
	expect((await call('GET', '/public/v1/members', undefined, {})).json).toEqual({
		type: 'authentication_error',
		detail: 'Authentication credentials were not provided.',
	});
});

test('users and workspaces lists answer `total` with count/page', async () => {
	const users = await call('GET', '/public/v1/users?count=5&page=3');
	expect(users.json.total).toBe(12);
	expect(users.json.results.map((u) => u.user_id)).toEqual([PANDADOC_IDS.userId(11), PANDADOC_IDS.userId(12)]);
	expect(users.json.results[1].workspaces).toEqual([
		{ role: 'Member', workspace_id: PANDADOC_IDS.mainWorkspaceId, membership_id: PANDADOC_IDS.membershipId(12) },
		{ role: 'Member', workspace_id: PANDADOC_IDS.salesWorkspaceId, membership_id: PANDADOC_IDS.membershipId(12, 'sales') },
	]);
	const workspaces = await call('GET', '/public/v1/workspaces?count=1&page=1');
	expect(workspaces.json).toEqual({ total: 2, results: [{ id: PANDADOC_IDS.mainWorkspaceId, name: 'Acme', date_created: expect.any(String), owner: PANDADOC_IDS.adminUserId }] });
});

test('429s per endpoint in a 60 s window: a full endpoint does not block another; the body says when', async () => {
	mock.rateLimit = { limit: 2, windowMs: 60_000 };
	expect((await call('GET', '/public/v1/members')).status).toBe(200);
	expect((await call('GET', '/public/v1/members')).status).toBe(200);
	const refused = await call('GET', '/public/v1/members');
	expect(refused.status).toBe(429);
	expect(refused.json).toEqual({ type: 'request_throttled', detail: expect.stringMatching(/^Request was throttled\. Expected available in (59|60) seconds\.$/) });
	expect(refused.headers.get('retry-after')).toBeNull();
	expect((await call('GET', '/public/v1/members/current')).status).toBe(200);
	expect((await call('GET', `/public/v1/members/${PANDADOC_IDS.membershipId(2)}`)).status).toBe(200);
	mock.rateLimit.retryAfterHeader = true;
	expect((await call('GET', '/public/v1/members')).headers.get('retry-after')).toMatch(/^(59|60)$/);
	expect(mock.throttled.map((t) => t.key)).toEqual(['GET /public/v1/members', 'GET /public/v1/members']);
});

test('OAuth: the token endpoint wants the client in the form body; a used code is an invalid grant', async () => {
	const form = (fields) =>
		fetch(`${mock.url}/oauth2/access_token`, { method: 'POST', body: new URLSearchParams(fields) }).then(async (r) => ({ status: r.status, json: await r.json() }));
	const code = mock.issueAuthorizationCode();
	const grant = { grant_type: 'authorization_code', code, client_id: mock.clientId, client_secret: mock.clientSecret, scope: 'read+write' };
	const issued = await form(grant);
	expect(issued).toEqual({
		status: 200,
		json: { access_token: expect.any(String), token_type: 'Bearer', expires_in: 31535999, scope: 'read+write', refresh_token: expect.any(String) },
	});
	expect(await form(grant)).toEqual({ status: 400, json: { error: 'invalid_grant' } });
	const me = await call('GET', '/public/v1/members/current', undefined, { Authorization: `Bearer ${issued.json.access_token}` });
	expect(me.json.membership_id).toBe(PANDADOC_IDS.adminMembershipId);
});

test('webhook subscriptions (4.4): 201 Item with shared_key, {items} list, get, shared-key regeneration, 204 delete, 404 after', async () => {
	const body = { name: 'n8n', url: 'https://example.com/hook', payload: ['metadata'], triggers: ['document_state_changed', 'template_modified'] };
	const created = await call('POST', '/public/v1/webhook-subscriptions', body);
	expect(created.status).toBe(201);
	expect(created.json).toEqual({
		uuid: expect.any(String), ...body, active: true, workspace_id: PANDADOC_IDS.mainWorkspaceId, shared_key: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'ACTIVE',
	});
	const id = created.json.uuid;
	expect((await call('GET', '/public/v1/webhook-subscriptions')).json).toEqual({ items: [created.json] });
	expect((await call('GET', `/public/v1/webhook-subscriptions/${id}`)).json).toEqual(created.json);
	const key = await call('PATCH', `/public/v1/webhook-subscriptions/${id}/shared-key`);
	expect(key.json).toEqual({ shared_key: mock.webhookSubscriptions()[0].shared_key });
	expect(key.json.shared_key).not.toBe(created.json.shared_key);
	const patched = await call('PATCH', `/public/v1/webhook-subscriptions/${id}`, { active: false });
	expect([patched.json.active, patched.json.status]).toEqual([false, 'INACTIVE']);
	const bad = await call('POST', '/public/v1/webhook-subscriptions', { ...body, triggers: ['member_added'], payload: ['everything'] });
	expect([bad.status, bad.json.detail]).toEqual([400, { triggers: ['"member_added" is not a valid choice.'], payload: ['"everything" is not a valid choice.'] }]);
	mock.webhookHttpsOnly = true;
	expect((await call('POST', '/public/v1/webhook-subscriptions', { ...body, url: 'http://example.com/hook' })).status).toBe(400);
	mock.webhookHttpsOnly = false;
	const removed = await call('DELETE', `/public/v1/webhook-subscriptions/${id}`);
	expect([removed.status, removed.text]).toEqual([204, '']);
	expect((await call('DELETE', `/public/v1/webhook-subscriptions/${id}`)).status).toBe(404);
	expect((await call('GET', '/public/v1/webhook-subscriptions', undefined, {})).status).toBe(401);
});

test('webhook deliveries: a JSON array, ?signature = hex HMAC-SHA256 of the raw body with the shared key, X-PandaDoc-Webhook-Event-Id', async () => {
	const http = require('node:http');
	const { hmac } = require('../../mocks/webhooks');
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ url: req.url, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
			res.end();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const url = `http://127.0.0.1:${server.address().port}/hook`;
		await call('POST', '/public/v1/webhook-subscriptions', { name: 'n8n', url, triggers: ['document_state_changed'] });
		const sent = await mock.deliverWebhook({ eventId: 'ev-1', documentId: 'doc-9' });
		const [got] = received;
		const signature = new URL(got.url, url).searchParams.get('signature');
		expect(signature).toBe(hmac(mock.webhookSubscriptions()[0].shared_key, got.raw).toString('hex'));
		expect(got.headers['x-pandadoc-webhook-event-id']).toBe('ev-1');
		expect(JSON.parse(got.raw)).toEqual(sent.events);
		expect(sent.events[0]).toEqual(expect.objectContaining({ event: 'document_state_changed', data: expect.objectContaining({ id: 'doc-9', status: 'document.completed' }) }));
		await mock.deliverWebhook({ sharedKey: null, eventId: null });
		expect(new URL(received[1].url, url).search).toBe('');
		expect(received[1].headers['x-pandadoc-webhook-event-id']).toBeUndefined();
	} finally {
		server.close();
	}
});
