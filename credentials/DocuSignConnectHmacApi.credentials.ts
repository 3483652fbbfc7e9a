import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** Connect HMAC keys of a DocuSign account, for the DocuSign Trigger (../shared/reference/vendor-apis.md §1.7). */
export class DocuSignConnectHmacApi implements ICredentialType {
	name = 'docuSignConnectHmacApi';

	displayName = 'DocuSign Connect HMAC API';

	icon: Icon = { light: 'file:../nodes/DocuSignAdmin/docusign.svg', dark: 'file:../nodes/DocuSignAdmin/docusign.dark.svg' };

	documentationUrl = 'https://developers.docusign.com/platform/webhooks/connect/hmac/';

	properties: INodeProperties[] = [
		{
			displayName: 'HMAC Secret Keys',
			name: 'secretKeys',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'One or more Connect HMAC keys of the account (Settings → Connect → Connect Keys), separated by spaces or commas. A delivery is accepted when any of its signatures matches any key.',
		},
	];
}
