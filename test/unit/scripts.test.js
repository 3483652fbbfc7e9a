'use strict';
// The installer-facing lines of the scripts: progress of a long step (scripts/progress.js) and what
// `npm start` says about the owner account (scripts/start.js), against a real HTTP server on 127.0.0.1.

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const { ownerLine, ownerStatus } = require('../../scripts/start');
const { startServer } = require('./support');

const PROGRESS = path.join(__dirname, '..', '..', 'scripts', 'progress.js');

/** Runs a step of `ms` milliseconds (failing when `fail`) in a child with a 200 ms tick: its stderr and exit status. */
function stderrOf(ms, fail) {
	const script = `
		const { step } = require(${JSON.stringify(PROGRESS)});
		try {
			step('test', 'waiting', 'about a second', () => {
				Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
				if (${fail}) throw new Error('boom');
			});
		} catch { process.exitCode = 3; }`;
	const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ESIGN_PROGRESS_TICK_MS: '200' }, encoding: 'utf8' });
	return { stderr: r.stderr, status: r.status };
}

describe('progress of a long step', () => {
	test('announces the step with its estimate, says "still …" while it runs, and how long it took', () => {
		const { stderr, status } = stderrOf(1100, false);
		expect(status).toBe(0);
		const lines = stderr.trim().split('\n');
		expect(lines[0]).toBe('[test] waiting (about a second)…');
		expect(lines.filter((l) => /^\[test\] still waiting… \d+ s$/.test(l)).length).toBeGreaterThanOrEqual(1);
		expect(lines[lines.length - 1]).toMatch(/^\[test\] waiting: done in [1-9]\d* s$/);
	});

	test('a failing step says it failed and passes the error on', () => {
		const { stderr, status } = stderrOf(300, true);
		expect(status).toBe(3);
		expect(stderr.trim().split('\n').pop()).toMatch(/^\[test\] waiting: failed after \d+ s$/);
	});
});

describe('npm start: the owner account', () => {
	let server;
	let settings;
	beforeAll(async () => {
		server = await startServer((req, res) => {
			if (req.url !== '/rest/settings' || settings === undefined) {
				res.writeHead(404).end();
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: settings }));
		});
	});
	afterAll(() => server.close());

	const handle = () => ({ port: server.port });
	const runtime = { dir: path.join(__dirname, 'no-n8n-here') };
	const URL = 'http://localhost:5678';

	test('not set up yet: create the owner account', async () => {
		settings = { userManagement: { showSetupOnFirstLoad: true } };
		const owner = await ownerStatus(handle(), runtime, '/nonexistent');
		expect(owner).toEqual({ needsSetup: true });
		expect(ownerLine(owner, URL)).toBe(`not set up yet: open ${URL} and create the owner account (kept in the data folder)`);
	});

	test('set up: sign in (the email when the database can be read)', async () => {
		settings = { userManagement: { showSetupOnFirstLoad: false } };
		const owner = await ownerStatus(handle(), runtime, '/nonexistent');
		expect(owner).toEqual({ needsSetup: false, email: undefined });
		expect(ownerLine(owner, URL)).toBe(`set up: open ${URL} and sign in`);
		expect(ownerLine({ needsSetup: false, email: 'it@example.com' }, URL)).toBe(`set up: open ${URL} and sign in as it@example.com`);
	});

	test('unknown when n8n does not say', async () => {
		settings = undefined;
		expect(ownerLine(await ownerStatus(handle(), runtime, '/nonexistent'), URL)).toBe(`unknown (GET /rest/settings answered 404): open ${URL}`);
		settings = { userManagement: {} };
		expect(ownerLine(await ownerStatus(handle(), runtime, '/nonexistent'), URL)).toBe(
			`unknown (GET /rest/settings has no userManagement.showSetupOnFirstLoad): open ${URL}`,
		);
	});
});
