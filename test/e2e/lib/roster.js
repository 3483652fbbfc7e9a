'use strict';
// Sync Roster in a real n8n (issue 13), for any vendor: Manual Trigger → Code (the roster) → the vendor node's
// Sync Roster, run in Plan Only, then Apply, then Apply again (everything unchanged). The vendor's spec
// supplies the mock, the node, the roster rows and its own checks of the plan and of what the mock received.

const fs = require('node:fs');
const path = require('node:path');

const NODE = 'Sync Roster';

/** A Code node that outputs `rows` as items (stands in for a spreadsheet, an HRIS or a CSV). */
function codeNode(name, rows) {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` } };
}

const countActions = (items) => items.reduce((acc, item) => ({ ...acc, [item.action]: (acc[item.action] ?? 0) + 1 }), {});

/**
 * A `cli` case. `rows`: the roster; `options`: Sync Roster's Options; `plan`: the counts the plan must show;
 * `parameters`: more node parameters (e.g. an account); `checkPlan(ctx, items)` and `checkApply(ctx, items, requests)` the vendor's own checks (requests: those the
 * mock received during Apply).
 */
function rosterSyncCase({ name, mock, credentials, type, resource = 'user', parameters = {}, rows, options, plan, checkPlan, checkApply, isWrite }) {
	const workflow = (mode) => [
		codeNode('Roster', rows),
		{ name: NODE, type, parameters: { resource, ...parameters, operation: 'syncRoster', rosterMode: mode, rosterOptions: options } },
	];
	return {
		name,
		mock,
		credentials,
		workflows: { plan: workflow('plan'), apply: workflow('apply') },
		timeoutMs: 240_000,
		async cli(ctx) {
			const { assert } = ctx;
			const planned = (await ctx.execute('plan')).items(NODE);
			assert.equal(planned.filter((item) => item.email).length, planned.length, 'every plan entry names its user');
			assert.deepEqual(countActions(planned), plan, 'the plan’s counts');
			assert.equal(ctx.mock.requests.filter(isWrite).length, 0, 'Plan Only changed nothing');
			checkPlan(ctx, planned);

			const before = ctx.mock.requests.length;
			const applied = (await ctx.execute('apply')).items(NODE);
			assert.deepEqual(countActions(applied), plan, 'Apply did what the plan said');
			const failed = applied.filter((item) => item.result === 'failed');
			assert.deepEqual(failed, [], 'no change failed');
			checkApply(ctx, applied, ctx.mock.requests.slice(before));

			const after = ctx.mock.requests.length;
			const again = (await ctx.execute('apply')).items(NODE);
			assert.deepEqual(Object.keys(countActions(again)), ['unchanged'], 'a re-run finds nothing to do');
			assert.equal(ctx.mock.requests.slice(after).filter(isWrite).length, 0, 'the re-run changed nothing');
		},
	};
}

/**
 * An example workflow of the repository (examples/<file>), imported as is except for what cannot run here:
 * `replace` maps node names to stand-in nodes (e.g. the Google Sheets node, which cannot reach Google, by a
 * Code node of the same name giving the same rows: `n8n execute` runs in "cli" mode, where n8n ignores pinned
 * data, which it only uses for manual runs), and `credentials(ctx)` gives our nodes the case's credentials.
 */
function exampleWorkflow(file, { replace = {}, parameters = {} }) {
	return (ctx) => {
		const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', file), 'utf8'));
		json.nodes = json.nodes.map((node) => {
			if (replace[node.name]) return { ...node, ...replace[node.name], credentials: undefined };
			if (!node.type.startsWith('n8n-nodes-esign-users.')) return node;
			const credentials = Object.fromEntries(Object.keys(node.credentials ?? {}).map((type) => [type, ctx.credential(type)]));
			return { ...node, credentials, parameters: { ...node.parameters, ...parameters[node.name] } };
		});
		return json;
	};
}

module.exports = { codeNode, countActions, exampleWorkflow, rosterSyncCase };
