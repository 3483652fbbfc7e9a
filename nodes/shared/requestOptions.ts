import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_S } from './transport';

/** Chosen from `npm run bench`: 1,000 gets at 20 ms latency take about as long as the HTTP Request node. */
export const DEFAULT_CONCURRENCY = 20;

/** Options every action node has, under its other fields: how long to wait and how many items at once. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Items at Once',
			name: 'concurrency',
			type: 'number',
			default: DEFAULT_CONCURRENCY,
			typeOptions: { minValue: 1, maxValue: 50 },
			description:
				'How many input items are processed at the same time. Requests of one credential are also paced to the vendor’s rate limit.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			default: DEFAULT_TIMEOUT_S,
			typeOptions: { minValue: 1, maxValue: 600 },
			description: 'How long to wait for the vendor to answer one request. A read that times out is retried.',
		},
	],
};

/** Items at Once, 1 when the value is not a usable number. */
export function readConcurrency(this: IExecuteFunctions): number {
	const value = Number(this.getNodeParameter('requestOptions.concurrency', 0, DEFAULT_CONCURRENCY));
	return Number.isInteger(value) && value >= 1 ? Math.min(value, 50) : DEFAULT_CONCURRENCY;
}
