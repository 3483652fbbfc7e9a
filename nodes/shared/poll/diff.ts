import type { IDataObject } from 'n8n-workflow';

import type { NormalizedUser } from '../user';
import { lastKnown, storedUser } from './snapshot';
import type { Scope, StoredUser } from './snapshot';

/** Every event a users trigger can emit, in the order a user's events are emitted. */
export const USER_EVENTS = [
	'user.created',
	'user.updated',
	'user.role_changed',
	'user.team_changed',
	'user.deactivated',
	'user.reactivated',
	'user.removed',
] as const;
export type UserEvent = (typeof USER_EVENTS)[number];

/** The fields each event reports the previous values of. */
export const PREVIOUS_FIELDS: Record<UserEvent, string[]> = {
	'user.created': [],
	'user.updated': ['email', 'firstName', 'lastName'],
	'user.role_changed': ['role'],
	'user.team_changed': ['teamId', 'teamName'],
	'user.deactivated': ['status'],
	'user.reactivated': ['status'],
	'user.removed': [],
};

/** One change found: the event, the user now (a removed user: as last known), what changed from. */
export interface Change {
	event: UserEvent;
	user: NormalizedUser;
	previous: IDataObject;
	/** Index of the user in the listing (for the vendor's raw record); none for a removed user. */
	index?: number;
}

/** The events between what the snapshot remembers of a user and the user now. */
export function changesOf(before: StoredUser, after: StoredUser): Array<{ event: UserEvent; previous: IDataObject }> {
	if (before.hash === after.hash) return [];
	const out: Array<{ event: UserEvent; previous: IDataObject }> = [];
	const identity = (['email', 'firstName', 'lastName'] as const).filter((key) => before[key] !== after[key]);
	if (identity.length) out.push({ event: 'user.updated', previous: Object.fromEntries(identity.map((key) => [key, before[key]])) });
	if (before.role !== after.role) out.push({ event: 'user.role_changed', previous: { role: before.role } });
	if (before.teamId !== after.teamId) {
		out.push({ event: 'user.team_changed', previous: { teamId: before.teamId, teamName: before.teamName } });
	}
	if (before.status !== after.status) {
		if (after.status === 'deactivated') out.push({ event: 'user.deactivated', previous: { status: before.status } });
		else if (before.status === 'deactivated' && after.status !== null) {
			out.push({ event: 'user.reactivated', previous: { status: before.status } });
		}
		// Any other move (an invitation accepted: invited → active) is recorded without an event.
	}
	return out;
}

/**
 * Compares one scope's users now with the snapshot. With a `complete` listing (every user of the scope), a
 * remembered user who is missing was removed; with an incremental one (DocuSign's modified users) only the
 * listed users are compared and every other one is kept as remembered. A user without an id cannot be
 * followed and is skipped; an id listed twice counts once (the first).
 */
export function diffScope(
	vendor: string,
	before: Scope,
	current: NormalizedUser[],
	complete: boolean,
): { changes: Change[]; after: Scope } {
	const after: Scope = complete ? new Map() : new Map(before);
	const changes: Change[] = [];
	const seen = new Set<string>();
	current.forEach((user, index) => {
		if (user.id === null) return;
		const id = String(user.id);
		if (seen.has(id)) return;
		seen.add(id);
		const now = storedUser(user);
		const was = before.get(id);
		if (!was) changes.push({ event: 'user.created', user, previous: {}, index });
		else for (const change of changesOf(was, now)) changes.push({ ...change, user, index });
		after.set(id, now);
	});
	if (complete) {
		for (const [id, was] of before) {
			if (!seen.has(id)) changes.push({ event: 'user.removed', user: lastKnown(vendor, was), previous: {} });
		}
	}
	return { changes, after };
}
