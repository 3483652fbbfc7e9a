'use strict';
// scripts/packages.js: what keeps a vendor package to its own files, and its publish workflow.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { VENDORS, BUNDLE, foreignImports, n8nSection, unlisted, workflowProblems } = require('../../scripts/packages');

const ROOT = path.resolve(__dirname, '..', '..');
const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const made = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tree(files) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-packages-test-'));
	made.push(dir);
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	}
	return dir;
}

describe('foreignImports', () => {
	const files = {
		'nodes/BoldSign/BoldSign.node.ts': "import { request } from '../shared/transport';\nimport type { INodeType } from 'n8n-workflow';\n",
		'nodes/BoldSign/users.ts': "import {\n\ta,\n\tb,\n} from './hosts';\nconst pem = 'import x from \"-----BEGIN\"';\n",
		'nodes/BoldSign/hosts.ts': "import { createHmac } from 'node:crypto';\n",
		'nodes/shared/transport.ts': "export const request = 1;\n",
		'nodes/SignNow/hosts.ts': 'export const a = 1;\n',
	};
	const own = ['nodes/BoldSign/BoldSign.node.ts', 'nodes/BoldSign/users.ts', 'nodes/BoldSign/hosts.ts', 'nodes/shared/transport.ts'];

	test('own folder, nodes/shared, n8n-workflow and node:crypto are allowed', () => {
		expect(foreignImports(own, tree(files))).toEqual([]);
	});

	test("another vendor's folder and any other module are reported", () => {
		const dir = tree({ ...files, 'nodes/BoldSign/bad.ts': "import { a } from '../SignNow/hosts';\nimport axios from 'axios';\n" });
		expect(foreignImports([...own, 'nodes/BoldSign/bad.ts'], dir)).toEqual([
			'nodes/BoldSign/bad.ts imports ../SignNow/hosts (nodes/SignNow/hosts), which is not part of the package',
			'nodes/BoldSign/bad.ts imports axios',
		]);
	});

	test('the vendor folders of this repository import only their own files and nodes/shared', () => {
		const all = (dir) => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
		for (const v of VENDORS) {
			const files = [...all(`nodes/${v.folder}`), ...all('nodes/shared'), ...all('credentials').filter((f) => path.basename(f).startsWith(v.credentials))];
			expect({ vendor: v.key, problems: foreignImports(files) }).toEqual({ vendor: v.key, problems: [] });
		}
	});
});

describe('n8nSection', () => {
	test("a vendor package lists its own nodes and credentials once each; together they are the bundle's", () => {
		const sections = VENDORS.map((v) => n8nSection(rootPkg, v));
		for (const [i, v] of VENDORS.entries()) {
			expect(sections[i].nodes.length).toBe(3);
			expect(sections[i].nodes.every((f) => f.startsWith(`dist/nodes/${v.folder}/`))).toBe(true);
			expect(new Set(sections[i].nodes).size).toBe(sections[i].nodes.length);
		}
		const bundle = n8nSection(rootPkg, BUNDLE);
		expect(sections.flatMap((s) => s.nodes).sort()).toEqual([...bundle.nodes].sort());
		expect(sections.flatMap((s) => s.credentials).sort()).toEqual([...bundle.credentials].sort());
	});

	test("each vendor package's README names every credential type it ships (as the credential's `name`)", () => {
		for (const v of VENDORS) {
			const readme = fs.readFileSync(path.join(ROOT, 'packages', v.key, 'README.md'), 'utf8');
			const names = n8nSection(rootPkg, v).credentials.map((file) => {
				const source = fs.readFileSync(path.join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8');
				return /\bname = '([^']+)'/.exec(source)[1];
			});
			expect(names.length).toBeGreaterThan(0);
			expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
		}
	});

	test('a node file in dist/ that the section does not list is reported', () => {
		const section = n8nSection(rootPkg, VENDORS[0]);
		const shipped = [...section.nodes, 'dist/nodes/BoldSign/Extra.node.js', 'dist/nodes/shared/transport.js'];
		expect(unlisted(section, shipped)).toEqual(['dist/nodes/BoldSign/Extra.node.js']);
	});
});

describe('workflowProblems', () => {
	test('every package has a tag-triggered publish workflow with provenance from its folder', () => {
		for (const pkg of [...VENDORS, BUNDLE]) expect({ pkg: pkg.key, problems: workflowProblems(pkg) }).toEqual({ pkg: pkg.key, problems: [] });
	});

	test('a workflow without the OIDC permission, tag or package folder is reported', () => {
		const text = fs
			.readFileSync(path.join(ROOT, '.github', 'workflows', 'publish-boldsign.yml'), 'utf8')
			.replace('id-token: write', 'id-token: none')
			.replace("'boldsign-v*'", "'v*'")
			.replace('PACKAGE_DIR: build/packages/n8n-nodes-boldsign-users', 'PACKAGE_DIR: .')
			.replace('npm publish --provenance', 'npm publish');
		const dir = tree({ '.github/workflows/publish-boldsign.yml': text });
		const problems = workflowProblems(VENDORS[0], dir).map((p) => p.split(': ').slice(1).join(': '));
		expect(problems).toEqual([
			'not triggered by tags boldsign-v*',
			'no `id-token: write` permission',
			'PACKAGE_DIR is not build/packages/n8n-nodes-boldsign-users',
			'no `npm publish --provenance --access public` step',
		]);
	});
});
