import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../shared/input';
import type { GroupTarget } from '../../dsGroups';
import { readDsGroupId } from '../../fields';
import { organizationId } from '../../organization';

/**
 * Organization and account of a DS group operation. The organization may take a request: callers read
 * their own fields first, so bad input fails before any request.
 */
export async function accountTarget(this: IExecuteFunctions, i: number): Promise<{ orgId: string; accountId: string }> {
	const accountId = readId.call(this, 'account', i, 'Account');
	return { orgId: await organizationId.call(this, i), accountId };
}

/** Organization, account and DS group of an operation on one group. */
export async function groupTarget(this: IExecuteFunctions, i: number): Promise<GroupTarget> {
	const dsGroupId = readDsGroupId.call(this, 'dsGroup', i);
	return { ...(await accountTarget.call(this, i)), dsGroupId };
}
