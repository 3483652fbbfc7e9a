import type { IDataObject, IExecuteFunctions, INodeProperties, IDisplayOptions } from 'n8n-workflow';

import { afterChange } from '../shared/change';
import { inputError } from '../shared/errors';
import { locator, readLocator, readOptionalLocator } from '../shared/descriptions';
import { apiRequest } from '../shared/transport';
import { isoDate, normalizedUser, simplifyUser, str } from '../shared/user';
import type { NormalizedUser, UserStatus } from '../shared/user';
import { boldSign, findUserByEmail } from './transport';

const STATUS: Record<string, UserStatus> = {
	active: 'active',
	invitationpending: 'invited',
	pending: 'invited',
	invited: 'invited',
	deactivated: 'deactivated',
	inactive: 'deactivated',
};

/** BoldSign user (list item or UserProperties, §3.2) → the normalized record. */
export function normalizeUser(user: IDataObject): NormalizedUser {
	return normalizedUser('boldsign', {
		id: str(user.userId),
		email: str(user.email ?? user.emailId),
		firstName: str(user.firstName),
		lastName: str(user.lastName),
		role: str(user.role ?? user.userRole),
		status: STATUS[String(user.userStatus ?? '').toLowerCase()] ?? null,
		teamId: str(user.teamId),
		teamName: str(user.teamName),
		createdAt: isoDate(user.createdDate),
		updatedAt: isoDate(user.modifiedDate),
	});
}

/** The record to output for a user: normalized when Simplify is on, the vendor's object otherwise. */
export function userOutput(this: IExecuteFunctions, itemIndex: number, user: IDataObject): IDataObject {
	return simplifyUser.call(this, itemIndex, user, normalizeUser);
}

export const ROLE_OPTIONS = [
	{ name: 'Admin', value: 'Admin' },
	{ name: 'Team Admin', value: 'TeamAdmin' },
	{ name: 'Member', value: 'Member' },
];

export function roleField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return { displayName: 'Role', name: 'role', type: 'options', options: ROLE_OPTIONS, default: 'Member', description, displayOptions };
}

export function userLocator(displayOptions: IDisplayOptions, name = 'user', displayName = 'User'): INodeProperties {
	return locator({
		displayName,
		name,
		searchMethod: 'searchUsers',
		idPlaceholder: 'e.g. 5c3e2f1a-…',
		withEmail: true,
		displayOptions,
	});
}

/** Optional user who receives another user's documents (deactivation, team change). */
export function transferToField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return { ...userLocator(displayOptions, 'transferTo', 'Transfer Documents To'), required: false, description };
}

export function teamLocator(displayOptions: IDisplayOptions, name = 'team', displayName = 'Team', required = true): INodeProperties {
	return locator({
		displayName,
		name,
		searchMethod: 'searchTeams',
		idPlaceholder: 'e.g. 2b4e5d70-…',
		required,
		displayOptions,
	});
}

export async function getUserById(this: IExecuteFunctions, userId: string, itemIndex: number): Promise<IDataObject> {
	return await apiRequest.call(this, boldSign, { method: 'GET', path: '/v1/users/get', qs: { userId }, itemIndex });
}

/** The user a locator points to: by ID as given, by email through the list search. */
export async function resolveUser(
	this: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
): Promise<{ userId: string; user?: IDataObject }> {
	const located = readLocator.call(this, parameter, itemIndex, 'user');
	if (located.mode !== 'email') return { userId: located.value };
	const user = await findUserByEmail.call(this, located.value, itemIndex);
	if (!user) {
		throw inputError(
			this.getNode(),
			`No BoldSign user has the email ${located.value}`,
			'Check the address, or invite the user first.',
			itemIndex,
		);
	}
	return { userId: String(user.userId), user };
}

/** An optional user locator (e.g. a document transfer target): undefined when left empty. */
export async function resolveOptionalUserId(
	this: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
): Promise<string | undefined> {
	if (!readOptionalLocator.call(this, parameter, itemIndex)) return undefined;
	return (await resolveUser.call(this, parameter, itemIndex)).userId;
}

export function readTeamId(this: IExecuteFunctions, parameter: string, itemIndex: number): string {
	return readLocator.call(this, parameter, itemIndex, 'team').value;
}

/**
 * The user after a change the API answers with an empty body, so the output shows the new state; if only that
 * read-back fails, the change (`changed`) is reported as done with `readBackError`.
 */
export async function userAfterChange(this: IExecuteFunctions, userId: string, itemIndex: number, changed: IDataObject = {}): Promise<IDataObject> {
	return await afterChange({ vendor: 'boldsign', id: userId, ...changed }, async () =>
		userOutput.call(this, itemIndex, await getUserById.call(this, userId, itemIndex)),
	);
}
