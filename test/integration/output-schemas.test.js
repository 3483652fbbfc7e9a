'use strict';
// The output schemas the editor shows before a run (nodes/*/__schema__, scripts/output-schemas.js): one for
// every operation of every action node, each equal to what the operation outputs against the vendor's mock now.

const fs = require('node:fs');
const path = require('node:path');

const { VENDORS, generate, schemaFile, schemaText, schemaOf, merge, settle } = require('../../scripts/output-schemas');
const { closeMocks, startMocks } = require('../editor/stack');

let mocks;
beforeAll(async () => {
	mocks = await startMocks();
});
afterAll(async () => closeMocks(mocks));

const ROOT = path.resolve(__dirname, '..', '..');
const shows = (prop, values) => Object.entries(prop.displayOptions?.show ?? {}).every(([k, allowed]) => !(k in values) || allowed.includes(values[k]));

/** resource → operation values of a node, from its description. */
function operationsOf(description) {
	const resource = description.properties.find((p) => p.name === 'resource');
	return Object.fromEntries(
		resource.options.map((r) => {
			const op = description.properties.find((p) => p.name === 'operation' && shows(p, { resource: r.value }));
			return [r.value, op.options.map((o) => o.value).sort()];
		}),
	);
}

describe.each(VENDORS)('$folder', (vendor) => {
	test('every resource and operation of the node has a generator case', () => {
		const Node = require(path.join(ROOT, 'dist', 'nodes', vendor.folder, `${vendor.folder}.node.js`))[vendor.folder];
		const { description } = new Node();
		const covered = Object.fromEntries(Object.entries(vendor.operations).map(([r, ops]) => [r, Object.keys(ops).sort()]));
		expect(covered).toEqual(operationsOf(description));
	});

	test('the shipped schemas are what the operations output now, and the build copies them into dist', async () => {
		const generated = await generate(vendor, mocks);
		for (const { file, schema } of generated) {
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
			expect({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }).toEqual({ file, text: schemaText(schema) });
			expect({ file, inDist: fs.existsSync(path.join(ROOT, 'dist', file)) }).toEqual({ file, inDist: true });
		}
	}, 120000);
});

test('schemas merge the items: keys of any item, a null gives way to the real type, never-set values are strings', () => {
	const schema = settle([{ a: null, b: 1 }, { a: 'x', c: [{ d: null }] }].map(schemaOf).reduce(merge, { type: 'null' }));
	expect(schema).toEqual({
		type: 'object',
		properties: {
			a: { type: 'string' },
			b: { type: 'number' },
			c: { type: 'array', items: { type: 'object', properties: { d: { type: 'string' } } } },
		},
	});
	expect(schemaFile('BoldSign', 'user', 'get')).toBe(path.join('nodes', 'BoldSign', '__schema__', 'v1.0.0', 'user', 'get.json'));
});
