import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventsField, triggerOptionsField, triggerSimplifyField } from '../shared/poll/description';
import { pollUsers } from '../shared/poll/trigger';
import { authenticationField } from './actions/resources';
import { pandaDocUsers } from './userSource';

export class PandaDocUsersTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaDoc Users Trigger',
		name: 'pandaDocUsersTrigger',
		icon: { light: 'file:pandadoc.svg', dark: 'file:pandadoc.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ [1, 2, 3, 4, 5, 6].includes(($parameter["events"] || []).length) ? $parameter["events"].join(", ") : "All user changes" }}',
		description: 'Starts the workflow when PandaDoc users are added, renamed, change role or workspace, are deactivated or leave every workspace',
		defaults: { name: 'PandaDoc Users Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'pandaDocApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'pandaDocOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [authenticationField, eventsField, triggerSimplifyField, triggerOptionsField()],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUsers.call(this, pandaDocUsers);
	}
}
