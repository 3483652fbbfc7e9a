import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../../../shared/change';
import { showFor, simplifyField } from '../../../shared/descriptions';
import { getTeam, readTeamName, teamNameField, teamOutput } from '../../teams';
import { unconfirmedRequest } from '../../transport';

const show = showFor('team', 'create');

export const description: INodeProperties[] = [
	teamNameField(show, 'Name of the new team, up to 40 characters'),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'VIEWABLE',
		options: [
			{ name: 'Viewable', value: 'VIEWABLE' },
			{ name: 'Shareable', value: 'SHAREABLE' },
		],
		displayOptions: show,
	},
	simplifyField(show),
];

/** `POST /team` `{name, type}` → `{id}` (../shared/reference/vendor-apis.md §2.4), then the team read back. */
export async function execute(this: IExecuteFunctions, i: number) {
	const name = readTeamName.call(this, i);
	const type = String(this.getNodeParameter('type', i, 'VIEWABLE'));
	const { id } = await unconfirmedRequest.call(this, 'teams', { method: 'POST', path: '/team', body: { name, type }, itemIndex: i });
	return await afterChange({ id, name, type }, async () => teamOutput.call(this, i, await getTeam.call(this, String(id), i)));
}
