import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, simplifyField } from '../../../shared/descriptions';
import { moveToTeam } from '../../userCalls';
import {
	readTeamId,
	readTransferTo,
	readUser,
	resolveUserId,
	teamLocator,
	transferToField,
	userAfterChange,
	userLocator,
} from '../../users';

const show = showFor('user', 'changeTeam');

export const description: INodeProperties[] = [
	userLocator(show),
	teamLocator(show, 'team', 'New Team'),
	transferToField(
		show,
		'A user of the old team who receives the user’s documents. Leave empty to move the documents with the user.',
	),
	simplifyField(show),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const user = readUser.call(this, i);
	const toTeamId = readTeamId.call(this, 'team', i, 'New Team');
	const transferTo = readTransferTo.call(this, i);
	const userId = await resolveUserId.call(this, user, i);
	const toUserId = transferTo ? await resolveUserId.call(this, transferTo, i) : undefined;
	await moveToTeam.call(this, userId, toTeamId, toUserId, i);
	return await userAfterChange.call(this, userId, i, { teamId: toTeamId });
}
