import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asText } from '../shared/input';

export function metadataField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metadata',
		default: {},
		description,
		displayOptions,
		options: [
			{
				displayName: 'Entry',
				name: 'entry',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** The Metadata entries as `{key: value}`; a key or value from an expression must be a single value. */
export function readMetadata(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('metadata', itemIndex, {}) as { entry?: Array<{ key: unknown; value: unknown }> };
	const metaData: IDataObject = {};
	for (const { key, value } of raw.entry ?? []) {
		const name = asText.call(this, key, 'Metadata', itemIndex);
		if (name) metaData[name] = asText.call(this, value, 'Metadata', itemIndex);
	}
	return metaData;
}
