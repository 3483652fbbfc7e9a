import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readName } from '../../../shared/input';

export function teamNameField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return { displayName: 'Team Name', name: 'teamName', type: 'string', default: '', required: true, description, displayOptions };
}

export function readTeamName(this: IExecuteFunctions, i: number): string {
	return readName.call(this, 'teamName', i, 'Team Name', true);
}
