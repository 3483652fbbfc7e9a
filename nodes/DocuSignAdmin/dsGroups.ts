import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import { apiRequest } from '../shared/transport';
import { asList, docuSign, paths } from './transport';

export interface GroupTarget {
	orgId: string;
	accountId: string;
	dsGroupId: string;
}

function failureText(users: IDataObject[]): string {
	return users
		.map((u) => {
			const details = (u.error_details ?? {}) as IDataObject;
			return `${String(u.user_id ?? u.email ?? 'user')}: ${String(details.error_description ?? details.error ?? 'failed')}`;
		})
		.join('; ');
}

function fail(this: IExecuteFunctions, action: 'add' | 'remove', failed: IDataObject[], itemIndex?: number): never {
	const users = failed.length === 1 ? '1 user' : `${failed.length} users`;
	throw inputError(
		this.getNode(),
		`DocuSign could not ${action} ${users} ${action === 'add' ? 'to' : 'from'} the DS group: ${failureText(failed)}`,
		'Check that the users are members of the DS group’s account (and, to remove them, of the group).',
		itemIndex,
	);
}

/** `POST …/dsgroups/{id}/users` with `{user_ids}`; the answer (AddDSGroupAndUsersResponse) reports each user. */
export async function addToDsGroup(this: IExecuteFunctions, target: GroupTarget, userIds: string[], itemIndex?: number) {
	const body = await apiRequest.call(this, docuSign, {
		method: 'POST',
		path: `${paths.dsGroup(target.orgId, target.accountId, target.dsGroupId)}/users`,
		body: { user_ids: userIds },
		itemIndex,
	});
	const result = (body.group_users ?? body) as IDataObject;
	const failed = asList(result.users).filter((u) => u.error_details);
	if (failed.length || result.is_success === false) fail.call(this, 'add', failed, itemIndex);
	return body;
}

/** `DELETE …/dsgroups/{id}/users` with `{user_ids}` (RemoveDSGroupUsersResponse: is_success, failed_users). */
export async function removeFromDsGroup(this: IExecuteFunctions, target: GroupTarget, userIds: string[], itemIndex?: number) {
	const body = await apiRequest.call(this, docuSign, {
		method: 'DELETE',
		path: `${paths.dsGroup(target.orgId, target.accountId, target.dsGroupId)}/users`,
		body: { user_ids: userIds },
		itemIndex,
	});
	const failed = asList(body.failed_users);
	if (failed.length || body.is_success === false) fail.call(this, 'remove', failed, itemIndex);
	return body;
}

/** Adds the user to a DS group, then takes it out of another (Change Team): added first, so it is never in none. */
export async function moveBetweenDsGroups(
	this: IExecuteFunctions,
	{ orgId, accountId }: { orgId: string; accountId: string },
	userId: string,
	toDsGroupId: string,
	fromDsGroupId: string | null,
	itemIndex?: number,
): Promise<void> {
	await addToDsGroup.call(this, { orgId, accountId, dsGroupId: toDsGroupId }, [userId], itemIndex);
	if (fromDsGroupId && fromDsGroupId.toLowerCase() !== toDsGroupId.toLowerCase()) {
		await removeFromDsGroup.call(this, { orgId, accountId, dsGroupId: fromDsGroupId }, [userId], itemIndex);
	}
}
