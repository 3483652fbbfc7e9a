'use strict';
// The e2e suite's tiny test framework: TAP-like reporting, per-test timeouts, and the case model
// the vendor specs use (see README.md in this folder).

const assert = require('node:assert/strict');
const util = require('node:util');

class Reporter {
	constructor({ out = process.stdout } = {}) {
		this.out = out;
		this.passed = 0;
		this.failed = 0;
		this.skipped = 0;
		this.failures = [];
	}

	ok(name, ms) {
		this.passed++;
		this.out.write(`ok - ${name}${ms !== undefined ? ` (${formatMs(ms)})` : ''}\n`);
	}

	notOk(name, error, ms) {
		this.failed++;
		this.failures.push({ name, error });
		this.out.write(`not ok - ${name}${ms !== undefined ? ` (${formatMs(ms)})` : ''}\n`);
		this.out.write(indent(describeError(error)) + '\n');
	}

	skip(name, reason) {
		this.skipped++;
		this.out.write(`ok - ${name} # SKIP ${reason}\n`);
	}

	note(text) {
		this.out.write(`# ${text}\n`);
	}

	/** Runs fn as one test; never throws. Resolves true when it passed. */
	async test(name, fn, { timeoutMs = 120000 } = {}) {
		const started = Date.now();
		let timer;
		try {
			await Promise.race([
				Promise.resolve().then(fn),
				new Promise((_, reject) => {
					timer = setTimeout(() => reject(new Error(`timed out after ${formatMs(timeoutMs)}`)), timeoutMs);
				}),
			]);
			this.ok(name, Date.now() - started);
			return true;
		} catch (error) {
			this.notOk(name, error, Date.now() - started);
			return false;
		} finally {
			clearTimeout(timer);
		}
	}
}

function describeError(error) {
	if (error instanceof assert.AssertionError) {
		const parts = [error.message];
		if (error.generatedMessage === false && error.expected !== undefined && !/actual/.test(error.message)) {
			parts.push(`expected: ${util.inspect(error.expected, { depth: 6 })}`, `actual:   ${util.inspect(error.actual, { depth: 6 })}`);
		}
		return parts.join('\n');
	}
	if (error && error.stack) {
		// keep the message and the first frames inside the suite
		const lines = String(error.stack).split('\n');
		const frames = lines.filter((l) => /^\s+at /.test(l) && /test[\\/]e2e|test[\\/]mocks|scripts[\\/]/.test(l)).slice(0, 4);
		const message = lines.filter((l) => !/^\s+at /.test(l)).join('\n');
		return [message, ...frames.map((f) => f.trim())].join('\n');
	}
	return String(error);
}

function indent(text) {
	return String(text)
		.split('\n')
		.map((l) => `  # ${l}`)
		.join('\n');
}

function formatMs(ms) {
	return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

/**
 * Runs a suite's `main(reporter)` as a script: one `ok`/`not ok` line per test, the summary line, {passed, failed}
 * into the file named by the env variable `summaryVar` (for scripts/run.js), and the exit code.
 */
function runSuite(main, { name, summaryVar }) {
	// a closed stdout (e.g. `| head`) must not abort the run before n8n is stopped and the temp folder removed
	process.stdout.on('error', () => {});
	const reporter = new Reporter();
	const started = Date.now();
	const finish = (code) => {
		const summary = { passed: reporter.passed, failed: reporter.failed };
		reporter.note(`${summary.passed} passed, ${summary.failed} failed in ${formatMs(Date.now() - started)}`);
		if (process.env[summaryVar]) require('node:fs').writeFileSync(process.env[summaryVar], JSON.stringify(summary) + '\n');
		process.exit(code || (summary.failed ? 1 : 0));
	};
	main(reporter)
		.then((code) => finish(code))
		.catch((error) => {
			reporter.notOk(name, error);
			finish(1);
		});
}

module.exports = { Reporter, assert, describeError, formatMs, runSuite };
