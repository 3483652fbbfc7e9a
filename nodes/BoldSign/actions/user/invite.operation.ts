import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { showFor, simplifyField } from '../../../shared/descriptions';
import { checkLength, readChoice, readList, readOptionalLocator, MAX_EMAIL_LENGTH } from '../../../shared/input';
import type { OperationResult } from '../../../shared/router';
import { apiRequest } from '../../../shared/transport';
import { isEmail } from '../../../shared/user';
import { metadataField, readMetadata } from '../../metadata';
import { boldSign, findUserByEmail } from '../../transport';
import { readRole, roleField, teamLocator, userOutput } from '../../users';

const show = showFor('user', 'invite');

/** How many invitations one `users/create` call carries. The API takes an array; its cap is not documented. */
const CREATE_BATCH = 100;

const IF_EXISTS_OPTIONS = [
	{ name: 'Return the Existing User', value: 'returnExisting' },
	{ name: 'Fail', value: 'fail' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ada@example.com, grace@example.com',
		description: 'Email address of the user to invite; several can be given separated by commas',
		displayOptions: show,
	},
	{
		...teamLocator(show, 'team', 'Team', false),
		description: 'Team to add the users to. Leave empty for the account’s default team.',
	},
	roleField(show, 'Role of the invited users'),
	metadataField(show, 'Custom metadata stored on each invited user'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'If the User Already Exists',
				name: 'ifExists',
				type: 'options',
				default: 'returnExisting',
				description: 'What to do when a user with the email already exists, for example when a workflow is run again',
				options: IF_EXISTS_OPTIONS,
			},
		],
	},
	simplifyField(show),
];

interface Invite {
	itemIndex: number;
	email: string;
	request: IDataObject;
	failIfExists: boolean;
}

interface ItemPlan {
	invites: Invite[];
	results: Map<string, IDataObject | Error>;
	error?: Error;
}

function readItem(this: IExecuteFunctions, i: number): Invite[] {
	const emails = readList.call(this, 'emails', i, 'Emails');
	if (!emails.length) {
		throw inputError(this.getNode(), 'No email address given', 'Enter the email address of the user to invite.', i);
	}
	for (const email of emails) checkLength.call(this, email, 'Emails', MAX_EMAIL_LENGTH, i);
	const invalid = emails.filter((e) => !isEmail(e));
	if (invalid.length) {
		throw inputError(
			this.getNode(),
			`Not a valid email address: ${invalid.join(', ')}`,
			'Enter addresses such as name@example.com, separated by commas.',
			i,
		);
	}
	const teamId = readOptionalLocator.call(this, 'team', i, 'Team')?.value;
	const userRole = readRole.call(this, i);
	const metaData = readMetadata.call(this, i);
	const ifExists = readChoice.call(this, 'options.ifExists', i, 'If the User Already Exists', IF_EXISTS_OPTIONS, 'returnExisting');
	return emails.map((email) => {
		const request: IDataObject = { emailId: email, userRole };
		if (teamId) request.teamId = teamId;
		if (Object.keys(metaData).length) request.metaData = metaData;
		return { itemIndex: i, email, request, failIfExists: ifExists === 'fail' };
	});
}

/** Sends one `users/create` call; on a 400 for several invitations, sends them one by one to find the bad one. */
async function createUsers(this: IExecuteFunctions, invites: Invite[]): Promise<Map<string, IDataObject | Error>> {
	const out = new Map<string, IDataObject | Error>();
	try {
		const body = (await apiRequest.call(this, boldSign, {
			method: 'POST',
			path: '/v1/users/create',
			body: invites.map((invite) => invite.request),
			itemIndex: invites[0].itemIndex,
		})) as { users?: IDataObject[] };
		const created = new Map((body?.users ?? []).map((u) => [String(u.emailId ?? u.email).toLowerCase(), u]));
		for (const invite of invites) {
			const key = invite.email.toLowerCase();
			// The SDK types the response as void (../shared/reference/vendor-apis.md §3.2): look the user up when the body does not list it.
			const user = created.get(key) ?? (await findUserByEmail.call(this, invite.email, invite.itemIndex));
			out.set(key, { ...invite.request, ...user, userStatus: user?.userStatus ?? 'InvitationPending' });
		}
	} catch (error) {
		const rejected = error instanceof NodeApiError && error.httpCode === '400';
		if (!rejected || invites.length === 1) {
			for (const invite of invites) out.set(invite.email.toLowerCase(), error as Error);
			return out;
		}
		for (const invite of invites) {
			const single = await createUsers.call(this, [invite]);
			out.set(invite.email.toLowerCase(), single.get(invite.email.toLowerCase())!);
		}
	}
	return out;
}

/**
 * Invites the users of every input item with as few `users/create` calls as possible, after checking
 * each email so a workflow that runs again does not invite twice.
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<OperationResult | Error>> {
	const plans: ItemPlan[] = itemIndexes.map((i) => {
		try {
			return { invites: readItem.call(this, i), results: new Map() };
		} catch (error) {
			return { invites: [], results: new Map(), error: error as Error };
		}
	});

	const toCreate = new Map<string, Invite>();
	const known = new Map<string, IDataObject | Error>();
	for (const plan of plans) {
		for (const invite of plan.invites) {
			const key = invite.email.toLowerCase();
			if (known.has(key) || toCreate.has(key)) continue; // the same email twice in one run is invited once
			try {
				const existing = await findUserByEmail.call(this, invite.email, invite.itemIndex);
				if (!existing) toCreate.set(key, invite);
				else if (invite.failIfExists) {
					known.set(key, inputError(this.getNode(), `A BoldSign user with the email ${invite.email} already exists`, 'Set "If the User Already Exists" to "Return the Existing User" to reuse it.', invite.itemIndex));
				} else known.set(key, existing);
			} catch (error) {
				known.set(key, error as Error);
			}
		}
	}

	const pending = [...toCreate.values()];
	for (let start = 0; start < pending.length; start += CREATE_BATCH) {
		for (const [key, result] of await createUsers.call(this, pending.slice(start, start + CREATE_BATCH))) known.set(key, result);
	}

	return plans.map((plan, n) => {
		if (plan.error) return plan.error;
		const outputs: IDataObject[] = [];
		for (const invite of plan.invites) {
			const result = known.get(invite.email.toLowerCase());
			if (result instanceof Error || result === undefined) return result ?? new Error(`No result for ${invite.email}`);
			outputs.push(userOutput.call(this, itemIndexes[n], result));
		}
		return outputs;
	});
}
