'use strict';
// Builds importable n8n workflow JSON: a Manual Trigger followed by a chain of nodes, and reads the
// items a node produced out of an execution (IRun) as n8n stores it.

const crypto = require('node:crypto');

const PACKAGE_NAME = 'n8n-nodes-esign-users';
const TRIGGER_NAME = 'When clicking ‘Execute workflow’';

/** The package under test: the bundle, or a vendor package (its node types carry its name). */
let packageName = PACKAGE_NAME;

function setPackageName(name) {
	packageName = name;
}

function currentPackageName() {
	return packageName;
}

/** 'boldSign' → 'n8n-nodes-esign-users.boldSign' (or the vendor package's name); full names ('n8n-nodes-base.set') are kept. */
function fullType(type) {
	return type.includes('.') ? type : `${packageName}.${type}`;
}

function isOurs(type) {
	return fullType(type).startsWith(`${packageName}.`);
}

/**
 * A node definition in a spec:
 *   { name?, type, typeVersion?, parameters?, credentials?, continueOnFail?, onError?, ...any other node field }
 * continueOnFail: true is written as onError: 'continueRegularOutput' (what the editor's
 * "On Error → Continue" setting stores). typeVersion defaults to the newest version the running n8n
 * reports for that type (versionOf).
 */
function buildNode(def, index, { versionOf, credentialsFor }) {
	const { name, type, typeVersion, parameters, credentials, continueOnFail, ...rest } = def;
	const full = fullType(type);
	const node = {
		id: crypto.randomUUID(),
		name: name || `${full.split('.').pop()} ${index + 1}`,
		type: full,
		typeVersion: typeVersion ?? versionOf(full),
		position: [240 * (index + 1), 0],
		parameters: parameters || {},
		...rest,
	};
	if (continueOnFail) node.onError = 'continueRegularOutput';
	const creds = credentials === undefined ? credentialsFor(full) : credentials;
	if (creds && Object.keys(creds).length) node.credentials = creds;
	return node;
}

/**
 * Workflow JSON for `n8n import:workflow`: Manual Trigger → nodes[0] → nodes[1] → …
 * (each node's main output 0 into the next one's input). `trigger` replaces the Manual Trigger with
 * another start node ({ name, type, typeVersion?, parameters?, …any other node field }, e.g. a Webhook).
 */
function chainWorkflow({ id, name, nodes, versionOf = () => 1, credentialsFor = () => undefined, trigger: triggerDef }) {
	const trigger = triggerDef
		? { id: crypto.randomUUID(), position: [0, 0], parameters: {}, ...triggerDef, type: fullType(triggerDef.type) }
		: {
				id: crypto.randomUUID(),
				name: TRIGGER_NAME,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			};
	if (trigger.typeVersion === undefined) trigger.typeVersion = versionOf(trigger.type);
	const built = nodes.map((def, i) => buildNode(def, i, { versionOf, credentialsFor }));
	const names = new Set([trigger.name]);
	for (const node of built) {
		if (names.has(node.name)) throw new Error(`workflow "${name}": duplicate node name "${node.name}"`);
		names.add(node.name);
	}
	const all = [trigger, ...built];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		active: false,
		isArchived: false,
		nodes: all,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
		versionId: crypto.randomUUID(),
	};
}

/**
 * Wraps an execution (IRun: { data: { resultData: { runData, error, lastNodeExecuted } }, status, … })
 * with accessors used by the checks.
 */
function executionResult(workflowId, run, fallbackError) {
	const resultData = run?.data?.resultData || {};
	const runData = resultData.runData || {};
	const error = resultData.error || (fallbackError ? { message: fallbackError } : null);
	const result = {
		workflowId,
		run: run || null,
		status: run ? (error ? 'error' : run.status || 'success') : 'error',
		error,
		lastNodeExecuted: resultData.lastNodeExecuted,
		/** Names of the nodes that ran. */
		ranNodes: Object.keys(runData),
		/** The JSON of the items a node put on an output (default: its last run, output 0). */
		items(nodeName, { output = 0, runIndex } = {}) {
			const runs = runData[nodeName];
			if (!runs || runs.length === 0) {
				throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ') || 'none'}; error: ${error ? error.message : 'none'})`);
			}
			const task = runs[runIndex ?? runs.length - 1];
			if (task.error) {
				throw new Error(`node "${nodeName}" failed: ${task.error.message}${task.error.description ? ` — ${task.error.description}` : ''}`);
			}
			const main = task.data?.main || [];
			return (main[output] || []).map((item) => item.json);
		},
		/** The error a node run ended with (when it failed without continueOnFail), if any. */
		nodeError(nodeName) {
			const runs = runData[nodeName] || [];
			const task = runs[runs.length - 1];
			return task ? task.error || null : null;
		},
	};
	return result;
}

module.exports = { PACKAGE_NAME, TRIGGER_NAME, setPackageName, currentPackageName, fullType, isOurs, chainWorkflow, executionResult };
