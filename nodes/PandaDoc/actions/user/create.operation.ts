import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequest } from '../../../shared/transport';
import { isEmail } from '../../../shared/user';
import { forgetMembers, memberOutput, ROLE_OPTIONS, roleField } from '../../members';
import { asList, pandaDoc, paths } from '../../transport';
import { optionalWorkspaceLocator, workspaceIdOf } from '../../workspaces';
import { notifyOptions, readNotify } from '../../notify';

const show = showFor('user', 'create');

const LICENSES = ['Full', 'eSign', 'Read-only', 'Creator', 'Guest'];

export const description: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true, displayOptions: show },
	optionalWorkspaceLocator(show),
	roleField(show, 'The user’s role in the workspace'),
	{
		displayName: 'License',
		name: 'license',
		type: 'options',
		options: LICENSES.map((value) => ({ name: value, value })),
		default: 'Full',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Additional Workspaces',
				name: 'additionalWorkspaces',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Workspace',
				default: {},
				description: 'More workspaces the user joins, each with its own role',
				options: [
					{
						displayName: 'Workspace',
						name: 'workspace',
						values: [
							{
								displayName: 'Workspace Name or ID',
								name: 'id',
								type: 'options',
								typeOptions: { loadOptionsMethod: 'getWorkspaces' },
								default: '',
								description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							},
							{ displayName: 'Role', name: 'role', type: 'options', options: ROLE_OPTIONS, default: 'Member' },
						],
					},
				],
			},
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' },
		],
	},
	notifyOptions(show),
	simplifyField(show),
];

interface AdditionalFields {
	additionalWorkspaces?: { workspace?: Array<{ id?: string; role?: string }> };
	firstName?: string;
	lastName?: string;
	phoneNumber?: string;
}

/** `POST /public/v1/users` (§4.3) → 201 `{user_id}` (and, in newer API versions, each workspace's `member_id`). */
export async function execute(this: IExecuteFunctions, i: number) {
	const email = String(this.getNodeParameter('email', i, '')).trim();
	if (!isEmail(email)) {
		throw inputError(this.getNode(), `"${email}" is not a valid email address`, 'Enter the new user’s email, such as name@example.com.', i);
	}
	const fields = this.getNodeParameter('additionalFields', i, {}) as AdditionalFields;
	const license = this.getNodeParameter('license', i) as string;
	const user: IDataObject = { email };
	if (fields.firstName) user.first_name = fields.firstName;
	if (fields.lastName) user.last_name = fields.lastName;
	if (fields.phoneNumber) user.phone_number = fields.phoneNumber;
	const workspaces = [
		{ workspace_id: await workspaceIdOf.call(this, 'workspace', i), role: this.getNodeParameter('role', i) as string },
		...(fields.additionalWorkspaces?.workspace ?? [])
			.filter((entry) => String(entry.id ?? '').trim())
			.map((entry) => ({ workspace_id: String(entry.id).trim(), role: entry.role ?? 'Member' })),
	];
	const created = await apiRequest.call(this, pandaDoc, {
		method: 'POST',
		path: paths.users,
		qs: readNotify.call(this, i),
		body: { user, workspaces, license },
		itemIndex: i,
	});
	forgetMembers(this);
	const memberIds = new Map(asList(created.workspaces).map((w) => [String(w.workspace_id), w.member_id]));
	// Shaped as a users-list entry: what was sent, with the new IDs.
	return memberOutput.call(this, i, {
		user_id: created.user_id,
		...user,
		license,
		workspaces: workspaces.map((w) => ({ ...w, membership_id: memberIds.get(w.workspace_id) ?? null })),
	});
}
