import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersField, returnAllAndLimit, showFor, simplifyField } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { readChoice, readEmail, readLimit, readOptionalId, readText } from '../../../shared/input';
import { collect } from '../../../shared/pagination';
import { userOutputOf } from '../../../shared/user';
import { organizationId, organizationRecord } from '../../organization';
import { docuSign, paths, userPaging } from '../../transport';
import { normalizeUser } from '../../users';

const show = showFor('user', 'getAll');

const MEMBERSHIP_STATUS_OPTIONS = [
	{ name: 'Activation Required', value: 'activation_required' },
	{ name: 'Activation Sent', value: 'activation_sent' },
	{ name: 'Active', value: 'active' },
	{ name: 'Closed', value: 'closed' },
	{ name: 'Disabled', value: 'disabled' },
];

const STATUS_OPTIONS = [
	{ name: 'Active', value: 'active' },
	{ name: 'Created', value: 'created' },
	{ name: 'Closed', value: 'closed' },
];

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
			options: MEMBERSHIP_STATUS_OPTIONS,
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
			options: STATUS_OPTIONS,
		},
	]),
	simplifyField(show),
];

/** UTC without a zone, the Admin API's own date format; an unreadable date is refused. */
function readDate(this: IExecuteFunctions, name: string, i: number, label: string): string | undefined {
	const value = readText.call(this, name, i, label);
	if (!value) return undefined;
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) {
		throw inputError(this.getNode(), `${label} is not a date: ${JSON.stringify(value)}`, 'Enter a date such as 2025-01-31T00:00:00Z.', i);
	}
	return new Date(ms).toISOString().replace(/Z$/, '');
}

/** The Filters collection; a filter left out is undefined. */
function readFilters(this: IExecuteFunctions, i: number) {
	const set = (name: string) => this.getNodeParameter(`filters.${name}`, i, '') !== '';
	return {
		account: readOptionalId.call(this, 'filters.account', i, 'Account'),
		email: readEmail.call(this, 'filters.email', i, 'Email', false),
		emailLike: readText.call(this, 'filters.emailLike', i, 'Email or Name Contains'),
		includeDsGroups: this.getNodeParameter('filters.includeDsGroups', i, false) === true,
		membershipStatus: set('membershipStatus')
			? readChoice.call(this, 'filters.membershipStatus', i, 'Membership Status', MEMBERSHIP_STATUS_OPTIONS)
			: undefined,
		modifiedSince: readDate.call(this, 'filters.modifiedSince', i, 'Modified Since'),
		status: set('status') ? readChoice.call(this, 'filters.status', i, 'User Status', STATUS_OPTIONS) : undefined,
	};
}

/**
 * `GET /v2/organizations/{org}/users` over start/take pages. The API needs an account, an email or a
 * reserved domain, and an account (or domain) for Modified Since: the organization's default account
 * stands in when none is chosen.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const filters = readFilters.call(this, i);
	const paging = readLimit.call(this, i);
	const orgId = await organizationId.call(this, i);
	const qs: IDataObject = {};
	if (filters.email) qs.email = filters.email;
	if (filters.account) qs.account_id = filters.account;
	else if (!filters.email || filters.modifiedSince) {
		qs.account_id = (await organizationRecord.call(this, orgId, i)).default_account_id;
	}
	if (filters.emailLike) qs.email_user_name_like = filters.emailLike;
	if (filters.status) qs.status = filters.status;
	if (filters.membershipStatus) qs.membership_status = filters.membershipStatus;
	if (filters.modifiedSince) qs.last_modified_since = filters.modifiedSince;
	if (filters.includeDsGroups) qs.include_ds_groups = true;
	// Each page is turned into output as it arrives, so the vendor's objects do not pile up.
	return await collect.call(this, docuSign, { method: 'GET', path: `${paths.org(orgId)}/users`, qs, itemIndex: i }, userPaging, paging, userOutputOf.call(this, i, normalizeUser));
}
