#!/usr/bin/env node
'use strict';
// The editor check: this package in a real n8n, looked at in a real browser (Debian's chromium through
// playwright-core), as a new user would.
//
//   node test/editor/run-editor.js [--filter=<text>[|<text>…]] [--verbose]
//
// It starts the vendors' mocks and n8n with the packed package (the e2e suite's session), creates one
// credential per credential type pointing at the mocks, and one workflow per node. Then, for every node, it
// opens the node, switches through every resource and operation, opens every dropdown and resource-locator
// list (a required one gets its first value, so the lists that depend on it load), reads the issues n8n marks
// on the parameters, and fetches the output schema the editor asks for. It also opens every credential
// type's "new credential" dialog and a node's list without a credential. A test fails on a console or page
// error, an HTTP error answer of n8n, an empty dropdown or list, a missing icon or output schema, or an issue
// on a parameter that may be left as it is. A screenshot per operation goes to test/editor/screenshots/.
// Prints `ok` / `not ok` per test; writes {"passed":N,"failed":M} to $ESIGN_EDITOR_SUMMARY when set.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { assert, formatMs, runSuite } = require('../e2e/lib/framework');
const { PACKAGE_NAME } = require('../e2e/lib/workflow');
const { launch, signedInPage } = require('./browser');
const { startStack } = require('./stack');
const walk = require('./walk');

const SHOTS = path.join(__dirname, 'screenshots');
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function parseArgs(argv) {
	const args = { filter: process.env.ESIGN_EDITOR_FILTER || '', verbose: false };
	for (const a of argv) {
		if (a.startsWith('--filter=')) args.filter = a.slice('--filter='.length);
		else if (a === '--verbose') args.verbose = true;
		else throw new Error(`unknown argument ${a}`);
	}
	return args;
}

/** Our node types as the editor gets them, newest version of each. */
function ourNodeTypes(all) {
	const byName = new Map();
	// n8n derives a "<Node> Tool" type from every usableAsTool node: same description, not walked twice
	for (const t of all.filter((n) => n.name.startsWith(`${PACKAGE_NAME}.`) && !n.name.endsWith('Tool'))) {
		const v = Math.max(...[].concat(t.version));
		if (!byName.has(t.name) || Math.max(...[].concat(byName.get(t.name).version)) < v) byName.set(t.name, t);
	}
	return [...byName.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const shows = (prop, values) =>
	Object.entries(prop.displayOptions?.show ?? {}).every(([key, allowed]) => !(key in values) || allowed.includes(values[key]));

/** The property named `name` that the current resource/operation shows. */
function propertyOf(type, name, values) {
	return type.properties.find((p) => p.name === name && shows(p, values));
}

/** The credential a node shows with its default authentication, from the stack's credentials. */
function defaultCredential(type, credentials) {
	const auth = type.properties.find((p) => p.name === 'authentication');
	const values = auth ? { authentication: auth.default } : {};
	const cred = (type.credentials ?? []).find((c) => shows(c, values));
	return cred && credentials[cred.name] ? { [cred.name]: credentials[cred.name] } : undefined;
}

/** resource/operation pairs of an action node (operation display names), or [null] for a node without them. */
function operationsOf(type) {
	const resource = type.properties.find((p) => p.name === 'resource');
	if (!resource) return [null];
	const out = [];
	for (const r of resource.options.filter((o) => o.value !== CUSTOM_API_CALL)) {
		const op = type.properties.find((p) => p.name === 'operation' && shows(p, { resource: r.value }));
		for (const o of (op?.options ?? []).filter((x) => x.value !== CUSTOM_API_CALL)) out.push({ resource: r, operation: o });
	}
	return out;
}

async function createWorkflow(rest, name, type, credentials, parameters = {}) {
	const nodeId = crypto.randomUUID();
	const node = { id: nodeId, name: type.defaults?.name ?? type.displayName, type: type.name, typeVersion: Math.max(...[].concat(type.version)), position: [0, 0], parameters };
	if (credentials) node.credentials = credentials;
	const wf = await rest.post('/rest/workflows', { name: `[editor] ${name}`, nodes: [node], connections: {}, settings: { executionOrder: 'v1' }, active: false });
	return { workflowId: wf.id, nodeId };
}

const fileName = (text) => text.replace(/[^\w.-]+/g, '-');

/** Opens every dropdown and list on the page; returns the problems found. */
async function checkParameters(page, type, values) {
	const problems = [];
	for (const param of await walk.visibleParameters(page)) {
		const prop = propertyOf(type, param.name, values);
		if (param.kind === 'locator') {
			const state = await walk.openLocator(page, param.name, { pick: true });
			if (state.items && state.items.length === 0) problems.push(`the list of "${param.name}" is empty: ${state.text || 'no items'}`);
			continue;
		}
		const container = page.locator(`${walk.NDV} [data-test-id=parameter-input-${param.name}]`);
		const state = await walk.openSelect(page, container);
		if (!state.open) problems.push(`the dropdown "${param.name}" did not open`);
		else if (state.items.length === 0) problems.push(`the dropdown "${param.name}" is empty: ${state.emptyText || state.text || 'no options'}`);
		const current = await container.locator('input').first().inputValue().catch(() => '');
		if (param.kind === 'select' && prop?.required && prop.typeOptions?.loadOptionsMethod && !current && state.items.length) {
			await walk.chooseOpen(page, state.items[0]);
		} else {
			await walk.closeOpen(page);
		}
	}
	// an issue on a required parameter is the editor asking for a value; only the others are read
	const optional = (param) => !propertyOf(type, param.split('.')[0], values)?.required;
	for (const { param, messages } of await walk.parameterIssues(page, optional)) {
		const prop = propertyOf(type, param.split('.')[0], values);
		for (const line of messages.split('\n').map((l) => l.trim()).filter(Boolean)) {
			const expected = /is required|^Not a valid/i.test(line) || (/is not supported/.test(line) && prop?.required);
			if (!expected) problems.push(`parameter "${param}" shows the issue: ${line}`);
		}
	}
	return problems;
}

/** The schema the editor asks for to show an operation's output before a run (GET /schemas/...). */
async function checkSchema(page, baseUrl, type, resource, operation) {
	const version = String(Math.max(...[].concat(type.version))).split('.').concat(['0', '0']).slice(0, 3).join('.');
	const url = `${baseUrl}/schemas/${type.name}/${version}/${resource}/${operation}.json`;
	const res = await page.request.get(url);
	if (res.status() !== 200) return [`no output schema: GET ${url.slice(baseUrl.length)} → ${res.status()}`];
	const schema = await res.json().catch(() => null);
	if (!schema || schema.type !== 'object' || !schema.properties || !Object.keys(schema.properties).length) {
		return [`the output schema ${url.slice(baseUrl.length)} is not an object schema with properties`];
	}
	return [];
}

/** The node's icon shows in the NDV, and both its light and dark files are served. */
async function iconProblems(page, baseUrl, type) {
	const problems = [];
	const broken = await page.evaluate(
		(sel) => [...document.querySelectorAll(`${sel} img`)].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src),
		walk.NDV,
	);
	for (const src of broken) problems.push(`broken icon image ${src}`);
	const urls = typeof type.iconUrl === 'string' ? { light: type.iconUrl } : (type.iconUrl ?? {});
	if (!urls.light || !urls.dark) problems.push(`no light and dark icon: ${JSON.stringify(type.iconUrl ?? type.icon)}`);
	for (const [theme, u] of Object.entries(urls)) {
		const res = await page.request.get(`${baseUrl}/${u}`);
		const body = res.status() === 200 ? await res.text() : '';
		if (res.status() !== 200 || !body.includes('<svg')) problems.push(`${theme} icon ${u} → HTTP ${res.status()}`);
	}
	return problems;
}

async function main(reporter, argv = process.argv.slice(2)) {
	const args = parseArgs(argv);
	// `--filter=a|b`: the tests whose names contain a or b
	const filters = args.filter.toLowerCase().split('|').filter(Boolean);
	const wanted = (name) => !filters.length || filters.some((f) => name.toLowerCase().includes(f));
	let stack;
	let browser;
	try {
		const t = Date.now();
		stack = await startStack({ verbose: args.verbose });
		reporter.note(`n8n with the package and mocks ready in ${formatMs(Date.now() - t)} on ${stack.server.url}`);
		const { rest } = stack;
		const baseUrl = stack.server.url.replace(/\/+$/, '');
		browser = await launch();
		const light = await signedInPage(browser, baseUrl, { theme: 'light' });
		const dark = await signedInPage(browser, baseUrl, { theme: 'dark' });
		fs.rmSync(SHOTS, { recursive: true, force: true });
		fs.mkdirSync(SHOTS, { recursive: true });
		const { page, take } = light;
		take();
		dark.take();
		const types = ourNodeTypes(stack.nodeTypes);
		assert.ok(types.length > 0, 'n8n serves none of our node types');
		// first, before any credential exists (n8n would pick an existing one for the node)
		if (wanted('editor › without a credential')) await checkWithoutCredential(reporter, light, baseUrl, rest, types);
		await stack.createCredentials();

		const darkShown = new Set();
		for (const type of types) {
			const label = `editor › ${type.displayName}`;
			const ops = operationsOf(type).filter((o) => wanted(`${label}${o ? ` › ${o.resource.name} › ${o.operation.name}` : ''}`));
			if (!ops.length) continue;
			const { workflowId, nodeId } = await createWorkflow(rest, type.displayName, type, defaultCredential(type, stack.credentials));
			const opened = await reporter.test(`${label}: opens, its icon shows (light and dark)`, async () => {
				await walk.openNode(page, baseUrl, workflowId, nodeId);
				await page.screenshot({ path: path.join(SHOTS, `${fileName(type.displayName)}.light.png`) });
				const darkIcon = JSON.stringify(type.iconUrl);
				if (!darkShown.has(darkIcon)) {
					darkShown.add(darkIcon);
					await walk.openNode(dark.page, baseUrl, workflowId, nodeId);
					await dark.page.screenshot({ path: path.join(SHOTS, `${fileName(type.displayName)}.dark.png`) });
				}
				const problems = [...(await iconProblems(page, baseUrl, type)), ...take(), ...dark.take()];
				assert.deepEqual(problems, [], 'problems');
			});
			if (!opened) continue;
			for (const op of ops) {
				const name = op ? `${label} › ${op.resource.name} › ${op.operation.name}` : `${label} › parameters`;
				await reporter.test(
					name,
					async () => {
						const values = op ? { resource: op.resource.value, operation: op.operation.value } : {};
						if (op) {
							await walk.choose(page, 'resource', op.resource.name);
							await walk.choose(page, 'operation', op.operation.name);
							await page.waitForTimeout(300);
						}
						const problems = await checkParameters(page, type, values);
						if (op) problems.push(...(await checkSchema(page, baseUrl, type, op.resource.value, op.operation.value)));
						await page.screenshot({ path: path.join(SHOTS, `${fileName(name.replace('editor › ', ''))}.png`) });
						problems.push(...take());
						assert.deepEqual(problems, [], 'problems');
					},
					{ timeoutMs: 90000 },
				);
			}
		}

		if (wanted('editor › credential dialogs')) {
			await checkCredentialDialogs(reporter, light, baseUrl, stack);
		}
		if (wanted('editor › credential choice')) await checkCredentialChoice(reporter, light, baseUrl, stack, types);
		return reporter.failed === 0 ? 0 : 1;
	} catch (error) {
		reporter.notOk('editor check', error);
		return 1;
	} finally {
		if (browser) await browser.close().catch(() => {});
		if (stack) await stack.close().catch((error) => reporter.notOk('cleanup', error));
	}
}

/** Every credential type of our nodes: the "new credential" dialog opens without errors, with its fields. */
async function checkCredentialDialogs(reporter, { page, take }, baseUrl, stack) {
	const credentialTypes = await stack.rest.get('/types/credentials.json');
	const ours = new Set(ourNodeTypes(stack.nodeTypes).flatMap((t) => (t.credentials ?? []).map((c) => c.name)));
	// leave the last workflow with a full load: n8n's router throws when it goes from an open NDV to the credentials
	await page.goto(`${baseUrl}/home/credentials`);
	take();
	for (const type of credentialTypes.filter((c) => ours.has(c.name))) {
		await reporter.test(`editor › credential dialogs › ${type.displayName}: opens with its fields and icon`, async () => {
			take();
			await walk.navigate(page, baseUrl, '/home/credentials/create');
			await page.locator('[data-test-id=new-credential-type-select] input').first().click();
			await page.keyboard.type(type.displayName);
			await page
				.locator('[data-test-id=new-credential-type-select-option]:visible')
				.filter({ hasText: new RegExp(`^\\s*${type.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
				.first()
				.click();
			await page.locator('[data-test-id=new-credential-type-button]').click();
			await page.waitForSelector('[data-test-id=credential-edit-dialog]');
			await page.waitForTimeout(500);
			const fields = await page.locator('[data-test-id=credential-edit-dialog] [data-test-id^=parameter-input-]:visible').count();
			const broken = await page.evaluate(() =>
				[...document.querySelectorAll('[data-test-id=editCredential-modal] img')].filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src),
			);
			await page.screenshot({ path: path.join(SHOTS, `credential-${fileName(type.displayName)}.png`) });
			const problems = [...broken.map((src) => `broken icon ${src}`), ...take()];
			assert.ok(fields > 0, 'the dialog shows no fields');
			assert.deepEqual(problems, [], 'problems');
		});
	}
}

/**
 * A node with an Authentication parameter: its Credential field offers a credential of each kind (the editor
 * shows no Authentication field; picking the credential is the choice).
 */
async function checkCredentialChoice(reporter, { page, take }, baseUrl, stack, types) {
	for (const type of types.filter((t) => t.properties.some((p) => p.name === 'authentication'))) {
		const kinds = (type.credentials ?? []).filter((c) => c.displayOptions?.show?.authentication).map((c) => c.name);
		await reporter.test(`editor › credential choice › ${type.displayName}: the Credential field offers ${kinds.join(' and ')}`, async () => {
			const { workflowId, nodeId } = await createWorkflow(stack.rest, `${type.displayName} credentials`, type, defaultCredential(type, stack.credentials));
			take();
			await walk.openNode(page, baseUrl, workflowId, nodeId);
			const state = await walk.openSelect(page, page.locator(`${walk.NDV} [data-test-id=node-credentials-select]`));
			await walk.closeOpen(page);
			const offered = state.text ?? '';
			const missing = kinds.filter((k) => !offered.includes(stack.credentials[k].name));
			assert.deepEqual(missing, [], `the Credential field offered: ${offered}`);
			assert.deepEqual(take(), [], 'problems');
		});
	}
}

/**
 * Before a credential is chosen: n8n disables a dropdown ("Set up credential to see options") and its list
 * shows "Add your credential"; what the node answers to the editor's requests meanwhile (n8n makes any error
 * an HTTP 500) must say to add a credential, not be n8n's internal error.
 */
async function checkWithoutCredential(reporter, { page, take }, baseUrl, rest, types) {
	const type = types.find((t) => t.name.endsWith('.docuSignAdmin'));
	await reporter.test('editor › without a credential: the lists ask for a credential; the node answers "Add a DocuSign credential"', async () => {
		const { workflowId, nodeId } = await createWorkflow(rest, 'without a credential', type, undefined, { resource: 'user', operation: 'get' });
		take();
		const answered = page.waitForResponse((r) => r.url().includes('/rest/dynamic-node-parameters/'), { timeout: 20000 });
		await walk.openNode(page, baseUrl, workflowId, nodeId);
		await answered;
		const organization = await page.locator(`${walk.NDV} [data-test-id=parameter-input-organization] input`).first().inputValue();
		await walk.openLocator(page, 'user', { pick: false });
		const userItem = page.locator(`${walk.NDV} [data-test-id=parameter-item]`, { has: page.locator('[data-test-id=resource-locator-user]') });
		const userText = await userItem.innerText();
		await page.screenshot({ path: path.join(SHOTS, 'without-credential.png') });
		const problems = take();
		assert.equal(organization, 'Set up credential to see options', 'n8n disables the Organization dropdown');
		assert.match(userText, /Add your credential/, 'the User list asks for a credential');
		const answers = problems.filter((p) => p.startsWith('HTTP '));
		const unexpected = problems.filter((p) => !p.startsWith('HTTP ') && !/Failed to load resource: the server responded with a status of 500/.test(p));
		assert.ok(answers.length > 0, 'the editor asked the node for a list');
		assert.deepEqual(answers.filter((p) => !p.includes('Add a DocuSign credential to load the list')), [], 'answers without the message');
		assert.deepEqual(unexpected, [], 'other problems');
	});
}

if (require.main === module) runSuite(main, { name: 'editor check', summaryVar: 'ESIGN_EDITOR_SUMMARY' });

module.exports = { main };
