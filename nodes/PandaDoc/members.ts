import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../shared/descriptions';
import { inputError } from '../shared/errors';
import { readChoice, readLocator } from '../shared/input';
import type { LocatorValue } from '../shared/input';
import { findFirst } from '../shared/pagination';
import { apiRequest } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { isoDate, normalizedUser, simplifyUser, str } from '../shared/user';
import type { NormalizedUser } from '../shared/user';
import { asList, pandaDoc, paths, userPaging } from './transport';

/**
 * A PandaDoc member or user → the normalized record. Takes MemberDetails (members endpoints), a users-list
 * entry (`workspaces[]`, no status or dates) and an added member (`member_id`, `workspace_id`),
 * ../shared/reference/vendor-apis.md §4.3.
 * id: `user_id`; status: `is_active` (true → active, false → deactivated; none → null); team: `workspace` and
 * `workspace_name` (a users-list entry: its first workspace); dates: `date_created` / `date_modified`.
 */
export function normalizeMember(member: IDataObject): NormalizedUser {
	const firstWorkspace = asList(member.workspaces)[0];
	const active = member.is_active;
	return normalizedUser('pandadoc', {
		id: str(member.user_id),
		email: str(member.email),
		firstName: str(member.first_name),
		lastName: str(member.last_name),
		role: str(member.role ?? firstWorkspace?.role),
		status: active === true ? 'active' : active === false ? 'deactivated' : null,
		teamId: str(member.workspace ?? member.workspace_id ?? firstWorkspace?.workspace_id),
		teamName: str(member.workspace_name),
		createdAt: isoDate(member.date_created),
		updatedAt: isoDate(member.date_modified),
	});
}

export function memberOutput(this: IExecuteFunctions, itemIndex: number, member: IDataObject): IDataObject {
	return simplifyUser.call(this, itemIndex, member, normalizeMember);
}

/** Workspace roles (../shared/reference/vendor-apis.md §4.3, add member). */
export const ROLE_OPTIONS = [
	{ name: 'Admin', value: 'Admin' },
	{ name: 'Manager', value: 'Manager' },
	{ name: 'Member', value: 'Member' },
	{ name: 'Collaborator', value: 'Collaborator' },
];

export function roleField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return { displayName: 'Role', name: 'role', type: 'options', options: ROLE_OPTIONS, default: 'Member', description, displayOptions };
}

export function readRole(this: IExecuteFunctions, itemIndex: number, options: Array<{ value: string }> = ROLE_OPTIONS): string {
	return readChoice.call(this, 'role', itemIndex, 'Role', options);
}

/** The Member field of an operation. */
export function readMember(this: IExecuteFunctions, itemIndex: number): LocatorValue {
	return readLocator.call(this, 'member', itemIndex, 'Member');
}

/** The User field of Add to Workspace. */
export function readUser(this: IExecuteFunctions, itemIndex: number): LocatorValue {
	return readLocator.call(this, 'user', itemIndex, 'User');
}

/** A member: from the credential's workspace list, by membership ID, by user ID or by email. */
export function memberLocator(displayOptions: IDisplayOptions, name = 'member', displayName = 'Member'): INodeProperties {
	const base = locator({ displayName, name, searchMethod: 'searchMembers', idPlaceholder: 'e.g. 3f0b7a52c1d84e4f', withEmail: true, displayOptions });
	const [list, id, email] = base.modes!;
	return {
		...base,
		default: { mode: 'email', value: '' },
		modes: [list, { ...id, displayName: 'By Membership ID' }, { ...id, displayName: 'By User ID', name: 'userId' }, email],
	};
}

/** A PandaDoc user (any workspace of the organization): from the list, by user ID or by email. */
export function userLocator(displayOptions: IDisplayOptions): INodeProperties {
	const base = locator({ displayName: 'User', name: 'user', searchMethod: 'searchUsers', idPlaceholder: 'e.g. 8ac2d4f5e6b7c8d9', withEmail: true, displayOptions });
	const [list, id, email] = base.modes!;
	return { ...base, default: { mode: 'email', value: '' }, modes: [list, { ...id, displayName: 'By User ID' }, email] };
}

/** Items that change the same member run one after another (the router's default keys on `user`). */
export function memberOrderKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const value = String(this.getNodeParameter('member', itemIndex, '', { extractValue: true }) ?? '').trim();
	return value ? value.toLowerCase() : undefined;
}

/**
 * Per execution (the context object is the same for every item): the credential's own member, and its workspace's
 * members.
 */
const currentCache = new WeakMap<object, Promise<IDataObject>>();
const membersCache = new WeakMap<object, Promise<IDataObject[]>>();

function cached<T>(cache: WeakMap<object, Promise<T>>, ctx: object, load: () => Promise<T>): Promise<T> {
	let pending = cache.get(ctx);
	if (!pending) {
		pending = load();
		// A failure is not kept: the next item (with Continue On Fail) tries again.
		pending.catch(() => cache.delete(ctx));
		cache.set(ctx, pending);
	}
	return pending;
}

/** `GET /public/v1/members/current`: the member the API key or token acts as, and so its workspace. */
export async function currentMember(this: RequestContext, itemIndex?: number): Promise<IDataObject> {
	return await cached(currentCache, this, () => apiRequest.call(this, pandaDoc, { method: 'GET', path: paths.currentMember, itemIndex }));
}

/**
 * `GET /public/v1/members`: every member of the credential's workspace (the list has no paging,
 * ../shared/reference/vendor-apis.md §4.3).
 */
export async function workspaceMembers(this: RequestContext, itemIndex?: number): Promise<IDataObject[]> {
	return await cached(membersCache, this, async () =>
		asList((await apiRequest.call(this, pandaDoc, { method: 'GET', path: paths.members, itemIndex })).results),
	);
}

/** After a change the next lookup reads the members again. */
export function forgetMembers(ctx: object): void {
	membersCache.delete(ctx);
}

const same = (a: unknown, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();

function describe(located: LocatorValue): string {
	const label = located.mode === 'email' ? 'email' : located.mode === 'userId' ? 'user ID' : 'membership ID';
	return `${label} ${located.value}`;
}

/**
 * The users-list entry of the user a locator points to, in any workspace (emails, user IDs, membership IDs);
 * `showRemoved`: also users removed from every workspace.
 */
export async function findUser(this: IExecuteFunctions, located: LocatorValue, itemIndex?: number, showRemoved = false): Promise<IDataObject | undefined> {
	const qs = showRemoved ? { show_removed: true } : {};
	return await findFirst.call(this, pandaDoc, { method: 'GET', path: paths.users, qs, itemIndex }, userPaging, (user) => {
		if (located.mode === 'email') return same(user.email, located.value);
		if (located.mode === 'userId') return same(user.user_id, located.value);
		return asList(user.workspaces).some((w) => same(w.membership_id, located.value));
	});
}

/** The member in the key's workspace: `GET /public/v1/members/{id}` by membership ID, else from the members list. */
async function memberHere(this: IExecuteFunctions, located: LocatorValue, itemIndex: number): Promise<IDataObject | undefined> {
	if (located.mode === 'list' || located.mode === 'id') {
		return await apiRequest.call(this, pandaDoc, { method: 'GET', path: paths.member(located.value), itemIndex });
	}
	const members = await workspaceMembers.call(this, itemIndex);
	return members.find((m) => same(located.mode === 'email' ? m.email : m.user_id, located.value));
}

/** The member in another workspace, shaped as MemberDetails from the users-list entry naming its `membership_id`. */
async function memberElsewhere(this: IExecuteFunctions, located: LocatorValue, workspace: string, itemIndex: number): Promise<IDataObject | undefined> {
	const user = await findUser.call(this, located, itemIndex);
	const membership = asList(user?.workspaces).find(
		(w) => same(w.workspace_id, workspace) && (located.mode === 'email' || located.mode === 'userId' || same(w.membership_id, located.value)),
	);
	if (!user || !membership) return undefined;
	const member: IDataObject = { ...user, membership_id: membership.membership_id, role: membership.role, workspace };
	delete member.workspaces;
	return member;
}

/**
 * The member a locator points to in a workspace (the key's when `workspaceId` is not given), as MemberDetails:
 * in the key's workspace through the members endpoints; in another one through the users list, whose entries
 * name each workspace's `membership_id` (../shared/reference/vendor-apis.md §4.3).
 */
export async function findMember(this: IExecuteFunctions, located: LocatorValue, itemIndex: number, workspaceId?: string): Promise<IDataObject> {
	const keyWorkspace = async () => String((await currentMember.call(this, itemIndex)).workspace ?? '');
	const here = workspaceId === undefined || same(workspaceId, await keyWorkspace());
	const found = here
		? await memberHere.call(this, located, itemIndex)
		: await memberElsewhere.call(this, located, String(workspaceId), itemIndex);
	if (found) return found;
	throw inputError(
		this.getNode(),
		`No member of workspace ${workspaceId ?? (await keyWorkspace())} has the ${describe(located)}`,
		'Check the value, and that the workspace is the one the member belongs to.',
		itemIndex,
	);
}

/**
 * The user ID a User field points to: as typed, else the key's workspace member or the organization's user with
 * that email.
 */
export async function resolveUserId(this: IExecuteFunctions, located: LocatorValue, itemIndex: number): Promise<string> {
	if (located.mode !== 'email') return located.value;
	const member = (await workspaceMembers.call(this, itemIndex)).find((m) => same(m.email, located.value));
	const user = member ?? (await findUser.call(this, located, itemIndex));
	if (!user) {
		throw inputError(this.getNode(), `No PandaDoc user has the email ${located.value}`, 'Check the address, or create the user first (User → Create).', itemIndex);
	}
	return String(user.user_id);
}
