'use strict';
// Helpers for the polling-trigger cases: a published workflow with one of our users triggers on n8n's
// shortest schedule, waiting for what n8n does on its own (the activation poll at start, the scheduled
// poll each minute), and the events of the executions it stored.

const crypto = require('node:crypto');

const { executionResult, fullType } = require('./workflow');

/** n8n's shortest poll interval: every minute, at a second n8n picks at random when it activates the trigger. */
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
/** Longest wait for the scheduled poll after a change: one minute and a margin for the machine's load. */
const SCHEDULED_POLL_MS = 85_000;

/** A workflow of only the trigger node, polling every minute, for `n8n import:workflow` then `publish:workflow`. */
function triggerWorkflow({ name, type, parameters, credentials }) {
	return {
		nodes: [
			{
				id: crypto.randomUUID(),
				name,
				type: fullType(type),
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: EVERY_MINUTE, ...parameters },
				credentials,
			},
		],
		connections: {},
	};
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with fn()'s first truthy value, checking every `intervalMs`; fails after `timeoutMs` naming `what`. */
async function waitFor(fn, { timeoutMs, intervalMs = 500, what }) {
	const started = Date.now();
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`waited ${Math.round(timeoutMs / 1000)} s for ${what}`);
		await sleep(intervalMs);
	}
}

/** Waits until the mock got a request matching `match` and then nothing for `quietMs` (a poll has ended). */
async function pollEnded(mock, match, { timeoutMs = 120_000, quietMs = 2000, after = 0, what = 'a poll' } = {}) {
	await waitFor(() => mock.requests.slice(after).some(match), { timeoutMs, what });
	let count = -1;
	await waitFor(
		() => {
			const now = mock.requests.length;
			const quiet = now === count;
			count = now;
			return quiet;
		},
		{ timeoutMs: 60_000, intervalMs: quietMs, what: `${what} to end` },
	);
}

/** The items the trigger node emitted, one array per stored execution of the workflow, oldest first. */
function emitted(session, workflowId, nodeName) {
	return session.readExecutions(workflowId).map((e) => executionResult(workflowId, { data: e.data }).items(nodeName));
}

/** Waits until the workflow has `count` stored executions; returns every execution's items. */
async function executions(session, workflowId, nodeName, count, { timeoutMs = SCHEDULED_POLL_MS, what } = {}) {
	await waitFor(() => session.readExecutions(workflowId).length >= count, { timeoutMs, what: what || `execution ${count} of the trigger's workflow` });
	// an execution's files are written as it ends: give the last one a moment
	await sleep(500);
	return emitted(session, workflowId, nodeName);
}

/** [event, user ID, previous] of each item: what the checks compare. */
const eventSummary = (items) => items.map((i) => [i.event, i.user && i.user.id, i.previous]);

module.exports = { EVERY_MINUTE, SCHEDULED_POLL_MS, triggerWorkflow, waitFor, pollEnded, emitted, executions, eventSummary, sleep };
