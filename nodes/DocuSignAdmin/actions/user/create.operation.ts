import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequest } from '../../../shared/transport';
import { isEmail } from '../../../shared/user';
import { accountField, numericId, permissionProfileField, readRequired } from '../../fields';
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
				placeholder: 'en',
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
	id?: string;
	permissionProfile?: string;
	groups?: string;
}

interface AdditionalFields {
	additionalAccounts?: { account?: AccountEntry[] };
	autoActivate?: boolean;
	companyName?: string;
	jobTitle?: string;
	language?: string;
	userName?: string;
}

/** One entry of NewUserRequest.accounts (reference §1.4): the account, its permission profile and groups. */
function membership(accountId: string, permissionProfile: string, groups: string[]): IDataObject {
	const account: IDataObject = { id: accountId.trim() };
	if (permissionProfile.trim()) account.permission_profile = { id: numericId(permissionProfile) };
	const groupIds = groups.map((id) => String(id).trim()).filter(Boolean);
	if (groupIds.length) account.groups = groupIds.map((id) => ({ id: numericId(id) }));
	return account;
}

/** `POST /v2/organizations/{org}/users` (NewUserRequest), then the new user's profile. */
export async function execute(this: IExecuteFunctions, i: number) {
	const email = String(this.getNodeParameter('email', i, '')).trim();
	if (!isEmail(email)) {
		throw inputError(this.getNode(), `"${email}" is not a valid email address`, 'Enter the new user’s email, such as name@example.com.', i);
	}
	const orgId = await organizationId.call(this, i);
	const fields = this.getNodeParameter('additionalFields', i, {}) as AdditionalFields;
	const accounts = [
		membership(
			readRequired.call(this, 'account', i, 'account'),
			String(this.getNodeParameter('permissionProfile', i, '') ?? ''),
			this.getNodeParameter('groups', i, []) as string[],
		),
		...(fields.additionalAccounts?.account ?? [])
			.filter((entry) => String(entry.id ?? '').trim())
			.map((entry) => membership(String(entry.id), entry.permissionProfile ?? '', String(entry.groups ?? '').split(','))),
	];
	for (const account of accounts) {
		if (fields.companyName) account.company_name = fields.companyName;
		if (fields.jobTitle) account.job_title = fields.jobTitle;
	}

	const body: IDataObject = { email, accounts };
	const firstName = String(this.getNodeParameter('firstName', i, '')).trim();
	const lastName = String(this.getNodeParameter('lastName', i, '')).trim();
	if (firstName) body.first_name = firstName;
	if (lastName) body.last_name = lastName;
	if (fields.userName) body.user_name = fields.userName;
	else if (firstName || lastName) body.user_name = [firstName, lastName].filter(Boolean).join(' ');
	if (fields.language) body.language_culture = fields.language;
	if (fields.autoActivate) body.auto_activate_memberships = true;

	const created = await apiRequest.call(this, docuSign, { method: 'POST', path: `${paths.org(orgId)}/users`, body, itemIndex: i });
	return await userAfterChange.call(this, orgId, String(created.id), i);
}
