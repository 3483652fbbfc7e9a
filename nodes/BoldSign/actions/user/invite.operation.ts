import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { showFor, simplifyField } from '../../../shared/descriptions';
import { checkLength, readChoice, readList, readOptionalLocator, MAX_EMAIL_LENGTH } from '../../../shared/input';
import type { OperationResult } from '../../../shared/router';
import { apiRequest } from '../../../shared/transport';
import { isEmail } from '../../../shared/user';
import { findUsersByEmail, findUsersById } from '../../lookup';
import { metadataField, readMetadata } from '../../metadata';
import { boldSign } from '../../transport';
import { readRole, roleField, teamLocator, userOutput } from '../../users';

const show = showFor('user', 'invite');

/** How many invitations one `users/create` call carries. The API takes an array; its cap is not documented. */
export const CREATE_BATCH = 100;

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
		placeholder: 'e.g. ada@example.com, grace@example.com',
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

export interface Invite {
	itemIndex: number;
	email: string;
	request: IDataObject;
	failIfExists: boolean;
}

interface ItemPlan {
	invites: Invite[];
	error?: Error;
}

export type Results = Map<string, IDataObject | Error>;

const key = (email: unknown) => String(email ?? '').trim().toLowerCase();

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

function existsError(this: IExecuteFunctions, invite: Invite): Error {
	return inputError(
		this.getNode(),
		`A BoldSign user with the email ${invite.email} already exists`,
		'Set "If the User Already Exists" to "Return the Existing User" to reuse it.',
		invite.itemIndex,
	);
}

/** Sets the result of every invite whose user exists; returns the others. */
function settleExisting(this: IExecuteFunctions, invites: Invite[], existing: Map<string, IDataObject>, out: Results): Invite[] {
	return invites.filter((invite) => {
		const user = existing.get(key(invite.email));
		if (user) out.set(key(invite.email), invite.failIfExists ? existsError.call(this, invite) : user);
		return !user;
	});
}

/**
 * One `users/create` call, then the new users read back (teamName, createdDate and modifiedDate are not in
 * its answer): by ID with one `users/list` call, or by email when the answer lists no users (the SDK types
 * it as void, ../shared/reference/vendor-apis.md §3.2).
 */
async function create(this: IExecuteFunctions, invites: Invite[]): Promise<Results> {
	const body = (await apiRequest.call(this, boldSign, {
		method: 'POST',
		path: '/v1/users/create',
		body: invites.map((invite) => invite.request),
		itemIndex: invites[0].itemIndex,
	})) as { users?: IDataObject[] };
	const created = new Map((body?.users ?? []).map((u) => [key(u.emailId ?? u.email), u]));
	let readBack = new Map<string, IDataObject>();
	try {
		const ids = [...created.values()].map((u) => String(u.userId ?? '')).filter(Boolean);
		readBack = await findUsersById.call(this, ids, invites[0].itemIndex);
		const unlisted = invites.filter((invite) => !readBack.has(key(invite.email))).map((invite) => invite.email);
		if (unlisted.length) {
			for (const [email, user] of await findUsersByEmail.call(this, unlisted, invites[0].itemIndex)) readBack.set(email, user);
		}
	} catch {
		// The invitations are sent: a failed read-back leaves dates and team name empty rather than failing them.
	}
	const out: Results = new Map();
	for (const invite of invites) {
		const user = { ...created.get(key(invite.email)), ...readBack.get(key(invite.email)) };
		out.set(key(invite.email), { ...invite.request, ...user, userStatus: user.userStatus ?? 'InvitationPending' });
	}
	return out;
}

/**
 * Invites a batch. On a 400 the emails are checked again, since a run at the same time may have invited
 * some of them after our check: those are existing users, and the rest is sent again. When none exists,
 * the invitations are sent one by one so only the bad one fails.
 */
export async function inviteBatch(this: IExecuteFunctions, invites: Invite[]): Promise<Results> {
	const out: Results = new Map();
	try {
		return await create.call(this, invites);
	} catch (error) {
		let rest = invites;
		const rejected = error instanceof NodeApiError && error.httpCode === '400';
		if (rejected) {
			try {
				const existing = await findUsersByEmail.call(this, invites.map((one) => one.email), invites[0].itemIndex);
				rest = settleExisting.call(this, invites, existing, out);
			} catch {
				// The lookup failed too: the vendor's rejection is the answer.
			}
		}
		if (!rejected || invites.length === 1) {
			for (const one of rest) out.set(key(one.email), error as Error);
			return out;
		}
		const batches = rest.length === invites.length ? rest.map((one) => [one]) : rest.length ? [rest] : [];
		for (const batch of batches) for (const [email, result] of await inviteBatch.call(this, batch)) out.set(email, result);
		return out;
	}
}

/**
 * Invites the users of every input item with as few calls as possible: one walk over the user list finds
 * those who exist (so a workflow that runs again does not invite twice), then one `users/create` call per
 * 100 new users.
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<OperationResult | Error>> {
	const plans: ItemPlan[] = itemIndexes.map((i) => {
		try {
			return { invites: readItem.call(this, i) };
		} catch (error) {
			return { invites: [], error: error as Error };
		}
	});

	// The same email twice in one run is invited once, with the first item's settings.
	const unique = new Map<string, Invite>();
	for (const one of plans.flatMap((plan) => plan.invites)) if (!unique.has(key(one.email))) unique.set(key(one.email), one);
	const invites = [...unique.values()];

	const results: Results = new Map();
	if (invites.length) {
		try {
			const existing = await findUsersByEmail.call(this, invites.map((i) => i.email), invites[0].itemIndex);
			const pending = settleExisting.call(this, invites, existing, results);
			for (let start = 0; start < pending.length; start += CREATE_BATCH) {
				for (const [email, result] of await inviteBatch.call(this, pending.slice(start, start + CREATE_BATCH))) results.set(email, result);
			}
		} catch (error) {
			for (const one of invites) if (!results.has(key(one.email))) results.set(key(one.email), error as Error);
		}
	}

	return plans.map((plan, n) => {
		if (plan.error) return plan.error;
		const outputs: IDataObject[] = [];
		for (const one of plan.invites) {
			const result = results.get(key(one.email));
			if (result instanceof Error || result === undefined) return result ?? new Error(`No result for ${one.email}`);
			outputs.push(userOutput.call(this, itemIndexes[n], result));
		}
		return outputs;
	});
}
