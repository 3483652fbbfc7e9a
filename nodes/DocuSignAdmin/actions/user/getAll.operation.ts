import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersField, readPaging, returnAllAndLimit, showFor, simplifyField } from '../../../shared/descriptions';
import { collect } from '../../../shared/pagination';
import { organizationId, organizationRecord } from '../../organization';
import { docuSign, paths, userPaging } from '../../transport';
import { userOutput } from '../../users';

const show = showFor('user', 'getAll');

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	filtersField(show, [
		{
			displayName: 'Account Name or ID',
			name: 'account',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['organization'] },
			default: '',
			description:
				'Only members of this account. Without an account or email filter, the organization’s default account is used. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Only the user with exactly this email',
		},
		{
			displayName: 'Email or Name Contains',
			name: 'emailLike',
			type: 'string',
			default: '',
			description: 'Only users whose email or user name contains this text',
		},
		{
			displayName: 'Include DS Groups',
			name: 'includeDsGroups',
			type: 'boolean',
			default: false,
			description: 'Whether to return the DS groups of each user (the organization needs multi-product entitlement)',
		},
		{
			displayName: 'Membership Status',
			name: 'membershipStatus',
			type: 'options',
			default: 'active',
			options: [
				{ name: 'Activation Required', value: 'activation_required' },
				{ name: 'Activation Sent', value: 'activation_sent' },
				{ name: 'Active', value: 'active' },
				{ name: 'Closed', value: 'closed' },
				{ name: 'Disabled', value: 'disabled' },
			],
		},
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only users changed since this time (needs an account; the default account is used if none is chosen)',
		},
		{
			displayName: 'User Status',
			name: 'status',
			type: 'options',
			default: 'active',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Created', value: 'created' },
				{ name: 'Closed', value: 'closed' },
			],
		},
	]),
	simplifyField(show),
];

interface Filters {
	account?: string;
	email?: string;
	emailLike?: string;
	includeDsGroups?: boolean;
	membershipStatus?: string;
	modifiedSince?: string;
	status?: string;
}

/** UTC without a zone, the Admin API's own date format. */
function apiDate(value: string): string {
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? value : new Date(ms).toISOString().replace(/Z$/, '');
}

/**
 * `GET /v2/organizations/{org}/users` over start/take pages. The API needs an account, an email or a
 * reserved domain, and an account (or domain) for Modified Since: the organization's default account
 * stands in when none is chosen.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const orgId = await organizationId.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as Filters;
	const qs: IDataObject = {};
	if (filters.email) qs.email = filters.email.trim();
	if (filters.account) qs.account_id = filters.account;
	else if (!filters.email || filters.modifiedSince) {
		qs.account_id = (await organizationRecord.call(this, orgId, i)).default_account_id;
	}
	if (filters.emailLike) qs.email_user_name_like = filters.emailLike;
	if (filters.status) qs.status = filters.status;
	if (filters.membershipStatus) qs.membership_status = filters.membershipStatus;
	if (filters.modifiedSince) qs.last_modified_since = apiDate(filters.modifiedSince);
	if (filters.includeDsGroups) qs.include_ds_groups = true;
	const users = await collect.call(
		this,
		docuSign,
		{ method: 'GET', path: `${paths.org(orgId)}/users`, qs, itemIndex: i },
		userPaging,
		readPaging.call(this, i),
	);
	return users.map((user) => userOutput.call(this, i, user));
}
