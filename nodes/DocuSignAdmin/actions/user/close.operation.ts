import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { apiRequestFull } from '../../../shared/transport';
import { organizationId } from '../../organization';
import { asList, docuSign, paths } from '../../transport';
import { memberships, resolveProfile, resolveUserId, userLocator } from '../../users';

const show = showFor('user', 'close');

export const description: INodeProperties[] = [
	userLocator(show),
	{
		displayName: 'Close Memberships On',
		name: 'closeFrom',
		type: 'options',
		default: 'allAccounts',
		options: [
			{ name: 'All of the User’s Accounts', value: 'allAccounts' },
			{ name: 'Selected Accounts', value: 'selectedAccounts' },
		],
		description:
			'The node outputs the result for each account, with DocuSign’s error details where an account failed, and fails only if no membership could be closed',
		displayOptions: show,
	},
	{
		displayName: 'Account Names or IDs',
		name: 'accounts',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['organization'] },
		default: [],
		required: true,
		description: 'The accounts to close the user’s memberships on. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { ...show.show, closeFrom: ['selectedAccounts'] } },
	},
];

/** The accounts to close: as selected, or every open membership in the user's profile. */
async function accountsToClose(this: IExecuteFunctions, orgId: string, i: number): Promise<{ userId: string; accounts: string[] }> {
	if (this.getNodeParameter('closeFrom', i, 'allAccounts') === 'selectedAccounts') {
		const accounts = (this.getNodeParameter('accounts', i, []) as string[]).map((a) => String(a).trim()).filter(Boolean);
		if (!accounts.length) throw inputError(this.getNode(), 'No account selected', 'Select the accounts to close the user’s memberships on.', i);
		return { userId: await resolveUserId.call(this, orgId, 'user', i), accounts };
	}
	const profile = await resolveProfile.call(this, orgId, 'user', i);
	const open = memberships(profile).filter((m) => String(m.status ?? '').toLowerCase() !== 'closed');
	return { userId: String(profile.id), accounts: open.map((m) => String(m.account_id)) };
}

/**
 * `DELETE /v2/organizations/{org}/users/{userId}/accounts` with `{accounts: [{id}]}` (reference §1.3). The
 * answer (DeleteMembershipsResponse) reports each account; the output lists them all, and the item fails
 * only when every account failed. A user with no open membership is already closed: nothing is sent.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const orgId = await organizationId.call(this, i);
	const { userId, accounts } = await accountsToClose.call(this, orgId, i);
	if (!accounts.length) return { userId, success: true, closedAccounts: 0, accounts: [] };
	const { body, repeated } = await apiRequestFull.call(this, docuSign, {
		method: 'DELETE',
		path: `${paths.org(orgId)}/users/${encodeURIComponent(userId)}/accounts`,
		body: { accounts: accounts.map((id) => ({ id })) },
		itemIndex: i,
	});
	const reported = new Map(asList(body, 'accounts').map((a) => [String(a.id).toLowerCase(), a]));
	const results = accounts.map((accountId) => {
		const details = reported.get(accountId.toLowerCase())?.error_details as IDataObject | undefined;
		// Sent again after a lost answer: a membership the first request closed is no longer found.
		const closedBefore = repeated && details?.error === 'membership_not_found';
		return details && !closedBefore
			? { accountId, closed: false, error: details.error ?? null, errorDescription: details.error_description ?? null }
			: { accountId, closed: true };
	});
	const closed = results.filter((r) => r.closed).length;
	if (closed === 0) {
		const reasons = results.map((r) => `${r.accountId}: ${r.errorDescription ?? r.error ?? 'not closed'}`).join('; ');
		throw inputError(this.getNode(), `DocuSign closed none of the user’s memberships (${reasons})`, 'Check that the user is an open member of the accounts selected.', i);
	}
	return { userId, success: closed === results.length, closedAccounts: closed, accounts: results };
}
