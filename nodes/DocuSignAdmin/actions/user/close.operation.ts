import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { readChoice, readList } from '../../../shared/input';
import type { LocatorValue } from '../../../shared/input';
import { organizationId } from '../../organization';
import { closeMemberships } from '../../userCalls';
import { getProfile, memberships, readUser, resolveUserId, userLocator } from '../../users';

const show = showFor('user', 'close');

const CLOSE_FROM_OPTIONS = [
	{ name: 'All of the User’s Accounts', value: 'allAccounts' },
	{ name: 'Selected Accounts', value: 'selectedAccounts' },
];

export const description: INodeProperties[] = [
	userLocator(show),
	{
		displayName: 'Close Memberships On',
		name: 'closeFrom',
		type: 'options',
		default: 'allAccounts',
		options: CLOSE_FROM_OPTIONS,
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

/** The accounts chosen, or undefined for every open membership of the user. */
function readAccounts(this: IExecuteFunctions, i: number): string[] | undefined {
	if (readChoice.call(this, 'closeFrom', i, 'Close Memberships On', CLOSE_FROM_OPTIONS, 'allAccounts') !== 'selectedAccounts') return undefined;
	const accounts = readList.call(this, 'accounts', i, 'Account Names or IDs');
	if (!accounts.length) throw inputError(this.getNode(), 'No account selected', 'Select the accounts to close the user’s memberships on.', i);
	return accounts;
}

/** The user ID and the accounts to close: as selected, or every open membership in the user's profile. */
async function accountsToClose(this: IExecuteFunctions, orgId: string, user: LocatorValue, selected: string[] | undefined, i: number) {
	if (selected) return { userId: await resolveUserId.call(this, orgId, user, i), accounts: selected };
	const profile = await getProfile.call(this, orgId, user, i);
	const open = memberships(profile).filter((m) => String(m.status ?? '').toLowerCase() !== 'closed');
	return { userId: String(profile.id), accounts: open.map((m) => String(m.account_id)) };
}

/**
 * `DELETE /v2/organizations/{org}/users/{userId}/accounts` with `{accounts: [{id}]}` (../shared/reference/vendor-apis.md §1.3). The
 * answer (DeleteMembershipsResponse) reports each account; the output lists them all, and the item fails
 * only when every account failed. A user with no open membership is already closed: nothing is sent.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const selected = readAccounts.call(this, i);
	const orgId = await organizationId.call(this, i);
	const { userId, accounts } = await accountsToClose.call(this, orgId, user, selected, i);
	if (!accounts.length) return { userId, success: true, closedAccounts: 0, accounts: [] };
	const results = await closeMemberships.call(this, orgId, userId, accounts, i);
	const closed = results.filter((r) => r.closed).length;
	if (closed === 0) {
		const reasons = results.map((r) => `${r.accountId}: ${r.errorDescription ?? r.error ?? 'not closed'}`).join('; ');
		throw inputError(this.getNode(), `DocuSign closed none of the user’s memberships (${reasons})`, 'Check that the user is an open member of the accounts selected.', i);
	}
	return { userId, success: closed === results.length, closedAccounts: closed, accounts: results };
}
