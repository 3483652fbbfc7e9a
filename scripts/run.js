#!/usr/bin/env node
'use strict';
// Entry point of `npm start`, `npm test`, `npm run bench`, `npm run build` and `npm run lint`.
// Runs under any Node >= 18: it re-executes itself under Node 24 (bootstrapped into a cache by
// toolchain.js), installs the devDependencies when needed, then does the work.
//
//   node scripts/run.js start            build, pack, install into a local n8n 2.41.0 and start it
//   node scripts/run.js test [--no-e2e]  lint, build, integration tests, real-n8n end-to-end suite
//   node scripts/run.js build | lint
//   node scripts/run.js bench [options]  our nodes vs n8n's HTTP Request node in a real n8n (scripts/bench.js)

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const tc = require('./toolchain');

const BIN = path.join(tc.ROOT, 'node_modules', '.bin');

function run(cmd, args, env, opts = {}) {
	const result = spawnSync(cmd, args, { cwd: tc.ROOT, stdio: 'inherit', env, ...opts });
	if (result.error) throw result.error;
	return result.status === null ? 1 : result.status;
}

function build(env) {
	fs.rmSync(path.join(tc.ROOT, 'dist'), { recursive: true, force: true });
	return run(path.join(BIN, 'tsc'), ['-p', 'tsconfig.json'], env) || run(path.join(BIN, 'gulp'), ['build:assets', '--silent'], env);
}

function lint(env) {
	return run(path.join(BIN, 'n8n-node'), ['lint'], env);
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function test(env, args) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-test-'));
	const rows = [];
	const check = (name, status) => rows.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });

	check('lint', lint(env));
	const built = build(env);
	check('build', built);

	if (built === 0) {
		const jestOut = path.join(tmp, 'jest.json');
		const jestStatus = run(path.join(BIN, 'jest'), ['--config', 'jest.config.js', '--json', `--outputFile=${jestOut}`], env);
		const jest = readJson(jestOut);
		rows.push(
			jest
				? { name: 'integration', passed: jest.numPassedTests, failed: jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0) }
				: { name: 'integration', passed: 0, failed: 1 },
		);
		if (jest && jestStatus !== 0 && rows[rows.length - 1].failed === 0) rows[rows.length - 1].failed = 1;

		if (!args.includes('--no-e2e')) {
			const summary = path.join(tmp, 'e2e.json');
			const e2eStatus = run(process.execPath, [path.join('test', 'e2e', 'run-e2e.js')], { ...env, ESIGN_E2E_SUMMARY: summary });
			const e2e = readJson(summary);
			rows.push(e2e ? { name: 'e2e', passed: e2e.passed, failed: e2e.failed } : { name: 'e2e', passed: 0, failed: 1 });
			if (e2eStatus !== 0 && rows[rows.length - 1].failed === 0) rows[rows.length - 1].failed = 1;
		}
	}
	fs.rmSync(tmp, { recursive: true, force: true });

	let passed = 0;
	let failed = 0;
	console.log('');
	for (const row of rows) {
		console.log(`  ${row.name}: ${row.passed} passed, ${row.failed} failed`);
		passed += row.passed;
		failed += row.failed;
	}
	console.log(`tests: ${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

function main() {
	const [command = 'test', ...args] = process.argv.slice(2);
	if (!tc.isNode24()) {
		const env = tc.node24Env();
		// Ctrl-C reaches the child too (same process group); stay until it has stopped n8n and exited.
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
		const result = spawnSync(env.ESIGN_NODE24_BIN, [__filename, command, ...args], { stdio: 'inherit', env });
		process.exit(result.status === null ? 1 : result.status);
	}
	const env = tc.node24Env();
	tc.ensureDeps(env);
	switch (command) {
		case 'build':
			return build(env);
		case 'lint':
			return lint(env);
		case 'test':
			return test(env, args);
		case 'bench':
			// bench.js packs the package (building dist/ when it is stale) and runs its own n8n.
			return require('./bench.js').main(args);
		case 'start':
			// start.js builds, packs and installs the package itself.
			return require('./start.js').main();
		default:
			console.error(`unknown command "${command}": use start, test, bench, build or lint`);
			return 2;
	}
}

const status = main();
if (typeof status === 'number') process.exitCode = status;
else if (status && typeof status.then === 'function') status.then((code) => (process.exitCode = code ?? 0));
