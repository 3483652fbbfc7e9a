import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { currentMember, memberOutput } from '../../members';

export const description: INodeProperties[] = [simplifyField(showFor('member', 'getCurrent'))];

/** `GET /public/v1/members/current`: the member the API key or token acts as. */
export async function execute(this: IExecuteFunctions, i: number) {
	return memberOutput.call(this, i, await currentMember.call(this, i));
}
