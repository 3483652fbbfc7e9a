import type { INodeProperties } from 'n8n-workflow';

import { USER_EVENTS } from './diff';

export const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	default: [...USER_EVENTS],
	description: 'Which user changes start the workflow. None chosen counts as all.',
	options: [
		{ name: 'Created', value: 'user.created', description: 'A user appeared (invited or created)' },
		{ name: 'Deactivated', value: 'user.deactivated', description: 'A user’s status became deactivated' },
		{ name: 'Reactivated', value: 'user.reactivated', description: 'A deactivated user became active or invited again' },
		{ name: 'Removed', value: 'user.removed', description: 'A user is no longer listed at all' },
		{ name: 'Role Changed', value: 'user.role_changed', description: 'A user’s role changed' },
		{ name: 'Team Changed', value: 'user.team_changed', description: 'A user moved to another team' },
		{ name: 'Updated', value: 'user.updated', description: 'A user’s email, first name or last name changed' },
	],
};

export const triggerSimplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to leave out the vendor’s own user record; when off, each event also carries it as `raw`',
};

/** The Options collection of a users trigger: the shared options plus the vendor's own. */
export function triggerOptionsField(vendorOptions: INodeProperties[] = []): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Emit Existing Users on First Poll',
			name: 'emitExisting',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll emits every current user as a Created event. Off: the first poll only records the users, and changes are emitted from the next poll on.',
		},
		...vendorOptions,
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
