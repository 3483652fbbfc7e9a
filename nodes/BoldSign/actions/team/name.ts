import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';

export function teamNameField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return { displayName: 'Team Name', name: 'teamName', type: 'string', default: '', required: true, description, displayOptions };
}

export function readTeamName(this: IExecuteFunctions, i: number): string {
	const name = String(this.getNodeParameter('teamName', i, '')).trim();
	if (!name) throw inputError(this.getNode(), 'No team name given', 'Enter a name for the team.', i);
	return name;
}
