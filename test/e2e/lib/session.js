'use strict';
// One real n8n for the end-to-end suite: a temporary user folder (own SQLite database) with the packed
// package installed as a community package, and the n8n CLI commands the suite needs, batched where
// n8n allows it (every CLI start costs seconds).

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const rt = require('../../../scripts/n8n-runtime');
const toolchain = require('../../../scripts/toolchain');
const { RestClient } = require('./rest');
const { executionResult } = require('./workflow');

function newestMtime(dir, filter = () => true) {
	let newest = 0;
	if (!fs.existsSync(dir)) return 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, filter));
		else if (filter(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** dist/ is missing or older than a source file (a standalone run after an edit). */
function distIsStale() {
	const dist = path.join(toolchain.ROOT, 'dist');
	if (!fs.existsSync(dist)) return true;
	const built = newestMtime(dist);
	const sources = Math.max(
		newestMtime(path.join(toolchain.ROOT, 'nodes')),
		newestMtime(path.join(toolchain.ROOT, 'credentials')),
		fs.statSync(path.join(toolchain.ROOT, 'package.json')).mtimeMs,
	);
	return sources > built;
}

class N8nSession {
	constructor({ runtime, root, userFolder, env, tarball, packageJson, verbose }) {
		Object.assign(this, { runtime, root, userFolder, env, tarball, packageJson, verbose });
		this.cliCalls = [];
		this.server = null;
		this.nodeTypes = null;
		this.seq = 0;
	}

	/**
	 * Installs/reuses the cached n8n (`n8n`: a key of rt.RUNTIMES, default 2.41.0), packs the package
	 * (building dist/ first if it is missing) or the assembled package folder `packageDir`, creates a
	 * temporary user folder and installs the tarball into it like n8n installs community packages.
	 */
	static async create({ verbose = false, tarball: givenTarball, root: givenRoot, packageDir, n8n } = {}) {
		const runtime = rt.ensureN8n(n8n);
		const root = givenRoot || fs.mkdtempSync(path.join(os.tmpdir(), 'esign-e2e-'));
		const userFolder = path.join(root, 'user');
		fs.mkdirSync(userFolder, { recursive: true });
		let tarball = givenTarball;
		if (!tarball) {
			const env = toolchain.node24Env();
			if (packageDir) tarball = rt.packPackage(path.join(root, 'pack'), { env, root: packageDir });
			else {
				if (distIsStale()) rt.buildPackage({ env });
				tarball = rt.packPackage(path.join(root, 'pack'), { env });
			}
		}
		const { packageJson } = rt.installPackage(userFolder, tarball);
		const [port, brokerPort] = await rt.freePorts(2);
		const env = rt.n8nEnv({
			userFolder,
			port,
			brokerPort,
			runtime,
			extra: {
				// Execution data as files (<userFolder>/.n8n/storage/workflows/<id>/executions/<n>/…): the
				// suite reads every execution from there. The CLI's own result passing has a race (an
				// execution that ends before the CLI subscribes is reported as "No active execution found").
				N8N_EXECUTION_DATA_STORAGE_MODE: 'filesystem',
				EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
				EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
				EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			},
		});
		return new N8nSession({ runtime, root, userFolder, env, tarball, packageJson, verbose });
	}

	file(name) {
		const dir = path.join(this.root, 'io');
		fs.mkdirSync(dir, { recursive: true });
		return path.join(dir, `${String(++this.seq).padStart(3, '0')}-${name}`);
	}

	/** Runs `n8n <args>`; resolves { code, stdout, stderr, ms }. */
	async cli(args, opts = {}) {
		const r = await rt.runCli(this.runtime, { ...this.env, ...(opts.env || {}) }, args, { echo: this.verbose, ...opts });
		this.cliCalls.push({ args: args.join(' '), ms: r.ms, code: r.code });
		return r;
	}

	async cliOk(args, opts = {}) {
		const r = await this.cli(args, opts);
		if (r.code !== 0) {
			const tail = (r.stdout + r.stderr).trim().split('\n').slice(-30).join('\n');
			throw new Error(`n8n ${args.join(' ')} exited with ${r.code ?? r.signal}:\n${tail}`);
		}
		return r;
	}

	/** `n8n export:nodes`: every node type the CLI loaded (n8n-nodes-base, langchain and community packages). */
	async exportNodes() {
		const out = this.file('nodes.json');
		const r = await this.cliOk(['export:nodes', `--output=${out}`]);
		/** n8n's log of loading the packages (why a package did not load) */
		this.loadLog = r.stdout + r.stderr;
		this.nodeTypes = JSON.parse(fs.readFileSync(out, 'utf8'));
		return this.nodeTypes;
	}

	/** Newest typeVersion of a node type, from the exported types (1 when unknown). */
	versionOf(type) {
		const desc = (this.nodeTypes || []).filter((n) => n.name === type);
		const versions = desc.flatMap((d) => [].concat(d.version));
		return versions.length ? Math.max(...versions) : 1;
	}

	/**
	 * Which node and credential types each file of package.json's `n8n` section defines, read by
	 * requiring the installed files under the n8n runtime (n8n-workflow resolved from n8n's own modules,
	 * as n8n does).
	 */
	declaredTypes() {
		const pkgDir = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', this.packageJson.name);
		const script = `
			const path = require('node:path');
			const pkg = require(path.join(process.argv[1], 'package.json'));
			const out = { nodes: [], credentials: [] };
			for (const kind of ['nodes', 'credentials']) {
				for (const file of (pkg.n8n && pkg.n8n[kind]) || []) {
					const entry = { file, names: [], error: null };
					try {
						const mod = require(path.join(process.argv[1], file));
						for (const Cls of Object.values(mod)) {
							if (typeof Cls !== 'function') continue;
							const inst = new Cls();
							const name = kind === 'nodes' ? (inst.description && inst.description.name) : inst.name;
							if (name) entry.names.push(name);
						}
					} catch (error) { entry.error = String(error && error.message || error); }
					out[kind].push(entry);
				}
			}
			process.stdout.write(JSON.stringify(out));`;
		const nodeModules = path.join(this.runtime.dir, 'node_modules');
		const out = execFileSync(this.runtime.nodeBin, ['-e', script, pkgDir], {
			env: { ...this.env, NODE_PATH: [path.join(this.runtime.n8nDir, 'node_modules'), nodeModules].join(path.delimiter) },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return JSON.parse(out);
	}

	/** `n8n import:credentials` of all given credentials at once: [{ id, name, type, data }] (data in plain text). */
	async importCredentials(credentials) {
		if (!credentials.length) return;
		const file = this.file('credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** `n8n import:workflow` of all given workflows at once. */
	async importWorkflows(workflows) {
		if (!workflows.length) return;
		const file = this.file('workflows.json');
		fs.writeFileSync(file, JSON.stringify(workflows, null, 2));
		await this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/** Stored executions of a workflow, oldest first: [{ executionId, data }] (data: IRunExecutionData). */
	readExecutions(workflowId) {
		if (this.runtime.profile.executionStore === 'database') return this.readExecutionsFromDatabase(workflowId);
		const dir = path.join(this.userFolder, '.n8n', 'storage', 'workflows', workflowId, 'executions');
		if (!fs.existsSync(dir)) return [];
		const flatted = require(path.join(this.runtime.dir, 'node_modules', 'flatted'));
		return fs
			.readdirSync(dir)
			.filter((id) => /^\d+$/.test(id))
			.sort((a, b) => Number(a) - Number(b))
			.flatMap((executionId) => {
				const file = path.join(dir, executionId, 'execution_data', 'bundle.json');
				if (!fs.existsSync(file)) return [];
				const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
				const data = typeof bundle.data === 'string' ? flatted.parse(bundle.data) : bundle.data;
				return [{ executionId, data, workflowData: bundle.workflowData }];
			});
	}

	/**
	 * n8n 1.x keeps execution data only in its database (execution_data, flatted JSON): read it with the
	 * runtime's own sqlite3, in a child process (this method is synchronous like the file store's).
	 */
	readExecutionsFromDatabase(workflowId) {
		const database = path.join(this.userFolder, '.n8n', 'database.sqlite');
		if (!fs.existsSync(database)) return [];
		const script = `
			const sqlite3 = require('sqlite3');
			const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
			db.all('SELECT e.id AS executionId, d.data AS data, d.workflowData AS workflowData FROM execution_entity e ' +
				'JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id', [process.argv[2]], (err, rows) => {
				if (err) { console.error(err.message); process.exit(1); }
				process.stdout.write(JSON.stringify(rows));
				db.close();
			});`;
		const out = execFileSync(this.runtime.nodeBin, ['-e', script, database, workflowId], {
			cwd: this.runtime.n8nDir,
			env: { ...this.env, NODE_PATH: path.join(this.runtime.dir, 'node_modules') },
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const flatted = require(path.join(this.runtime.dir, 'node_modules', 'flatted'));
		return JSON.parse(out).map((row) => ({
			executionId: String(row.executionId),
			data: flatted.parse(row.data),
			workflowData: typeof row.workflowData === 'string' ? JSON.parse(row.workflowData) : row.workflowData,
		}));
	}

	/** The newest stored execution of a workflow newer than `after` (an executionId), as a result. */
	latestResult(workflowId, { after, fallbackError } = {}) {
		const executions = this.readExecutions(workflowId).filter((e) => !after || Number(e.executionId) > Number(after));
		const last = executions[executions.length - 1];
		if (!last) return executionResult(workflowId, null, fallbackError || 'no execution was stored');
		// An execution that failed before any node ran (e.g. an unknown node type) is stored empty: take
		// the CLI's error for it.
		const ranNothing = Object.keys(last.data?.resultData?.runData || {}).length === 0;
		const result = executionResult(workflowId, { data: last.data }, ranNothing ? fallbackError : null);
		result.executionId = last.executionId;
		return result;
	}

	lastExecutionId(workflowId) {
		const executions = this.readExecutions(workflowId);
		return executions.length ? executions[executions.length - 1].executionId : undefined;
	}

	/**
	 * Executes many workflows in one CLI process (`n8n executeBatch`, the CLI's batch form of
	 * `n8n execute`, mode "cli"), without retries. Returns Map<workflowId, result> (see executionResult),
	 * read from n8n's execution store.
	 */
	async executeBatch(ids, { concurrency = 3 } = {}) {
		const results = new Map();
		if (!ids.length) return results;
		for (const id of ids) {
			if (!/\d/.test(id)) throw new Error(`executeBatch only accepts workflow ids containing a digit (${id})`);
		}
		const before = new Map(ids.map((id) => [id, this.lastExecutionId(id)]));
		const idsFile = this.file('ids.txt');
		fs.writeFileSync(idsFile, ids.join(','));
		const output = this.file('batch-output.json');
		const r = await this.cli(['executeBatch', `--ids=${idsFile}`, `--output=${output}`, '--retries=0', `--concurrency=${concurrency}`]);
		const summary = fs.existsSync(output) ? JSON.parse(fs.readFileSync(output, 'utf8')) : { executions: [] };
		const cliErrors = new Map((summary.executions || []).map((e) => [e.workflowId, e.error]));
		const tail = (r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n');
		for (const id of ids) {
			const fallbackError = cliErrors.get(id) || `n8n executeBatch stored no execution (exit ${r.code}):\n${tail}`;
			results.set(id, this.latestResult(id, { after: before.get(id), fallbackError }));
		}
		return results;
	}

	/** `n8n execute --id <id>`: one execution, read back from n8n's execution store. */
	async execute(id) {
		const before = this.lastExecutionId(id);
		const r = await this.cli(['execute', `--id=${id}`]);
		const tail = (r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n');
		const result = this.latestResult(id, { after: before, fallbackError: `n8n execute stored no execution (exit ${r.code}):\n${tail}` });
		result.exitCode = r.code;
		return result;
	}

	/** `n8n export:credentials --all --decrypted`: the stored credentials in plain text, as saved in the database. */
	async exportCredentials() {
		const out = this.file('credentials-export.json');
		await this.cliOk(['export:credentials', '--all', '--decrypted', `--output=${out}`]);
		return JSON.parse(fs.readFileSync(out, 'utf8'));
	}

	/** `n8n publish:workflow --id <id>` for each id (the CLI publishes one workflow per call; n8n 1.x: update:workflow --active). */
	async publish(ids) {
		const v1 = this.runtime.version.startsWith('1.');
		for (const id of [].concat(ids)) await this.cliOk(v1 ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`]);
	}

	/** Starts `n8n start` (one at a time), sets up the owner, returns { url, rest, handle }. */
	async startServer() {
		if (this.server) return this.server;
		rt.clearFrontendTypes(this.userFolder);
		const started = Date.now();
		const handle = await rt.startN8n(this.runtime, this.env, {
			onOutput: this.verbose ? (text) => process.stderr.write(text) : undefined,
		});
		const rest = new RestClient(`http://127.0.0.1:${handle.port}`);
		await rest.login();
		this.server = { url: handle.url, port: handle.port, rest, handle, startMs: Date.now() - started };
		this.cliCalls.push({ args: 'start', ms: handle.startMs, code: null });
		return this.server;
	}

	async stopServer() {
		if (!this.server) return null;
		const { handle } = this.server;
		this.server = null;
		return await rt.stopN8n(handle, { timeoutMs: 20000 });
	}

	async close({ keep = false } = {}) {
		await this.stopServer().catch(() => {});
		if (!keep) fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
	}
}

module.exports = { N8nSession };
