#!/usr/bin/env node
'use strict';
// End-to-end suite: this package inside a real n8n (pinned, cached by scripts/n8n-runtime.js).
//
//   node test/e2e/run-e2e.js [--filter=<text>] [--keep] [--verbose] [--list] [--n8n=1.x] [--smoke] [--load-only]
//
// --n8n=1.x (ESIGN_E2E_N8N): run in the last n8n 1.x on the machine's Node 20 instead of n8n 2.41.0.
// --smoke: only the cases marked `smoke: true` (one read and one write per vendor, one users trigger).
// --load-only: only install the package and check that every node and credential loads.
// ESIGN_E2E_PACKAGE=<folder>: install that assembled package (build/packages/<name>, npm run packages)
// instead of the bundle; a vendor package runs only its vendor's cases, with its own node type names.
//
// It packs the package, installs the tarball into a temporary n8n user folder the way n8n installs
// community packages, checks that every node and credential of package.json's `n8n` section is loaded,
// then runs the vendor specs registered in specs.js against the vendors' mock servers (in this
// process, on 127.0.0.1) with as few n8n CLI starts as possible:
//   export:nodes → import:credentials (all) → import:workflow (all) → executeBatch (all batch cases)
//   → sequential CLI cases → one `n8n start` for the editor/REST checks and server cases.
// Prints `ok - name` / `not ok - name` per test, writes {"passed":N,"failed":M} to
// $ESIGN_E2E_SUMMARY when set, exits non-zero on any failure.

const fs = require('node:fs');
const path = require('node:path');

const { Reporter, assert, formatMs, runSuite } = require('./lib/framework');
const { N8nSession } = require('./lib/session');
const { chainWorkflow, currentPackageName, fullType, isOurs, setPackageName } = require('./lib/workflow');
const { vendorOfPackage } = require('../../scripts/packages');

const SUITE_TIMEOUT_MS = Number(process.env.ESIGN_E2E_TIMEOUT_MS || 40 * 60 * 1000);

function parseArgs(argv) {
	const args = {
		filter: process.env.ESIGN_E2E_FILTER || '',
		keep: false,
		verbose: false,
		list: false,
		n8n: process.env.ESIGN_E2E_N8N || undefined,
		smoke: false,
		loadOnly: false,
	};
	for (const a of argv) {
		if (a.startsWith('--filter=')) args.filter = a.slice('--filter='.length);
		else if (a.startsWith('--n8n=')) args.n8n = a.slice('--n8n='.length);
		else if (a === '--smoke') args.smoke = true;
		else if (a === '--load-only') args.loadOnly = true;
		else if (a === '--keep') args.keep = true;
		else if (a === '--verbose') args.verbose = true;
		else if (a === '--list') args.list = true;
		else throw new Error(`unknown argument ${a}`);
	}
	return args;
}

// ---------------------------------------------------------------------------------------------
// Specs and cases

function loadSpecs(reporter) {
	const registered = require('./specs');
	const specs = [];
	for (const file of registered) {
		const spec = require(path.join(__dirname, file));
		if (!spec || !spec.name || !Array.isArray(spec.cases)) throw new Error(`${file} does not export { name, cases: [...] }`);
		specs.push({ ...spec, file });
	}
	// a spec file that is not registered would silently not run
	const unregistered = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js') && !registered.includes(`./${f}`) && !registered.includes(f));
	return { specs, unregistered, reporter };
}

let idSeq = 0;
const newId = (prefix) => `${prefix}${String(++idSeq).padStart(16 - prefix.length, '0')}`;

function closeMocks(mock) {
	if (!mock) return [];
	if (typeof mock.close === 'function') return [mock.close()];
	if (typeof mock === 'object') return Object.values(mock).flatMap((m) => (m && typeof m.close === 'function' ? [m.close()] : []));
	return [];
}

/** Normalizes `credentials(ctx)`: { type: data } or { key: { type, data, name? } } → { key: { id, name, type, data } }. */
function normalizeCredentials(defs, caseName) {
	const out = {};
	for (const [key, value] of Object.entries(defs || {})) {
		const explicit = value && typeof value === 'object' && typeof value.type === 'string' && value.data && typeof value.data === 'object';
		const type = explicit ? value.type : key;
		const data = explicit ? value.data : value;
		out[key] = { id: newId('E2eC'), name: (explicit && value.name) || `[e2e] ${caseName} · ${key}`, type, data };
	}
	return out;
}

class CaseContext {
	constructor(spec, def, session) {
		this.spec = spec;
		this.def = def;
		this.name = `${spec.name}: ${def.name}`;
		this.session = session;
		this.assert = assert;
		this.mock = undefined;
		this.credentials = {};
		this.workflows = {};
		this.workflowJson = {};
		this.result = undefined;
		this.setupError = null;
	}

	/** { id, name } of a case credential, for a node's `credentials` field. */
	credential(key) {
		const c = this.credentials[key];
		if (!c) throw new Error(`${this.name}: no credential "${key}"`);
		return { id: c.id, name: c.name };
	}

	/** Requests the case's mock received, optionally filtered: (method, pathRegExp|string). */
	requests(method, pathMatch, mock = this.mock) {
		const list = (mock && mock.requests) || [];
		return list.filter(
			(r) =>
				(!method || r.method === method) &&
				(!pathMatch || (pathMatch instanceof RegExp ? pathMatch.test(r.path) : r.path.toLowerCase() === String(pathMatch).toLowerCase())),
		);
	}

	/** Runs one of the case's workflows with `n8n execute` (one CLI start). */
	execute(key = 'main') {
		return this.session.execute(this.workflowId(key));
	}

	/** Runs several of the case's workflows in one `n8n executeBatch`; Map key → result. */
	async executeMany(keys, opts) {
		const results = await this.session.executeBatch(keys.map((k) => this.workflowId(k)), opts);
		return new Map(keys.map((k) => [k, results.get(this.workflowId(k))]));
	}

	workflowId(key) {
		const id = this.workflows[key];
		if (!id) throw new Error(`${this.name}: no workflow "${key}"`);
		return id;
	}

	/** A case credential as stored in n8n's database, decrypted (`n8n export:credentials --decrypted`). */
	async storedCredential(key) {
		const all = await this.session.exportCredentials();
		const found = all.find((c) => c.id === this.credentials[key].id);
		if (!found) throw new Error(`credential ${key} (${this.credentials[key].id}) is not in the database`);
		return found;
	}
}

/** Starts the case's mock, builds its credentials and workflows (nothing is imported yet). */
async function prepareCase(ctx) {
	const { def, session } = ctx;
	if (def.mock) ctx.mock = await def.mock(ctx);
	ctx.credentials = normalizeCredentials(def.credentials ? await def.credentials(ctx) : {}, ctx.name);
	const workflowDefs = { ...(def.workflows || {}) };
	if (def.workflow) workflowDefs.main = def.workflow;
	for (const [key, build] of Object.entries(workflowDefs)) {
		const id = newId('E2eW');
		const spec = typeof build === 'function' ? await build(ctx) : build;
		const name = `[e2e] ${ctx.name}${key === 'main' ? '' : ` · ${key}`}`;
		let json;
		if (Array.isArray(spec)) {
			json = chainWorkflow({
				id,
				name,
				nodes: spec,
				versionOf: (type) => session.versionOf(type),
				credentialsFor: (type) => credentialsFor(ctx, type),
			});
		} else if (spec && Array.isArray(spec.nodes) && spec.connections) {
			json = { active: false, settings: { executionOrder: 'v1' }, pinData: {}, ...spec, id, name };
		} else {
			throw new Error(`${ctx.name}: workflow "${key}" must be an array of nodes or { nodes, connections }`);
		}
		ctx.workflows[key] = id;
		ctx.workflowJson[key] = json;
	}
}

/** Default credentials of one of our nodes: the case's credentials whose types the node declares. */
function credentialsFor(ctx, type) {
	if (!isOurs(type)) return undefined;
	const desc = (ctx.session.nodeTypes || []).find((n) => n.name === fullType(type));
	const accepted = new Set(((desc && desc.credentials) || []).map((c) => c.name));
	const out = {};
	for (const c of Object.values(ctx.credentials)) {
		if ((accepted.size === 0 || accepted.has(c.type)) && !out[c.type]) out[c.type] = { id: c.id, name: c.name };
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Built-in checks: the package is installed and every node and credential is loaded

function expectedTypes(declared) {
	const problems = [];
	const nodes = [];
	const credentials = [];
	for (const entry of declared.nodes) {
		if (entry.error) problems.push(`${entry.file}: ${entry.error.split('\n')[0]}`);
		else if (!entry.names.length) problems.push(`${entry.file}: exports no node class`);
		nodes.push(...entry.names.map((n) => `${currentPackageName()}.${n}`));
	}
	for (const entry of declared.credentials) {
		if (entry.error) problems.push(`${entry.file}: ${entry.error.split('\n')[0]}`);
		else if (!entry.names.length) problems.push(`${entry.file}: exports no credential class`);
		credentials.push(...entry.names);
	}
	return { nodes, credentials, problems };
}

function loaderErrors(session) {
	// what n8n logged about our package (e.g. a file listed in package.json that does not exist)
	return (session.loadLog || '')
		.split('\n')
		.filter((l) => l.includes(currentPackageName()) && /error|fail|cannot|skipp/i.test(l))
		.slice(0, 5);
}

// ---------------------------------------------------------------------------------------------

async function main(reporter = new Reporter(), argv = process.argv.slice(2)) {
	const args = parseArgs(argv);
	const started = Date.now();
	const { specs, unregistered } = loadSpecs(reporter);
	const filter = args.filter.toLowerCase();

	const allCases = specs.flatMap((spec) => spec.cases.map((def) => ({ spec, def, name: `${spec.name}: ${def.name}` })));
	let cases = allCases.filter((c) => (!filter || c.name.toLowerCase().includes(filter)) && (!args.smoke || c.def.smoke));
	if (args.list) {
		for (const c of allCases) console.log(c.name);
		return 0;
	}

	let session = null;
	const contexts = [];
	const cleanup = async () => {
		await Promise.allSettled(contexts.flatMap((ctx) => closeMocks(ctx.mock)));
		if (session) await session.close({ keep: args.keep });
	};
	const onSignal = (signal) => {
		reporter.note(`received ${signal}, stopping n8n and cleaning up`);
		cleanup().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const suiteTimer = setTimeout(() => {
		reporter.notOk('suite finished in time', new Error(`the suite exceeded ${formatMs(SUITE_TIMEOUT_MS)}`));
		cleanup().finally(() => finish(reporter, started, 1));
	}, SUITE_TIMEOUT_MS);
	suiteTimer.unref();

	try {
		await reporter.test('specs: every *.e2e.js file is registered in specs.js', () => {
			assert.deepEqual(unregistered, [], `not registered in test/e2e/specs.js: ${unregistered.join(', ')}`);
		});

		// 1. n8n runtime, package, user folder
		const setupOk = await reporter.test(
			'setup: n8n installed, package packed and installed as a community package',
			async () => {
				session = await N8nSession.create({
					verbose: args.verbose,
					tarball: process.env.ESIGN_E2E_TARBALL || undefined,
					packageDir: process.env.ESIGN_E2E_PACKAGE ? path.resolve(process.env.ESIGN_E2E_PACKAGE) : undefined,
					n8n: args.n8n,
				});
				setPackageName(session.packageJson.name);
				reporter.note(`n8n ${session.runtime.version} on Node ${session.runtime.env.ESIGN_NODE_VERSION}, user folder ${session.userFolder}, tarball ${path.basename(session.tarball)}`);
			},
			{ timeoutMs: 30 * 60 * 1000 },
		);
		if (!setupOk) {
			for (const c of cases) reporter.notOk(c.name, new Error('not run: setup failed'));
			return 1;
		}

		// a vendor package holds only its vendor's nodes: only its cases can run
		const vendor = vendorOfPackage(session.packageJson.name);
		if (vendor) {
			cases = cases.filter((c) => c.spec.name === vendor.key || c.def.name.startsWith(`${vendor.key} `));
			reporter.note(`${session.packageJson.name}: the ${vendor.key} cases only (${cases.length})`);
		}
		if (args.loadOnly) cases = [];

		// 2. every node of package.json is loaded by the CLI (export:nodes)
		let expected = { nodes: [], credentials: [], problems: [] };
		await reporter.test(`package: every node in package.json is loaded by n8n (export:nodes)`, async () => {
			await session.exportNodes();
			expected = expectedTypes(session.declaredTypes());
			assert.deepEqual(expected.problems, [], 'package.json lists files that do not load');
			const loaded = new Set(session.nodeTypes.map((n) => n.name));
			const missing = expected.nodes.filter((n) => !loaded.has(n));
			const logged = loaderErrors(session);
			assert.deepEqual(missing, [], `node types not loaded by n8n${logged.length ? `; n8n said:\n${logged.join('\n')}` : ''}`);
			assert.ok(expected.nodes.length > 0, 'package.json declares no nodes');
			reporter.note(`loaded node types: ${expected.nodes.join(', ')}`);
		});
		await reporter.test('package: it ships every credential its nodes accept, and each one loads', () => {
			assert.ok(expected.credentials.length > 0, 'package.json declares no credentials');
			const ours = session.nodeTypes.filter((n) => isOurs(n.name));
			const accepted = [...new Set(ours.flatMap((n) => (n.credentials || []).map((c) => c.name)))];
			assert.deepEqual(accepted.filter((c) => !expected.credentials.includes(c)), [], 'credentials the nodes accept but the package does not ship');
			reporter.note(`credential types: ${expected.credentials.join(', ')}`);
		});
		if (args.loadOnly) return reporter.failed === 0 ? 0 : 1;

		// 3. cases: mocks, credentials, workflows
		for (const c of cases) {
			const ctx = new CaseContext(c.spec, c.def, session);
			contexts.push(ctx);
			try {
				await prepareCase(ctx);
			} catch (error) {
				ctx.setupError = error;
			}
		}
		const ready = contexts.filter((ctx) => !ctx.setupError);
		const imported = await reporter.test('n8n: import the cases’ credentials and workflows (import:credentials, import:workflow)', async () => {
			await session.importCredentials(ready.flatMap((ctx) => Object.values(ctx.credentials)));
			await session.importWorkflows(ready.flatMap((ctx) => Object.values(ctx.workflowJson)));
		});
		if (!imported) for (const ctx of ready) ctx.setupError = new Error('not run: import failed');

		const runnable = contexts.filter((ctx) => !ctx.setupError);
		for (const ctx of contexts.filter((x) => x.setupError)) reporter.notOk(ctx.name, ctx.setupError);

		// 4. batch cases: one executeBatch for all of them
		const batch = runnable.filter((ctx) => ctx.def.check && ctx.workflows.main);
		if (batch.length) {
			reporter.note(`executing ${batch.length} workflows in one n8n executeBatch`);
			let results = new Map();
			let batchError = null;
			const t = Date.now();
			try {
				results = await session.executeBatch(batch.map((ctx) => ctx.workflows.main));
			} catch (error) {
				batchError = error;
			}
			reporter.note(`executeBatch took ${formatMs(Date.now() - t)}`);
			for (const ctx of batch) {
				await reporter.test(ctx.name, async () => {
					if (batchError) throw batchError;
					ctx.result = results.get(ctx.workflows.main);
					await ctx.def.check(ctx);
				});
			}
		}

		// 5. sequential CLI cases (own n8n execute / export calls)
		const cliCases = runnable.filter((ctx) => ctx.def.cli);
		for (const ctx of cliCases) {
			if (ctx.def.server) {
				try {
					await ctx.def.cli(ctx);
				} catch (error) {
					ctx.cliError = error;
				}
			} else {
				await reporter.test(ctx.name, () => ctx.def.cli(ctx), { timeoutMs: ctx.def.timeoutMs || 300000 });
			}
		}

		// 6. one started n8n: the editor's types, REST credential tests, server cases
		const serverCases = runnable.filter((ctx) => ctx.def.server);
		let server = null;
		const serverUp = await reporter.test(
			'n8n start: editor ready (/healthz/readiness), owner set up',
			async () => {
				server = await session.startServer();
				reporter.note(`n8n started in ${formatMs(server.startMs)} on ${server.url}`);
			},
			{ timeoutMs: 240000 },
		);
		if (serverUp) {
			await reporter.test('editor: every node and credential in package.json is served to the editor (/types/*.json)', async () => {
				const nodes = await server.rest.get('/types/nodes.json');
				const creds = await server.rest.get('/types/credentials.json');
				const nodeNames = new Set(nodes.map((n) => n.name));
				const credNames = new Set(creds.map((c) => c.name));
				assert.deepEqual(expected.nodes.filter((n) => !nodeNames.has(n)), [], 'node types missing from the editor');
				assert.deepEqual(expected.credentials.filter((n) => !credNames.has(n)), [], 'credential types missing from the editor');
				assert.ok(expected.credentials.length > 0, 'package.json declares no credentials');
				reporter.note(`editor credential types: ${expected.credentials.join(', ')}`);
			});
			for (const ctx of serverCases) {
				ctx.server = server;
				ctx.rest = server.rest;
				// Stops n8n (it must stop cleanly) and starts it again on the same port and database, e.g. to prove
				// that what a trigger remembers survives a restart. Later cases get the new server.
				ctx.restartServer = async () => {
					const output = server.handle.output;
					const stopped = await session.stopServer();
					// start again whatever happened, so that one bad stop does not fail every later case
					server = await session.startServer();
					ctx.server = server;
					ctx.rest = server.rest;
					reporter.note(`n8n restarted in ${formatMs(server.startMs)}`);
					assertStoppedCleanly(stopped, output(), reporter);
					return server;
				};
				await reporter.test(
					ctx.name,
					async () => {
						if (ctx.cliError) throw ctx.cliError;
						await ctx.def.server(ctx);
					},
					{ timeoutMs: ctx.def.timeoutMs || 180000 },
				);
			}
			await reporter.test('n8n start: stops cleanly on SIGTERM', async () => {
				const output = server.handle.output;
				assertStoppedCleanly(await session.stopServer(), output(), reporter);
			});
		} else {
			for (const ctx of serverCases) reporter.notOk(ctx.name, new Error('not run: n8n did not start'));
		}

		reporter.note(`n8n CLI starts: ${session.cliCalls.length} (${session.cliCalls.map((c) => `${c.args.split(' ')[0]} ${formatMs(c.ms)}`).join(', ')})`);
		return reporter.failed === 0 ? 0 : 1;
	} catch (error) {
		reporter.notOk('suite', error);
		return 1;
	} finally {
		clearTimeout(suiteTimer);
		await cleanup().catch((error) => reporter.notOk('cleanup', error));
		if (args.keep && session) reporter.note(`kept ${session.root}`);
	}
}

/**
 * n8n stopped on SIGTERM within the grace time with exit code 0. A native crash (SIGSEGV/SIGABRT) once n8n
 * was stopping without error is its own teardown (it disposes the isolated-vm expression engine and closes
 * sqlite3 while exiting), not the package's: a note. A kill after the timeout, another exit code, a crash
 * before n8n began stopping, or a logged shutdown error fails.
 */
function assertStoppedCleanly(stopped, output, reporter) {
	assert.ok(stopped, 'n8n was not running');
	assert.ok(!stopped.forced, `n8n had to be killed: ${JSON.stringify(stopped)}`);
	if (stopped.code === 0) return;
	// stopProcess logs this first; a failure in it would log "There was an error shutting down n8n."
	const shutDown = /Stopping n8n\.\.\./.test(output) && !/error shutting down/.test(output);
	const nativeCrash = stopped.signal === 'SIGSEGV' || stopped.signal === 'SIGABRT';
	const tail = output.trim().split('\n').slice(-15).join('\n');
	assert.ok(nativeCrash && shutDown, `n8n did not stop cleanly: ${JSON.stringify(stopped)}\n${tail}`);
	reporter.note(`n8n ended its shutdown, then its process crashed with ${stopped.signal} (n8n's native teardown)`);
}

if (require.main === module) runSuite(main, { name: 'suite', summaryVar: 'ESIGN_E2E_SUMMARY' });

module.exports = { main, CaseContext, prepareCase, normalizeCredentials };
