'use strict';
// Runs a webhook trigger node the way n8n 2.41's webhook server does, over real HTTP on 127.0.0.1:
// activation calls the node's webhookMethods (checkExists, then create) through n8n-core's HookContext,
// deactivation calls delete; each POST to the production path runs the node's `webhook` through n8n-core's
// WebhookContext with the request's raw bytes in `req.rawBody` (as n8n's body parser keeps them), on a workflow
// built afresh from the stored static data (as n8n loads it from its database per request). As n8n's
// executeWebhook, static data the webhook method changed is saved when the answer goes out: an answer the method
// wrote itself (noWebhookResponse) goes out before any execution starts; n8n's own answer to a delivery that starts
// one goes out after the workflow runner reset the "changed" flag (establishContextForPersistence), so nothing is
// saved then. A delivery's execution runs through n8n-core's WorkflowExecute, starting at the trigger with the
// webhook's items, on static data reloaded from the store (regular mode) or, with `queueMode`, on none (a queue-mode
// worker: n8n stores an execution's workflow without its static data and the job does not reload it); the static
// data it changed is saved whole over the stored one. `executions` holds the trigger's output of each execution.
// Nothing of ours is mocked.

const crypto = require('node:crypto');
const http = require('node:http');

const { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { internals, PACKAGE } = require('./harness');

const { loadPackage, NodeTypes, CredentialsHelper, additionalDataFor } = internals;

function readRaw(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** The express helpers n8n's webhook code uses on the response. */
function expressResponse(res) {
	res.status = (code) => {
		res.statusCode = code;
		return res;
	};
	res.json = (body) => {
		if (!res.headersSent) res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
		return res;
	};
	res.send = (body) => {
		res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
		return res;
	};
	return res;
}

/**
 * Starts a trigger node behind a webhook server.
 * @param {object} options
 * @param {string} options.type our node type, e.g. 'boldSignTrigger'
 * @param {object} options.parameters node parameters
 * @param {object} [options.credentials] { credentialType: data } (the store, shared across calls like n8n's database)
 * @param {boolean} [options.queueMode] run executions as a queue-mode worker does, without the stored static data
 * @returns {Promise<{ url, activate, deactivate, hook, executions, staticData, close, credentials }>}
 */
async function startTrigger({ type, parameters = {}, credentials = {}, workflowName = 'Trigger test', queueMode = false }) {
	const loader = await loadPackage();
	const nodeTypes = new NodeTypes(loader);
	const store = JSON.parse(JSON.stringify(credentials));
	const credentialsHelper = new CredentialsHelper(loader, store);
	const nodeType = nodeTypes.getByName(type);
	const credentialNames = (nodeType.description.credentials ?? []).map((c) => c.name).filter((name) => store[name]);
	const webhookId = crypto.randomUUID();
	const workflowId = `wf${crypto.randomBytes(6).toString('hex')}`;
	const node = {
		id: crypto.randomUUID(),
		name: 'Trigger',
		type: `${PACKAGE}.${type}`,
		typeVersion: nodeType.description.version,
		position: [0, 0],
		parameters,
		webhookId,
		credentials: Object.fromEntries(credentialNames.map((name) => [name, { id: name, name }])),
	};
	const description = nodeType.description.webhooks[0];
	const path = `${webhookId}/${description.path}`;
	const db = { staticData: {} };
	const state = { active: false };
	const executions = [];

	const server = http.createServer((req, res) => {
		handle(req, expressResponse(res)).catch((error) => {
			if (!res.headersSent) res.status(500).json({ message: 'Error in workflow', error: String(error?.message ?? error) });
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${server.address().port}`;

	const workflowData = () => ({ id: workflowId, name: workflowName, nodes: [node], connections: {}, settings: {} });
	/** A workflow as n8n builds it for one request or activation: static data as last stored. */
	const stored = () => JSON.parse(JSON.stringify(db.staticData));
	const workflow = (staticData = stored()) =>
		new Workflow({ id: workflowId, name: workflowName, nodes: [node], connections: {}, nodeTypes, active: true, staticData, settings: {} });
	/** n8n saves static data when the node changed it (WorkflowStaticDataService.saveStaticData). */
	function save(wf) {
		if (wf.staticData.__dataChanged === true) {
			const data = JSON.parse(JSON.stringify(wf.staticData));
			delete data.__dataChanged;
			db.staticData = data;
		}
	}
	function additionalData(extra = {}) {
		const hooks = new ExecutionLifecycleHooks('webhook', workflowId, workflowData());
		return { ...additionalDataFor(hooks, credentialsHelper), webhookBaseUrl: `${base}/webhook`, ...extra };
	}
	const webhookData = (data) => ({
		httpMethod: description.httpMethod,
		node: node.name,
		path,
		webhookDescription: description,
		workflowId,
		workflowExecuteAdditionalData: data,
		webhookId,
		isTest: false,
	});

	async function handle(req, res) {
		const url = new URL(req.url, base);
		const rawBody = await readRaw(req);
		if (!state.active || req.method !== description.httpMethod || url.pathname !== `/webhook/${path}`) {
			res.status(404).json({ message: 'The requested webhook is not registered.' });
			return;
		}
		// As n8n's body parser: the bytes as received in rawBody, JSON parsed into body.
		req.rawBody = rawBody;
		try {
			req.body = /json/i.test(req.headers['content-type'] || '') && rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			res.status(422).json({ message: 'Failed to parse request body' });
			return;
		}
		req.query = Object.fromEntries(url.searchParams);
		req.params = {};
		req.header = (name) => req.headers[String(name).toLowerCase()];
		const wf = workflow();
		const data = additionalData({ httpRequest: req, httpResponse: res });
		const context = new WebhookContext(wf, node, data, 'webhook', webhookData(data), [], null);
		// n8n answers as soon as the execution starts; here the answer waits until it has finished, so a test can count it
		const end = res.end;
		let held = null;
		res.end = (...args) => ((held = args), res);
		try {
			const result = await nodeType.webhook.call(context);
			if (result.noWebhookResponse || !result.workflowData) save(wf);
			if (result.workflowData) await execute(result.workflowData);
			if (!result.noWebhookResponse) {
				if (!result.workflowData) res.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
				else if (description.responseData === 'noData') res.status(200).end();
				else res.status(200).json({ message: 'Workflow was started' });
			}
		} finally {
			res.end = end;
			if (held) res.end(...held);
		}
	}

	/** One execution from the trigger with the webhook's items, as n8n runs it; static data saved when it changed. */
	async function execute(items) {
		const hooks = new ExecutionLifecycleHooks('webhook', workflowId, workflowData());
		let finish;
		const finished = new Promise((resolve) => (finish = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRunData, newStaticData) => finish({ fullRunData, newStaticData }));
		const runExecutionData = {
			resultData: { runData: {} },
			executionData: {
				metadata: {},
				contextData: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [{ node, data: { main: items }, source: null }],
			},
		};
		const run = new WorkflowExecute(additionalDataFor(hooks, credentialsHelper), 'webhook', runExecutionData);
		await run.processRunExecutionData(workflow(queueMode ? {} : stored()));
		const { fullRunData, newStaticData } = await finished;
		if (newStaticData) {
			const data = JSON.parse(JSON.stringify(newStaticData));
			delete data.__dataChanged;
			db.staticData = data;
		}
		const task = fullRunData.data.resultData.runData[node.name]?.[0];
		if (task?.error) throw task.error;
		executions.push((task?.data?.main?.[0] ?? []).map((item) => item.json));
	}

	async function hook(method) {
		const wf = workflow();
		const data = additionalData();
		const context = new HookContext(wf, node, data, 'trigger', 'activate', webhookData(data));
		try {
			return await nodeType.webhookMethods.default[method].call(context);
		} finally {
			save(wf);
		}
	}

	return {
		url: `${base}/webhook/${path}`,
		base,
		node,
		workflowId,
		executions,
		credentials: store,
		get staticData() {
			return db.staticData;
		},
		set staticData(value) {
			db.staticData = value;
		},
		get active() {
			return state.active;
		},
		hook,
		/** As n8n's activation: checkExists, then create when it says false. Resolves whether it existed. */
		async activate() {
			const exists = await hook('checkExists');
			if (!exists) await hook('create');
			state.active = true;
			return exists;
		},
		/** As n8n's deactivation: delete. The webhook path is unregistered even when delete fails (n8n logs it). */
		async deactivate() {
			state.active = false;
			return await hook('delete');
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startTrigger };
