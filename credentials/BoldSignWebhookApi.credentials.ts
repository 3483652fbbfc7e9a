import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** The signing secret of a BoldSign webhook, for the BoldSign Trigger (../shared/reference/vendor-apis.md §3.5). */
export class BoldSignWebhookApi implements ICredentialType {
	name = 'boldSignWebhookApi';

	displayName = 'BoldSign Webhook API';

	icon: Icon = { light: 'file:../nodes/BoldSign/boldsign.svg', dark: 'file:../nodes/BoldSign/boldsign.dark.svg' };

	documentationUrl = 'https://developers.boldsign.com/webhooks/verify-webhook-events/';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The signing secret BoldSign shows for the webhook (Settings → API → Webhooks). After rolling it in BoldSign, either secret works while BoldSign signs with both.',
		},
	];
}
