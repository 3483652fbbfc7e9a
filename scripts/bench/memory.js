'use strict';
// Resident memory of a process tree (n8n and its task runners) from /proc, Linux only.
//
// Per run: `reset()` clears each process's peak (writing 5 to /proc/<pid>/clear_refs sets VmHWM back to
// the current VmRSS) and returns the tree's current RSS (the idle level); `peak()` then gives the sum of
// the processes' VmHWM, i.e. the highest RSS each process reached since the reset. A sampler (every
// 50 ms) records the highest sum of VmRSS as a cross-check and as the fallback where clear_refs is not
// writable.

const fs = require('node:fs');

function readStatus(pid) {
	try {
		const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key) => {
			const m = new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
			return m ? Number(m[1]) : 0;
		};
		return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
	} catch {
		return null; // gone
	}
}

/** pid and every descendant (by parent pid), from one scan of /proc. */
function processTree(rootPid) {
	const children = new Map();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue;
		}
		// "pid (comm) state ppid …": comm may hold spaces and parentheses
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		if (!children.has(ppid)) children.set(ppid, []);
		children.get(ppid).push(Number(name));
	}
	const out = [];
	const queue = [rootPid];
	while (queue.length) {
		const pid = queue.shift();
		out.push(pid);
		queue.push(...(children.get(pid) || []));
	}
	return out;
}

class TreeMemory {
	constructor(rootPid, { intervalMs = 50 } = {}) {
		this.rootPid = rootPid;
		this.intervalMs = intervalMs;
		this.pids = processTree(rootPid);
		this.timer = null;
		this.sampledMaxKb = 0;
		this.clearRefsWorks = true;
	}

	/** Sum of VmRSS over the tree, in kB. */
	rssKb() {
		let sum = 0;
		for (const pid of this.pids) sum += readStatus(pid)?.rss || 0;
		return sum;
	}

	/** Resets every process's peak and starts sampling; returns the idle RSS (kB). */
	reset() {
		this.pids = processTree(this.rootPid);
		for (const pid of this.pids) {
			try {
				fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
			} catch {
				this.clearRefsWorks = false;
			}
		}
		const idle = this.rssKb();
		this.sampledMaxKb = idle;
		let ticks = 0;
		this.timer = setInterval(() => {
			// new processes (a task runner started by the run) join the tree
			if (++ticks % 20 === 0) this.pids = [...new Set([...this.pids, ...processTree(this.rootPid)])];
			this.sampledMaxKb = Math.max(this.sampledMaxKb, this.rssKb());
		}, this.intervalMs);
		this.timer.unref();
		return idle;
	}

	/** Stops sampling; returns { peakKb, sampledKb }: the tree's peak since reset() (VmHWM sum, or sampled). */
	stop() {
		clearInterval(this.timer);
		this.timer = null;
		this.pids = [...new Set([...this.pids, ...processTree(this.rootPid)])];
		const now = this.rssKb();
		this.sampledMaxKb = Math.max(this.sampledMaxKb, now);
		let hwm = 0;
		for (const pid of this.pids) hwm += readStatus(pid)?.hwm || 0;
		return { peakKb: this.clearRefsWorks ? Math.max(hwm, this.sampledMaxKb) : this.sampledMaxKb, sampledKb: this.sampledMaxKb, hwmKb: hwm };
	}
}

/** The processes of the tree: [{ pid, command, rssMb }]. */
function describeTree(rootPid) {
	return processTree(rootPid).map((pid) => {
		let command = '';
		try {
			command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).map((a) => a.split('/').slice(-2).join('/')).join(' ');
		} catch {
			/* gone */
		}
		return { pid, command: command.slice(0, 160), rssMb: Math.round((readStatus(pid)?.rss || 0) / 1024) };
	});
}

module.exports = { TreeMemory, processTree, readStatus, describeTree };
