import type { IDataObject } from 'n8n-workflow';

import { apiRequest, apiRequestFull } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { asList, docuSign, paths } from './transport';

/**
 * Membership calls shared by the single-user operations (Close, Reactivate) and the roster adapter
 * (../shared/reference/vendor-apis.md §1.3).
 */

export interface ClosedAccount {
	accountId: string;
	closed: boolean;
	error?: unknown;
	errorDescription?: unknown;
}

/**
 * `DELETE …/users/{userId}/accounts` with `{accounts: [{id}]}`; the answer (DeleteMembershipsResponse) reports
 * each account. A membership already closed by a first request whose answer was lost counts as closed.
 */
export async function closeMemberships(this: RequestContext, orgId: string, userId: string, accounts: string[], itemIndex?: number): Promise<ClosedAccount[]> {
	const { body, repeated } = await apiRequestFull.call(this, docuSign, {
		method: 'DELETE',
		path: `${paths.org(orgId)}/users/${encodeURIComponent(userId)}/accounts`,
		body: { accounts: accounts.map((id) => ({ id })) },
		itemIndex,
	});
	const reported = new Map(asList(body, 'accounts').map((a) => [String(a.id).toLowerCase(), a]));
	return accounts.map((accountId) => {
		const details = reported.get(accountId.toLowerCase())?.error_details as IDataObject | undefined;
		const closedBefore = repeated && details?.error === 'membership_not_found';
		return details && !closedBefore
			? { accountId, closed: false, error: details.error ?? null, errorDescription: details.error_description ?? null }
			: { accountId, closed: true };
	});
}

/** `POST …/users/{userId}/memberships/{membershipId}` with `{site_id}` (ForceActivateMembershipRequest). */
export async function activateMembership(this: RequestContext, orgId: string, userId: string, membershipId: string, siteId: unknown, itemIndex?: number): Promise<void> {
	await apiRequest.call(this, docuSign, {
		method: 'POST',
		path: `${paths.org(orgId)}/users/${encodeURIComponent(userId)}/memberships/${encodeURIComponent(membershipId)}`,
		body: { site_id: siteId },
		itemIndex,
		// Activating an active membership changes nothing, so a lost answer may be repeated.
		idempotent: true,
	});
}
