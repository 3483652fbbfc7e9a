import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { asText, readChoice, readEmail, readName, readText } from '../../../shared/input';
import { createUser } from '../../memberCalls';
import { memberOutput, readRole, ROLE_OPTIONS, roleField } from '../../members';
import { asList } from '../../transport';
import { optionalWorkspaceLocator, readWorkspace, workspaceOrKeys } from '../../workspaces';
import { notifyOptions, readNotify } from '../../notify';

const show = showFor('user', 'create');

const LICENSE_OPTIONS = ['Full', 'eSign', 'Read-only', 'Creator', 'Guest'].map((value) => ({ name: value, value }));

export const description: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true, displayOptions: show },
	optionalWorkspaceLocator(show),
	roleField(show, 'The user’s role in the workspace'),
	{
		displayName: 'License',
		name: 'license',
		type: 'options',
		options: LICENSE_OPTIONS,
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

/** The Additional Workspaces entries, each a workspace ID and one of the roles. */
function additionalWorkspaces(this: IExecuteFunctions, i: number): Array<{ workspace_id: string; role: string }> {
	const label = 'Additional Workspaces';
	const entries = this.getNodeParameter('additionalFields.additionalWorkspaces.workspace', i, []) as Array<{ id?: unknown; role?: unknown }>;
	return entries
		.map((entry) => ({ workspace_id: asText.call(this, entry.id, label, i), role: asText.call(this, entry.role ?? 'Member', label, i) }))
		.filter((entry) => entry.workspace_id)
		.map((entry) => {
			const role = ROLE_OPTIONS.find((option) => option.value.toLowerCase() === entry.role.toLowerCase())?.value;
			if (!role) {
				const allowed = ROLE_OPTIONS.map((option) => option.value).join(', ');
				throw inputError(this.getNode(), `${label}: Role must be one of ${allowed}, not ${JSON.stringify(entry.role)}`, `Pick each workspace’s role in ${label} from the list.`, i);
			}
			return { workspace_id: entry.workspace_id, role };
		});
}

/**
 * `POST /public/v1/users` (../shared/reference/vendor-apis.md §4.3) → 201 `{user_id}` (and, in newer API versions,
 * each workspace's `member_id`).
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const user: IDataObject = { email: readEmail.call(this, 'email', i, 'Email') };
	const firstName = readName.call(this, 'additionalFields.firstName', i, 'First Name');
	const lastName = readName.call(this, 'additionalFields.lastName', i, 'Last Name');
	const phone = readText.call(this, 'additionalFields.phoneNumber', i, 'Phone Number');
	if (firstName) user.first_name = firstName;
	if (lastName) user.last_name = lastName;
	if (phone) user.phone_number = phone;
	const role = readRole.call(this, i);
	const license = readChoice.call(this, 'license', i, 'License', LICENSE_OPTIONS);
	const chosen = readWorkspace.call(this, 'workspace', 'Workspace', i);
	const more = additionalWorkspaces.call(this, i);
	const qs = readNotify.call(this, i);
	const workspaces = [{ workspace_id: await workspaceOrKeys.call(this, chosen, i), role }, ...more];
	const created = await createUser.call(this, { user, workspaces, license }, qs, i);
	const memberIds = new Map(asList(created.workspaces).map((w) => [String(w.workspace_id), w.member_id]));
	// Shaped as a users-list entry: what was sent, with the new IDs.
	return memberOutput.call(this, i, {
		user_id: created.user_id,
		...user,
		license,
		workspaces: workspaces.map((w) => ({ ...w, membership_id: memberIds.get(w.workspace_id) ?? null })),
	});
}
