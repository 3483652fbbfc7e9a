import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * `notify_user` and `notify_ws_admins` of add member and create user (../shared/reference/vendor-apis.md §4.3);
 * PandaDoc's default when not set.
 */
export function notifyOptions(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [
			{ displayName: 'Notify User', name: 'notifyUser', type: 'boolean', default: true, description: 'Whether PandaDoc emails the user' },
			{
				displayName: 'Notify Workspace Admins',
				name: 'notifyWsAdmins',
				type: 'boolean',
				default: true,
				description: 'Whether PandaDoc emails the workspace’s admins',
			},
		],
	};
}

export function readNotify(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = this.getNodeParameter('options', itemIndex, {}) as { notifyUser?: boolean; notifyWsAdmins?: boolean };
	const qs: IDataObject = {};
	if (options.notifyUser !== undefined) qs.notify_user = options.notifyUser;
	if (options.notifyWsAdmins !== undefined) qs.notify_ws_admins = options.notifyWsAdmins;
	return qs;
}
