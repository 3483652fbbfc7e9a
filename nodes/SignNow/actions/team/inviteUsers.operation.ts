import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';

import { locator, showFor } from '../../../shared/descriptions';
import { readList, readLocator } from '../../../shared/input';
import { inputError } from '../../../shared/errors';
import { findFirst } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { isEmail } from '../../../shared/user';
import { AUTOMATIC, organizationId } from '../../organization';
import { readTeamId, teamLocator } from '../../teams';
import { organizationUserPaging, paths, signNow, unconfirmedRequest } from '../../transport';

const show = showFor('team', 'inviteUsers');

/** Emails per `POST /team/{team_id}/request`: the API takes an array; its limit is not documented. */
const INVITE_BATCH = 100;

export const description: INodeProperties[] = [
	teamLocator(show),
	{
		displayName: 'Invite',
		name: 'inviteBy',
		type: 'options',
		default: 'emails',
		options: [
			{ name: 'Emails', value: 'emails', description: 'One or more email addresses' },
			{ name: 'Organization User', value: 'organizationUser', description: 'A user of the organization, picked from the list' },
		],
		displayOptions: show,
	},
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ada@example.com, grace@example.com',
		description: 'Email addresses to invite, separated by commas',
		displayOptions: { show: { ...show.show, inviteBy: ['emails'] } },
	},
	locator({
		displayName: 'Organization User',
		name: 'organizationUser',
		searchMethod: 'searchOrganizationUsers',
		idPlaceholder: 'e.g. 5a81a4ecc895e6ceab5aa0b090747745a6339b95',
		withEmail: true,
		displayOptions: { show: { ...show.show, inviteBy: ['organizationUser'] } },
	}),
];

interface Plan {
	teamId: string;
	emails: string[];
}

/** The email of an organization user picked by ID (or from the list), found in the organization's users. */
async function organizationUserEmail(this: IExecuteFunctions, i: number): Promise<string> {
	const located = readLocator.call(this, 'organizationUser', i, 'Organization User');
	if (located.mode === 'email') return located.value;
	const orgId = await organizationId.call(this, AUTOMATIC, i);
	const request = { method: 'GET' as const, path: paths.organizationUsers(orgId), itemIndex: i };
	const user = await findFirst.call(this, signNow, request, organizationUserPaging, (u) => String(u.id) === located.value);
	if (!user?.email) throw inputError(this.getNode(), `No user of the organization has the ID ${located.value}`, 'Pick the user from the list, or enter their email.', i);
	return String(user.email);
}

async function readItem(this: IExecuteFunctions, i: number): Promise<Plan> {
	const teamId = readTeamId.call(this, 'team', i);
	if (this.getNodeParameter('inviteBy', i, 'emails') === 'organizationUser') {
		return { teamId, emails: [await organizationUserEmail.call(this, i)] };
	}
	const emails = readList.call(this, 'emails', i, 'Emails');
	if (!emails.length) throw inputError(this.getNode(), 'No email address given', 'Enter one or more email addresses in the Emails field.', i);
	const invalid = emails.filter((e) => !isEmail(e));
	if (invalid.length) {
		throw inputError(this.getNode(), `Not a valid email address: ${invalid.join(', ')}`, 'Enter addresses such as name@example.com in the Emails field, separated by commas.', i);
	}
	return { teamId, emails };
}

type Outcome = IDataObject | Error;

/** One `POST /team/{team_id}/request` `{emails}` → `{team_requests:[{email, status, id}]}` (seed 002). */
async function invite(this: IExecuteFunctions, teamId: string, emails: string[], itemIndex: number): Promise<Map<string, Outcome>> {
	const out = new Map<string, Outcome>();
	const body = await unconfirmedRequest.call(this, 'teams', { method: 'POST', path: paths.invite(teamId), body: { emails }, itemIndex });
	const answered = Array.isArray(body.team_requests) ? (body.team_requests as IDataObject[]) : [];
	for (const email of emails) {
		const found = answered.find((r) => String(r.email ?? '').toLowerCase() === email.toLowerCase());
		out.set(email.toLowerCase(), found ?? new Error(`SignNow’s answer does not mention ${email}`));
	}
	return out;
}

/** Sends a team's emails in batches; a batch SignNow refuses with 400 is sent again item by item, so only the culprit fails. */
async function inviteToTeam(this: IExecuteFunctions, teamId: string, items: Array<{ itemIndex: number; emails: string[] }>) {
	const results = new Map<string, Outcome>();
	const unique = [...new Map(items.flatMap((it) => it.emails.map((e) => [e.toLowerCase(), { email: e, itemIndex: it.itemIndex }]))).values()];
	for (let start = 0; start < unique.length; start += INVITE_BATCH) {
		const batch = unique.slice(start, start + INVITE_BATCH);
		try {
			for (const [key, outcome] of await invite.call(this, teamId, batch.map((b) => b.email), batch[0].itemIndex)) results.set(key, outcome);
		} catch (error) {
			const rejected = error instanceof NodeApiError && error.httpCode === '400';
			const owners = new Set(batch.map((b) => b.itemIndex));
			if (!rejected || owners.size === 1) {
				for (const b of batch) results.set(b.email.toLowerCase(), error as Error);
				continue;
			}
			for (const owner of owners) {
				const own = batch.filter((b) => b.itemIndex === owner).map((b) => b.email);
				try {
					for (const [key, outcome] of await invite.call(this, teamId, own, owner)) results.set(key, outcome);
				} catch (single) {
					for (const email of own) results.set(email.toLowerCase(), single as Error);
				}
			}
		}
	}
	return results;
}

/**
 * Invites the emails of every input item with as few requests as possible: one per team (and per 100 emails).
 * Each item outputs one record per email; an email SignNow did not accept fails its item.
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<OperationResult | Error>> {
	const plans: Array<Plan | Error> = [];
	for (const i of itemIndexes) plans.push(await readItem.call(this, i).catch((error: Error) => error));
	const byTeam = new Map<string, Array<{ itemIndex: number; emails: string[] }>>();
	plans.forEach((plan, n) => {
		if (plan instanceof Error) return;
		byTeam.set(plan.teamId, [...(byTeam.get(plan.teamId) ?? []), { itemIndex: itemIndexes[n], emails: plan.emails }]);
	});
	const results = new Map<string, Map<string, Outcome>>();
	for (const [teamId, items] of byTeam) results.set(teamId, await inviteToTeam.call(this, teamId, items));

	return plans.map((plan, n) => {
		if (plan instanceof Error) return plan;
		const outputs: IDataObject[] = [];
		for (const email of plan.emails) {
			const outcome = results.get(plan.teamId)?.get(email.toLowerCase());
			if (outcome instanceof Error || outcome === undefined) return outcome ?? new Error(`No result for ${email}`);
			if (String(outcome.status) !== 'success') {
				const message = `SignNow did not invite ${email}: ${String(outcome.status ?? 'no status')}`;
				return new NodeApiError(this.getNode(), outcome as JsonObject, {
					message,
					description: 'Check the address, and that the credential’s user is a member of the team.',
					itemIndex: itemIndexes[n],
				});
			}
			outputs.push({ teamId: plan.teamId, email, requestId: outcome.id ?? null, status: outcome.status });
		}
		return outputs;
	});
}
