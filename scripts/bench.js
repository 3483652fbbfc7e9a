'use strict';
// `npm run bench`: our nodes against n8n's own HTTP Request node, in a real n8n (the pinned one of
// scripts/n8n-runtime.js, the packed package installed as a community package, as the e2e suite does),
// over the vendor mocks of test/mocks with a fixed added latency per request.
//
//   node scripts/run.js bench [--runs=3] [--users=10000] [--gets=1000] [--invites=1000] [--latency=20]
//                             [--rows=<id or text>,…] [--memory] [--fresh|--no-fresh] [--out=bench/results.json]
//                             [--max-minutes=25] [--timeout=300] [--keep] [--verbose] [--list]
//
// Every row is one workflow, Webhook (POST, responds when the last node finishes) → nodes, published in
// one `n8n start` (with --fresh, a new n8n process before every run). A warm-up workflow first runs every
// node type once. A run POSTs to the webhook and measures, per row: the requests the vendor mock got
// (token requests apart), the wall time of the webhook call, that time above n8n's fixed cost (the
// Webhook → No Operation row), the peak RSS of the n8n process tree above its level just before the
// run, and the size of the last node's output items as JSON. Rounds run every row once, in order; the
// table shows the medians of the rounds. Everything listens on 127.0.0.1; the run stops by itself
// (--max-minutes, and a timeout per webhook call).

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const toolchain = require('./toolchain');
const rt = require('./n8n-runtime');
const { N8nSession } = require('../test/e2e/lib/session');
const { chainWorkflow, executionResult } = require('../test/e2e/lib/workflow');
const { startBoldSignMock } = require('../test/mocks/boldsign');
const { startDocuSignMock } = require('../test/mocks/docusign');
const seeds = require('./bench/seeds');
const { buildRows, warmUpRow } = require('./bench/rows');
const { TreeMemory, describeTree } = require('./bench/memory');

const BS_KEY = 'bench-boldsign-key';
const DS_SCOPES = 'signature impersonation user_read user_write organization_read account_read group_read permission_read';
/** Rows of the memory run (--memory): lists at the largest page size; the default page sizes would take 10,000 requests. */
const MEMORY_ROWS = ['fixed-noop', 'bs-list-ours', 'bs-list-http-100', 'bs-list-http-100-split', 'ds-list-ours', 'ds-list-http-100', 'ds-list-http-100-split'];

function log(msg) {
	process.stderr.write(`[bench] ${msg}\n`);
}

function usage() {
	return [
		'usage: node scripts/run.js bench [options]',
		'  --runs=N          rounds; the table shows medians (default 3; 1 with --memory)',
		'  --users=N         users seeded into each vendor mock for the list rows (default 10000; 100000 with --memory)',
		'  --gets=N          input items of the single-get rows (default 1000)',
		'  --invites=N       users invited by the invite row (default 1000)',
		'  --latency=MS      delay the mocks add to every response (default 20)',
		'  --rows=a,b        only rows whose id contains one of these texts (the fixed-cost row always runs)',
		'  --memory          memory run: 100,000 users, list rows at page size 100 only, --fresh, results to bench/results-memory.json',
		'  --fresh           a new n8n process before every run, so that RSS +MB is not hidden by memory earlier rows left',
		'                    committed (about 15 s more per run; default with --memory, --no-fresh turns it off)',
		'  --out=FILE        results JSON (default bench/results.json)',
		'  --max-minutes=M   stop starting runs after M minutes (default 25)',
		'  --timeout=S       timeout of one webhook call in seconds (default 300)',
		'  --keep            keep the temporary n8n folder; --verbose echoes n8n\'s output; --list lists the rows',
	].join('\n');
}

function parseArgs(argv) {
	const o = { fresh: undefined, runs: undefined, users: undefined, gets: 1000, invites: 1000, latency: 20, rows: [], memory: false, out: undefined, maxMinutes: 25, timeoutS: 300, keep: false, verbose: false, list: false };
	const int = (name, v, min = 0) => {
		const n = Number(v);
		if (!Number.isInteger(n) || n < min) throw new Error(`--${name} needs an integer ≥ ${min}, got "${v}"`);
		return n;
	};
	for (const a of argv) {
		const [key, value] = a.startsWith('--') ? [a.slice(2).split('=')[0], a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined] : [a, undefined];
		switch (key) {
			case 'runs': o.runs = int(key, value, 1); break;
			case 'users': o.users = int(key, value, 1); break;
			case 'gets': o.gets = int(key, value, 1); break;
			case 'invites': o.invites = int(key, value, 1); break;
			case 'latency': o.latency = int(key, value, 0); break;
			case 'rows': o.rows = String(value || '').split(',').map((s) => s.trim()).filter(Boolean); break;
			case 'memory': o.memory = true; break;
			case 'fresh': o.fresh = true; break;
			case 'no-fresh': o.fresh = false; break;
			case 'out': o.out = value; break;
			case 'max-minutes': o.maxMinutes = int(key, value, 1); break;
			case 'timeout': o.timeoutS = int(key, value, 1); break;
			case 'keep': o.keep = true; break;
			case 'verbose': o.verbose = true; break;
			case 'list': o.list = true; break;
			case 'help': case 'h': o.help = true; break;
			default: throw new Error(`unknown argument ${a}\n${usage()}`);
		}
	}
	o.runs = o.runs ?? (o.memory ? 1 : 3);
	o.fresh = o.fresh ?? o.memory;
	o.users = o.users ?? (o.memory ? 100000 : 10000);
	o.out = path.resolve(toolchain.ROOT, o.out || (o.memory ? 'bench/results-memory.json' : 'bench/results.json'));
	return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function median(values) {
	const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (!v.length) return null;
	const mid = Math.floor(v.length / 2);
	return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** POSTs JSON to a URL; resolves { status, body, ms }. */
function postJson(url, payload, timeoutMs) {
	const data = Buffer.from(JSON.stringify(payload ?? {}));
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const req = http.request(
			url,
			{ method: 'POST', timeout: timeoutMs, agent: false, headers: { 'content-type': 'application/json', 'content-length': data.length } },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (body += d));
				res.on('end', () => resolve({ status: res.statusCode, body, ms: performance.now() - started }));
			},
		);
		req.on('timeout', () => req.destroy(new Error(`POST ${url} timed out after ${timeoutMs / 1000} s`)));
		req.on('error', reject);
		req.end(data);
	});
}

/** A JWT-grant access token from the DocuSign mock, the way a user gets one for the HTTP Request node's header. */
async function docuSignToken(ds) {
	const form = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: ds.createAssertion() });
	const res = await fetch(`${ds.url}/oauth/token`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	const body = await res.json();
	if (!body.access_token) throw new Error(`the DocuSign mock gave no token: ${JSON.stringify(body)}`);
	return body.access_token;
}

/** Newest stored execution of a workflow numbered above `after`, once the run has finished (filesystem store). */
async function readExecution(session, workflowId, after, lastNode, timeoutMs = 120000) {
	const dir = path.join(session.userFolder, '.n8n', 'storage', 'workflows', workflowId, 'executions');
	const flatted = require(path.join(session.runtime.dir, 'node_modules', 'flatted'));
	const started = Date.now();
	for (;;) {
		const ids = fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => /^\d+$/.test(d) && Number(d) > Number(after || 0)).map(Number) : [];
		if (ids.length) {
			const id = String(Math.max(...ids));
			const file = path.join(dir, id, 'execution_data', 'bundle.json');
			try {
				const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
				const data = typeof bundle.data === 'string' ? flatted.parse(bundle.data) : bundle.data;
				const runData = data?.resultData?.runData || {};
				if (runData[lastNode] || data?.resultData?.error) {
					const result = executionResult(workflowId, { data });
					result.executionId = id;
					result.dir = path.join(dir, id);
					return result;
				}
			} catch {
				/* not written yet */
			}
		}
		if (Date.now() - started > timeoutMs) throw new Error(`no finished execution of workflow ${workflowId} was stored within ${timeoutMs / 1000} s`);
		await sleep(100);
	}
}

function lastExecutionNumber(session, workflowId) {
	const dir = path.join(session.userFolder, '.n8n', 'storage', 'workflows', workflowId, 'executions');
	if (!fs.existsSync(dir)) return 0;
	return Math.max(0, ...fs.readdirSync(dir).filter((d) => /^\d+$/.test(d)).map(Number));
}

function gitDescribe() {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: toolchain.ROOT, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials', 'package.json'], { cwd: toolchain.ROOT, encoding: 'utf8' }).trim();
		return dirty ? `${commit}+uncommitted` : commit;
	} catch {
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// Formatting

const fmtS = (ms) => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(2));
const fmtMb = (kb) => (kb === null || kb === undefined ? '–' : (kb / 1024).toFixed(0));
function fmtBytes(b) {
	if (b === null || b === undefined) return '–';
	if (b < 1024) return `${b} B`;
	if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KB`;
	return `${(b / 1024 / 1024).toFixed(2)} MB`;
}
const fmtInt = (n) => (n === null || n === undefined ? '–' : String(Math.round(n)));

function table(rows) {
	const head = ['row', 'requests', 'floor', 'tokens', 'wall s', 'above fixed s', 'RSS +MB', 'output JSON', 'items', 'mock CPU s', 'runs ok'];
	const body = rows.map((r) => [
		r.label,
		fmtInt(r.median.requests),
		fmtInt(r.floor),
		fmtInt(r.median.tokens),
		fmtS(r.median.wallMs),
		fmtS(r.median.aboveFixedMs),
		fmtMb(r.median.rssAboveIdleKb),
		fmtBytes(r.median.outputBytes),
		fmtInt(r.median.items),
		fmtS(r.median.benchCpuMs),
		`${r.runs.filter((x) => x.ok).length}/${r.runs.length}`,
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
	const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
	return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function run(opts) {
	const startedAt = Date.now();
	const loadAtStart = os.loadavg()[0];
	const deadline = startedAt + opts.maxMinutes * 60000;
	if (!fs.existsSync('/proc/self/status')) throw new Error('the benchmark reads memory from /proc: it runs on Linux only');

	// The mocks: the lists' users, and a separate BoldSign for invitations (so the lists keep N users).
	log(`seeding the mocks with ${opts.users} users each, ${opts.latency} ms added per request`);
	const mocks = {};
	const closeMocks = () => Promise.allSettled(Object.values(mocks).map((m) => m.close()));
	let session = null;
	const cleanup = async () => {
		await closeMocks();
		if (session) await session.close({ keep: opts.keep }).catch(() => {});
	};
	const onSignal = (signal) => {
		log(`${signal}: stopping n8n and the mocks`);
		cleanup().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	// the hard stop, should something hang past the deadline
	const hardStop = setTimeout(() => {
		log(`still running ${opts.maxMinutes + 5} minutes after the start: giving up`);
		cleanup().finally(() => process.exit(1));
	}, (opts.maxMinutes + 5) * 60000);
	hardStop.unref();

	try {
		mocks.bs = await startBoldSignMock({ apiKey: BS_KEY, seed: () => seeds.boldSignSeed(opts.users) });
		mocks.bsInvite = await startBoldSignMock({ apiKey: BS_KEY });
		// tokens that outlive any run, so the HTTP Request rows' header token (fetched once, below) stays valid
		mocks.ds = await startDocuSignMock({ seed: (o) => seeds.docuSignSeed(opts.users, o), tokenExpiresIn: 24 * 3600 });
		const dsToken = await docuSignToken(mocks.ds);
		for (const m of Object.values(mocks)) m.latencyMs = opts.latency;

		session = await N8nSession.create({ verbose: opts.verbose, root: fs.mkdtempSync(path.join(os.tmpdir(), 'esign-bench-')) });
		log(`n8n ${rt.N8N_VERSION} user folder: ${session.userFolder}`);

		const credentials = {
			bs: { id: 'BenchCred0000001', name: '[bench] BoldSign', type: 'boldSignApi', data: { region: 'custom', baseUrl: mocks.bs.url, apiKey: BS_KEY } },
			bsInvite: { id: 'BenchCred0000002', name: '[bench] BoldSign (invitations)', type: 'boldSignApi', data: { region: 'custom', baseUrl: mocks.bsInvite.url, apiKey: BS_KEY } },
			ds: {
				id: 'BenchCred0000003',
				name: '[bench] DocuSign JWT',
				type: 'docuSignJwtApi',
				data: {
					environment: 'custom',
					oauthBaseUrl: mocks.ds.url,
					adminBaseUrl: mocks.ds.adminBaseUrl,
					integrationKey: mocks.ds.integrationKey,
					userId: mocks.ds.userId,
					privateKey: mocks.ds.privateKeyPem,
					scopes: DS_SCOPES,
					redirectUri: 'https://n8n.example.com/rest/oauth2-credential/callback',
					accessToken: '',
				},
			},
			bsHeader: { id: 'BenchCred0000004', name: '[bench] BoldSign header', type: 'httpHeaderAuth', data: { name: 'X-API-KEY', value: BS_KEY } },
			dsHeader: { id: 'BenchCred0000005', name: '[bench] DocuSign bearer', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${dsToken}` } },
		};
		const ref = (c) => ({ id: c.id, name: c.name });
		const rowContext = {
			users: opts.users,
			gets: opts.gets,
			invites: opts.invites,
			mocks,
			creds: Object.fromEntries(Object.entries(credentials).map(([k, c]) => [k, ref(c)])),
			ids: { bs: seeds.boldSignUserIds(opts.users, opts.gets), ds: seeds.docuSignUserIds(opts.users, opts.gets) },
		};
		const allRows = buildRows(rowContext);
		const warm = warmUpRow(rowContext);
		const rows = allRows.filter((r) => {
			if (r.id === 'fixed-noop') return true;
			if (opts.rows.length) return opts.rows.some((w) => r.id.includes(w));
			return !opts.memory || MEMORY_ROWS.includes(r.id);
		});

		// node types (our package must be loaded), then credentials and workflows in one import each
		await session.exportNodes();
		for (const type of ['n8n-nodes-esign-users.boldSign', 'n8n-nodes-esign-users.docuSignAdmin']) {
			if (!session.nodeTypes.some((n) => n.name === type)) throw new Error(`n8n did not load ${type}:\n${session.loadLog.split('\n').slice(-20).join('\n')}`);
		}
		let seq = 0;
		for (const row of [warm, ...rows]) {
			row.workflowId = `BenchWflow${String(++seq).padStart(6, '0')}`;
			row.webhookPath = `bench-${row.id}`;
			row.lastNode = row.nodes[row.nodes.length - 1].name;
			row.workflow = chainWorkflow({
				id: row.workflowId,
				name: `[bench] ${row.label}`,
				nodes: row.nodes,
				versionOf: (type) => session.versionOf(type),
				trigger: {
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					webhookId: `b3c4e000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
					parameters: { httpMethod: 'POST', path: row.webhookPath, responseMode: 'lastNode', responseData: 'noData', options: {} },
				},
			});
		}
		await session.importCredentials(Object.values(credentials));
		await session.importWorkflows([warm, ...rows].map((r) => r.workflow));

		let server = await session.startServer();
		log(`n8n started in ${(server.startMs / 1000).toFixed(1)} s on ${server.url}; publishing ${rows.length + 1} workflows`);
		for (const row of [warm, ...rows]) {
			const wf = await server.rest.get(`/rest/workflows/${row.workflowId}`);
			await server.rest.post(`/rest/workflows/${row.workflowId}/activate`, { versionId: wf.versionId });
			row.url = `http://127.0.0.1:${server.port}/webhook/${row.webhookPath}`;
		}
		let memory = new TreeMemory(server.handle.pid);
		let unused = true; // no measured run on this n8n process yet
		/** --fresh: a new n8n process (the published workflows come back active), warmed up by the trivial workflow. */
		const restartN8n = async () => {
			const started = Date.now();
			await session.stopServer();
			server = await session.startServer();
			memory = new TreeMemory(server.handle.pid);
			await warmUp();
			unused = true;
			if (opts.verbose) log(`n8n restarted and warmed up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		};
		const warmUp = async () => {
			const r = await runOne(warm, 0, { warmUp: true });
			if (!r.ok) throw new Error(`the warm-up workflow failed: ${r.error}`);
		};
		const runOne = async (row, run, { warmUp: warming = false } = {}) => {
			if (opts.fresh && !warming && !unused) await restartN8n();
			if (!warming) unused = false;
			const mock = row.mock ? mocks[row.mock] : null;
			if (mock) mock.requests.length = 0;
			const after = lastExecutionNumber(session, row.workflowId);
			const payload = row.body ? row.body(run) : {};
			await sleep(opts.fresh ? 1500 : 500); // let n8n finish what the start or the previous run left (saving, pruning)
			const idleKb = memory.reset();
			const cpuBefore = process.cpuUsage();
			let response;
			let error = null;
			try {
				response = await postJson(row.url, payload, opts.timeoutS * 1000);
			} catch (e) {
				error = e.message;
			}
			const mem = memory.stop();
			const mockCpu = process.cpuUsage(cpuBefore);
			const requests = mock ? mock.requests.filter((r) => !/^\/oauth\/token$/i.test(r.path)).length : 0;
			const tokens = mock ? mock.requests.filter((r) => /^\/oauth\/token$/i.test(r.path)).length : 0;
			const out = {
				run,
				ok: false,
				wallMs: response ? Math.round(response.ms) : null,
				requests,
				tokens,
				idleKb,
				peakKb: mem.peakKb,
				rssAboveIdleKb: mem.peakKb - idleKb,
				sampledPeakAboveIdleKb: mem.sampledKb - idleKb,
				benchCpuMs: Math.round((mockCpu.user + mockCpu.system) / 1000),
				httpStatus: response ? response.status : null,
				items: null,
				outputBytes: null,
				error,
			};
			if (!error) {
				try {
					const result = await readExecution(session, row.workflowId, after, row.lastNode);
					const items = result.items(row.lastNode);
					out.items = items.length;
					out.outputBytes = Buffer.byteLength(JSON.stringify(items));
					out.executionId = result.executionId;
					if (result.status !== 'success') out.error = `execution ${result.status}: ${result.error && result.error.message}`;
					else if (response.status !== 200) out.error = `webhook answered ${response.status}: ${response.body.slice(0, 200)}`;
					else if (row.expectItems !== undefined && items.length !== row.expectItems) out.error = `${items.length} items, expected ${row.expectItems}`;
					else out.ok = true;
					// the stored execution is not needed any more (large lists make large bundles)
					fs.rmSync(result.dir, { recursive: true, force: true });
				} catch (e) {
					out.error = e.message.split('\n')[0];
				}
			}
			return out;
		};

		await warmUp();
		const idleStartKb = memory.rssKb();
		const n8nProcesses = describeTree(server.handle.pid);
		for (const row of rows) row.runs = [];
		let stoppedEarly = false;
		for (let round = 1; round <= opts.runs && !stoppedEarly; round++) {
			for (const row of rows) {
				if (Date.now() > deadline) {
					stoppedEarly = true;
					log(`--max-minutes=${opts.maxMinutes} reached: no more runs`);
					break;
				}
				const r = await runOne(row, round);
				row.runs.push(r);
				log(
					`round ${round}/${opts.runs} ${row.id}: ${fmtS(r.wallMs)} s, ${r.requests} requests${r.tokens ? ` + ${r.tokens} token` : ''}, ` +
						`RSS +${fmtMb(r.rssAboveIdleKb)} MB, ${r.items ?? '–'} items, ${fmtBytes(r.outputBytes)}${r.ok ? '' : ` — FAILED: ${r.error}`}`,
				);
			}
		}

		const fixedMs = median(rows[0].runs.filter((r) => r.ok).map((r) => r.wallMs));
		const results = rows.map((row) => {
			const ok = row.runs.filter((r) => r.ok);
			for (const r of row.runs) r.aboveFixedMs = r.wallMs !== null && fixedMs !== null ? r.wallMs - fixedMs : null;
			const m = (key) => median(ok.map((r) => r[key]));
			return {
				id: row.id,
				group: row.group,
				vendor: row.vendor,
				label: row.label,
				floor: row.floor,
				median: {
					requests: m('requests'),
					tokens: m('tokens'),
					wallMs: m('wallMs'),
					aboveFixedMs: m('aboveFixedMs'),
					rssAboveIdleKb: m('rssAboveIdleKb'),
					outputBytes: m('outputBytes'),
					items: m('items'),
					benchCpuMs: m('benchCpuMs'),
				},
				runs: row.runs.map(({ run, ok: good, ...rest }) => ({ run, ok: good, ...rest })),
			};
		});
		const meta = {
			date: new Date().toISOString(),
			commit: gitDescribe(),
			package: `${session.packageJson.name}@${session.packageJson.version}`,
			n8n: rt.N8N_VERSION,
			node: process.version,
			machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0] && os.cpus()[0].model, memoryMb: Math.round(os.totalmem() / 1048576) },
			users: opts.users,
			gets: opts.gets,
			invites: opts.invites,
			latencyMs: opts.latency,
			runs: opts.runs,
			memoryRun: opts.memory,
			freshN8nPerRun: opts.fresh,
			fixedCostMs: fixedMs,
			n8nIdleRssMb: Math.round(idleStartKb / 1024),
			n8nProcesses,
			// other work on the machine makes the wall times noisy: the 1-minute load average at the start and the end
			loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number(os.loadavg()[0].toFixed(2)) },
			// all JWT-grant token requests n8n made, warm-up included (the bench's own header token apart)
			docuSignTokenRequestsTotal: mocks.ds.tokenRequests.length - 1,
			stoppedEarly,
			benchSeconds: Math.round((Date.now() - startedAt) / 1000),
			notes: [
				'requests: API requests the vendor mock received during the run (token requests apart); floor: ceil(N / largest page) for lists, one per item for gets, ceil(invites / 100) users/create calls + one lookup per address for invitations',
				'tokens: DocuSign /oauth/token requests during the run (the JWT credential keeps its token between executions; the HTTP Request rows use a token fetched beforehand)',
				'wall: the webhook call (Webhook node, "When Last Node Finishes"); above fixed: wall minus the median wall of Webhook → No Operation',
				`RSS +MB: peak RSS of the n8n process tree during the run (sum of VmHWM after resetting it) minus its RSS just before the run; ${opts.fresh ? 'a fresh n8n process for every run' : 'one n8n process for all runs, so memory an earlier row left committed hides part of a later row\'s peak (see --fresh)'}`,
				'output JSON: JSON.stringify of the last node\'s output items, read from n8n\'s execution store',
				'invitations go to a second BoldSign mock with the default 25-user seed, new addresses each run',
				'mock CPU (benchCpuMs): CPU time of the benchmark process during the run, i.e. mostly the mocks answering; it shares the 2 cores with n8n and is part of the wall time',
			],
		};
		return { meta, rows: results };
	} finally {
		clearTimeout(hardStop);
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
		await cleanup();
		if (opts.keep && session) log(`kept ${session.root}`);
	}
}

/** Resolves the exit code; errors are printed, not thrown. */
async function main(argv = process.argv.slice(2)) {
	let opts;
	try {
		opts = parseArgs(argv);
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		return 2;
	}
	if (opts.help) {
		console.log(usage());
		return 0;
	}
	if (opts.list) {
		const fake = { url: 'http://127.0.0.1:0', adminBaseUrl: 'http://127.0.0.1:0/management' };
		const rows = buildRows({ users: opts.users, gets: opts.gets, invites: opts.invites, mocks: { bs: fake, bsInvite: fake, ds: fake }, creds: {}, ids: { bs: [], ds: [] } });
		for (const r of rows) console.log(`${r.id.padEnd(24)} ${r.label}${opts.memory && !MEMORY_ROWS.includes(r.id) ? '  (not in --memory)' : ''}`);
		return 0;
	}
	try {
		const results = await run(opts);
		console.log('');
		console.log(
			`n8n ${results.meta.n8n}, ${results.meta.users} users, ${results.meta.latencyMs} ms per request, medians of ${results.meta.runs} run(s); ` +
				`fixed cost ${fmtS(results.meta.fixedCostMs)} s, n8n idle RSS ${results.meta.n8nIdleRssMb} MB, ` +
				`load average ${results.meta.loadAverage.start} → ${results.meta.loadAverage.end} on ${results.meta.machine.cpus} CPUs`,
		);
		console.log(table(results.rows));
		fs.mkdirSync(path.dirname(opts.out), { recursive: true });
		fs.writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
		console.log(`\nresults: ${path.relative(process.cwd(), opts.out) || opts.out}`);
		const failed = results.rows.filter((r) => r.runs.some((x) => !x.ok));
		for (const r of failed) for (const x of r.runs.filter((y) => !y.ok)) console.log(`FAILED ${r.id} run ${x.run}: ${x.error}`);
		return failed.length || results.meta.stoppedEarly ? 1 : 0;
	} catch (error) {
		process.stderr.write(`[bench] ${error && error.stack ? error.stack : error}\n`);
		return 1;
	}
}

module.exports = { main, parseArgs, median };

if (require.main === module) {
	main().then((code) => process.exit(code));
}
