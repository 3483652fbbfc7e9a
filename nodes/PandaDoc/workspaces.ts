import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../shared/descriptions';
import { inputError } from '../shared/errors';
import { readOptionalLocator } from '../shared/input';
import { currentMember } from './members';

export function workspaceLocator(displayOptions: IDisplayOptions, name = 'workspace', displayName = 'Workspace', required = true): INodeProperties {
	return locator({ displayName, name, searchMethod: 'searchWorkspaces', idPlaceholder: 'e.g. 9b1f4e2a5c6d7e8f', required, displayOptions });
}

/** An optional workspace: left empty, the workspace of the API key or signed-in user. */
export function optionalWorkspaceLocator(displayOptions: IDisplayOptions, name = 'workspace', displayName = 'Workspace'): INodeProperties {
	return {
		...workspaceLocator(displayOptions, name, displayName, false),
		description: 'Leave empty for the workspace of the credential’s API key or signed-in user',
	};
}

/** An optional Workspace field: the chosen ID, or undefined for the key's own. */
export function readWorkspace(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string | undefined {
	return readOptionalLocator.call(this, name, itemIndex, label)?.value;
}

/**
 * The chosen workspace, else the credential's own (`GET /public/v1/members/current`,
 * ../shared/reference/vendor-apis.md §4.3).
 */
export async function workspaceOrKeys(this: IExecuteFunctions, chosen: string | undefined, itemIndex: number): Promise<string> {
	if (chosen) return chosen;
	const workspace = String((await currentMember.call(this, itemIndex)).workspace ?? '').trim();
	if (!workspace) {
		throw inputError(this.getNode(), 'PandaDoc did not say which workspace the credential belongs to', 'Choose the workspace in the node.', itemIndex);
	}
	return workspace;
}
