import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { readName, readText } from '../../../shared/input';
import { organizationId } from '../../organization';
import { getProfile, memberships, readUser, updateUser, userLocator } from '../../users';

const show = showFor('user', 'update');

export const description: INodeProperties[] = [
	userLocator(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Company', name: 'companyName', type: 'string', default: '', description: 'Set on every open membership of the user' },
			{
				displayName: 'Default Account Name or ID',
				name: 'defaultAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['organization'] },
				default: '',
				description: 'The account the user signs in to by default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '', description: 'Set on every open membership of the user' },
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'e.g. en', description: 'Language culture, such as en, de or fr' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'User Name', name: 'userName', type: 'string', default: '', description: 'The name DocuSign shows for the user' },
		],
	},
	simplifyField(show),
];

/** Update Fields → UpdateUserRequest keys; names are bounded like every name the node sends. */
const PROFILE_FIELDS: Array<[field: string, key: string, label: string, isName: boolean]> = [
	['firstName', 'first_name', 'First Name', true],
	['lastName', 'last_name', 'Last Name', true],
	['userName', 'user_name', 'User Name', true],
	['language', 'language_culture', 'Language', false],
	['defaultAccount', 'default_account_id', 'Default Account', false],
];

/**
 * `POST /v2/organizations/{org}/users/profiles` (UpdateUserRequest, which needs the user's site_id).
 * Job title and company live on memberships: they are set on each open membership of the user.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const update: IDataObject = {};
	for (const [field, key, label, isName] of PROFILE_FIELDS) {
		const value = (isName ? readName : readText).call(this, `updateFields.${field}`, i, label);
		if (value) update[key] = value;
	}
	const membership: IDataObject = {};
	const jobTitle = readName.call(this, 'updateFields.jobTitle', i, 'Job Title');
	const companyName = readName.call(this, 'updateFields.companyName', i, 'Company');
	if (jobTitle) membership.job_title = jobTitle;
	if (companyName) membership.company_name = companyName;
	if (!Object.keys(update).length && !Object.keys(membership).length) {
		throw inputError(this.getNode(), 'Nothing to update', 'Add at least one field under Update Fields.', i);
	}
	const orgId = await organizationId.call(this, i);
	const profile = await getProfile.call(this, orgId, user, i);
	const body: IDataObject = { id: profile.id, site_id: profile.site_id, ...update };
	if (Object.keys(membership).length) {
		body.memberships = memberships(profile)
			.filter((m) => m.status !== 'closed')
			.map((m) => ({ account_id: m.account_id, ...membership }));
	}
	return await updateUser.call(this, orgId, 'profiles', body, i);
}
