import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventsField, triggerOptionsField, triggerSimplifyField } from '../shared/poll/description';
import { pollUsers } from '../shared/poll/trigger';
import { authenticationField } from './actions/resources';
import { signNowUsers } from './userSource';

export class SignNowUsersTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignNow Users Trigger',
		name: 'signNowUsersTrigger',
		icon: { light: 'file:signnow.svg', dark: 'file:signnow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ [1, 2, 3, 4, 5, 6].includes(($parameter["events"] || []).length) ? $parameter["events"].join(", ") : "All user changes" }}',
		description: 'Starts the workflow when members of your SignNow teams are invited, change email or admin rights, move team or leave',
		defaults: { name: 'SignNow Users Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'signNowApi', required: true, displayOptions: { show: { authentication: ['password'] } } },
			{ name: 'signNowOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [authenticationField, eventsField, triggerSimplifyField, triggerOptionsField()],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUsers.call(this, signNowUsers);
	}
}
