import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator, showFor } from '../../../shared/descriptions';
import { readList, readLocator } from '../../../shared/input';
import { inputError } from '../../../shared/errors';
import { findFirst } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { isEmail } from '../../../shared/user';
import { AUTOMATIC, organizationId } from '../../organization';
import { readTeamId, teamLocator } from '../../teams';
import { inviteToTeam, refusedInvite } from '../../memberCalls';
import type { InviteOutcome } from '../../memberCalls';
import { organizationUserPaging, paths, signNow } from '../../transport';

const show = showFor('team', 'inviteUsers');

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
	const results = new Map<string, Map<string, InviteOutcome>>();
	for (const [teamId, items] of byTeam) results.set(teamId, await inviteToTeam.call(this, teamId, items));

	return plans.map((plan, n) => {
		if (plan instanceof Error) return plan;
		const outputs: IDataObject[] = [];
		for (const email of plan.emails) {
			const outcome = results.get(plan.teamId)?.get(email.toLowerCase());
			if (outcome instanceof Error || outcome === undefined) return outcome ?? new Error(`No result for ${email}`);
			const refused = refusedInvite.call(this, email, outcome, itemIndexes[n]);
			if (refused) return refused;
			outputs.push({ teamId: plan.teamId, email, requestId: outcome.id ?? null, status: outcome.status });
		}
		return outputs;
	});
}
