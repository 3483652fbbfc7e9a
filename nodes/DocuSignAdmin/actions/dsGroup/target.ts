import type { IExecuteFunctions } from 'n8n-workflow';

import type { GroupTarget } from '../../dsGroups';
import { readDsGroupId, readRequired } from '../../fields';
import { organizationId } from '../../organization';

/** Organization and account of a DS group operation. */
export async function accountTarget(this: IExecuteFunctions, i: number): Promise<{ orgId: string; accountId: string }> {
	return { orgId: await organizationId.call(this, i), accountId: readRequired.call(this, 'account', i, 'account') };
}

/** Organization, account and DS group of an operation on one group. */
export async function groupTarget(this: IExecuteFunctions, i: number): Promise<GroupTarget> {
	return { ...(await accountTarget.call(this, i)), dsGroupId: readDsGroupId.call(this, 'dsGroup', i) };
}
