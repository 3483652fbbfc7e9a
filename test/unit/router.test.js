'use strict';
// router.ts (pairing, Continue On Fail, batches, order by key, concurrency), requestOptions.ts and change.ts.

const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { route, runItems, operationFields } = require('../../dist/nodes/shared/router');
const { readConcurrency, requestOptionsField, DEFAULT_CONCURRENCY } = require('../../dist/nodes/shared/requestOptions');
const { afterChange } = require('../../dist/nodes/shared/change');
const { NODE, delay } = require('./support');

/**
 * An n8n execution context with `items` input items. `params` holds node parameters, either one value for
 * every item or a function of the item index.
 */
function executeContext({ items = 1, params = {}, continueOnFail = false } = {}) {
	return {
		getInputData: () => Array.from({ length: items }, (_, i) => ({ json: { i } })),
		getNode: () => NODE,
		continueOnFail: () => continueOnFail,
		getNodeParameter(name, itemIndex, fallback, options) {
			let value = name in params ? params[name] : fallback;
			if (typeof value === 'function') value = value(itemIndex);
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			if (options?.extractValue && value && typeof value === 'object' && 'value' in value) return value.value;
			return value;
		},
	};
}

/** Records when each item starts and ends, to check what ran at the same time. */
function tracker() {
	const events = [];
	let active = 0;
	let maxActive = 0;
	return {
		events,
		get maxActive() {
			return maxActive;
		},
		async run(i, ms, result) {
			events.push(`start ${i}`);
			active++;
			maxActive = Math.max(maxActive, active);
			await delay(ms);
			active--;
			events.push(`end ${i}`);
			if (result instanceof Error) throw result;
			return result;
		},
	};
}

const resources = (operation) => ({ user: { get: { description: [], ...operation } } });
const params = (extra = {}) => ({ resource: 'user', operation: 'get', ...extra });

describe('route', () => {
	test('an operation the resource does not have is refused', async () => {
		const ctx = executeContext({ params: params({ operation: 'explode' }) });
		const error = await route.call(ctx, resources({ execute: async () => ({}) })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The operation "explode" is not supported for "user"');
		const unknown = await route.call(executeContext({ params: params({ resource: 'robot' }) }), resources({})).catch((e) => e);
		expect(unknown.message).toBe('The operation "get" is not supported for "robot"');
	});

	test('every output item is paired with its input; lists give several items; order is input order', async () => {
		const ctx = executeContext({ items: 3, params: params() });
		const [output] = await route.call(
			ctx,
			resources({
				execute: async (i) => {
					await delay(30 - i * 10);
					return i === 1 ? [{ n: 'a' }, { n: 'b' }] : { n: i };
				},
			}),
		);
		expect(output).toEqual([
			{ json: { n: 0 }, pairedItem: { item: 0 } },
			{ json: { n: 'a' }, pairedItem: { item: 1 } },
			{ json: { n: 'b' }, pairedItem: { item: 1 } },
			{ json: { n: 2 }, pairedItem: { item: 2 } },
		]);
		// The items of one input share one pairing object: a long list keeps and saves one, not one per item.
		expect(output[1].pairedItem).toBe(output[2].pairedItem);
	});

	test('the operation runs with the context, once per item', async () => {
		const ctx = executeContext({ items: 2, params: params() });
		const seen = [];
		await route.call(
			ctx,
			resources({
				async execute(i) {
					seen.push([this, i]);
					return {};
				},
			}),
		);
		expect(seen).toEqual([
			[ctx, 0],
			[ctx, 1],
		]);
	});

	test("Items at Once bounds how many items run together", async () => {
		const t = tracker();
		const ctx = executeContext({ items: 6, params: params({ 'requestOptions.concurrency': 2 }) });
		await route.call(ctx, resources({ execute: (i) => t.run(i, 15, {}) }));
		expect(t.maxActive).toBe(2);
		expect(t.events.filter((e) => e.startsWith('start'))).toHaveLength(6);
	});

	test('items for the same user run one after the other, in input order; other items alongside', async () => {
		const t = tracker();
		const users = [
			{ mode: 'email', value: 'Ada@Example.com ' },
			{ mode: 'email', value: 'bob@example.com' },
			{ mode: 'email', value: ' ada@example.com' },
			{ mode: 'id', value: '' },
		];
		const ctx = executeContext({ items: 4, params: params({ user: (i) => users[i] }) });
		await route.call(ctx, resources({ execute: (i) => t.run(i, i === 0 ? 40 : 10, {}) }));
		expect(t.events.indexOf('start 2')).toBeGreaterThan(t.events.indexOf('end 0'));
		expect(t.events.indexOf('start 1')).toBeLessThan(t.events.indexOf('end 0'));
		expect(t.events.indexOf('start 3')).toBeLessThan(t.events.indexOf('end 0'));
	});

	test("an operation's own order key replaces the user", async () => {
		const t = tracker();
		const ctx = executeContext({ items: 3, params: params({ user: (i) => ({ mode: 'id', value: `u${i}` }) }) });
		const seen = [];
		await route.call(
			ctx,
			resources({
				execute: (i) => t.run(i, i === 0 ? 40 : 5, {}),
				orderKey(i) {
					seen.push(this === ctx);
					return i === 1 ? undefined : 'team';
				},
			}),
		);
		expect(t.events.indexOf('start 2')).toBeGreaterThan(t.events.indexOf('end 0'));
		expect(t.events.indexOf('start 1')).toBeLessThan(t.events.indexOf('end 0'));
		expect(seen).toEqual([true, true, true]);
	});

	test('no user field, or a user that is not text: items run alongside', async () => {
		const t = tracker();
		const ctx = executeContext({ items: 2, params: params({ user: (i) => (i === 0 ? 42 : undefined) }) });
		await route.call(ctx, resources({ execute: (i) => t.run(i, 20, {}) }));
		expect(t.maxActive).toBe(2);
	});

	test('empty users are no user: those items run alongside', async () => {
		const t = tracker();
		const users = [{ mode: 'list', value: '' }, { mode: 'id', value: '   ' }, '  '];
		const ctx = executeContext({ items: 3, params: params({ user: (i) => users[i] }) });
		await route.call(ctx, resources({ execute: (i) => t.run(i, 20, {}) }));
		expect(t.maxActive).toBe(3);
	});

	test('without Continue On Fail the first error stops the run, with its item; later items do not start', async () => {
		const started = [];
		const ctx = executeContext({ items: 4, params: params({ 'requestOptions.concurrency': 1 }) });
		const failure = new NodeApiError(NODE, { message: 'x' }, { message: 'Vendor returned 404: gone', httpCode: '404' });
		failure.context.runIndex = 0;
		const error = await route
			.call(
				ctx,
				resources({
					execute: async (i) => {
						started.push(i);
						if (i === 1) throw failure;
						return {};
					},
				}),
			)
			.catch((e) => e);
		expect(error).toBe(failure);
		expect(error.context).toMatchObject({ itemIndex: 1, runIndex: 0 });
		expect(started).toEqual([0, 1]);
	});

	test('with Continue On Fail a failed item becomes { error, description, httpCode }, paired, and the others run', async () => {
		const ctx = executeContext({ items: 4, params: params(), continueOnFail: true });
		const [output] = await route.call(
			ctx,
			resources({
				execute: async (i) => {
					if (i === 0) throw new NodeApiError(NODE, { message: 'x' }, { message: 'Vendor returned 404: gone', description: 'Check the ID.', httpCode: '404' });
					if (i === 1) throw new NodeOperationError(NODE, 'No user given', { description: 'Pick one.' });
					if (i === 2) throw 'plain text';
					return { ok: i };
				},
			}),
		);
		expect(output).toStrictEqual([
			{ json: { error: 'Vendor returned 404: gone', description: 'Check the ID.', httpCode: '404' }, pairedItem: { item: 0 } },
			{ json: { error: 'No user given', description: 'Pick one.' }, pairedItem: { item: 1 } },
			{ json: { error: 'plain text' }, pairedItem: { item: 2 } },
			{ json: { ok: 3 }, pairedItem: { item: 3 } },
		]);
	});

	test('a plain Error becomes a NodeOperationError of its item', async () => {
		const ctx = executeContext({ items: 2, params: params() });
		const error = await route
			.call(
				ctx,
				resources({
					execute: async (i) => {
						if (i === 1) throw new TypeError('boom');
						return {};
					},
				}),
			)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('boom');
		expect(error.context.itemIndex).toBe(1);
	});

	test('a NodeApiError without a status gives no httpCode', async () => {
		const ctx = executeContext({ items: 1, params: params(), continueOnFail: true });
		const [output] = await route.call(
			ctx,
			resources({
				execute: async () => {
					throw new NodeApiError(NODE, {}, { message: 'Could not reach Vendor' });
				},
			}),
		);
		expect(output[0].json).toStrictEqual({ error: 'Could not reach Vendor' });
	});
});

describe('route with a batch operation', () => {
	test('one call for all items; each result or error goes to its item', async () => {
		const calls = [];
		const ctx = executeContext({ items: 3, params: params(), continueOnFail: true });
		const [output] = await route.call(
			ctx,
			resources({
				execute: async () => {
					throw new Error('not per item');
				},
				async executeBatch(indexes) {
					calls.push([this, indexes]);
					return [{ id: 'a' }, new NodeOperationError(NODE, 'bad email'), [{ id: 'c1' }, { id: 'c2' }]];
				},
			}),
		);
		expect(calls).toEqual([[ctx, [0, 1, 2]]]);
		expect(output).toEqual([
			{ json: { id: 'a' }, pairedItem: { item: 0 } },
			{ json: { error: 'bad email' }, pairedItem: { item: 1 } },
			{ json: { id: 'c1' }, pairedItem: { item: 2 } },
			{ json: { id: 'c2' }, pairedItem: { item: 2 } },
		]);
	});

	test("a failure of the whole batch is every item's failure", async () => {
		const ctx = executeContext({ items: 2, params: params(), continueOnFail: true });
		const [output] = await route.call(ctx, resources({ executeBatch: async () => Promise.reject('batch refused') }));
		expect(output).toEqual([
			{ json: { error: 'batch refused' }, pairedItem: { item: 0 } },
			{ json: { error: 'batch refused' }, pairedItem: { item: 1 } },
		]);
		const stop = executeContext({ items: 2, params: params() });
		const error = await route
			.call(
				stop,
				resources({
					executeBatch: async () => {
						throw new Error('batch failed');
					},
				}),
			)
			.catch((e) => e);
		expect(error.message).toBe('batch failed');
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('runItems', () => {
	test('results by index; at most `concurrency` at once', async () => {
		const t = tracker();
		const results = await runItems(5, 3, (i) => t.run(i, 10 + (i % 2) * 10, `r${i}`));
		expect(results).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
		expect(t.maxActive).toBe(3);
	});

	test('more workers than items, and no items at all', async () => {
		const t = tracker();
		expect(await runItems(2, 10, (i) => t.run(i, 5, i))).toEqual([0, 1]);
		expect(t.maxActive).toBe(2);
		expect(await runItems(0, 4, async () => 'never')).toEqual([]);
	});

	test('items with the same key run in input order, each after the previous ended', async () => {
		const t = tracker();
		const keys = ['a', 'b', 'a', 'a', undefined];
		await runItems(5, 5, (i) => t.run(i, i === 0 ? 30 : 5, i), (i) => keys[i]);
		const e = t.events;
		expect(e.indexOf('start 2')).toBeGreaterThan(e.indexOf('end 0'));
		expect(e.indexOf('start 3')).toBeGreaterThan(e.indexOf('end 2'));
		expect(e.indexOf('start 1')).toBeLessThan(e.indexOf('end 0'));
		expect(e.indexOf('start 4')).toBeLessThan(e.indexOf('end 0'));
	});

	test('with stopOnError nothing starts after a failure; without it everything runs', async () => {
		const fail = (i) => (i === 1 ? new Error('no') : i);
		const stopped = await runItems(4, 1, async (i) => fail(i), undefined, () => true);
		expect(stopped[0]).toBe(0);
		expect(stopped[1]).toBeInstanceOf(Error);
		expect(stopped).toHaveLength(4);
		expect(stopped.slice(2)).toEqual([undefined, undefined]);
		const all = await runItems(4, 1, async (i) => fail(i), undefined, () => false);
		expect(all.filter((r) => r !== undefined)).toHaveLength(4);
		expect(await runItems(3, 1, async (i) => fail(i))).toEqual([0, expect.any(Error), 2]);
	});

	test('an item waiting for a failed item of its key does not start when stopping on error', async () => {
		const started = [];
		const results = await runItems(
			3,
			3,
			async (i) => {
				started.push(i);
				await delay(10);
				return i === 0 ? new Error('first failed') : i;
			},
			(i) => (i === 2 ? undefined : 'same'),
			() => true,
		);
		expect(started).toEqual([0, 2]);
		expect(results[1]).toBeUndefined();
		expect(results[2]).toBe(2);
	});
});

describe('operationFields', () => {
	test("every operation's fields, resource by resource, in order", () => {
		const a = { name: 'a' };
		const b = { name: 'b' };
		const c = { name: 'c' };
		expect(operationFields({ user: { get: { description: [a, b] }, list: { description: [] } }, team: { get: { description: [c] } } })).toEqual([a, b, c]);
	});
});

describe('readConcurrency (Items at Once)', () => {
	const read = (value) => readConcurrency.call(executeContext({ params: value === undefined ? {} : { 'requestOptions.concurrency': value } }));
	test('a whole number from 1 to 50', () => {
		expect(read(1)).toBe(1);
		expect(read(7)).toBe(7);
		expect(read('12')).toBe(12);
		expect(read(50)).toBe(50);
		expect(read(51)).toBe(50);
		expect(read(500)).toBe(50);
	});
	test('otherwise the default of 20', () => {
		expect(DEFAULT_CONCURRENCY).toBe(20);
		expect(read(undefined)).toBe(20);
		expect(read(0)).toBe(20);
		expect(read(-2)).toBe(20);
		expect(read(2.5)).toBe(20);
		expect(read('many')).toBe(20);
	});
	test('the field the nodes show: Items at Once and Timeout with their defaults and bounds', () => {
		expect(requestOptionsField).toMatchObject({ name: 'requestOptions', type: 'collection', default: {}, placeholder: 'Add Option' });
		expect(requestOptionsField.displayName).toBe('Request Options');
		for (const option of requestOptionsField.options) {
			expect(option.displayName.trim()).not.toBe('');
			expect(option.description.trim()).not.toBe('');
		}
		const [concurrency, timeout] = requestOptionsField.options;
		expect(concurrency).toMatchObject({ name: 'concurrency', type: 'number', default: 20, typeOptions: { minValue: 1, maxValue: 50 } });
		expect(timeout).toMatchObject({ name: 'timeout', type: 'number', default: 60, typeOptions: { minValue: 1, maxValue: 600 } });
	});
});

describe('afterChange', () => {
	test('the read-back when it works', async () => {
		expect(await afterChange({ id: 1 }, async () => ({ id: 1, role: 'Admin' }))).toEqual({ id: 1, role: 'Admin' });
	});
	test('the change as known, with readBackError, when the read-back fails', async () => {
		expect(
			await afterChange({ id: 1, role: 'Admin' }, async () => {
				throw new Error('Vendor returned 500');
			}),
		).toEqual({ id: 1, role: 'Admin', readBackError: 'The change was made, but reading the result back failed: Vendor returned 500' });
		expect(await afterChange({}, () => Promise.reject('timeout'))).toEqual({
			readBackError: 'The change was made, but reading the result back failed: timeout',
		});
	});
});
