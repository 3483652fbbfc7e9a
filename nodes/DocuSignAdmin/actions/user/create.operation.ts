import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { asText, readEmail, readId, readList, readName, readOptionalId, readText } from '../../../shared/input';
import { apiRequest } from '../../../shared/transport';
import { accountField, numericId, permissionProfileField } from '../../fields';
import { organizationId } from '../../organization';
import { docuSign, paths } from '../../transport';
import { userAfterChange } from '../../users';

const show = showFor('user', 'create');

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: show,
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', displayOptions: show },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', displayOptions: show },
	accountField(show, 'The account the user becomes a member of.'),
	permissionProfileField(show, 'The user’s permission profile (role) on the account. Leave empty for the account’s default.', false),
	{
		displayName: 'Group Names or IDs',
		name: 'groups',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups', loadOptionsDependsOn: ['account'] },
		default: [],
		description:
			'Account groups to add the user to (every user is in "Everyone"). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
				displayName: 'Activate Membership',
				name: 'autoActivate',
				type: 'boolean',
				default: false,
				description: 'Whether to activate the membership at once instead of sending the user an activation email',
			},
			{
				displayName: 'Additional Accounts',
				name: 'additionalAccounts',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Account',
				default: {},
				description: 'More accounts of the organization the user becomes a member of, each with its own role and groups',
				options: [
					{
						displayName: 'Account',
						name: 'account',
						values: [
							{
								displayName: 'Account Name or ID',
								name: 'id',
								type: 'options',
								typeOptions: { loadOptionsMethod: 'getAccounts' },
								default: '',
								description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							},
							{
								displayName: 'Permission Profile ID',
								name: 'permissionProfile',
								type: 'string',
								default: '',
								description: 'The role on this account. Leave empty for the account’s default. IDs are listed by Account → Get Permission Profiles.',
							},
							{
								displayName: 'Group IDs',
								name: 'groups',
								type: 'string',
								default: '',
								description: 'Account groups on this account, IDs separated by commas',
							},
						],
					},
				],
			},
			{ displayName: 'Company', name: 'companyName', type: 'string', default: '' },
			{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'The user’s language culture, such as en, de or fr',
			},
			{
				displayName: 'User Name',
				name: 'userName',
				type: 'string',
				default: '',
				description: 'The name DocuSign shows for the user. Defaults to first and last name.',
			},
		],
	},
	simplifyField(show),
];

interface AccountEntry {
	id?: unknown;
	permissionProfile?: unknown;
	groups?: unknown;
}

/** One entry of NewUserRequest.accounts (../shared/reference/vendor-apis.md §1.4): the account, its permission profile and groups. */
function membership(accountId: string, permissionProfile: string | undefined, groupIds: string[]): IDataObject {
	const account: IDataObject = { id: accountId };
	if (permissionProfile) account.permission_profile = { id: numericId(permissionProfile) };
	if (groupIds.length) account.groups = groupIds.map((id) => ({ id: numericId(id) }));
	return account;
}

/** The Additional Accounts entries, each value a single value. */
function additionalAccounts(this: IExecuteFunctions, i: number): IDataObject[] {
	const label = 'Additional Accounts';
	const entries = this.getNodeParameter('additionalFields.additionalAccounts.account', i, []) as AccountEntry[];
	return entries
		.map((entry) => ({
			id: asText.call(this, entry.id, label, i),
			profile: asText.call(this, entry.permissionProfile, label, i),
			groups: asText.call(this, entry.groups, label, i).split(',').map((id) => id.trim()).filter(Boolean),
		}))
		.filter((entry) => entry.id)
		.map((entry) => membership(entry.id, entry.profile || undefined, entry.groups));
}

/** `POST /v2/organizations/{org}/users` (NewUserRequest), then the new user's profile. */
export async function execute(this: IExecuteFunctions, i: number) {
	const body: IDataObject = { email: readEmail.call(this, 'email', i, 'Email') };
	const firstName = readName.call(this, 'firstName', i, 'First Name');
	const lastName = readName.call(this, 'lastName', i, 'Last Name');
	const userName = readName.call(this, 'additionalFields.userName', i, 'User Name');
	if (firstName) body.first_name = firstName;
	if (lastName) body.last_name = lastName;
	if (userName) body.user_name = userName;
	else if (firstName || lastName) body.user_name = [firstName, lastName].filter(Boolean).join(' ');
	const language = readText.call(this, 'additionalFields.language', i, 'Language');
	if (language) body.language_culture = language;
	if (this.getNodeParameter('additionalFields.autoActivate', i, false) === true) body.auto_activate_memberships = true;

	const accounts = [
		membership(
			readId.call(this, 'account', i, 'Account'),
			readOptionalId.call(this, 'permissionProfile', i, 'Permission Profile'),
			readList.call(this, 'groups', i, 'Group Names or IDs'),
		),
		...additionalAccounts.call(this, i),
	];
	const companyName = readName.call(this, 'additionalFields.companyName', i, 'Company');
	const jobTitle = readName.call(this, 'additionalFields.jobTitle', i, 'Job Title');
	for (const account of accounts) {
		if (companyName) account.company_name = companyName;
		if (jobTitle) account.job_title = jobTitle;
	}
	body.accounts = accounts;

	const orgId = await organizationId.call(this, i);
	const created = await apiRequest.call(this, docuSign, { method: 'POST', path: `${paths.org(orgId)}/users`, body, itemIndex: i });
	return await userAfterChange.call(this, orgId, String(created.id), i);
}
