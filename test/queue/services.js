'use strict';
// Postgres and Redis for the queue-mode stage: Debian's packages (installed when missing, as root), started as an
// unprivileged user on free loopback ports with their data in a temporary folder, stopped by stop() or on exit.

const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const rt = require('../../scripts/n8n-runtime');

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
/** Root runs the servers as `postgres` (a user Debian's package creates); anyone else as themselves. */
const RUN_AS = 'postgres';

function has(bin) {
	try {
		execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

function postgresBin() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return null;
	const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')));
	versions.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/** Installs redis-server and postgresql with apt-get when one is missing (root only, else it says what to install). */
function ensureInstalled() {
	const missing = [];
	if (!has('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (!missing.length) return;
	if (!isRoot()) throw new Error(`the queue stage needs ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')}`);
	rt.log(`installing ${missing.join(', ')} (apt-get)`);
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/** The command line to run as the unprivileged user. */
function asUser(cmd, args) {
	return isRoot() ? ['runuser', ['-u', RUN_AS, '--', cmd, ...args]] : [cmd, args];
}

/** A folder the unprivileged user owns. */
function userDir(dir) {
	fs.mkdirSync(dir, { recursive: true });
	if (isRoot()) execFileSync('chown', ['-R', `${RUN_AS}:`, dir]);
	return dir;
}

async function startPostgres(root) {
	const bin = postgresBin();
	// the temp root is 0700: the unprivileged user must be able to reach its own folders below it
	if (isRoot()) fs.chmodSync(root, 0o711);
	const data = userDir(path.join(root, 'pg'));
	const sockets = userDir(path.join(root, 'pg-sock'));
	const port = await rt.freePort();
	const run = (cmd, args) => {
		const [c, a] = asUser(path.join(bin, cmd), args);
		execFileSync(c, a, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
	};
	run('initdb', ['-D', path.join(data, 'db'), '-U', 'n8n', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
	const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=100`;
	run('pg_ctl', ['-D', path.join(data, 'db'), '-o', options, '-l', path.join(data, 'log'), '-w', '-t', '60', 'start']);
	const stop = () => {
		try {
			run('pg_ctl', ['-D', path.join(data, 'db'), '-m', 'immediate', '-w', 'stop']);
		} catch {
			/* already stopped */
		}
	};
	process.on('exit', stop);
	return { host: '127.0.0.1', port, user: 'n8n', database: 'postgres', stop };
}

async function startRedis(root) {
	const dir = userDir(path.join(root, 'redis'));
	const port = await rt.freePort();
	const [cmd, args] = asUser('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
	const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const until = Date.now() + 20000;
	while (!/Ready to accept connections/.test(output)) {
		if (child.exitCode !== null || Date.now() > until) throw new Error(`redis-server did not start:\n${output.slice(-2000)}`);
		await rt.sleep(100);
	}
	const stop = () => rt.killGroup(child.pid, 'SIGKILL');
	process.on('exit', stop);
	return { host: '127.0.0.1', port, stop };
}

module.exports = { ensureInstalled, startPostgres, startRedis };
