import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { organizationId } from '../../organization';
import { memberships, resolveProfile, updateUser, userLocator } from '../../users';

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
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'en', description: 'Language culture, such as en, de or fr' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'User Name', name: 'userName', type: 'string', default: '', description: 'The name DocuSign shows for the user' },
		],
	},
	simplifyField(show),
];

const PROFILE_FIELDS: Record<string, string> = {
	firstName: 'first_name',
	lastName: 'last_name',
	userName: 'user_name',
	language: 'language_culture',
	defaultAccount: 'default_account_id',
};

/**
 * `POST /v2/organizations/{org}/users/profiles` (UpdateUserRequest, which needs the user's site_id).
 * Job title and company live on memberships: they are set on each open membership of the user.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const orgId = await organizationId.call(this, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as Record<string, string>;
	const profile = await resolveProfile.call(this, orgId, 'user', i);
	const update: IDataObject = { id: profile.id, site_id: profile.site_id };
	for (const [field, key] of Object.entries(PROFILE_FIELDS)) if (fields[field]) update[key] = fields[field];
	const membership: IDataObject = {};
	if (fields.jobTitle) membership.job_title = fields.jobTitle;
	if (fields.companyName) membership.company_name = fields.companyName;
	if (Object.keys(membership).length) {
		update.memberships = memberships(profile)
			.filter((m) => m.status !== 'closed')
			.map((m) => ({ account_id: m.account_id, ...membership }));
	}
	if (Object.keys(update).length === 2) {
		throw inputError(this.getNode(), 'Nothing to update', 'Add at least one field under Update Fields.', i);
	}
	return await updateUser.call(this, orgId, 'profiles', update, i);
}
