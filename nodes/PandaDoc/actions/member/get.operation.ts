import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { findMember, memberLocator, memberOutput, readMember } from '../../members';

const show = showFor('member', 'get');

export const description: INodeProperties[] = [memberLocator(show), simplifyField(show)];

/** By membership ID `GET /public/v1/members/{id}`; by user ID or email, found in `GET /public/v1/members`. */
export async function execute(this: IExecuteFunctions, i: number) {
	return memberOutput.call(this, i, await findMember.call(this, readMember.call(this, i), i));
}
