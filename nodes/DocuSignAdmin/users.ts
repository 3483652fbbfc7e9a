import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { afterChange } from '../shared/change';
import { locator } from '../shared/descriptions';
import { inputError } from '../shared/errors';
import { readLocator } from '../shared/input';
import type { LocatorValue } from '../shared/input';
import { apiRequest } from '../shared/transport';
import { isEmail, isoDate, normalizedUser, simplifyUser, str } from '../shared/user';
import type { NormalizedUser, UserStatus } from '../shared/user';
import { asList, docuSign, paths } from './transport';

/** Membership statuses (OrganizationUserResponse.membership_status, MembershipResponse.status). */
const MEMBERSHIP_STATUS: Record<string, UserStatus> = {
	active: 'active',
	activation_required: 'invited',
	activation_sent: 'invited',
	pending: 'invited',
	closed: 'deactivated',
	disabled: 'deactivated',
};

/** Organization-level user statuses (`user_status`). */
const USER_STATUS: Record<string, UserStatus> = { active: 'active', created: 'invited', closed: 'deactivated' };

/** Admin API timestamps are UTC without a zone ("2019-04-01T22:11:56.457"): read them as UTC. */
export function docuSignDate(value: unknown): string | null {
	const text = str(value);
	if (text && /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return isoDate(`${text}Z`);
	return isoDate(value);
}

/** The membership that stands for the user: the default account's, else the first open one, else the first. */
function primaryMembership(user: IDataObject): IDataObject | undefined {
	const memberships = asList(user.memberships ?? user.accounts);
	return (
		memberships.find((m) => (m.account_id ?? m.id) === user.default_account_id && m.status !== 'closed') ??
		memberships.find((m) => m.status !== 'closed') ??
		memberships[0]
	);
}

/** The first account group that says something: every user is in "Everyone", which is no team. */
function accountGroup(membership: IDataObject | undefined): IDataObject | undefined {
	return asList(membership?.groups).find((g) => g.type !== 'everyone_group' && g.name !== 'Everyone');
}

function status(user: IDataObject, membership: IDataObject | undefined): UserStatus | null {
	const userStatus = String(user.user_status ?? '').toLowerCase();
	if (userStatus === 'closed') return 'deactivated';
	const memberStatus = String(user.membership_status ?? membership?.status ?? '').toLowerCase();
	return MEMBERSHIP_STATUS[memberStatus] ?? USER_STATUS[userStatus] ?? null;
}

/**
 * DocuSign user → the normalized record. Works for list users (OrganizationUserResponse), profiles
 * (UserDrilldownResponse) and created users (NewUserResponse). Mapping:
 * - role: the permission profile name of the primary membership (default account, else first open one);
 *   list users carry no permission profile, so it is null there.
 * - status: a closed user is deactivated; otherwise the membership status (active → active,
 *   activation_required/activation_sent → invited, closed/disabled → deactivated), else user_status
 *   (active → active, created → invited).
 * - team: the user's first DS group when the list was asked for DS groups; otherwise the primary
 *   membership's first account group other than "Everyone" (null when it has no other).
 * - email: `email`, else the membership's email. updatedAt: `last_modified_on`, which user records
 *   rarely have, so it is mostly null.
 */
export function normalizeUser(user: IDataObject): NormalizedUser {
	const membership = primaryMembership(user);
	const dsGroup = asList(user.ds_groups)[0];
	const group = dsGroup ? { id: dsGroup.ds_group_id, name: dsGroup.group_name } : accountGroup(membership);
	const profile = membership?.permission_profile as IDataObject | undefined;
	return normalizedUser('docusign', {
		id: str(user.id ?? user.user_id),
		email: str(user.email ?? membership?.email ?? (isEmail(String(user.user_name ?? '')) ? user.user_name : undefined)),
		firstName: str(user.first_name),
		lastName: str(user.last_name),
		role: str(profile?.name),
		status: status(user, membership),
		teamId: str(group?.id),
		teamName: str(group?.name),
		createdAt: docuSignDate(user.created_on),
		updatedAt: docuSignDate(user.last_modified_on),
	});
}

export function userOutput(this: IExecuteFunctions, itemIndex: number, user: IDataObject): IDataObject {
	return simplifyUser.call(this, itemIndex, user, normalizeUser);
}

export function userLocator(displayOptions: IDisplayOptions, name = 'user', displayName = 'User'): INodeProperties {
	return {
		...locator({ displayName, name, searchMethod: 'searchUsers', idPlaceholder: 'e.g. 3f0b7a52-…', withEmail: true, displayOptions }),
		default: { mode: 'email', value: '' },
	};
}

function firstUser(body: IDataObject): IDataObject | undefined {
	const users = asList(body.users);
	return users.find((u) => u.user_status !== 'closed') ?? users[0];
}

/** A user's profile with its site_id and memberships, by ID (v2.1 dsprofile) or by email (v2 users/profile). */
export async function getProfile(
	this: IExecuteFunctions,
	orgId: string,
	located: LocatorValue,
	itemIndex: number,
): Promise<IDataObject> {
	const byEmail = located.mode === 'email' || (located.mode !== 'id' && isEmail(located.value));
	const body = byEmail
		? await apiRequest.call(this, docuSign, { method: 'GET', path: `${paths.org(orgId)}/users/profile`, qs: { email: located.value }, itemIndex })
		: await apiRequest.call(this, docuSign, { method: 'GET', path: paths.userProfile(orgId, located.value), itemIndex });
	const user = firstUser(body);
	if (!user) {
		throw inputError(
			this.getNode(),
			`No DocuSign user ${byEmail ? 'has the email' : 'has the ID'} ${located.value} in this organization`,
			'Check the address or ID, and the organization.',
			itemIndex,
		);
	}
	return user;
}

/** The User field of an operation. */
export function readUser(this: IExecuteFunctions, itemIndex: number): LocatorValue {
	return readLocator.call(this, 'user', itemIndex, 'User');
}

/** Only the user ID: as typed in ID mode, through the profile in email mode. */
export async function resolveUserId(this: IExecuteFunctions, orgId: string, located: LocatorValue, itemIndex: number): Promise<string> {
	if (located.mode !== 'email') return located.value;
	return String((await getProfile.call(this, orgId, located, itemIndex)).id);
}

/** The user's memberships in the profile (UserDrilldownResponse.memberships). */
export function memberships(profile: IDataObject): IDataObject[] {
	return asList(profile.memberships);
}

/** The user after a change, fetched again so the output shows the new state. */
export async function userAfterChange(
	this: IExecuteFunctions,
	orgId: string,
	userId: string,
	itemIndex: number,
	changed: IDataObject = {},
): Promise<IDataObject> {
	return await afterChange({ vendor: 'docusign', id: userId, ...changed }, async () =>
		userOutput.call(this, itemIndex, await getProfile.call(this, orgId, { mode: 'id', value: userId }, itemIndex)),
	);
}

/**
 * Throws when a UsersUpdateResponse (users/profiles, users/email_addresses) reports a per-user failure:
 * the API answers 200 with `error_details` for the user instead of an HTTP error.
 */
function checkUsersUpdate(this: IExecuteFunctions, body: IDataObject, itemIndex?: number): void {
	const failed = asList(body.users).find((u) => u.error_details);
	if (!failed && body.success !== false) return;
	const details = (failed?.error_details ?? {}) as IDataObject;
	const text = [details.error_description, details.error].filter(Boolean).join(' — ') || 'no details given';
	throw inputError(
		this.getNode(),
		`DocuSign did not update the user: ${text}`,
		'Check the values sent, and that the user is a member of the accounts named.',
		itemIndex,
	);
}

/**
 * Sends one user's update (UpdateUserRequest to `users/profiles`, or id/site_id/email to
 * `users/email_addresses`), fails on the user's `error_details`, and returns the user as it is now.
 */
export async function updateUser(
	this: IExecuteFunctions,
	orgId: string,
	endpoint: 'profiles' | 'email_addresses',
	update: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	await sendUserUpdate.call(this, orgId, endpoint, update, itemIndex);
	return await userAfterChange.call(this, orgId, String(update.id), itemIndex);
}

/** Sends one user's update and fails on the user's `error_details`, without reading the user back. */
export async function sendUserUpdate(
	this: IExecuteFunctions,
	orgId: string,
	endpoint: 'profiles' | 'email_addresses',
	update: IDataObject,
	itemIndex?: number,
): Promise<void> {
	const body = await apiRequest.call(this, docuSign, {
		method: 'POST',
		path: `${paths.org(orgId)}/users/${endpoint}`,
		body: { users: [update] },
		itemIndex,
	});
	checkUsersUpdate.call(this, body, itemIndex);
}
