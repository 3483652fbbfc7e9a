import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../../../shared/change';
import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { setMemberRole } from '../../memberCalls';
import { findMember, memberLocator, memberOrderKey, memberOutput, readMember, readRole, roleField } from '../../members';
import { pandaDoc, paths } from '../../transport';

const show = showFor('member', 'updateRole');

export const description: INodeProperties[] = [memberLocator(show), roleField(show, 'The member’s new role in the workspace'), simplifyField(show)];

export const orderKey = memberOrderKey;

/**
 * `PATCH /public/v1/members/{membership_id}` `{role}`: named by seed 004 only, not by PandaDoc's SDKs
 * (../shared/reference/vendor-apis.md §4.3). The member is read first, so a refusal is told apart from a wrong ID.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const located = readMember.call(this, i);
	const role = readRole.call(this, i);
	const member = await findMember.call(this, located, i);
	const membershipId = String(member.membership_id);
	await setMemberRole.call(this, membershipId, role, i);
	return await afterChange({ vendor: 'pandadoc', id: String(member.user_id), role }, async () =>
		memberOutput.call(this, i, await apiRequest.call(this, pandaDoc, { method: 'GET', path: paths.member(membershipId), itemIndex: i })),
	);
}
