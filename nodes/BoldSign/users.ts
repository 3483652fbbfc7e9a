import type { IDataObject, IExecuteFunctions, INodeProperties, IDisplayOptions } from 'n8n-workflow';

import { afterChange } from '../shared/change';
import { userByEmailInRun } from '../shared/emailBatch';
import { inputError } from '../shared/errors';
import { locator } from '../shared/descriptions';
import { readChoice, readLocator, readOptionalLocator } from '../shared/input';
import type { LocatorValue } from '../shared/input';
import { apiRequest } from '../shared/transport';
import { isoDate, normalizedUser, simplifyUser, str } from '../shared/user';
import type { NormalizedUser, UserStatus } from '../shared/user';
import { findUsersByEmail } from './lookup';
import { boldSign, findUserByEmail } from './transport';

const STATUS: Record<string, UserStatus> = {
	active: 'active',
	invitationpending: 'invited',
	pending: 'invited',
	invited: 'invited',
	deactivated: 'deactivated',
	inactive: 'deactivated',
};

/** BoldSign user (list item or UserProperties, ../shared/reference/vendor-apis.md §3.2) → the normalized record. */
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

/** Locator fields that name users; their emails are looked up together when many items use them. */
const USER_FIELDS = ['user', 'transferTo'];

/**
 * The user a locator points to: by ID as given, by email through the list search; when many items of the run
 * give emails, through one bulk lookup for all of them.
 */
export async function resolveUser(
	this: IExecuteFunctions,
	located: LocatorValue,
	itemIndex: number,
): Promise<{ userId: string; user?: IDataObject }> {
	if (located.mode !== 'email') return { userId: located.value };
	const inRun = await userByEmailInRun(this, USER_FIELDS, located.value, async (emails) => await findUsersByEmail.call(this, emails));
	const user = inRun === undefined ? await findUserByEmail.call(this, located.value, itemIndex) : inRun;
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

export async function resolveUserId(this: IExecuteFunctions, located: LocatorValue, itemIndex: number): Promise<string> {
	return (await resolveUser.call(this, located, itemIndex)).userId;
}

/** The user field of an operation. */
export function readUser(this: IExecuteFunctions, itemIndex: number): LocatorValue {
	return readLocator.call(this, 'user', itemIndex, 'User');
}

/** The optional document transfer target (Deactivate, Change Team). */
export function readTransferTo(this: IExecuteFunctions, itemIndex: number): LocatorValue | undefined {
	return readOptionalLocator.call(this, 'transferTo', itemIndex, 'Transfer Documents To');
}

export function readTeamId(this: IExecuteFunctions, parameter: string, itemIndex: number, label = 'Team'): string {
	return readLocator.call(this, parameter, itemIndex, label).value;
}

export function readRole(this: IExecuteFunctions, itemIndex: number): string {
	return readChoice.call(this, 'role', itemIndex, 'Role', ROLE_OPTIONS);
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
