#!/usr/bin/env node
'use strict';
// The package in n8n's queue mode (issue 15): Postgres, Redis, the pinned n8n as main, two workers and a webhook
// processor on this machine (cluster.js), then the scenarios of scenarios.js, a table of what happened, and teardown.
//
//   node test/queue/run-queue.js [--reduced] [--only=<scenario>] [--keep] [--verbose]      (npm run test:queue)
//
// Full: 500 action executions, both token credentials, the webhook trigger and the polling trigger. --reduced (or
// ESIGN_QUEUE_REDUCED=1; what `npm test` runs): 100 executions and one token credential. --only=webhook runs only the
// scenarios whose name contains the text (actions, tokens, webhook, polling).
// Prints `ok - …` / `not ok - …` per check and writes {"passed":N,"failed":M} to $ESIGN_QUEUE_SUMMARY when set.

const fs = require('node:fs');

const { Cluster } = require('./cluster');
const scenarios = require('./scenarios');

function parseArgs(argv) {
	const args = { reduced: process.env.ESIGN_QUEUE_REDUCED === '1', keep: false, verbose: false, only: '' };
	for (const a of argv) {
		if (a === '--reduced') args.reduced = true;
		else if (a.startsWith('--only=')) args.only = a.slice('--only='.length);
		else if (a === '--keep') args.keep = true;
		else if (a === '--verbose') args.verbose = true;
		else throw new Error(`unknown argument ${a}`);
	}
	return args;
}

function plan(reduced) {
	const size = reduced ? 100 : 500;
	const burst = reduced ? 20 : 40;
	const steps = [
		['actions', (c, check) => scenarios.actions(c, size, check)],
		['tokens docusign', (c, check) => scenarios.tokens(c, burst, check, 'docusign')],
		['webhook trigger', (c, check) => scenarios.webhookTrigger(c, reduced ? 10 : 30, check)],
		['polling trigger', (c, check) => scenarios.pollingTrigger(c, 0, check)],
	];
	if (!reduced) steps.splice(2, 0, ['tokens signnow', (c, check) => scenarios.tokens(c, burst, check, 'signnow')]);
	return steps;
}

function table(rows) {
	const head = ['scenario', 'executions', 'ok', 'failed', 'lost', 'duplicated', 'token requests', 'trigger executions per delivery', 'ran on'];
	const lines = [head, head.map(() => '---')];
	for (const r of rows) {
		lines.push([r.name, r.executions, r.ok, r.failed, r.lost, r.duplicated, r.tokenRequests ?? '–', r.perDelivery ?? '–', scenarios.workersText(r.workers || {})]);
	}
	return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const counts = { passed: 0, failed: 0 };
	const check = (ok, what) => {
		counts[ok ? 'passed' : 'failed']++;
		console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
	};
	let cluster = null;
	let closing = null;
	const close = () => (closing ??= cluster ? cluster.close({ keep: args.keep }).catch(() => {}) : Promise.resolve());
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, () => {
			console.log(`# ${signal}: tearing the cluster down`);
			close().finally(() => process.exit(130));
		});
	}
	const rows = [];
	try {
		console.log(`# queue mode, ${args.reduced ? 'reduced' : 'full'} run${args.only ? `, only ${args.only}` : ''}`);
		cluster = await Cluster.create({ verbose: args.verbose });
		await cluster.start();
		check(true, `cluster up in ${Math.round((Date.now() - started) / 1000)} s: Postgres, Redis, main, ${cluster.workers.length} workers, webhook processor`);
		const steps = plan(args.reduced).filter(([name]) => name.includes(args.only));
		if (!steps.length) throw new Error(`no scenario matches --only=${args.only}`);
		for (const [name, run] of steps) {
			const t = Date.now();
			try {
				rows.push(await run(cluster, check));
			} catch (error) {
				check(false, `${name}: ${error.stack || error.message}`);
			}
			console.log(`# ${name} took ${Math.round((Date.now() - t) / 1000)} s`);
		}
		const unexpected = cluster.members.filter((m) => m.handle.child.exitCode !== null && m !== cluster.main);
		check(unexpected.length === 0, `no n8n process died (${unexpected.map((m) => m.role).join(', ') || 'none'})`);
	} catch (error) {
		check(false, `cluster: ${error.stack || error.message}`);
	} finally {
		await close();
	}
	console.log('');
	console.log(table(rows));
	console.log('');
	console.log(`# ${counts.passed} passed, ${counts.failed} failed in ${Math.round((Date.now() - started) / 1000)} s`);
	if (process.env.ESIGN_QUEUE_SUMMARY) fs.writeFileSync(process.env.ESIGN_QUEUE_SUMMARY, JSON.stringify(counts) + '\n');
	return counts.failed ? 1 : 0;
}

if (require.main === module) {
	process.stdout.on('error', () => {});
	main().then((code) => process.exit(code), (error) => {
		console.error(error);
		process.exit(1);
	});
}
