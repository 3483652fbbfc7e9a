'use strict';
// What the queue-mode stage proves, one function per scenario. Each takes (cluster, size, check) and returns a row of
// the table: { name, executions, ok, failed, lost, duplicated, tokenRequests, perDelivery, workers }. `check(ok, what)`
// records a pass or a failure with what was expected.

const crypto = require('node:crypto');

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { startDocuSignMock, DOCUSIGN_IDS } = require('../mocks/docusign');
const { startSignNowMock, SIGNNOW_IDS } = require('../mocks/signnow');
const { deliver } = require('../mocks/webhooks');
const rt = require('../../scripts/n8n-runtime');

const PKG = 'n8n-nodes-esign-users';
const SCOPES = 'signature impersonation user_read user_write organization_read account_read group_read permission_read';
const BOLDSIGN_KEY = 'bs-queue-key';

const byId = (value) => ({ __rl: true, mode: 'id', value });

/** Webhook (n8n's own, answering at once) → one node of ours. The path is returned with the workflow. */
function webhookWorkflow(name, node) {
	const path = crypto.randomUUID();
	const webhook = {
		id: crypto.randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
	const ours = { id: crypto.randomUUID(), typeVersion: 1, position: [240, 0], ...node, type: `${PKG}.${node.type}` };
	return {
		path,
		workflow: { name, nodes: [webhook, ours], connections: { Webhook: { main: [[{ node: ours.name, type: 'main', index: 0 }]] } } },
	};
}

/** POSTs JSON to a production webhook of a member, `concurrency` at a time; resolves the HTTP statuses. */
async function fire(member, path, bodies, concurrency = 20) {
	const statuses = new Array(bodies.length);
	let next = 0;
	const one = async () => {
		while (next < bodies.length) {
			const i = next++;
			const r = await deliver(`${member.url}/webhook/${path}`, { body: JSON.stringify(bodies[i]) });
			statuses[i] = r.status;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, one));
	return statuses;
}

/** Waits until the workflow has `count` finished executions (or `timeoutMs` passed); returns all of them. */
async function settled(cluster, workflowId, count, timeoutMs = 180000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const rows = await cluster.executions(workflowId);
		const done = rows.filter((r) => ['success', 'error', 'crashed'].includes(r.status));
		if (done.length >= count || Date.now() > until) return rows;
		await rt.sleep(1000);
	}
}

/** Executions per member that ran them: { worker1: n, worker2: m, ... }. */
function spread(cluster, rows) {
	const out = {};
	for (const r of rows) {
		const who = cluster.ranOn(r.id);
		out[who] = (out[who] || 0) + 1;
	}
	return out;
}

const workersText = (counts) => Object.entries(counts).sort().map(([k, v]) => `${k} ${v}`).join(', ');

/** The error of an execution, as the run data stores it. */
function errorOf(run) {
	const e = run?.resultData?.error;
	return e ? `${e.message || ''} ${e.description || ''}`.trim() : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Action nodes: BoldSign invites (creates) through the webhook processor, with 429s and 5xx injected

async function actions(cluster, size, check) {
	const mock = await startBoldSignMock({ apiKey: BOLDSIGN_KEY });
	try {
		const cred = await cluster.credential('boldSignApi', { region: 'custom', baseUrl: mock.url, apiKey: BOLDSIGN_KEY });
		const { path, workflow } = webhookWorkflow('[queue] invite', {
			name: 'BoldSign',
			type: 'boldSign',
			parameters: { resource: 'user', operation: 'invite', emails: '={{ $json.body.email }}', role: 'Member' },
			credentials: { boldSignApi: cred },
		});
		const id = await cluster.publish(workflow);
		// every 10th create is refused with a 429 (retried after Retry-After), every 25th fails with a 503 (a create
		// is not repeated blindly: the item fails with BoldSign's error)
		let creates = 0;
		const isCreate = (r) => r.path.toLowerCase() === '/v1/users/create';
		const nth = (r) => (r.n ??= ++creates);
		mock.failNext({ status: 429, headers: { 'Retry-After': '1' }, count: Infinity, match: (r) => isCreate(r) && nth(r) % 10 === 0 });
		mock.failNext({ status: 503, count: Infinity, match: (r) => isCreate(r) && nth(r) % 25 === 0 });

		const emails = Array.from({ length: size }, (_, i) => `queue.user${i + 1}@example.com`);
		const statuses = await fire(cluster.webhook, path, emails.map((email) => ({ email })));
		check(statuses.every((s) => s === 200), `the webhook processor accepted all ${size} requests (${[...new Set(statuses)].join(', ')})`);
		const rows = await settled(cluster, id, size);

		const byEmail = new Map();
		let failed = 0;
		let unclear = 0;
		for (const row of rows) {
			const run = await cluster.runData(row.id);
			const email = run?.resultData?.runData?.Webhook?.[0]?.data?.main?.[0]?.[0]?.json?.body?.email;
			byEmail.set(email, [...(byEmail.get(email) || []), row]);
			if (row.status === 'error') {
				failed++;
				if (!/BoldSign/i.test(errorOf(run)) || !/503|unavailable|try again/i.test(errorOf(run))) unclear++;
			}
		}
		const created = (email) => mock.state.users.filter((u) => u.email.toLowerCase() === email).length;
		const ok = emails.filter((e) => (byEmail.get(e) || []).some((r) => r.status === 'success') && created(e) === 1).length;
		const lost = emails.filter((e) => !(byEmail.get(e) || []).some((r) => ['success', 'error'].includes(r.status))).length;
		const duplicated = emails.filter((e) => created(e) > 1 || (byEmail.get(e) || []).length > 1).length;
		const workers = spread(cluster, rows);
		check(rows.length === size, `${size} executions (found ${rows.length})`);
		check(ok + failed === size, `every item done or failed (ok ${ok}, failed ${failed}, of ${size})`);
		check(unclear === 0, `every failed item names BoldSign's 503 (${unclear} do not)`);
		check(lost === 0 && duplicated === 0, `none lost, none duplicated (lost ${lost}, duplicated ${duplicated})`);
		check(failed === mock.requests.filter((r) => isCreate(r) && r.n % 25 === 0 && r.n % 10 !== 0).length, 'the failed items are exactly the creates answered 503');
		check(Object.keys(workers).length === 2 && !workers.main, `both workers ran executions, main none (${workersText(workers)})`);
		return { name: 'actions: BoldSign invite, 429 and 503 injected', executions: rows.length, ok, failed, lost, duplicated, workers };
	} finally {
		await mock.close();
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens: DocuSign JWT and SignNow password grant, shared by both workers, renewed after the mock expires them

const TOKEN_CASES = {
	docusign: {
		label: 'DocuSign JWT',
		async start() {
			const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
				modulusLength: 2048,
				publicKeyEncoding: { type: 'spki', format: 'pem' },
				privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
			});
			const mock = await startDocuSignMock({ publicKeyPem: publicKey });
			const data = {
				environment: 'custom', oauthBaseUrl: mock.url, adminBaseUrl: mock.adminBaseUrl, integrationKey: mock.integrationKey,
				userId: mock.userId, privateKey, scopes: SCOPES, redirectUri: 'https://n8n.example.com/cb', accessToken: '',
			};
			return { mock, type: 'docuSignJwtApi', data };
		},
		node: (cred) => ({
			name: 'DocuSign',
			type: 'docuSignAdmin',
			parameters: { resource: 'user', operation: 'get', organization: DOCUSIGN_IDS.organizationId, user: { __rl: true, mode: 'id', value: '={{ $json.body.id }}' } },
			credentials: { docuSignJwtApi: cred },
		}),
		ids: () => [2, 3, 4, 5, 6].map((n) => DOCUSIGN_IDS.userId(n)),
	},
	signnow: {
		label: 'SignNow password grant',
		async start() {
			const mock = await startSignNowMock();
			const data = {
				environment: 'custom', baseUrl: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret,
				username: mock.adminEmail, password: mock.adminPassword, accessToken: '',
			};
			return { mock, type: 'signNowApi', data };
		},
		node: (cred) => ({
			name: 'SignNow',
			type: 'signNow',
			parameters: { authentication: 'password', resource: 'team', operation: 'get', team: { __rl: true, mode: 'id', value: '={{ $json.body.id }}' } },
			credentials: { signNowApi: cred },
		}),
		// the teams the credential's user belongs to (onboarding and finance only invited it: SignNow answers 403)
		ids: () => ['sales', 'legal', 'support', 'partners'].map((key) => SIGNNOW_IDS.teams[key]),
	},
};

async function tokens(cluster, size, check, vendor) {
	const def = TOKEN_CASES[vendor];
	const { mock, type, data } = await def.start();
	try {
		const cred = await cluster.credential(type, data);
		const { path, workflow } = webhookWorkflow(`[queue] token ${vendor}`, def.node(cred));
		const id = await cluster.publish(workflow);
		const ids = def.ids();
		const bodies = (n) => Array.from({ length: n }, (_, i) => ({ id: ids[i % ids.length] }));
		const tokenCount = () => mock.tokenRequests.filter((t) => t.outcome === 'issued').length;
		let total = 0;
		const burst = async (n) => {
			await fire(cluster.webhook, path, bodies(n));
			total += n;
			return await settled(cluster, id, total);
		};
		// one execution signs in and stores the token in the credential; a burst on both workers then uses it
		await burst(1);
		check(tokenCount() === 1, `${def.label}: the first execution fetched one token (${tokenCount()})`);
		let rows = await burst(size);
		const afterBurst = tokenCount();
		const burstWorkers = spread(cluster, rows.slice(1));
		check(afterBurst === 1, `${def.label}: ${size} executions on both workers used that one token (token requests ${afterBurst})`);
		check(Object.keys(burstWorkers).filter((k) => k !== 'main').length === 2, `${def.label}: both workers ran the burst (${workersText(burstWorkers)})`);
		// the vendor expires every token; a burst on both workers renews
		mock.expireTokens();
		rows = await burst(size);
		const renewals = tokenCount() - afterBurst;
		check(renewals >= 1 && renewals <= cluster.workers.length, `${def.label}: after expiry at most one renewal per worker (${renewals})`);
		// the tokens both workers hold now stay good: another burst needs no new token
		const before = tokenCount();
		rows = await burst(size);
		check(tokenCount() === before, `${def.label}: the renewed tokens serve the next burst without a new request (${tokenCount() - before} requests)`);
		const failedRows = rows.filter((r) => r.status !== 'success');
		const failed = failedRows.length;
		const errors = new Set();
		for (const r of failedRows.slice(0, 20)) errors.add(errorOf(await cluster.runData(r.id)).slice(0, 160));
		check(failed === 0 && rows.length === total, `${def.label}: no failed execution (${failed} failed, ${rows.length} of ${total})${failed ? `: ${[...errors].join(' | ')}` : ''}`);
		return {
			name: `tokens: ${def.label}, expired once`,
			executions: rows.length,
			ok: rows.length - failed,
			failed,
			lost: total - rows.length,
			duplicated: Math.max(0, rows.length - total),
			tokenRequests: `${tokenCount()} (1 first, ${renewals} after expiry)`,
			workers: spread(cluster, rows),
		};
	} finally {
		await mock.close();
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Webhook trigger: SignNow Trigger registered once by main; signed deliveries to the webhook processor and to main

const TRIGGER = 'SignNow Trigger';

/** What the stored static data says about the trigger, without any value: registration kept, ids remembered. */
function storedTrigger(data) {
	const node = data?.[`node:${TRIGGER}`] ?? {};
	return {
		keys: Object.keys(node).sort().join(', '),
		secretKey: typeof node.secretKey === 'string' ? crypto.createHash('sha256').update(node.secretKey).digest('hex') : null,
		subscriptions: Array.isArray(node.subscriptions) ? node.subscriptions.map((s) => s.id).sort().join(',') : '',
		remembered: Array.isArray(node.seenDeliveries) ? node.seenDeliveries.length : 0,
	};
}

async function webhookTrigger(cluster, size, check) {
	const mock = await startSignNowMock();
	try {
		const cred = await cluster.credential('signNowApi', {
			environment: 'custom', baseUrl: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret,
			username: mock.adminEmail, password: mock.adminPassword, accessToken: '',
		});
		const webhookId = crypto.randomUUID();
		const node = {
			id: crypto.randomUUID(), name: TRIGGER, type: `${PKG}.signNowTrigger`, typeVersion: 1, position: [0, 0], webhookId,
			parameters: { authentication: 'password', watch: 'user', events: ['user.document.complete', 'user.document.create'], verification: 'secretKey' },
			credentials: { signNowApi: cred },
		};
		const id = await cluster.publish({ name: '[queue] signnow trigger', nodes: [node], connections: {} });
		await rt.sleep(3000);
		const subs = [...mock.subscriptions()];
		check(subs.length === 2, `SignNow Trigger: registered once by main, one subscription per event (${subs.length} subscriptions)`);
		const registered = storedTrigger(await cluster.staticData(id));
		console.log(`# static data after registration: ${registered.keys}`);
		const complete = subs.find((s) => s.event === 'user.document.complete');
		const at = (member) => `${member.url}/webhook/${webhookId}/webhook`;
		const send = async (member, fields) => await mock.deliverEvent({ subscriptionId: complete.id, url: at(member), ...fields });
		const docOf = (run) => run?.resultData?.runData?.[TRIGGER]?.[0]?.data?.main?.[0]?.[0]?.json?.documentId;

		// one delivery, its execution on a worker, then what the stored static data holds
		const sent = [await send(cluster.webhook, { documentId: 'queue-doc-0' })];
		await settled(cluster, id, 1, 60000);
		const afterOne = storedTrigger(await cluster.staticData(id));
		console.log(`# static data after one delivery and its execution: ${afterOne.keys} (${afterOne.remembered} ids remembered)`);
		check(
			afterOne.secretKey === registered.secretKey && afterOne.subscriptions === registered.subscriptions && afterOne.remembered === 1,
			`the execution kept the registration and the delivery's id (secret key ${afterOne.secretKey === registered.secretKey ? 'kept' : 'lost'}, subscriptions ${afterOne.subscriptions === registered.subscriptions ? 'kept' : 'lost'}, ${afterOne.remembered} ids)`,
		);
		// the rest one at a time, the last two to main (which serves production webhooks too)
		for (let i = 1; i < size; i++) sent.push(await send(i >= size - 2 ? cluster.main : cluster.webhook, { documentId: `queue-doc-${i}` }));
		const answers = [...new Set(sent.map((r) => `${r.status} ${r.text.slice(0, 80)}`))];
		check(sent.every((r) => r.status === 200 && r.text === ''), `every signed delivery was accepted, ${size - 2} at the webhook processor and 2 at main (${answers.join(' | ')})`);
		await settled(cluster, id, size);
		// repeats after the first was answered: at the process that took it and at the other one
		const dupes = [];
		for (const r of sent.slice(0, Math.min(5, size))) {
			dupes.push(await send(cluster.webhook, { payload: r.payload }));
			dupes.push(await send(cluster.main, { payload: r.payload }));
		}
		// one new event at both processes at the same moment: static data has no compare-and-set, so one or two run
		const payload = mock.eventPayload(complete.id, { documentId: 'queue-doc-twin' });
		const twins = await Promise.all([cluster.webhook, cluster.main].map((m) => send(m, { payload })));
		const twinRows = await settled(cluster, id, size + 1, 60000);
		await settled(cluster, id, size + 2 + dupes.length, 15000);
		const all = await cluster.executions(id);
		const perDoc = new Map();
		for (const row of all) {
			const doc = docOf(await cluster.runData(row.id));
			perDoc.set(doc, (perDoc.get(doc) || 0) + 1);
		}
		const twinRuns = perDoc.get('queue-doc-twin') || 0;
		const twinAnswers = twins.map((r) => (r.text === '' ? r.status : /Already received/.test(r.text) ? 'dup' : r.status)).join(' ');
		check(
			twins.every((r) => r.status === 200) && twinRuns >= 1 && twinRuns <= 2 && twinRows.length >= size + 1,
			`one event at both processes at once: answered ${twinAnswers}, ${twinRuns} execution(s) (one or two: static data has no compare-and-set)`,
		);
		const rows = all;
		const counts = sent.map((r) => perDoc.get(r.payload.content.document_id) || 0);
		const duplicated = counts.filter((c) => c > 1).length;
		const lost = counts.filter((c) => c === 0).length;
		const dupAnswers = dupes.map((d) => (/Already received/.test(d.text) ? 'dup' : d.status));
		check(lost === 0 && duplicated === 0, `one execution per delivery (lost ${lost}, duplicated ${duplicated})`);
		check(dupAnswers.every((a) => a === 'dup'), `a repeat after the answer starts none, at the same or the other process (${dupAnswers.join(' ')})`);
		const stored = storedTrigger(await cluster.staticData(id));
		check(
			stored.secretKey === registered.secretKey && stored.subscriptions === registered.subscriptions,
			`after ${size} deliveries the stored registration is unchanged (${stored.keys}; ${stored.remembered} ids remembered)`,
		);
		const workers = spread(cluster, rows);
		check(!workers.main, `the trigger's executions ran on the workers (${workersText(workers)})`);

		await cluster.unpublish(id);
		const until = Date.now() + 30000;
		while (mock.subscriptions().length && Date.now() < until) await rt.sleep(500);
		check(mock.subscriptions().length === 0, 'deactivation removed the subscriptions');
		const gone = await deliver(at(cluster.webhook), { body: JSON.stringify(sent[0].payload) });
		check(gone.status === 404, `the webhook processor no longer serves the URL (${gone.status})`);
		const perDelivery = [...new Set(counts)].sort().join('/');
		return { name: 'webhook trigger: SignNow, repeats at both processes', executions: rows.length, ok: counts.filter((c) => c === 1).length, failed: rows.filter((r) => r.status !== 'success').length, lost, duplicated, perDelivery, workers };
	} finally {
		await mock.close();
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Polling trigger: BoldSign Users Trigger polled by main only; a change emitted once, also across a restart of main

async function pollingTrigger(cluster, _size, check) {
	const mock = await startBoldSignMock({ apiKey: BOLDSIGN_KEY });
	try {
		const cred = await cluster.credential('boldSignApi', { region: 'custom', baseUrl: mock.url, apiKey: BOLDSIGN_KEY }, '[queue] boldsign poll');
		const node = {
			id: crypto.randomUUID(), name: 'BoldSign Users Trigger', type: `${PKG}.boldSignUsersTrigger`, typeVersion: 1, position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] } }, credentials: { boldSignApi: cred },
		};
		const id = await cluster.publish({ name: '[queue] boldsign poll', nodes: [node], connections: {} });
		const isList = (r) => r.path.toLowerCase() === '/v1/users/list';
		const waitQuiet = async (after, what, timeoutMs = 120000) => {
			const until = Date.now() + timeoutMs;
			while (!mock.requests.slice(after).some(isList)) {
				if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
				await rt.sleep(500);
			}
			let n = -1;
			while (n !== mock.requests.length) {
				n = mock.requests.length;
				await rt.sleep(2000);
			}
		};
		// a poll is a burst of list requests; polls are counted as bursts separated by a quiet second
		const polls = () => {
			const times = mock.requests.filter(isList).map((r) => r.at);
			return times.filter((t, i) => i === 0 || t - times[i - 1] > 1000).length;
		};
		await waitQuiet(0, 'the activation poll');
		check((await cluster.executions(id)).length === 0, 'the activation poll (the baseline) emitted nothing');
		const user = mock.state.users.find((u) => u.userId === BOLDSIGN_IDS.userId(8));
		user.role = 'Admin';
		const started = Date.now();
		const rows = await settled(cluster, id, 1, 100000);
		check(rows.length === 1, `the change was emitted by the next scheduled poll (${rows.length} executions)`);
		const run = rows[0] && (await cluster.runData(rows[0].id));
		const items = run?.resultData?.runData?.['BoldSign Users Trigger']?.[0]?.data?.main?.[0] ?? [];
		check(items.length === 1 && items[0].json.event === 'user.role_changed', `one user.role_changed item (${items.map((i) => i.json.event).join(', ')})`);
		const minutes = (Date.now() - started) / 60000;
		// let a few more scheduled polls pass: one process polls, one poll a minute
		await rt.sleep(65000);
		const pollCount = polls();
		const elapsed = (Date.now() - mock.requests.find(isList).at) / 60000;
		check(pollCount <= Math.ceil(elapsed) + 1, `one process polls: ${pollCount} polls in ${elapsed.toFixed(1)} min (four pollers would make ${4 * Math.ceil(elapsed)})`);

		const before = mock.requests.length;
		await cluster.restartMain();
		await waitQuiet(before, 'the activation poll after the restart');
		await rt.sleep(3000);
		const after = await cluster.executions(id);
		check(after.length === 1, `after the restart of main the change is not emitted again (${after.length} executions)`);
		const workers = spread(cluster, after);
		check(!workers.main, `the poll's execution ran on a worker (${workersText(workers)})`);
		await cluster.unpublish(id);
		return {
			name: 'polling trigger: BoldSign users, main restarted',
			executions: after.length,
			ok: after.filter((r) => r.status === 'success').length,
			failed: after.filter((r) => r.status !== 'success').length,
			lost: rows.length ? 0 : 1,
			duplicated: Math.max(0, after.length - 1),
			perDelivery: `${polls()} polls, ${after.length} emit (${minutes.toFixed(1)} min to emit)`,
			workers,
		};
	} finally {
		await mock.close();
	}
}

module.exports = { actions, tokens, webhookTrigger, pollingTrigger, workersText };
