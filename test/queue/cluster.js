'use strict';
// n8n in queue mode on this machine: Postgres and Redis (services.js), the pinned n8n as main (`n8n start`), two
// workers (`n8n worker`) and one webhook processor (`n8n webhook`), each with its own user folder holding the packed
// package, all sharing one database, one Redis and one encryption key. Everything is torn down by close(), on exit,
// and on SIGINT/SIGTERM.

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const rt = require('../../scripts/n8n-runtime');
const toolchain = require('../../scripts/toolchain');
const { RestClient } = require('../e2e/lib/rest');
const services = require('./services');

const WORKER_CONCURRENCY = 10;

/** One n8n process of the cluster: its role, handle, output, and the execution ids a worker started. */
class Member {
	constructor(role, env) {
		this.role = role;
		this.env = env;
		this.handle = null;
		this.output = '';
		this.started = new Set();
	}

	get url() {
		return `http://127.0.0.1:${this.env.N8N_PORT}`;
	}

	onOutput(text) {
		this.output += text;
		for (const m of text.matchAll(/Worker started execution (\d+)/g)) this.started.add(m[1]);
	}
}

class Cluster {
	constructor({ root, runtime, tarball, verbose }) {
		Object.assign(this, { root, runtime, tarball, verbose });
		this.members = [];
		this.db = null;
		this.redis = null;
		this.pg = null;
		this.encryptionKey = crypto.randomBytes(24).toString('base64');
	}

	/** Builds (when stale) and packs the package, starts Postgres and Redis. n8n processes start with start(). */
	static async create({ verbose = false } = {}) {
		services.ensureInstalled();
		const runtime = rt.ensureN8n();
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-queue-'));
		const env = toolchain.node24Env();
		if (!fs.existsSync(path.join(toolchain.ROOT, 'dist'))) rt.buildPackage({ env });
		const tarball = process.env.ESIGN_E2E_TARBALL || rt.packPackage(path.join(root, 'pack'), { env });
		const cluster = new Cluster({ root, runtime, tarball, verbose });
		cluster.db = await services.startPostgres(root);
		cluster.redis = await services.startRedis(root);
		const { Client } = require(path.join(runtime.dir, 'node_modules', 'pg'));
		cluster.pg = new Client({ host: cluster.db.host, port: cluster.db.port, user: cluster.db.user, database: cluster.db.database });
		await cluster.pg.connect();
		return cluster;
	}

	async memberEnv(role) {
		const userFolder = path.join(this.root, role);
		rt.installPackage(userFolder, this.tarball);
		const [port, brokerPort, healthPort] = await rt.freePorts(3);
		return rt.n8nEnv({
			userFolder,
			port,
			brokerPort,
			extra: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: this.db.host,
				DB_POSTGRESDB_PORT: String(this.db.port),
				DB_POSTGRESDB_DATABASE: this.db.database,
				DB_POSTGRESDB_USER: this.db.user,
				DB_POSTGRESDB_PASSWORD: '',
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: this.redis.host,
				QUEUE_BULL_REDIS_PORT: String(this.redis.port),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_ENCRYPTION_KEY: this.encryptionKey,
				EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
				EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			},
		});
	}

	/** Starts main (owner set up, REST client logged in), the workers and the webhook processor. */
	async start({ workers = 2 } = {}) {
		this.main = new Member('main', await this.memberEnv('main'));
		this.members.push(this.main);
		await this.startMain();
		const others = [];
		for (let i = 1; i <= workers; i++) others.push(new Member(`worker${i}`, await this.memberEnv(`worker${i}`)));
		this.webhook = new Member('webhook', await this.memberEnv('webhook'));
		others.push(this.webhook);
		this.members.push(...others);
		// one at a time: n8n's start is CPU-bound, and two starting at once on 2 cores are no faster
		for (const m of others) await this.startOther(m, m === this.webhook ? ['webhook'] : ['worker', `--concurrency=${WORKER_CONCURRENCY}`]);
		this.workers = others.filter((m) => m.role.startsWith('worker'));
	}

	async startMain() {
		const m = this.main;
		m.handle = await rt.startN8n(this.runtime, m.env, { onOutput: (t) => this.echo(m, t) });
		this.rest = new RestClient(m.url);
		await this.rest.login();
	}

	async startOther(m, args) {
		const { child, exited } = rt.spawnN8n(this.runtime, m.env, args);
		m.handle = { child, exited, pid: child.pid };
		child.stdout.on('data', (d) => this.echo(m, rt.stripAnsi(String(d))));
		child.stderr.on('data', (d) => this.echo(m, rt.stripAnsi(String(d))));
		let gone = null;
		exited.then((info) => (gone = info));
		const port = args[0] === 'webhook' ? m.env.N8N_PORT : m.env.QUEUE_HEALTH_CHECK_PORT;
		const until = Date.now() + 180000;
		for (;;) {
			if (gone) throw new Error(`n8n ${args[0]} exited (${gone.code ?? gone.signal}):\n${m.output.slice(-3000)}`);
			if (Date.now() > until) throw new Error(`n8n ${args[0]} was not ready in 180 s:\n${m.output.slice(-3000)}`);
			const res = await rt.httpGet(`http://127.0.0.1:${port}/healthz/readiness`);
			if (res.status === 200) break;
			await rt.sleep(500);
		}
	}

	echo(member, text) {
		member.onOutput(text);
		if (this.verbose) process.stderr.write(text.replace(/^(?=.)/gm, `[${member.role}] `));
	}

	/** Stops main (SIGTERM) and starts it again on the same port and database. */
	async restartMain() {
		await rt.stopN8n(this.main.handle, { timeoutMs: 30000 });
		await this.startMain();
	}

	/** Creates a credential through main's REST API; returns { id, name }. */
	async credential(type, data, name = `[queue] ${type}`) {
		const created = await this.rest.post('/rest/credentials', { name, type, data });
		return { id: created.id, name: created.name };
	}

	/** Creates and publishes (activates) a workflow through main's REST API; returns its id. */
	async publish(workflow) {
		const created = await this.rest.post('/rest/workflows', { settings: { executionOrder: 'v1' }, ...workflow });
		await this.rest.post(`/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
		// n8n registers the webhooks a moment after the call returns (an outbox): wait for them in the database
		const webhooks = workflow.nodes.filter((n) => n.webhookId).length;
		const until = Date.now() + 60000;
		while (webhooks) {
			const { rows } = await this.pg.query('select count(*)::int as n from webhook_entity where "workflowId" = $1', [created.id]);
			if (rows[0].n > 0) break;
			if (Date.now() > until) throw new Error(`the webhooks of workflow ${created.id} were not registered in 60 s`);
			await rt.sleep(500);
		}
		return created.id;
	}

	async unpublish(id) {
		await this.rest.post(`/rest/workflows/${id}/deactivate`, {});
	}

	/** Executions of a workflow from the database: [{ id, status, finished, mode }], oldest first. */
	async executions(workflowId) {
		const { rows } = await this.pg.query(
			'select id::text as id, status, finished, mode from execution_entity where "workflowId" = $1 order by id',
			[workflowId],
		);
		return rows;
	}

	/** One execution's run data (IRunExecutionData), parsed from n8n's flatted format. */
	async runData(executionId) {
		const { rows } = await this.pg.query('select data from execution_data where "executionId" = $1', [executionId]);
		if (!rows.length) return null;
		const flatted = require(path.join(this.runtime.dir, 'node_modules', 'flatted'));
		return flatted.parse(rows[0].data);
	}

	/** The workflow's static data as stored now. */
	async staticData(workflowId) {
		const { rows } = await this.pg.query('select "staticData" as s from workflow_entity where id = $1', [workflowId]);
		return rows[0]?.s ?? null;
	}

	/** Which member ran an execution: the worker that logged it, else main. */
	ranOn(executionId) {
		return (this.workers || []).find((w) => w.started.has(String(executionId)))?.role ?? 'main';
	}

	async close({ keep = false } = {}) {
		await Promise.allSettled(
			this.members.filter((m) => m.handle).map((m) => rt.stopN8n(m.handle, { timeoutMs: 20000 })),
		);
		if (this.pg) await this.pg.end().catch(() => {});
		this.redis?.stop();
		this.db?.stop();
		if (!keep) fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
	}
}

module.exports = { Cluster, WORKER_CONCURRENCY };
