'use strict';
// Bootstraps the toolchain this project needs on a machine that only has an older Node.js:
// Node 24 (n8n >= 2.36 and n8n-workflow 2.x need it) from the npm registry package `node`,
// kept in a cache folder outside the clone. No root, the system Node is left alone.
// Plain CommonJS with built-ins only, so it runs under the system Node (20) before anything is installed.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { step } = require('./progress');

const NODE_VERSION = '24.21.0';
const ROOT = path.resolve(__dirname, '..');

function cacheRoot() {
	const base =
		process.env.ESIGN_USERS_CACHE ||
		path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-esign-users');
	fs.mkdirSync(base, { recursive: true });
	return base;
}

function log(msg) {
	process.stderr.write(`[toolchain] ${msg}\n`);
}

/** Runs npm with the given Node first on PATH; npm's own shebang then picks that Node. */
function npm(args, opts = {}) {
	execFileSync('npm', args, { stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', ...opts });
}

function platformPackage() {
	return `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

/**
 * Returns { binDir, nodeDir, version }: binDir holds the `node` 24 binary, nodeDir is the folder whose
 * include/node has the headers, for native addons (npm_config_nodedir).
 */
function ensureNode24() {
	const dir = path.join(cacheRoot(), `node-${NODE_VERSION}`);
	const pkgDir = path.join(dir, 'node_modules', 'node', 'node_modules', platformPackage());
	const binDir = path.join(pkgDir, 'bin');
	const nodeBin = path.join(binDir, 'node');
	if (!fs.existsSync(nodeBin)) {
		log(`first run: Node ${NODE_VERSION}, the devDependencies and n8n go into ${cacheRoot()} (about 10 minutes in all; later runs reuse them)`);
		step('toolchain', `installing Node ${NODE_VERSION} (npm package node@${NODE_VERSION})`, 'about 1 min', () => installNode24(dir, nodeBin));
	}
	return { binDir, nodeDir: pkgDir, version: NODE_VERSION };
}

/** The `node` npm package (and its platform binary) into dir. */
function installNode24(dir, nodeBin) {
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"node24-runtime","private":true}\n');
	npm(['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `node@${NODE_VERSION}`], {
		cwd: dir,
		quiet: true,
	});
	if (!fs.existsSync(nodeBin)) {
		// The `node` package installs its platform binary from a preinstall script; install it directly if that did not run.
		npm(
			['install', '--no-save', '--no-audit', '--no-fund', '--prefix', path.join(dir, 'node_modules', 'node'), `${platformPackage()}@${NODE_VERSION}`],
			{ cwd: dir, quiet: true },
		);
	}
	if (!fs.existsSync(nodeBin)) throw new Error(`Node ${NODE_VERSION} did not install: ${nodeBin} is missing`);
}

/** Environment for child processes that must run on Node 24 and build native addons against its headers. */
function node24Env(extra = {}) {
	const { binDir, nodeDir } = ensureNode24();
	return {
		...process.env,
		PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeDir,
		ESIGN_NODE24_BIN: path.join(binDir, 'node'),
		ESIGN_NODE_BIN: path.join(binDir, 'node'),
		ESIGN_NODE_VERSION: NODE_VERSION,
		...extra,
	};
}

/**
 * Environment for child processes on the machine's own Node (n8n 1.x runs on Node 20): PATH without the
 * Node 24 of the cache, native addons built against that Node's own headers.
 */
function systemNodeEnv(extra = {}) {
	const cached = path.join(cacheRoot(), `node-${NODE_VERSION}`);
	const dirs = String(process.env.PATH || '')
		.split(path.delimiter)
		.filter((d) => d && !path.resolve(d).startsWith(cached));
	const nodeBin = dirs.map((d) => path.join(d, 'node')).find((f) => fs.existsSync(f));
	if (!nodeBin) throw new Error('no system Node.js on PATH (outside the cached Node 24)');
	const version = execFileSync(nodeBin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
	const env = { ...process.env, PATH: dirs.join(path.delimiter), ESIGN_NODE_BIN: nodeBin, ESIGN_NODE_VERSION: version, ...extra };
	delete env.npm_config_nodedir;
	delete env.ESIGN_NODE24_BIN;
	return env;
}

function isNode24() {
	return Number(process.versions.node.split('.')[0]) >= 24;
}

/** Installs the project's devDependencies (under Node 24) when node_modules is missing or older than the lock file. */
function ensureDeps(env) {
	const marker = path.join(ROOT, 'node_modules', '.esign-deps-installed');
	const lock = path.join(ROOT, 'package-lock.json');
	const pkg = path.join(ROOT, 'package.json');
	const newest = Math.max(fs.statSync(pkg).mtimeMs, fs.existsSync(lock) ? fs.statSync(lock).mtimeMs : 0);
	if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= newest) return;
	// `npm install` honours package-lock.json; `npm ci` refuses it here because some platform-specific optional
	// packages of the lint toolchain are not on the registry this machine reaches.
	// --ignore-scripts: n8n-core pulls native optional modules the nodes never load in tests.
	// --no-save: a test run must leave package-lock.json as committed (npm would add other platforms' entries).
	step('toolchain', 'installing the devDependencies (npm install)', '1–4 min', () =>
		npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save'], { cwd: ROOT, env }),
	);
	fs.writeFileSync(marker, new Date().toISOString());
}

module.exports = { ROOT, NODE_VERSION, cacheRoot, ensureNode24, node24Env, systemNodeEnv, isNode24, ensureDeps, npm, log };
