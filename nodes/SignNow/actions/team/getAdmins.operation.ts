import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { apiRequest } from '../../../shared/transport';
import { simplifyUser } from '../../../shared/user';
import { readTeamId, teamLocator } from '../../teams';
import { dataOf, isMissingRoute, settle, signNow, unconfirmed } from '../../transport';
import { normalizeMember } from '../../users';

const show = showFor('team', 'getAdmins');

export const description: INodeProperties[] = [teamLocator(show), simplifyField(show)];

/**
 * `GET /v2/teams/{team_id}/admins` → `{data:[{user_id, email, type, primary, updated, created}]}`. Seed 002's
 * example calls `/v2/teams/…` under a heading that says `/v2/team/…`; the other spelling is tried when the first
 * has no route.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const teamId = readTeamId.call(this, 'team', i);
	const at = (prefix: string) => ({ method: 'GET' as const, path: `${prefix}/${encodeURIComponent(teamId)}/admins`, itemIndex: i });
	const body = await unconfirmed(this, 'team admins', at('/v2/team'), async () => {
		const first = await settle(apiRequest.call(this, signNow, at('/v2/teams')));
		if ('value' in first) return first.value;
		if (!isMissingRoute(first.error)) throw first.error;
		return await apiRequest.call(this, signNow, at('/v2/team'));
	});
	const team: IDataObject = { id: teamId };
	// An admin listed here is an accepted member with the admin role.
	const normalize = (admin: IDataObject) => normalizeMember({ ...admin, id: admin.user_id, role: 'admin', status: 'accepted' }, team);
	return dataOf(body).map((admin) => simplifyUser.call(this, i, admin, normalize));
}
