'use strict';
// A local, pinned n8n to run this package in: installed once into the cache folder (outside the clone),
// keyed by the n8n version, plus helpers to install the packed package as a community package, to run
// n8n CLI commands and to start/stop `n8n start`.
// Plain CommonJS with built-ins only.

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const { step } = require('./progress');
const toolchain = require('./toolchain');

const N8N_VERSION = '2.41.0';
const PACKAGE_NAME = 'n8n-nodes-esign-users';

/**
 * The n8n versions the package is run in. `node`: 'node24' (bootstrapped by toolchain.js) or 'system'
 * (the machine's Node 20, what n8n 1.x supports). `overrides`: npm overrides for the install (n8n 1.x
 * pins xlsx to a tarball URL off the registry). `env`: settings n8n needs to run the package.
 * `native`: addons built after the install (--ignore-scripts skips their builds). `executionStore`: where
 * the e2e suite reads executions ('filesystem' needs n8n 2.x).
 */
const RUNTIMES = {
	[N8N_VERSION]: {
		version: N8N_VERSION,
		node: 'node24',
		overrides: {},
		env: {},
		native: ['sqlite3', 'isolated-vm'],
		executionStore: 'filesystem',
	},
	'1.x': {
		version: '1.123.81',
		node: 'system',
		overrides: { xlsx: '0.18.5' },
		// The legacy expression evaluator: the other one runs in isolated-vm 6, which needs Node >= 22 and does
		// not build on Node 20 (n8n loads it only for that engine).
		// n8n 1.x has no mcp-registry module and refuses to start when told to disable it.
		env: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_DISABLED_MODULES: undefined },
		native: ['sqlite3'],
		executionStore: 'database',
	},
};

function log(msg) {
	process.stderr.write(`[n8n-runtime] ${msg}\n`);
}

function profileOf(which = N8N_VERSION) {
	const profile = RUNTIMES[which] || Object.values(RUNTIMES).find((r) => r.version === which);
	if (!profile) throw new Error(`unknown n8n runtime "${which}": use ${Object.keys(RUNTIMES).join(' or ')}`);
	return profile;
}

/** Environment (PATH, node binary, headers) of the Node.js the runtime runs under. */
function nodeEnvOf(profile) {
	return profile.node === 'system' ? toolchain.systemNodeEnv() : toolchain.node24Env();
}

function runtimeDir(which) {
	return path.join(toolchain.cacheRoot(), `n8n-${profileOf(which).version}`);
}

function runtimePaths(dir) {
	const n8nDir = path.join(dir, 'node_modules', 'n8n');
	return { dir, n8nDir, n8nBin: path.join(n8nDir, 'bin', 'n8n'), marker: path.join(dir, '.complete') };
}

function isComplete(paths, profile, nodeVersion) {
	if (!fs.existsSync(paths.marker) || !fs.existsSync(paths.n8nBin)) return false;
	try {
		const marker = JSON.parse(fs.readFileSync(paths.marker, 'utf8'));
		// native addons are built for one Node major (ABI)
		return marker.n8n === profile.version && String(marker.node).split('.')[0] === nodeVersion.split('.')[0];
	} catch {
		return false;
	}
}

function rmrf(p) {
	fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Installs n8n (pinned; `which` is a key of RUNTIMES, default 2.41.0) into cacheRoot()/n8n-<version> unless
 * it is already there, and returns { dir, n8nDir, n8nBin, nodeBin, env, version, profile }. The install goes
 * to a temp folder that is renamed when it is complete, so an interrupted install is never mistaken for a good one.
 */
function ensureN8n(which = N8N_VERSION) {
	const profile = profileOf(which);
	const env = nodeEnvOf(profile);
	const paths = runtimePaths(runtimeDir(which));
	if (!isComplete(paths, profile, env.ESIGN_NODE_VERSION)) {
		const release = acquireInstallLock(profile.version);
		try {
			// another process may have finished the install while we waited for the lock
			if (!isComplete(paths, profile, env.ESIGN_NODE_VERSION)) install(paths, profile, env);
		} finally {
			release();
		}
	}
	return { ...paths, nodeBin: env.ESIGN_NODE_BIN, env, version: profile.version, profile };
}

function install(paths, profile, env) {
	const version = profile.version;
	const root = toolchain.cacheRoot();
	// Leftovers of interrupted installs.
	for (const name of fs.readdirSync(root)) {
		if (name.startsWith(`.n8n-${version}.tmp-`)) rmrf(path.join(root, name));
	}
	const tmp = path.join(root, `.n8n-${version}.tmp-${process.pid}`);
	fs.mkdirSync(tmp, { recursive: true });
	const started = Date.now();
	log(`n8n ${version} goes into ${paths.dir} (first run only): install, then build its native modules`);
	try {
		const manifest = { name: 'esign-users-n8n-runtime', private: true, dependencies: { n8n: version }, overrides: profile.overrides };
		fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
		// --ignore-scripts: some dependency (a kafka module) downloads zlib in its install script.
		step('n8n-runtime', `installing n8n ${version} with npm`, 'step 1 of 3, 2–6 min', () =>
			npmIn(tmp, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], env),
		);
		// The native addons n8n needs at runtime, built against the headers of the Node it runs under.
		const native = profile.native.filter((m) => fs.existsSync(path.join(tmp, 'node_modules', m)));
		step('n8n-runtime', `building ${native.join(', ')} against Node ${env.ESIGN_NODE_VERSION}`, 'step 2 of 3, 1–3 min', () =>
			npmIn(tmp, ['rebuild', ...native, '--loglevel=error'], env),
		);
		const tmpPaths = runtimePaths(tmp);
		step('n8n-runtime', 'checking that the native modules load', 'step 3 of 3', () => verifyNative(tmpPaths, env, native));
		fs.writeFileSync(
			tmpPaths.marker,
			JSON.stringify({ n8n: version, node: env.ESIGN_NODE_VERSION, installedAt: new Date().toISOString() }) + '\n',
		);
		rmrf(paths.dir);
		fs.renameSync(tmp, paths.dir);
	} catch (error) {
		rmrf(tmp);
		throw error;
	}
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * One installer at a time (e.g. `npm start` and `npm test` started together): an exclusive lock file
 * holding the owner's pid; a lock whose owner died is taken over. Returns the release function.
 */
function acquireInstallLock(version) {
	const lock = path.join(toolchain.cacheRoot(), `.n8n-${version}.lock`);
	let announced = false;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			return () => fs.rmSync(lock, { force: true });
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		let owner = 0;
		try {
			owner = Number(fs.readFileSync(lock, 'utf8').trim());
		} catch {
			continue; // released meanwhile
		}
		if (!owner || !isAlive(owner)) {
			fs.rmSync(lock, { force: true });
			continue;
		}
		if (!announced) log(`waiting for process ${owner}, which is installing n8n ${version}`);
		announced = true;
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function npmIn(cwd, args, env) {
	execFileSync('npm', args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Loads the native addons under the runtime's Node so that a broken build fails the install, not the first n8n start. */
function verifyNative(paths, env, native) {
	const script = `
		const sqlite3 = require('sqlite3');
		const db = new sqlite3.Database(':memory:');
		db.get('select 1 as x', (err, row) => {
			if (err || row.x !== 1) { console.error(err); process.exit(1); }
			if (${native.includes('isolated-vm')}) {
				const ivm = require('isolated-vm');
				const isolate = new ivm.Isolate({ memoryLimit: 8 });
				const r = isolate.compileScriptSync('6 * 7').runSync(isolate.createContextSync());
				if (r !== 42) process.exit(1);
			}
			db.close();
		});`;
	execFileSync(env.ESIGN_NODE_BIN, ['-e', script], { cwd: paths.n8nDir, env, stdio: 'inherit' });
}


// ---------------------------------------------------------------------------------------------
// Ports

/** Ports never handed out: n8n's default editor port and the task broker's default port. */
const RESERVED_PORTS = new Set([5678, 5679]);

function listenOnce() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(server));
	});
}

/** Returns `count` distinct free loopback ports (never 5678/5679). */
async function freePorts(count = 1) {
	const servers = [];
	const ports = [];
	try {
		while (ports.length < count) {
			const server = await listenOnce();
			servers.push(server);
			const { port } = server.address();
			if (!RESERVED_PORTS.has(port)) ports.push(port);
		}
	} finally {
		await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r()))));
	}
	return ports;
}

async function freePort() {
	return (await freePorts(1))[0];
}

function isPortFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, host, () => server.close(() => resolve(true)));
	});
}

// ---------------------------------------------------------------------------------------------
// Building, packing and installing this package

/** `npm run compile` (tsc + gulp → dist/) in the project, under Node 24. */
function buildPackage({ env = toolchain.node24Env(), root = toolchain.ROOT } = {}) {
	log('building the package (npm run compile)');
	execFileSync('npm', ['run', '--silent', 'compile'], { cwd: root, env, stdio: 'inherit' });
}

/** `npm pack` into destDir; returns the tarball's path. */
function packPackage(destDir, { env = toolchain.node24Env(), root = toolchain.ROOT } = {}) {
	fs.mkdirSync(destDir, { recursive: true });
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destDir, '--loglevel=error'], {
		cwd: root,
		env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const info = JSON.parse(out.slice(out.indexOf('[')));
	const tarball = path.join(destDir, info[0].filename);
	if (!fs.existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
	return tarball;
}

/**
 * Installs a packed package the way n8n installs community packages: its content goes to
 * <userFolder>/.n8n/nodes/node_modules/<name>, and nodes/package.json lists it as a dependency.
 * `expectName`: fail unless the tarball holds that package.
 */
function installPackage(userFolder, tarball, { expectName } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const incoming = path.join(nodesDir, 'node_modules', '.incoming');
	rmrf(incoming);
	fs.mkdirSync(incoming, { recursive: true });
	// tar is on every Debian machine (an essential package); the tarball's top folder is `package/`.
	execFileSync('tar', ['-xzf', tarball, '-C', incoming, '--strip-components=1'], { stdio: ['ignore', 'ignore', 'inherit'] });
	const packageJson = JSON.parse(fs.readFileSync(path.join(incoming, 'package.json'), 'utf8'));
	if (expectName && packageJson.name !== expectName) throw new Error(`unexpected package ${packageJson.name} in ${tarball}`);
	const dir = path.join(nodesDir, 'node_modules', packageJson.name);
	rmrf(dir);
	fs.renameSync(incoming, dir);
	const manifest = path.join(nodesDir, 'package.json');
	let deps = {};
	try {
		deps = JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies || {};
	} catch {
		/* written fresh below */
	}
	deps[packageJson.name] = packageJson.version;
	fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: deps }, null, 2) + '\n');
	return { dir, packageJson };
}

// ---------------------------------------------------------------------------------------------
// Environment

const LOOPBACK_NO_PROXY = 'localhost,127.0.0.1,::1';

/**
 * The environment n8n runs with: its own user folder (SQLite database, encryption key, community
 * packages), loopback-only listeners, nothing that phones home.
 */
function n8nEnv({ userFolder, port, brokerPort, logLevel = 'info', extra = {}, runtime }) {
	if (!userFolder) throw new Error('n8nEnv: userFolder is required');
	if (!port || !brokerPort) throw new Error('n8nEnv: port and brokerPort are required');
	if (Number(port) === 5679 || Number(brokerPort) === Number(port)) throw new Error('n8nEnv: port clashes with the task broker');
	const base = {};
	for (const [k, v] of Object.entries(runtime ? runtime.env : toolchain.node24Env())) {
		// Settings of some other n8n in the caller's environment must not leak into this one.
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|WEBHOOK_URL$|NODE_FUNCTION_ALLOW_)/.test(k)) continue;
		base[k] = v;
	}
	const noProxy = [base.NO_PROXY || base.no_proxy, LOOPBACK_NO_PROXY].filter(Boolean).join(',');
	const env = {
		...base,
		NO_PROXY: noProxy,
		no_proxy: noProxy,
		NODE_ENV: 'production',
		// where n8n keeps everything: <userFolder>/.n8n/{config,database.sqlite,nodes/}
		N8N_USER_FOLDER: userFolder,
		// editor/REST/webhooks on loopback only
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		// the browser talks plain http to localhost
		N8N_SECURE_COOKIE: 'false',
		// embedded SQLite; the pooled driver (n8n's default, made explicit)
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '3',
		// task runner (Code node sandbox, internal mode) broker: its default 5679 may be taken by another n8n
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// community packages: load those in <userFolder>/.n8n/nodes, never install or fetch anything
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// no calls home: telemetry, version checks, templates, banners, AI assistant, and the MCP server
		// registry (a module that downloads https://api.n8n.io/api/mcp-servers at startup)
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// the mock vendor servers live on 127.0.0.1: keep n8n's SSRF guard (off by default) off
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'console',
		...(runtime ? runtime.profile.env : {}),
		...extra,
	};
	// a runtime's `undefined` drops a setting that version does not know
	for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
	return env;
}

// ---------------------------------------------------------------------------------------------
// Processes

const liveGroups = new Set();

function killGroup(pid, signal = 'SIGKILL') {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

process.on('exit', () => {
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

/** Spawns `n8n <args>` under Node 24 in its own process group (so that its task runner can be killed with it). */
function spawnN8n(runtime, env, args, opts = {}) {
	const cwd = opts.cwd || env.N8N_USER_FOLDER;
	fs.mkdirSync(cwd, { recursive: true });
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, ...args], {
		cwd,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	liveGroups.add(child.pid);
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			// the group may still hold the task runner
			killGroup(child.pid, 'SIGKILL');
			liveGroups.delete(child.pid);
			resolve({ code, signal });
		});
		child.on('error', (error) => {
			liveGroups.delete(child.pid);
			resolve({ code: null, signal: null, error });
		});
	});
	return { child, exited };
}

function stripAnsi(s) {
	return s.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Runs an n8n CLI command to completion. Resolves { code, stdout, stderr, ms }; never rejects on a
 * non-zero exit (callers decide), rejects only when the command cannot start or times out.
 */
async function runCli(runtime, env, args, { timeoutMs = 10 * 60 * 1000, echo = false } = {}) {
	const started = Date.now();
	const { child, exited } = spawnN8n(runtime, env, args);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => {
		stdout += d;
		if (echo) process.stderr.write(d);
	});
	child.stderr.on('data', (d) => {
		stderr += d;
		if (echo) process.stderr.write(d);
	});
	let timer;
	const timeout = new Promise((resolve) => {
		timer = setTimeout(() => resolve('timeout'), timeoutMs);
	});
	const result = await Promise.race([exited, timeout]);
	clearTimeout(timer);
	if (result === 'timeout') {
		killGroup(child.pid, 'SIGKILL');
		await exited;
		throw Object.assign(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms`), {
			stdout: stripAnsi(stdout),
			stderr: stripAnsi(stderr),
		});
	}
	if (result.error) throw result.error;
	return { code: result.code, signal: result.signal, stdout: stripAnsi(stdout), stderr: stripAnsi(stderr), ms: Date.now() - started };
}

/** Like runCli but rejects on a non-zero exit, with the output in the message. */
async function runCliOk(runtime, env, args, opts) {
	const r = await runCli(runtime, env, args, opts);
	if (r.code !== 0) {
		const tail = (r.stdout + r.stderr).split('\n').slice(-40).join('\n');
		throw new Error(`n8n ${args.join(' ')} exited with ${r.code ?? r.signal}:\n${tail}`);
	}
	return r;
}

function httpGet(url, { timeoutMs = 2000, headers = {} } = {}) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: timeoutMs, headers }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode, body, headers: res.headers }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (error) => resolve({ status: 0, error }));
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `n8n start` and waits until it serves /healthz/readiness and has logged that the editor is
 * accessible (after workflows are activated). Returns a handle with url, output(), stop(), exited.
 * onOutput(chunk, stream) receives n8n's output as it comes.
 */
async function startN8n(runtime, env, { readyTimeoutMs = 180 * 1000, onOutput } = {}) {
	const port = Number(env.N8N_PORT);
	if (!(await isPortFree(port))) throw new Error(`port ${port} is already in use: is another n8n running? (set N8N_PORT to use another port)`);
	const started = Date.now();
	const { child, exited } = spawnN8n(runtime, env, ['start']);
	let output = '';
	let editorLine = false;
	const onData = (stream) => (d) => {
		const text = stripAnsi(String(d));
		output += text;
		if (/Editor is now accessible via/.test(output)) editorLine = true;
		if (onOutput) onOutput(text, stream);
	};
	child.stdout.on('data', onData('stdout'));
	child.stderr.on('data', onData('stderr'));
	let exitInfo = null;
	exited.then((info) => (exitInfo = info));
	const url = `http://localhost:${port}`;
	const handle = {
		child,
		pid: child.pid,
		url,
		port,
		exited,
		output: () => output,
		startMs: 0,
		stop: (opts) => stopN8n(handle, opts),
	};
	const logsInfo = (env.N8N_LOG_LEVEL || 'info') === 'info' || env.N8N_LOG_LEVEL === 'debug';
	for (;;) {
		if (exitInfo) {
			throw new Error(`n8n start exited (${exitInfo.code ?? exitInfo.signal}) before it was ready:\n${output.split('\n').slice(-40).join('\n')}`);
		}
		if (Date.now() - started > readyTimeoutMs) {
			await stopN8n(handle, { timeoutMs: 5000 });
			throw new Error(`n8n did not become ready within ${readyTimeoutMs} ms:\n${output.split('\n').slice(-40).join('\n')}`);
		}
		const res = await httpGet(`http://127.0.0.1:${port}/healthz/readiness`);
		if (res.status === 200 && (editorLine || !logsInfo)) break;
		await sleep(300);
	}
	handle.startMs = Date.now() - started;
	return handle;
}

/** Graceful stop (SIGTERM to n8n, which shuts down its task runner), then SIGKILL to the whole group. */
async function stopN8n(handle, { timeoutMs = 30 * 1000, signal = 'SIGTERM' } = {}) {
	const { child, exited } = handle;
	if (child.exitCode === null && child.signalCode === null) {
		try {
			process.kill(child.pid, signal);
		} catch {
			/* already gone */
		}
	}
	let timer;
	const result = await Promise.race([
		exited,
		new Promise((r) => {
			timer = setTimeout(() => r('timeout'), timeoutMs);
		}),
	]);
	clearTimeout(timer);
	if (result === 'timeout') {
		killGroup(child.pid, 'SIGKILL');
		return { ...(await exited), forced: true };
	}
	killGroup(child.pid, 'SIGKILL');
	return result;
}

// ---------------------------------------------------------------------------------------------
// Reading n8n's output

/** The JSON document n8n printed (e.g. `execute --rawOutput`), skipping log lines before and after it. */
function parseJsonOutput(text) {
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const first = lines[i].trim();
		if (first !== '{' && first !== '[' && !/^[[{].*[\]}]$/.test(first)) continue;
		for (let j = lines.length; j > i; j--) {
			const last = lines[j - 1].trim();
			if (!/[\]}]$/.test(last)) continue;
			try {
				return JSON.parse(lines.slice(i, j).join('\n'));
			} catch {
				/* try a shorter span */
			}
		}
	}
	throw new Error(`no JSON document in n8n output:\n${text.slice(0, 2000)}`);
}

/** Types the started editor was given (<userFolder>/.cache/n8n/public/types/{nodes,credentials}.json), once written. */
async function readFrontendTypes(userFolder, { timeoutMs = 30000 } = {}) {
	const dir = path.join(userFolder, '.cache', 'n8n', 'public', 'types');
	const started = Date.now();
	for (;;) {
		try {
			return {
				nodes: JSON.parse(fs.readFileSync(path.join(dir, 'nodes.json'), 'utf8')),
				credentials: JSON.parse(fs.readFileSync(path.join(dir, 'credentials.json'), 'utf8')),
			};
		} catch (error) {
			if (Date.now() - started > timeoutMs) throw new Error(`n8n did not write ${dir}: ${error.message}`);
			await sleep(250);
		}
	}
}

function clearFrontendTypes(userFolder) {
	rmrf(path.join(userFolder, '.cache', 'n8n', 'public', 'types'));
}

/** Node/credential type names this package declares, from its package.json (dist paths → class names). */
function declaredTypes(packageJson) {
	const n8n = packageJson.n8n || {};
	const base = (p) => path.basename(p).replace(/\.(node|credentials)\.js$/, '');
	return {
		nodeFiles: (n8n.nodes || []).map((p) => ({ file: p, className: base(p) })),
		credentialFiles: (n8n.credentials || []).map((p) => ({ file: p, className: base(p) })),
	};
}

module.exports = {
	N8N_VERSION,
	RUNTIMES,
	PACKAGE_NAME,
	RESERVED_PORTS,
	ensureN8n,
	runtimeDir,
	freePort,
	freePorts,
	isPortFree,
	buildPackage,
	packPackage,
	installPackage,
	n8nEnv,
	spawnN8n,
	runCli,
	runCliOk,
	startN8n,
	stopN8n,
	killGroup,
	httpGet,
	parseJsonOutput,
	readFrontendTypes,
	clearFrontendTypes,
	declaredTypes,
	stripAnsi,
	sleep,
	log,
};

if (require.main === module) {
	const r = ensureN8n(process.argv[2]);
	console.log(JSON.stringify({ dir: r.dir, n8nBin: r.n8nBin, nodeBin: r.nodeBin }));
}
