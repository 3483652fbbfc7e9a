import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../shared/change';
import { locator } from '../shared/descriptions';
import { readLocator } from '../shared/input';
import type { LocatorValue } from '../shared/input';
import { inputError } from '../shared/errors';
import { isEmail } from '../shared/user';
import { paths, unconfirmedRequest } from './transport';
import { memberOutput, normalizeMember } from './users';

const TEAM_ID_PLACEHOLDER = 'e.g. d94cfb24fa04bf2f564a943921b302c6cadfbd4e';

export function teamLocator(displayOptions: IDisplayOptions, name = 'team', displayName = 'Team'): INodeProperties {
	return locator({ displayName, name, searchMethod: 'searchTeams', idPlaceholder: TEAM_ID_PLACEHOLDER, displayOptions });
}

/** A member of the team chosen in `team` (or `fromTeam`): from the list, by ID, or by email. */
export function memberLocator(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		...locator({ displayName: 'Member', name: 'user', searchMethod: 'searchMembers', idPlaceholder: 'e.g. 5a81a4ecc895e6ceab5aa0b090747745a6339b95', withEmail: true, displayOptions }),
		description,
	};
}

export function readTeamId(this: IExecuteFunctions, name: string, itemIndex: number): string {
	return readLocator.call(this, name, itemIndex, 'Team').value;
}

/** `GET /team/{team_id}`: the team with its members (seed 002). */
export async function getTeam(this: IExecuteFunctions, teamId: string, itemIndex: number): Promise<IDataObject> {
	return await unconfirmedRequest.call(this, 'teams', { method: 'GET', path: paths.team(teamId), itemIndex });
}

export function membersOf(team: IDataObject): IDataObject[] {
	return Array.isArray(team.members) ? (team.members as IDataObject[]) : [];
}

const emailsOf = (m: IDataObject) => (Array.isArray(m.emails) ? (m.emails as unknown[]) : [m.email]).map((e) => String(e ?? '').toLowerCase());

/** The member a locator points to, looked up in the team: by ID, or by any of the member's emails. */
export function findMember(this: IExecuteFunctions, team: IDataObject, located: LocatorValue, itemIndex: number): IDataObject {
	const byEmail = located.mode === 'email' || (located.mode !== 'id' && isEmail(located.value));
	const wanted = located.value.toLowerCase();
	const found = membersOf(team).find((m) => (byEmail ? emailsOf(m).includes(wanted) : String(m.id).toLowerCase() === wanted));
	if (!found) {
		throw inputError(
			this.getNode(),
			`No member of the team ${String(team.name ?? team.id)} ${byEmail ? 'has the email' : 'has the ID'} ${located.value}`,
			'Check the member, or pick it from the list of the team’s members.',
			itemIndex,
		);
	}
	return found;
}

/** The team and the member the node's `user` locator points to. */
export async function resolveMember(this: IExecuteFunctions, teamParameter: string, itemIndex: number) {
	const teamId = readTeamId.call(this, teamParameter, itemIndex);
	const located = readLocator.call(this, 'user', itemIndex, 'Member');
	const team = await getTeam.call(this, teamId, itemIndex);
	const member = findMember.call(this, team, located, itemIndex);
	return { teamId, team, member, userId: String(member.id), email: emailsOf(member)[0] ?? '' };
}

/** A team as output: with Simplify, its members as normalized user records. */
export function teamOutput(this: IExecuteFunctions, itemIndex: number, team: IDataObject): IDataObject {
	if (!this.getNodeParameter('simplify', itemIndex, true)) return team;
	return { ...team, members: membersOf(team).map((m) => normalizeMember(m, team)) };
}

/** The member as the team now shows it, after a change; `known` when only that read-back fails. */
export async function memberAfterChange(this: IExecuteFunctions, teamId: string, userId: string, itemIndex: number, known: IDataObject) {
	return await afterChange(known, async () => {
		const team = await getTeam.call(this, teamId, itemIndex);
		const member = membersOf(team).find((m) => String(m.id) === userId);
		return member ? memberOutput.call(this, itemIndex, member, team) : { ...known, member: null };
	});
}

export function teamNameField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description, displayOptions };
}

/** A team name as SignNow takes it: up to 40 characters with a letter or digit (seed 002). */
export function readTeamName(this: IExecuteFunctions, itemIndex: number): string {
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (!/[\p{L}\p{N}]/u.test(name)) {
		throw inputError(this.getNode(), 'No team name given', 'Enter a name with at least one letter or digit in the Name field.', itemIndex);
	}
	if (name.length > 40) {
		throw inputError(this.getNode(), `The team name is ${name.length} characters long`, 'SignNow takes team names of up to 40 characters: shorten the Name field.', itemIndex);
	}
	return name;
}
