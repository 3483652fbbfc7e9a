import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

export function readMetadata(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('metadata', itemIndex, {}) as { entry?: Array<{ key: string; value: string }> };
	const metaData: IDataObject = {};
	for (const { key, value } of raw.entry ?? []) if (key) metaData[key] = value;
	return metaData;
}
