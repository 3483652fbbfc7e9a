import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../../../shared/change';
import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { findMember, forgetMembers, memberLocator, memberOrderKey, memberOutput, readMember, readRole, roleField } from '../../members';
import { explain } from '../../offboarding';
import { pandaDoc, paths } from '../../transport';

const show = showFor('member', 'updateRole');

export const description: INodeProperties[] = [memberLocator(show), roleField(show, 'The member’s new role in the workspace'), simplifyField(show)];

export const orderKey = memberOrderKey;

/** Statuses of a server without the endpoint: it exists, as the member was just read, so the route is missing. */
const REFUSED = new Set(['404', '405', '501']);

/** A server without the endpoint says so clearly; any other failure stays as it is. */
function refusal(error: unknown): Error {
	if (!(error instanceof NodeApiError) || !REFUSED.has(String(error.httpCode))) return error as Error;
	return explain(
		error,
		'PandaDoc refused the role change (PATCH /public/v1/members/{id} is not in PandaDoc’s published API)',
		'Change the role in PandaDoc’s settings, or remove the member (with Transfer Documents To) and add them again with the new role.',
	);
}

/**
 * `PATCH /public/v1/members/{membership_id}` `{role}`: named by seed 004 only, not by PandaDoc's SDKs
 * (../shared/reference/vendor-apis.md §4.3). The member is read first, so a refusal is told apart from a wrong ID.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const located = readMember.call(this, i);
	const role = readRole.call(this, i);
	const member = await findMember.call(this, located, i);
	const membershipId = String(member.membership_id);
	try {
		await apiRequest.call(this, pandaDoc, { method: 'PATCH', path: paths.member(membershipId), body: { role }, itemIndex: i });
	} catch (error) {
		throw refusal(error);
	}
	forgetMembers(this);
	return await afterChange({ vendor: 'pandadoc', id: String(member.user_id), role }, async () =>
		memberOutput.call(this, i, await apiRequest.call(this, pandaDoc, { method: 'GET', path: paths.member(membershipId), itemIndex: i })),
	);
}
