import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventsField, triggerOptionsField, triggerSimplifyField } from '../shared/poll/description';
import { pollUsers } from '../shared/poll/trigger';
import { authenticationField, credentials } from './actions/resources';
import { boldSignUsers } from './userSource';

export class BoldSignUsersTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BoldSign Users Trigger',
		name: 'boldSignUsersTrigger',
		icon: { light: 'file:boldsign.svg', dark: 'file:boldsign.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ [1, 2, 3, 4, 5, 6].includes(($parameter["events"] || []).length) ? $parameter["events"].join(", ") : "All user changes" }}',
		description: 'Starts the workflow when BoldSign users are created, changed, moved, deactivated or removed',
		defaults: { name: 'BoldSign Users Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [authenticationField, eventsField, triggerSimplifyField, triggerOptionsField()],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUsers.call(this, boldSignUsers);
	}
}
