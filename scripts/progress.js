'use strict';
// Progress lines for the long steps of a first run (installing Node 24, the devDependencies, n8n): what is
// being done and how long it usually takes, "still …" every 30 s while it runs, and how long it took.
// The steps are synchronous (execFileSync), so the periodic line comes from a small child process.
// Plain CommonJS with built-ins only (runs under the system Node before anything is installed).

const { spawn } = require('node:child_process');

const TICK_MS = Number(process.env.ESIGN_PROGRESS_TICK_MS) || 30000;

function seconds(ms) {
	return ms >= 60000 ? `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s` : `${Math.round(ms / 1000)} s`;
}

/** A child that writes `[tag] still <what>… N s` to stderr every TICK_MS until killed (or its parent is gone). */
function startTicker(tag, what) {
	const script = `
		const started = Date.now();
		const parent = ${process.pid};
		setInterval(() => {
			try { process.kill(parent, 0); } catch { process.exit(0); }
			const s = Math.round((Date.now() - started) / 1000);
			process.stderr.write(${JSON.stringify(`[${tag}] still ${what}… `)} + s + ' s\\n');
		}, ${TICK_MS});`;
	try {
		const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
		child.on('error', () => {});
		child.unref();
		return () => child.kill();
	} catch {
		return () => {};
	}
}

/**
 * Runs fn (synchronous) as one announced step: `[tag] <what> (<estimate>)…`, `[tag] still <what>… 30 s`,
 * then `[tag] <what>: done in N s` or `[tag] <what>: failed after N s`. Returns fn's result.
 */
function step(tag, what, estimate, fn) {
	const started = Date.now();
	process.stderr.write(`[${tag}] ${what}${estimate ? ` (${estimate})` : ''}…\n`);
	const stop = startTicker(tag, what);
	try {
		const result = fn();
		process.stderr.write(`[${tag}] ${what}: done in ${seconds(Date.now() - started)}\n`);
		return result;
	} catch (error) {
		process.stderr.write(`[${tag}] ${what}: failed after ${seconds(Date.now() - started)}\n`);
		throw error;
	} finally {
		stop();
	}
}

module.exports = { step, seconds };
