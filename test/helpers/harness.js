'use strict';
// Runs this package's nodes through n8n-core's real execution engine (WorkflowExecute), loading the
// compiled package the way n8n does (PackageDirectoryLoader over package.json's "n8n" section).
// Requests go over real HTTP through n8n's own request helpers; only the credential store is ours:
// it applies each credential's `authenticate` and runs `preAuthentication` like n8n's CredentialsHelper,
// keeping what preAuthentication returns so the next execution reuses it.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core keeps its instance settings (encryption key) in the user folder: never the developer's own.
// Under jest the global setup provides one for the run; elsewhere a temporary one is made here.
if (!process.env.N8N_USER_FOLDER) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-n8n-user-'));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
}

const { ExecutionLifecycleHooks, LoadOptionsContext, PackageDirectoryLoader, PollContext, PollTriggerExecutor, WorkflowExecute } = require('n8n-core');
const { ICredentialsHelper, Workflow } = require('n8n-workflow');
// n8n-core's own copy of the DI container, which holds its services (the poll trigger executor).
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = require(path.join(ROOT, 'package.json')).name;

let loaderPromise;
function loadPackage() {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(ROOT);
		await loader.loadAll();
		return loader;
	})();
	return loaderPromise;
}

class NodeTypes {
	constructor(loader) {
		this.loader = loader;
	}
	getByName(type) {
		const name = type.startsWith(`${PACKAGE}.`) ? type.slice(PACKAGE.length + 1) : type;
		const entry = this.loader.nodeTypes[name];
		if (!entry) throw new Error(`Unknown node type ${type}`);
		return entry.type;
	}
	getByNameAndVersion(type) {
		return this.getByName(type);
	}
	getKnownTypes() {
		return {};
	}
}

/** Resolves `={{$credentials.x}}`-style values of a generic authenticate definition. */
function resolveTemplate(value, credentials) {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value.slice(1).replace(/\{\{\s*\$credentials\.([\w.]+)\s*\}\}/g, (_, key) =>
		String(key.split('.').reduce((obj, k) => obj?.[k], credentials) ?? ''),
	);
}

function resolveDeep(value, credentials) {
	if (Array.isArray(value)) return value.map((v) => resolveDeep(v, credentials));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, credentials)]));
	}
	return resolveTemplate(value, credentials);
}

class CredentialsHelper extends ICredentialsHelper {
	constructor(loader, store) {
		super();
		this.loader = loader;
		/** type name → decrypted credential data; mutated by preAuthentication like n8n's database. */
		this.store = store;
		this.preAuthenticationRuns = 0;
		/** How often n8n asked for the decrypted credential. */
		this.decryptions = 0;
	}

	credentialType(name) {
		const entry = this.loader.credentialTypes[name];
		if (!entry) throw new Error(`Unknown credential type ${name}`);
		return entry.type;
	}

	getParentTypes(name) {
		const extendsList = this.loader.credentialTypes[name]?.type.extends ?? [];
		return extendsList.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	getCredentialsProperties(name) {
		return this.credentialType(name).properties;
	}

	async authenticate(credentials, typeName, requestOptions) {
		const type = this.credentialType(typeName);
		const auth = type.authenticate;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		if (!auth || auth.type !== 'generic') return requestOptions;
		const props = resolveDeep(auth.properties, credentials);
		const out = { ...requestOptions };
		for (const key of ['headers', 'qs', 'body']) {
			if (props[key]) out[key] = { ...(requestOptions[key] ?? {}), ...props[key] };
		}
		if (props.auth) out.auth = props.auth;
		return out;
	}

	/** As n8n: run preAuthentication when the expirable field is empty or the token was rejected. */
	async preAuthentication(helpers, credentials, typeName, _node, credentialsExpired) {
		const type = this.credentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable) return undefined;
		if (!credentialsExpired && credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined) {
			return undefined;
		}
		this.preAuthenticationRuns++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output && output[expirable.name] === undefined) {
			throw new Error(`preAuthentication of ${typeName} returned no ${expirable.name}`);
		}
		this.store[typeName] = { ...this.store[typeName], ...output };
		return output;
	}

	async runPreAuthentication(helpers, credentials, typeName) {
		return await this.preAuthentication(helpers, credentials, typeName, undefined, true);
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		if (!this.store[type]) throw new Error(`No credentials of type ${type} in this test`);
		this.decryptions++;
		return { ...this.store[type] };
	}

	async getCredentials() {
		throw new Error('not used by these nodes');
	}

	async updateCredentials(_nodeCredentials, type, data) {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(_nodeCredentials, type, data) {
		this.store[type] = { ...this.store[type], ...data };
	}

	getOAuth2Options() {
		return undefined;
	}

	isCredentialUsableByNode() {
		return true;
	}
}

/** Each run is its own execution, as in n8n (per-execution state such as the rate limiter starts fresh). */
let executions = 0;

function additionalDataFor(hooks, credentialsHelper) {
	return {
		hooks,
		credentialsHelper,
		currentNodeParameters: undefined,
		executionId: `test-${++executions}`,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		userId: 'test-user',
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
}

/**
 * A reusable n8n "instance" for tests: holds the credentials (as n8n's database would) across runs.
 * `run()` executes one node over the given input items and returns its output.
 */
async function createInstance(credentials = {}) {
	const loader = await loadPackage();
	const nodeTypes = new NodeTypes(loader);
	const store = JSON.parse(JSON.stringify(credentials));
	const credentialsHelper = new CredentialsHelper(loader, store);

	function nodeFor(type, parameters, continueOnFail) {
		const nodeType = nodeTypes.getByName(type);
		const credentialNames = (nodeType.description.credentials ?? []).map((c) => c.name).filter((name) => store[name]);
		return {
			id: 'node-under-test',
			name: 'Node',
			type: `${PACKAGE}.${type}`,
			typeVersion: nodeType.description.version,
			position: [0, 0],
			parameters,
			credentials: Object.fromEntries(credentialNames.map((name) => [name, { id: name, name }])),
			...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		};
	}

	const workflowOf = (node) => new Workflow({ id: 'wf', nodes: [node], connections: {}, nodeTypes, active: false, settings: {} });

	/** Calls a node's listSearch or loadOptions method the way the editor does, with the current parameters. */
	async function loadOptions({ type, parameters = {}, kind = 'listSearch', method, filter, paginationToken }) {
		const node = nodeFor(type, parameters);
		const hooks = new ExecutionLifecycleHooks('internal', 'test', { id: 'wf', name: 'test', nodes: [node], connections: {}, settings: {} });
		const additionalData = { ...additionalDataFor(hooks, credentialsHelper), currentNodeParameters: parameters };
		const context = new LoadOptionsContext(workflowOf(node), node, additionalData, 'parameters');
		const fn = nodeTypes.getByName(type).methods[kind][method];
		return await fn.call(context, filter, paginationToken);
	}

	async function run({ type, parameters, items = [{ json: {} }], continueOnFail = false }) {
		const node = nodeFor(type, parameters, continueOnFail);
		const workflow = workflowOf(node);
		const hooks = new ExecutionLifecycleHooks('manual', 'test', { id: 'wf', name: 'test', nodes: [node], connections: {}, settings: {} });
		let finish;
		const finished = new Promise((resolve) => (finish = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => finish(fullRunData));
		const runExecutionData = {
			resultData: { runData: {} },
			executionData: {
				metadata: {},
				contextData: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
			},
		};
		const execute = new WorkflowExecute(additionalDataFor(hooks, credentialsHelper), 'manual', runExecutionData);
		await execute.processRunExecutionData(workflow);
		const result = await finished;
		const taskData = result.data.resultData.runData.Node?.[0];
		const error = result.data.resultData.error ?? taskData?.error;
		const output = taskData?.data?.main?.[0] ?? [];
		return { error, output, json: output.map((item) => item.json), status: result.status };
	}

	/**
	 * A published polling trigger, run the way n8n runs one (ActiveWorkflowTriggers → PollTriggerExecutor →
	 * the node's poll() in a PollContext of mode "trigger"). One Workflow object lives across polls, as in n8n;
	 * its static data is written to `saved` (n8n's database) only when n8n saves it: when a poll emits, after
	 * an activation, and when the workflow is deactivated (n8n stopping). Each emitting poll is an execution.
	 *   activate()      the activation poll (n8n runs one at once; it emits, and a failure fails the activation)
	 *   poll()          a scheduled poll: { items, error } (an error is what n8n records as a failed execution)
	 *   restart()       n8n stops (saving static data) and starts again from the database, then activates
	 *   crash()         n8n dies without saving, and starts again from the database
	 *   manual()        the editor's test run of the node (WorkflowExecute, mode manual) on the same workflow
	 * `staticData` starts the workflow with what n8n's database holds; `credentialIds` names other credentials.
	 */
	function trigger({ type, parameters, staticData = {}, credentialIds = {} }) {
		const node = nodeFor(type, parameters);
		// Another credential of the same type (as if the user picked another one in the node).
		for (const [name, id] of Object.entries(credentialIds)) node.credentials[name] = { id, name: id };
		const self = { saved: JSON.stringify(staticData), executions: [], failures: [], workflow: undefined };
		const load = () => {
			self.workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, nodeTypes, active: true, settings: {}, staticData: JSON.parse(self.saved) });
		};
		const save = () => {
			if (self.workflow.staticData.__dataChanged === true) {
				self.saved = JSON.stringify(self.workflow.staticData);
				self.workflow.staticData.__dataChanged = false;
			}
		};
		async function runPoll(activation, testing) {
			const hooks = new ExecutionLifecycleHooks('trigger', 'wf', { id: 'wf', name: 'test', nodes: [node], connections: {}, settings: {} });
			// n8n's trigger contexts come from WorkflowExecuteAdditionalData.getBase(): no execution ID.
			const additionalData = { ...additionalDataFor(hooks, credentialsHelper), executionId: undefined };
			let items = null;
			let error = null;
			const context = new PollContext(
				self.workflow,
				node,
				additionalData,
				'trigger',
				activation,
				(data) => {
					save();
					items = data[0].map((item) => item.json);
					self.executions.push(items);
				},
				(failure) => {
					error = failure;
					self.failures.push(failure);
				},
			);
			const execute = Container.get(PollTriggerExecutor).create(self.workflow, node, context, () => true);
			await execute(testing);
			return { items: items ?? [], emitted: items !== null, error };
		}
		self.activate = async (activation = 'activate') => {
			const result = await runPoll(activation, true);
			save();
			return result;
		};
		let activation = 'activate';
		self.poll = () => runPoll(activation, false);
		self.restart = async () => {
			save();
			load();
			activation = 'init';
			return await self.activate('init');
		};
		self.crash = async () => {
			load();
			activation = 'init';
			return await self.activate('init');
		};
		self.snapshot = () => JSON.parse(self.saved)[`node:${node.name}`]?.snapshot;
		self.manual = async () => {
			const hooks = new ExecutionLifecycleHooks('manual', 'test', { id: 'wf', name: 'test', nodes: [node], connections: {}, settings: {} });
			let finish;
			const finished = new Promise((resolve) => (finish = resolve));
			hooks.addHandler('workflowExecuteAfter', (fullRunData) => finish(fullRunData));
			const runExecutionData = {
				resultData: { runData: {} },
				executionData: {
					metadata: {},
					contextData: {},
					waitingExecution: {},
					waitingExecutionSource: null,
					nodeExecutionStack: [{ node, data: { main: [[{ json: {} }]] }, source: null }],
				},
			};
			await new WorkflowExecute(additionalDataFor(hooks, credentialsHelper), 'manual', runExecutionData).processRunExecutionData(self.workflow);
			const result = await finished;
			const taskData = result.data.resultData.runData[node.name]?.[0];
			const output = taskData?.data?.main?.[0] ?? [];
			return { error: result.data.resultData.error ?? taskData?.error, json: output.map((item) => item.json) };
		};
		load();
		return self;
	}

	return { run, loadOptions, trigger, credentials: store, credentialsHelper };
}

/** Serializes an error the way n8n would show and store it, to search it for leaked secrets. */
function errorText(error) {
	if (!error) return '';
	return JSON.stringify({ message: error.message, description: error.description, context: error.context, stack: error.stack, ...error });
}

module.exports = {
	createInstance,
	errorText,
	PACKAGE,
	// for the trigger harness (trigger-harness.js): the same package loading, credential store and run data
	internals: { loadPackage, NodeTypes, CredentialsHelper, additionalDataFor },
};
