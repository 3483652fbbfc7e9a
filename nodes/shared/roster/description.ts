import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../descriptions';
import type { RosterAdapter } from './types';

/** What a vendor node supplies to the shared roster fields: its words and its own pickers. */
export interface RosterUi {
	/** The resource the two operations belong to ('user'). */
	resource: string;
	/** What the vendor calls a team: 'Team', 'Workspace', 'Account'. */
	teamLabel: string;
	/** The vendor's Role field (name 'role', type options) for Create or Update. */
	roleField(displayOptions: IDisplayOptions): INodeProperties;
	/** The vendor's optional team picker (name 'team') for Create or Update. */
	teamField(displayOptions: IDisplayOptions): INodeProperties;
	/** Roles protected unless the user changes the option (e.g. the account admin). */
	defaultProtectedRoles: string[];
}

export const CREATE_OR_UPDATE = 'createOrUpdate';
export const SYNC_ROSTER = 'syncRoster';

/** Max Deactivation Percent when the option is not set. */
export const DEFAULT_MAX_PERCENT = 20;

const FIELD_NAMES = { role: 'Role', team: 'Team', names: 'Names' };

export function createOrUpdateFields(adapter: RosterAdapter, ui: RosterUi): INodeProperties[] {
	const show = showFor(ui.resource, CREATE_OR_UPDATE);
	const names: INodeProperties[] = adapter.fields.includes('names')
		? [
				{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: 'Left as it is when empty', displayOptions: show },
				{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'Left as it is when empty', displayOptions: show },
			]
		: [];
	return [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@example.com',
			default: '',
			required: true,
			description: `Email of the user. A ${adapter.name} user with this email is updated; otherwise one is invited.`,
			displayOptions: show,
		},
		ui.roleField(show),
		{ ...ui.teamField(show), required: false, description: `${ui.teamLabel} of the user. Leave empty to keep the current one (new users get the default).` },
		...names,
		...(adapter.reactivates
			? [
					{
						displayName: 'Options',
						name: 'ensureOptions',
						type: 'collection',
						placeholder: 'Add Option',
						default: {},
						displayOptions: show,
						options: [
							{
								displayName: 'Reactivate',
								name: 'reactivate',
								type: 'boolean',
								default: false,
								description: 'Whether to reactivate the user when it is deactivated. Off: a deactivated user is reported as skipped.',
							},
						],
					} satisfies INodeProperties,
				]
			: []),
	];
}

export function syncRosterFields(adapter: RosterAdapter, ui: RosterUi): INodeProperties[] {
	const show = showFor(ui.resource, SYNC_ROSTER);
	const team = ui.teamLabel;
	// Column names rather than an expression per field: n8n evaluates an expression per item and field, which
	// costs seconds for a roster of 10,000 rows; a column is read straight from each item.
	const column = (displayName: string, name: string, json: string, what: string): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: json,
		description: `Name of the input field that holds ${what}. Leave empty if the roster has none.`,
		displayOptions: show,
	});
	const names = adapter.fields.includes('names')
		? [
				column('First Name Field', 'firstNameColumn', 'firstName', 'the user’s first name (empty: left as it is)'),
				column('Last Name Field', 'lastNameColumn', 'lastName', 'the user’s last name (empty: left as it is)'),
			]
		: [];
	const reactivate: INodeProperties[] = adapter.reactivates
		? [
				{
					displayName: 'Reactivate Users',
					name: 'reactivate',
					type: 'boolean',
					default: false,
					description: 'Whether deactivated users who are in the roster are reactivated. Off: they are reported as skipped.',
				},
			]
		: [];
	const transfer: INodeProperties[] = adapter.transfersDocuments
		? [
				{
					displayName: 'Transfer Documents To',
					name: 'transferTo',
					type: 'string',
					default: '',
					placeholder: 'e.g. name@example.com',
					description: 'Email of an active user who receives the documents of the users deactivated. This user is never deactivated.',
				},
			]
		: [];
	return [
		{
			displayName: 'Mode',
			name: 'rosterMode',
			type: 'options',
			noDataExpression: true,
			default: 'plan',
			options: [
				{ name: 'Plan Only', value: 'plan', description: 'Show what would change, and change nothing' },
				{ name: 'Apply', value: 'apply', description: `Make ${adapter.name} match the roster` },
			],
			description: 'Each input item is one user of the desired roster. Run Plan Only first and check its output.',
			displayOptions: show,
		},
		{ ...column('Email Field', 'emailColumn', 'email', 'the user’s email'), required: true, description: 'Name of the input field that holds the user’s email, such as the sheet’s column header' },
		column('Role Field', 'roleColumn', 'role', `the user’s role: ${adapter.roles.join(', ')}, in any case (empty: left as it is)`),
		column(`${team} Field`, 'teamColumn', 'team', `the name or ID of the user’s ${team.toLowerCase()} (empty: left as it is)`),
		...names,
		{
			displayName: 'Options',
			name: 'rosterOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show,
			options: [
				{
					displayName: 'Managed Fields',
					name: 'fields',
					type: 'multiOptions',
					default: [],
					options: adapter.fields.map((field) => ({ name: field === 'team' ? team : FIELD_NAMES[field], value: field })),
					description: 'Fields compared with the roster and changed; the others are never changed. None selected: all of them.',
				},
				{
					displayName: 'Max Deactivation Percent',
					name: 'maxDeactivationPercent',
					type: 'number',
					default: DEFAULT_MAX_PERCENT,
					typeOptions: { minValue: 0, maxValue: 100 },
					description: `Apply refuses to run when it would deactivate more than this share of the users in scope who are not deactivated. ${DEFAULT_MAX_PERCENT} when not set.`,
				},
				{
					displayName: 'Max Deactivations',
					name: 'maxDeactivations',
					type: 'number',
					default: 10,
					typeOptions: { minValue: 0 },
					description: 'Apply refuses to run when it would deactivate more users than this. No limit when not set.',
				},
				{
					displayName: 'Missing Users',
					name: 'missing',
					type: 'options',
					default: 'report',
					options: [
						{ name: 'Only Report', value: 'report', description: 'List them as skipped' },
						{ name: 'Deactivate', value: 'deactivate', description: 'Deactivate them (within the safety limit)' },
					],
					description: 'What to do with users in scope who are not in the roster',
				},
				{
					displayName: `Only ${team}`,
					name: 'scopeTeam',
					type: 'string',
					default: '',
					description: `Name or ID of a ${team.toLowerCase()}: only its users are compared and changed, and new users are created in it`,
				},
				{
					displayName: 'Only Email Domain',
					name: 'scopeDomain',
					type: 'string',
					default: '',
					placeholder: 'e.g. example.com',
					description: 'Only users whose email is at this domain are compared and changed',
				},
				{
					displayName: 'Protected Emails',
					name: 'protectedEmails',
					type: 'string',
					default: '',
					placeholder: 'e.g. owner@example.com, it@example.com',
					description: 'Users never deactivated and whose role never changes, separated by commas',
				},
				{
					displayName: 'Protected Roles',
					name: 'protectedRoles',
					type: 'multiOptions',
					default: [],
					options: adapter.roles.map((role) => ({ name: role, value: role })),
					description: `Users with these roles are never deactivated and their role never changes. When this option is not added: ${ui.defaultProtectedRoles.join(', ') || 'none'}.`,
				},
				...reactivate,
				...transfer,
			],
		},
	];
}
