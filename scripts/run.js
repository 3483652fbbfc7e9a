#!/usr/bin/env node
'use strict';
// Entry point of `npm start`, `npm test`, `npm run bench`, `npm run build` and `npm run lint`.
// Runs under any Node >= 18: it re-executes itself under Node 24 (bootstrapped into a cache by
// toolchain.js), installs the devDependencies when needed, then does the work.
//
//   node scripts/run.js start            build, pack, install into a local n8n 2.41.0 and start it
//   node scripts/run.js test [--no-e2e] [--no-editor]  lint, build, integration tests, packages, real-n8n end-to-end
//                                        suite (2.41.0), queue mode (reduced), 1.x smoke, the editor in chromium
//   node scripts/run.js build | lint
//   node scripts/run.js bench [options]  our nodes vs n8n's HTTP Request node in a real n8n (scripts/bench.js)
//   node scripts/run.js mutation [stryker options]  build, mutation testing of nodes/shared and credentials
//   node scripts/run.js packages [options]  build, one package per vendor + the bundle, checked (scripts/packages.js)
//   node scripts/run.js compat             build, the e2e smoke set in n8n 1.x on Node 20 (run-e2e.js --n8n=1.x --smoke)

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { seconds } = require('./progress');
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

/** Runs one stage of `npm test`, announcing it and printing its pass/fail line; fn returns { passed, failed }. */
function stage(rows, name, what, fn) {
	console.log(`\n[test] ${name}: ${what}…`);
	const started = Date.now();
	const row = { name, ...fn() };
	rows.push(row);
	const verdict = row.failed ? 'FAILED' : 'passed';
	console.log(`[test] ${name}: ${verdict} (${row.passed} passed, ${row.failed} failed) in ${seconds(Date.now() - started)}`);
	return row;
}

const byStatus = (status) => ({ passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });

function test(env, args) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-test-'));
	const rows = [];

	stage(rows, 'lint', 'n8n-node lint', () => byStatus(lint(env)));
	const built = stage(rows, 'build', 'TypeScript and assets into dist/', () => byStatus(build(env)));

	if (built.failed === 0) {
		stage(rows, 'integration', 'the jest suites in test/ (about 2 min)', () => {
			const jestOut = path.join(tmp, 'jest.json');
			const status = run(path.join(BIN, 'jest'), ['--config', 'jest.config.js', '--json', `--outputFile=${jestOut}`], env);
			const jest = readJson(jestOut);
			if (!jest) return { passed: 0, failed: 1 };
			const failed = jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
			return { passed: jest.numPassedTests, failed: status !== 0 && failed === 0 ? 1 : failed };
		});

		// every package assembled, linted and scanned (loading each in n8n is `npm run packages`)
		stage(rows, 'packages', 'one package per vendor and the bundle: assembled, linted, scanned', () => {
			try {
				return require('./packages.js').check(['--no-load']);
			} catch (error) {
				console.error(error);
				return { passed: 0, failed: 1 };
			}
		});

		if (!args.includes('--no-e2e')) {
			const e2e = ['test/e2e/run-e2e.js'];
			runnerStage(rows, env, tmp, 'e2e', 'the package in a real n8n (test/e2e, several minutes)', e2e, 'ESIGN_E2E_SUMMARY');
			// n8n in queue mode (Postgres, Redis, main, two workers, a webhook processor): the reduced run
			const queue = ['test/queue/run-queue.js', '--reduced'];
			runnerStage(rows, env, tmp, 'queue', 'n8n in queue mode (test/queue --reduced, about 5 min)', queue, 'ESIGN_QUEUE_SUMMARY');
			// the e2e smoke set in the last n8n 1.x on Node 20
			const compat = ['test/e2e/run-e2e.js', '--n8n=1.x', '--smoke'];
			runnerStage(rows, env, tmp, 'e2e n8n 1.x', 'the smoke set in n8n 1.123 on Node 20 (about 3 min)', compat, 'ESIGN_E2E_SUMMARY');
		}
		if (!args.includes('--no-editor')) {
			const editor = ['test/editor/run-editor.js'];
			runnerStage(rows, env, tmp, 'editor', 'every node and credential in the editor, in chromium (test/editor)', editor, 'ESIGN_EDITOR_SUMMARY');
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

/** `run-e2e.js --n8n=1.x --smoke` as a row of the test summary. */
/** A stage run by a runner script that writes {passed, failed} to the file named by the env variable `summaryVar`. */
function runnerStage(rows, env, tmp, name, what, [script, ...scriptArgs], summaryVar) {
	return stage(rows, name, what, () => {
		const summary = path.join(tmp, `${name.replace(/\W+/g, '-')}.json`);
		const status = run(process.execPath, [path.join(...script.split('/')), ...scriptArgs], { ...env, [summaryVar]: summary });
		const counts = readJson(summary);
		if (!counts) return { passed: 0, failed: 1 };
		return { passed: counts.passed, failed: status !== 0 && counts.failed === 0 ? 1 : counts.failed };
	});
}

/** Stryker's mutation score: detected (killed or timed out) among the mutants that ran or were not covered. */
function score(mutants) {
	const count = (status) => mutants.filter((m) => m.status === status).length;
	const detected = count('Killed') + count('Timeout');
	const valid = detected + count('Survived') + count('NoCoverage');
	return { detected, valid, survived: count('Survived'), noCoverage: count('NoCoverage'), percent: valid ? (100 * detected) / valid : 100 };
}

const MUTATION_TARGET = { folder: 'nodes/shared', percent: 85 };

/**
 * Mutation testing (not part of `npm test`: it takes many minutes). Stryker mutates the TypeScript of
 * nodes/shared and credentials, rebuilds dist/ in its sandbox and runs the unit suites against each mutant
 * (stryker.config.json). Prints the score per folder and file; fails when nodes/shared is below its target.
 * Extra arguments go to Stryker, e.g. `--mutate nodes/shared/limiter.ts --concurrency 1`.
 */
function mutation(env, args) {
	const built = build(env);
	if (built !== 0) return built;
	const reportFile = path.join(tc.ROOT, 'reports', 'mutation', 'mutation.json');
	fs.rmSync(reportFile, { force: true });
	const started = Date.now();
	const stryker = path.join(tc.ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
	const status = run(process.execPath, [stryker, 'run', 'stryker.config.json', ...args], env);
	const report = readJson(reportFile);
	if (status !== 0 || !report) {
		console.error(`Stryker failed (exit ${status})${report ? '' : ', no report written'}`);
		return status || 1;
	}
	const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
	const line = (label, s) =>
		`${label}: ${s.percent.toFixed(1)}% (${s.detected} of ${s.valid} detected, ${s.survived} survived, ${s.noCoverage} not covered)`;
	console.log('');
	for (const [file, { mutants }] of files) console.log(`  ${line(file, score(mutants))}`);
	const scores = {};
	for (const folder of ['credentials', 'nodes/shared']) {
		const mutants = files.filter(([file]) => file.startsWith(`${folder}/`)).flatMap(([, f]) => f.mutants);
		if (!mutants.length) continue;
		scores[folder] = score(mutants);
		console.log(line(`mutation score (${folder})`, scores[folder]));
	}
	console.log(`mutation testing took ${Math.round((Date.now() - started) / 1000)} s; report: reports/mutation/index.html`);
	const target = scores[MUTATION_TARGET.folder];
	if (target && !args.length && target.percent < MUTATION_TARGET.percent) {
		console.error(`mutation score of ${MUTATION_TARGET.folder} is below ${MUTATION_TARGET.percent}%`);
		return 1;
	}
	return 0;
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
		case 'mutation':
			return mutation(env, args);
		case 'packages':
			return build(env) || require('./packages.js').main(args);
		case 'compat':
			return build(env) || run(process.execPath, [path.join('test', 'e2e', 'run-e2e.js'), '--n8n=1.x', '--smoke', ...args], env);
		case 'start':
			// start.js builds, packs and installs the package itself.
			return require('./start.js').main();
		default:
			console.error(`unknown command "${command}": use start, test, bench, build, lint, mutation, packages or compat`);
			return 2;
	}
}

const status = main();
if (typeof status === 'number') process.exitCode = status;
else if (status && typeof status.then === 'function') status.then((code) => (process.exitCode = code ?? 0));
