'use strict';
// `npm start`: builds this package, packs it, installs the tarball as a community package into a local,
// pinned n8n (cached outside the clone, see n8n-runtime.js) and runs n8n on http://localhost:5678 with
// its embedded SQLite database, until Ctrl-C.
//
// The n8n user folder (database, owner account, encryption key, installed package) persists in
// <cache>/n8n-user, so workflows and credentials made in the editor survive restarts.
// Environment: N8N_PORT (default 5678), N8N_LOG_LEVEL (default info), ESIGN_USERS_CACHE (cache folder),
// ESIGN_N8N_USER_FOLDER (another n8n user folder, e.g. a throw-away one).

const fs = require('node:fs');
const path = require('node:path');

const toolchain = require('./toolchain');
const rt = require('./n8n-runtime');

const DEFAULT_PORT = 5678;

function say(msg = '') {
	process.stdout.write(`${msg}\n`);
}

function editorPort() {
	const raw = process.env.N8N_PORT;
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`N8N_PORT must be a port number, got "${raw}"`);
	if (rt.RESERVED_PORTS.has(port) && port !== DEFAULT_PORT) throw new Error(`N8N_PORT ${port} is n8n's task broker port; pick another one`);
	return port;
}

/** Prints the editor URL and what this package contributes to the nodes panel. */
function printBanner({ handle, userFolder, packageJson, types, startedMs, owner }) {
	const ours = (list, key) => list.filter((t) => String(t[key]).startsWith(`${rt.PACKAGE_NAME}.`));
	const nodes = ours(types.nodes, 'name').filter((n) => !/Tool$/.test(n.name) || !types.nodes.some((m) => `${m.name}Tool` === n.name));
	const declaredCreds = new Set();
	for (const node of nodes) for (const c of node.credentials || []) declaredCreds.add(c.name);
	const creds = types.credentials.filter((c) => declaredCreds.has(c.name));
	const tools = ours(types.nodes, 'name').filter((n) => !nodes.includes(n));
	say('');
	say(`n8n ${rt.N8N_VERSION} is running with ${packageJson.name} ${packageJson.version} (ready in ${(startedMs / 1000).toFixed(1)} s)`);
	say('');
	say(`  Editor:       ${handle.url}`);
	say(`  Node types:   ${nodes.length ? '' : '(none of this package loaded: check the n8n log above)'}`);
	for (const n of nodes) say(`                ${n.displayName}  (${n.name}, version ${[].concat(n.version).join(', ')})`);
	if (tools.length) say(`  AI tools:     ${tools.map((t) => t.name).join(', ')}`);
	say(`  Credentials:  ${creds.map((c) => `${c.displayName} (${c.name})`).join(', ') || '(none)'}`);
	say(`  Data folder:  ${userFolder}`);
	say(`  Owner:        ${ownerLine(owner, handle.url)}`);
	say('');
	say('  Then add a node: search "BoldSign", "DocuSign", "SignNow" or "PandaDoc" in the nodes panel.');
	say('  Press Ctrl-C to stop.');
	say('');
}

function ownerLine(owner, url) {
	if (owner.needsSetup) return `not set up yet: open ${url} and create the owner account (kept in the data folder)`;
	if (owner.needsSetup === false) return owner.email ? `set up: open ${url} and sign in as ${owner.email}` : `set up: open ${url} and sign in`;
	return `unknown (${owner.reason}): open ${url}`;
}

/**
 * Whether the owner account still has to be created: n8n's public settings (GET /rest/settings without a
 * login) say `userManagement.showSetupOnFirstLoad`. When it exists, its email is read from n8n's database.
 */
async function ownerStatus(handle, runtime, userFolder) {
	const res = await rt.httpGet(`http://127.0.0.1:${handle.port}/rest/settings`);
	let needsSetup;
	try {
		needsSetup = JSON.parse(res.body).data.userManagement.showSetupOnFirstLoad;
	} catch {
		return { reason: `GET /rest/settings answered ${res.status || res.error}` };
	}
	if (typeof needsSetup !== 'boolean') return { reason: 'GET /rest/settings has no userManagement.showSetupOnFirstLoad' };
	return needsSetup ? { needsSetup } : { needsSetup, email: await ownerEmail(runtime, userFolder) };
}

/** The owner's email from n8n's SQLite database (read-only, with n8n's own sqlite3); undefined if it cannot be read. */
function ownerEmail(runtime, userFolder) {
	return new Promise((resolve) => {
		try {
			const sqlite3 = require(path.join(runtime.dir, 'node_modules', 'sqlite3'));
			const db = new sqlite3.Database(path.join(userFolder, '.n8n', 'database.sqlite'), sqlite3.OPEN_READONLY, (openError) => {
				if (openError) return resolve(undefined);
				db.get("SELECT email FROM user WHERE roleSlug = 'global:owner' LIMIT 1", (error, row) => {
					db.close();
					resolve(error || !row ? undefined : row.email);
				});
			});
		} catch {
			resolve(undefined);
		}
	});
}

async function run() {
	const started = Date.now();
	const port = editorPort();
	if (!(await rt.isPortFree(port))) {
		throw new Error(`port ${port} is already in use: is n8n already running? Stop it, or set N8N_PORT to use another port.`);
	}
	const env24 = toolchain.node24Env();

	// 1. the pinned n8n (installed once into the cache)
	const runtime = rt.ensureN8n();

	// 2. build and pack this package
	rt.buildPackage({ env: env24 });
	const packDir = path.join(toolchain.cacheRoot(), 'pack');
	fs.rmSync(packDir, { recursive: true, force: true });
	const tarball = rt.packPackage(packDir, { env: env24 });

	// 3. install it as a community package into the persistent user folder
	const userFolder = path.resolve(process.env.ESIGN_N8N_USER_FOLDER || path.join(toolchain.cacheRoot(), 'n8n-user'));
	const { packageJson } = rt.installPackage(userFolder, tarball);
	rt.log(`installed ${path.basename(tarball)} into ${path.join(userFolder, '.n8n', 'nodes')}`);

	// 4. start n8n
	const brokerPort = await rt.freePort();
	const env = rt.n8nEnv({
		userFolder,
		port,
		brokerPort,
		logLevel: process.env.N8N_LOG_LEVEL || 'info',
		extra: { N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15' },
	});
	rt.clearFrontendTypes(userFolder);
	rt.log(`starting n8n ${rt.N8N_VERSION} on http://localhost:${port}`);

	let stopping = null;
	let handle = null;
	const stop = (signal) => {
		if (stopping) {
			// second Ctrl-C: do not wait for the graceful shutdown
			if (handle) rt.killGroup(handle.pid, 'SIGKILL');
			return stopping;
		}
		say(`\n${signal}: stopping n8n…`);
		stopping = handle ? rt.stopN8n(handle, { timeoutMs: 30000 }) : Promise.resolve(null);
		return stopping;
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGHUP', () => void stop('SIGHUP'));

	try {
		handle = await rt.startN8n(runtime, env, {
			onOutput: (text, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(text),
		});
	} catch (error) {
		if (stopping) return 130;
		throw error;
	}
	if (stopping) {
		// Ctrl-C came while n8n was starting
		await rt.stopN8n(handle, { timeoutMs: 30000 });
		return 130;
	}
	const types = await rt.readFrontendTypes(userFolder).catch(() => ({ nodes: [], credentials: [] }));
	const owner = await ownerStatus(handle, runtime, userFolder);
	printBanner({ handle, userFolder, packageJson, types, startedMs: Date.now() - started, owner });

	const exit = await handle.exited;
	if (stopping) {
		const result = await stopping;
		say(result && result.forced ? 'n8n did not stop in time and was killed.' : 'n8n stopped.');
		return 0;
	}
	say(`n8n exited on its own (${exit.code ?? exit.signal}).`);
	return exit.code || 1;
}

/** Resolves the exit code (0 after a clean stop); errors are printed, not thrown. */
async function main() {
	try {
		return await run();
	} catch (error) {
		process.stderr.write(`[start] ${error && error.message ? error.message : error}\n`);
		return 1;
	}
}

module.exports = { main, ownerStatus, ownerLine };

if (require.main === module) {
	main().then((code) => process.exit(code));
}
