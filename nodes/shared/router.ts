import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { refuseOverBudget } from './pagination';
import { readConcurrency } from './requestOptions';
import type { VendorApi } from './types';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

export type OperationResult = IDataObject | IDataObject[];

/** One operation of a resource: its fields and how it runs, item by item or for all items at once. */
export interface Operation {
	description: INodeProperties[];
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** For operations the vendor can batch: one result (or error) per given item index, in order. */
	executeBatch?(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<OperationResult | Error>>;
	/**
	 * For operations over all items as one whole (Sync Roster): the output items, each with its pairedItem.
	 * A thrown error fails the node, or with Continue On Fail is one error item paired with its item (or item 0).
	 */
	executeAll?(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
	/**
	 * Items with the same key run one after another, in input order (the same user changed twice in one run).
	 * Default: the item's `user` field. Items without a key run concurrently.
	 */
	orderKey?(this: IExecuteFunctions, itemIndex: number): string | undefined;
}

export type Resources = Record<string, Record<string, Operation>>;

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...error.context, itemIndex };
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

function resultItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	// One pairing object for all the items of one input (n8n only reads it): a 100,000-user list then keeps,
	// and saves with the execution, 100,000 fewer objects.
	const pairedItem = { item: itemIndex };
	return list.map((json) => ({ json, pairedItem }));
}

/**
 * Runs the selected operation over every input item: every output item is paired with the input it came
 * from, and with Continue On Fail an item's error becomes an output item instead of stopping the run.
 */
export async function route(this: IExecuteFunctions, resources: Resources, api?: VendorApi): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}

	const output: INodeExecutionData[] = [];
	const settle = (result: OperationResult | Error, itemIndex: number) => {
		if (!(result instanceof Error)) {
			output.push(...resultItems(result, itemIndex));
			return;
		}
		const error = asNodeError.call(this, result, itemIndex);
		if (!this.continueOnFail()) throw error;
		output.push(errorItem(error, itemIndex));
	};

	if (operation.executeAll) {
		try {
			return [await operation.executeAll.call(this)];
		} catch (error) {
			const itemIndex = Number((error as NodeOperationError).context?.itemIndex ?? 0);
			settle(error instanceof Error ? error : new Error(String(error)), itemIndex);
			return [output];
		}
	}
	if (operation.executeBatch) {
		const indexes = items.map((_, i) => i);
		let results: Array<OperationResult | Error>;
		try {
			results = await operation.executeBatch.call(this, indexes);
		} catch (error) {
			// A failure of the batch as a whole is every item's failure.
			results = indexes.map(() => (error instanceof Error ? error : new Error(String(error))));
		}
		results.forEach((result, n) => settle(result, indexes[n]));
		return [output];
	}
	if (api) await refuseOverBudget.call(this, api, items.length);
	const results = await runItems(items.length, readConcurrency.call(this), async (i) => {
		try {
			return await operation.execute!.call(this, i);
		} catch (error) {
			return error instanceof Error ? error : new Error(String(error));
		}
	}, (i) => (operation.orderKey ?? userKey).call(this, i), () => !this.continueOnFail());
	results.forEach((result, i) => {
		if (result !== undefined) settle(result, i);
	});
	return [output];
}

/** The item's `user` locator value, the default order key. */
function userKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		const value = this.getNodeParameter('user', itemIndex, '', { extractValue: true });
		return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Runs `run` for items 0…count-1, at most `concurrency` at once, chaining items that share a key. With
 * `stopOnError`, no item starts after one has failed (items already running finish). Results are by index;
 * an item that never started is undefined.
 */
export async function runItems<T>(
	count: number,
	concurrency: number,
	run: (index: number) => Promise<T | Error>,
	keyOf: (index: number) => string | undefined = () => undefined,
	// Stryker disable next-line ArrowFunction: a default that returns undefined is as false as false
	stopOnError: () => boolean = () => false,
): Promise<Array<T | Error | undefined>> {
	const results: Array<T | Error | undefined> = new Array(count);
	const lastOfKey = new Map<string, Promise<unknown>>();
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < count && !(failed && stopOnError())) {
			const index = next++;
			const key = keyOf(index);
			const before = key === undefined ? undefined : lastOfKey.get(key);
			const done = (async () => {
				await before;
				if (failed && stopOnError()) return;
				results[index] = await run(index);
				if (results[index] instanceof Error) failed = true;
			})();
			if (key !== undefined) lastOfKey.set(key, done);
			await done;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return results;
}

/** Every field of every operation, in order, for the node description. */
export function operationFields(resources: Resources): INodeProperties[] {
	return Object.values(resources).flatMap((ops) => Object.values(ops).flatMap((op) => op.description));
}
