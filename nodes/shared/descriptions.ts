import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** The Resource selector of a node. */
export function resourceSelector(defaultResource: string, options: INodeProperties['options']): INodeProperties {
	return { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: defaultResource, options };
}

/** The Operation selector shown for one resource. */
export function operationSelector(resource: string, defaultOperation: string, options: INodeProperties['options']): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options,
	};
}

/** Shows a field for the given resource and operations only. */
export function showFor(resource: string, operation: string | string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

/** The standard Return All + Limit pair. */
export function returnAllAndLimit(displayOptions: IDisplayOptions, maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}

/** The Filters collection of a Get Many operation. */
export function filtersField(displayOptions: IDisplayOptions, options: INodeProperties['options']): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions, options };
}

export function simplifyField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a normalized user record with the same keys for every vendor instead of the raw vendor object',
		displayOptions,
	};
}

/** A resource locator: pick from a searchable list, type an ID, and for users type an email. */
export function locator(opts: {
	displayName: string;
	name: string;
	searchMethod: string;
	idPlaceholder: string;
	withEmail?: boolean;
	required?: boolean;
	description?: string;
	displayOptions: IDisplayOptions;
}): INodeProperties {
	return {
		displayName: opts.displayName,
		name: opts.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: opts.required ?? true,
		description: opts.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: opts.searchMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: opts.idPlaceholder },
			...(opts.withEmail
				? [
						{
							displayName: 'By Email',
							name: 'email',
							type: 'string' as const,
							placeholder: 'name@example.com',
							validation: [
								{
									type: 'regex' as const,
									// Surrounding spaces are allowed: the node trims them.
									properties: { regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$', errorMessage: 'Not a valid email address' },
								},
							],
						},
					]
				: []),
		],
		displayOptions: opts.displayOptions,
	};
}
