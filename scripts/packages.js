#!/usr/bin/env node
'use strict';
// One npm package per vendor, plus the bundle, assembled from the same sources and the same dist/ build:
//
//   node scripts/packages.js [--only=<key|name>,...] [--no-checks] [--no-load] [--n8n=2.41.0|1.x]
//
// For each package: checks that its sources import only their own folder, nodes/shared and n8n-workflow,
// writes build/packages/<name>/ (package.json from the root's and packages/<key>/package.json, README,
// CHANGELOG, LICENSE, index.js and its part of dist/), then (unless --no-checks) runs `n8n-node lint`
// (strict) on its sources, packs it, runs the lint rules of @n8n/scan-community-package on its sources and
// on the packed tarball, and loads the tarball in a real n8n (`n8n export:nodes`, test/e2e/run-e2e.js
// --load-only). Prints one `ok`/`not ok` line per package and `packages: N passed, M failed`.
// Runs under Node 24 (scripts/run.js packages re-executes itself there).

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const toolchain = require('./toolchain');

const ROOT = toolchain.ROOT;
const OUT = path.join(ROOT, 'build', 'packages');
const SCANNER = { name: '@n8n/scan-community-package', version: '0.32.0' };
/** Imports allowed outside a package's own files (the verified community node rules). */
const EXTERNAL_IMPORTS = new Set(['n8n-workflow', 'node:crypto']);

/** key: packages/<key>/ holds the templates; folder: nodes/<folder>/; credentials: file name prefix. */
const VENDORS = [
	{ key: 'boldsign', name: 'n8n-nodes-boldsign-users', folder: 'BoldSign', credentials: 'BoldSign' },
	{ key: 'docusign', name: 'n8n-nodes-docusign-admin', folder: 'DocuSignAdmin', credentials: 'DocuSign' },
	{ key: 'signnow', name: 'n8n-nodes-signnow-users', folder: 'SignNow', credentials: 'SignNow' },
	{ key: 'pandadoc', name: 'n8n-nodes-pandadoc-users', folder: 'PandaDoc', credentials: 'PandaDoc' },
];
const BUNDLE = { key: 'bundle', name: 'n8n-nodes-esign-users', folder: null, credentials: null };
const PACKAGES = [...VENDORS, BUNDLE];

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function walk(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? walk(p) : [p];
	});
}

const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');

/** The vendor of a vendor package's name ('n8n-nodes-boldsign-users' → boldsign); null for the bundle. */
function vendorOfPackage(name) {
	return VENDORS.find((v) => v.name === name) || null;
}

/** Source files (.ts, .json, icons) of a package, relative to the root. */
function sourceFiles(pkg) {
	const all = [...walk(path.join(ROOT, 'nodes')), ...walk(path.join(ROOT, 'credentials'))].map(rel);
	if (!pkg.folder) return all;
	return all.filter(
		(f) =>
			f.startsWith(`nodes/${pkg.folder}/`) ||
			f.startsWith('nodes/shared/') ||
			(f.startsWith('credentials/') && path.basename(f).startsWith(pkg.credentials)),
	);
}

/** Imports of the package's .ts files that leave the package: another vendor's folder, or a module besides n8n-workflow. */
function foreignImports(files, root = ROOT) {
	const own = new Set(files);
	const problems = [];
	for (const file of files.filter((f) => f.endsWith('.ts'))) {
		const text = fs.readFileSync(path.join(root, file), 'utf8');
		const imports = /^\s*(?:import|export)\s[^;'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;
		for (const m of text.matchAll(imports)) {
			const spec = m[1] || m[2] || m[3];
			if (!spec.startsWith('.')) {
				if (!EXTERNAL_IMPORTS.has(spec)) problems.push(`${file} imports ${spec}`);
				continue;
			}
			const base = path.posix.join(path.posix.dirname(file), spec);
			const found = [base, `${base}.ts`, `${base}/index.ts`].find((c) => own.has(c));
			if (!found) problems.push(`${file} imports ${spec} (${base}), which is not part of the package`);
		}
	}
	return problems;
}

/** The `n8n` section of a vendor package: the root's entries of its folder and credentials, once each. */
function n8nSection(rootPkg, pkg) {
	const unique = (list) => [...new Set(list)];
	const n8n = rootPkg.n8n;
	if (!pkg.folder) return { ...n8n, nodes: unique(n8n.nodes), credentials: unique(n8n.credentials) };
	return {
		n8nNodesApiVersion: n8n.n8nNodesApiVersion,
		strict: n8n.strict,
		credentials: unique(n8n.credentials.filter((f) => path.basename(f).startsWith(pkg.credentials))),
		nodes: unique(n8n.nodes.filter((f) => f.startsWith(`dist/nodes/${pkg.folder}/`))),
	};
}

/** Node and credential files in dist/ that the package would ship but its `n8n` section does not list. */
function unlisted(section, distFiles) {
	const listed = new Set([...section.nodes, ...section.credentials]);
	return distFiles.filter((f) => /\.(node|credentials)\.js$/.test(f) && !listed.has(f));
}

function packageJsonFor(rootPkg, pkg) {
	const template = readJson(path.join(ROOT, 'packages', pkg.key, 'package.json'));
	const base = pkg.folder ? {} : { description: rootPkg.description, keywords: rootPkg.keywords, version: rootPkg.version };
	const fields = { ...base, ...template };
	const repoUrl = rootPkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
	// npm's own form (npm pkg fix), which provenance compares with the repository the workflow ran in
	const repository = { ...rootPkg.repository, url: `git+${repoUrl}.git` };
	return {
		name: pkg.name,
		version: fields.version,
		description: fields.description,
		license: rootPkg.license,
		keywords: fields.keywords,
		author: rootPkg.author,
		homepage: pkg.folder ? `${repoUrl}/tree/main/packages/${pkg.key}#readme` : rootPkg.homepage,
		repository: pkg.folder ? { ...repository, directory: `packages/${pkg.key}` } : repository,
		main: 'index.js',
		engines: rootPkg.engines,
		files: ['dist', 'CHANGELOG.md'],
		scripts: { prepublishOnly: 'n8n-node prerelease' },
		n8n: n8nSection(rootPkg, pkg),
		peerDependencies: rootPkg.peerDependencies,
	};
}

function copy(from, to) {
	fs.mkdirSync(path.dirname(to), { recursive: true });
	fs.copyFileSync(from, to);
}

/** Writes build/packages/<name>/ from dist/ and the templates; returns { dir, packageJson, sources, problems }. */
function assemble(rootPkg, pkg) {
	const sources = sourceFiles(pkg);
	const problems = pkg.folder ? foreignImports(sources) : [];
	const packageJson = packageJsonFor(rootPkg, pkg);
	const dir = path.join(OUT, pkg.name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// No type declarations: n8n does not read them, and the root's `eslint .` (n8n-node lint) would lint them under build/.
	const distFiles = walk(path.join(ROOT, 'dist'))
		.map(rel)
		.filter((f) => {
			if (f.endsWith('.d.ts')) return false;
			if (!pkg.folder) return true;
			const inner = f.slice('dist/'.length);
			return (
				inner.startsWith(`nodes/${pkg.folder}/`) ||
				inner.startsWith('nodes/shared/') ||
				(inner.startsWith('credentials/') && path.basename(inner).startsWith(pkg.credentials))
			);
		});
	if (!distFiles.length) problems.push('dist/ is empty: build first (npm run build)');
	for (const f of distFiles) copy(path.join(ROOT, f), path.join(dir, f));
	for (const f of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
		if (!fs.existsSync(path.join(dir, f))) problems.push(`package.json lists ${f}, which is not in dist/`);
	}
	problems.push(...unlisted(packageJson.n8n, distFiles).map((f) => `${f} is shipped but not listed in the n8n section`));
	const templates = path.join(ROOT, 'packages', pkg.key);
	copy(pkg.folder ? path.join(templates, 'README.md') : path.join(ROOT, 'README.md'), path.join(dir, 'README.md'));
	copy(path.join(templates, 'CHANGELOG.md'), path.join(dir, 'CHANGELOG.md'));
	copy(path.join(ROOT, 'LICENSE.md'), path.join(dir, 'LICENSE.md'));
	copy(path.join(ROOT, 'index.js'), path.join(dir, 'index.js'));
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson, null, '\t') + '\n');
	return { dir, packageJson, sources, problems };
}

// ---------------------------------------------------------------------------------------------
// Checks

/** The package's publish workflow: tag-triggered, OIDC token, `npm publish --provenance` from its folder. */
function workflowProblems(pkg, root = ROOT) {
	const file = path.join(root, '.github', 'workflows', `publish-${pkg.key}.yml`);
	if (!fs.existsSync(file)) return [`${rel(file)} is missing`];
	let wf;
	try {
		// js-yaml comes with eslint
		wf = require('js-yaml').load(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		return [`${rel(file)}: ${error.message}`];
	}
	const problems = [];
	const job = (wf.jobs && wf.jobs.publish) || {};
	const steps = job.steps || [];
	const publish = steps.find((s) => /\bnpm publish\b/.test(s.run || ''));
	if (!((wf.on && wf.on.push && wf.on.push.tags) || []).includes(`${pkg.key}-v*`)) problems.push(`not triggered by tags ${pkg.key}-v*`);
	if (!job.permissions || job.permissions['id-token'] !== 'write') problems.push('no `id-token: write` permission');
	if ((job.env || {}).PACKAGE_DIR !== `build/packages/${pkg.name}`) problems.push(`PACKAGE_DIR is not build/packages/${pkg.name}`);
	if (!publish || !/--provenance/.test(publish.run) || !/--access public/.test(publish.run)) problems.push('no `npm publish --provenance --access public` step');
	else {
		if (publish['working-directory'] !== '${{ env.PACKAGE_DIR }}') problems.push('npm publish does not run in the package folder');
		if ((publish.env || {}).RELEASE_MODE !== 'true') problems.push('npm publish runs without RELEASE_MODE (n8n-node prerelease refuses)');
		if (steps.indexOf(publish) !== steps.length - 1) problems.push('npm publish is not the last step');
	}
	return problems.map((p) => `${rel(file)}: ${p}`);
}

/**
 * A folder with the package's sources, its package.json and the root's eslint/tsconfig, where
 * `n8n-node lint` and the scanner's source pass run as they would in a repository of that package alone.
 * Outside the clone, so that the root's `eslint .` never sees a second copy of the sources.
 */
function sourceTree(assembled) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `esign-pkg-${assembled.packageJson.name}-`));
	for (const f of assembled.sources) copy(path.join(ROOT, f), path.join(dir, f));
	for (const f of ['eslint.config.mjs', 'tsconfig.json']) copy(path.join(ROOT, f), path.join(dir, f));
	copy(path.join(assembled.dir, 'package.json'), path.join(dir, 'package.json'));
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

function capture(cmd, args, opts) {
	const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
	const output = `${r.stdout || ''}${r.stderr || ''}${r.error ? r.error.message : ''}`;
	return { status: r.error ? 1 : r.status, output: output.replace(/\u001b\[[0-9;]*m/g, '') };
}

function lint(tree, env) {
	return capture(path.join(ROOT, 'node_modules', '.bin', 'n8n-node'), ['lint'], { cwd: tree, env: { ...env, CI: 'true' } });
}

function pack(dir, env) {
	const dest = path.join(ROOT, 'build', 'packs');
	fs.mkdirSync(dest, { recursive: true });
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dest, '--loglevel=error'], { cwd: dir, env, encoding: 'utf8' });
	const info = JSON.parse(out.slice(out.indexOf('[')))[0];
	return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path) };
}

/** The scanner, installed once into the cache folder (it pins its own eslint and typescript). */
function ensureScanner(env) {
	const dir = path.join(toolchain.cacheRoot(), `scan-community-package-${SCANNER.version}`);
	const entry = path.join(dir, 'node_modules', ...SCANNER.name.split('/'), 'scanner', 'scanner.mjs');
	if (!fs.existsSync(entry)) {
		toolchain.log(`installing ${SCANNER.name}@${SCANNER.version} into ${dir}`);
		const tmp = `${dir}.tmp-${process.pid}`;
		fs.rmSync(tmp, { recursive: true, force: true });
		fs.mkdirSync(tmp, { recursive: true });
		fs.writeFileSync(path.join(tmp, 'package.json'), '{"name":"esign-users-scanner","private":true}\n');
		execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${SCANNER.name}@${SCANNER.version}`], {
			cwd: tmp,
			env,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		fs.rmSync(dir, { recursive: true, force: true });
		fs.renameSync(tmp, dir);
	}
	return entry;
}

/**
 * The scanner's own lint pass (its analyzePackage and rule config), offline: it normally downloads the
 * published package and the source its provenance names; here it lints the source tree like its source
 * leg (package.json, nodes/ and credentials/) and the extracted tarball like its tarball leg (.js, package.json).
 */
function scan(scanner, tree, tarball, env) {
	const extracted = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-scan-'));
	execFileSync('tar', ['-xzf', tarball, '-C', extracted, '--strip-components=1']);
	const script = `
		const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(${JSON.stringify(scanner)});
		const source = await analyzePackage(process.argv[1], SOURCE_FILE_PATTERNS);
		const dist = await analyzePackage(process.argv[2], ['**/*.js', 'package.json']);
		for (const [leg, r] of [['source', source], ['tarball', dist]]) {
			console.log(leg + ': ' + (r.passed ? 'passed' : 'FAILED ' + r.message) + (r.details ? '\\n' + r.details : ''));
		}
		process.exit(source.passed && dist.passed ? 0 : 1);`;
	const r = capture(process.execPath, ['--input-type=module', '-e', script, tree, extracted], { env });
	fs.rmSync(extracted, { recursive: true, force: true });
	return r;
}

/** Installs the tarball into a real n8n and checks that every node and credential loads (run-e2e.js --load-only). */
function load(tarball, n8n, env) {
	const summary = path.join(os.tmpdir(), `esign-load-${process.pid}-${path.basename(tarball)}.json`);
	const r = capture(process.execPath, [path.join(ROOT, 'test', 'e2e', 'run-e2e.js'), '--load-only', `--n8n=${n8n}`], {
		env: { ...env, ESIGN_E2E_TARBALL: tarball, ESIGN_E2E_SUMMARY: summary },
	});
	let counts = null;
	try {
		counts = readJson(summary);
	} catch {
		/* the runner failed before writing it */
	}
	fs.rmSync(summary, { force: true });
	return { status: r.status === 0 && counts && counts.failed === 0 && counts.passed > 0 ? 0 : 1, output: r.output };
}

function parseArgs(argv) {
	const args = { only: [], checks: true, load: true, n8n: '2.41.0' };
	for (const a of argv) {
		if (a.startsWith('--only=')) args.only = a.slice('--only='.length).split(',').filter(Boolean);
		else if (a === '--no-checks') args.checks = false;
		else if (a === '--no-load') args.load = false;
		else if (a.startsWith('--n8n=')) args.n8n = a.slice('--n8n='.length);
		else throw new Error(`unknown argument ${a}`);
	}
	return args;
}

/** Assembles and checks the packages, one line each; returns { passed, failed }. */
function check(argv = []) {
	const args = parseArgs(argv);
	const env = toolchain.node24Env();
	const rootPkg = readJson(path.join(ROOT, 'package.json'));
	const selected = PACKAGES.filter((p) => !args.only.length || args.only.includes(p.key) || args.only.includes(p.name));
	const scanner = args.checks ? ensureScanner(env) : null;
	let passed = 0;
	let failed = 0;
	for (const pkg of selected) {
		const started = Date.now();
		const steps = [];
		const fail = (step, output) => steps.push({ step, output });
		const assembled = assemble(rootPkg, pkg);
		if (assembled.problems.length) fail('assemble', assembled.problems.join('\n'));
		const workflow = workflowProblems(pkg);
		if (workflow.length) fail('publish workflow', workflow.join('\n'));
		let packed = null;
		if (args.checks && !steps.length) {
			const tree = sourceTree(assembled);
			try {
				const linted = lint(tree, env);
				if (linted.status !== 0) fail('n8n-node lint', linted.output);
				packed = pack(assembled.dir, env);
				const scanned = scan(scanner, tree, packed.tarball, env);
				if (scanned.status !== 0) fail('scan-community-package lint rules', scanned.output);
				if (args.load) {
					const loaded = load(packed.tarball, args.n8n, env);
					if (loaded.status !== 0) fail(`load in n8n ${args.n8n}`, loaded.output);
				}
			} finally {
				fs.rmSync(tree, { recursive: true, force: true });
			}
		}
		const what = args.checks ? `lint, scan${args.load ? `, load in n8n ${args.n8n}` : ''}` : 'assembled';
		const counts = `${assembled.packageJson.n8n.nodes.length} nodes, ${assembled.packageJson.n8n.credentials.length} credentials`;
		const secs = `${Math.round((Date.now() - started) / 1000)} s`;
		if (steps.length) {
			failed++;
			console.log(`not ok - ${pkg.name} (${counts}): ${steps.map((s) => s.step).join(', ')} failed (${secs})`);
			for (const s of steps) console.log(`  # ${s.step}:\n${s.output.trim().split('\n').slice(-60).map((l) => `  # ${l}`).join('\n')}`);
		} else {
			passed++;
			console.log(`ok - ${pkg.name} (${counts}${packed ? `, ${packed.files.length} files packed` : ''}): ${what} (${secs})`);
		}
	}
	return { passed, failed };
}

function main(argv = process.argv.slice(2)) {
	const { passed, failed } = check(argv);
	console.log(`packages: ${passed} passed, ${failed} failed`);
	return failed ? 1 : 0;
}

module.exports = { VENDORS, BUNDLE, PACKAGES, OUT, vendorOfPackage, foreignImports, n8nSection, unlisted, workflowProblems, check, main };

if (require.main === module) process.exitCode = main();
