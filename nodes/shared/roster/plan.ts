import type { INode } from 'n8n-workflow';

import { inputError } from '../errors';
import type { CurrentUser, FieldChange, PlanCounts, PlanEntry, PlanOptions, RosterRow, RosterState, Target, Team } from './types';

/**
 * The pure planner of Sync Roster and Create or Update: the desired rows against the vendor's users.
 * Emails are compared trimmed and lower-case, roles and team names in any case, teams by ID or name.
 * - A row without a user → `create` (in its team, else the scope's team, else the vendor's default).
 * - A row with a user → `update` (only managed fields that are given and differ) or `unchanged`. Invited
 *   users are present (never invited again). A deactivated user is reactivated when `reactivate` is on:
 *   an `update` whose changes hold `status` (from deactivated to active); otherwise `skipped`.
 * - A user in scope missing from the roster → `deactivate`, or `skipped` (Only Report, protected);
 *   `unchanged` when already deactivated.
 * - Protected users (emails, roles, the transfer target, the vendor's own) are never deactivated and their role never
 *   changes (`skipped`, reason "protected", when nothing else changes).
 * - Users outside the scope are never changed: rows naming them are `skipped`; those missing from the roster
 *   are left out of the plan altogether.
 * The same email in two rows is an error naming both items: skipping one would hide a conflict in the source.
 */
export interface Plan {
	entries: PlanEntry[];
	counts: PlanCounts;
}

const key = (value: unknown) => String(value ?? '').trim().toLowerCase();

/** Input items are counted from 1 in messages, as n8n's editor shows them. */
const itemNo = (itemIndex: number) => itemIndex + 1;

/** The same email twice in the roster: an error naming both items. */
export function checkDuplicates(node: INode, rows: RosterRow[]): void {
	const seen = new Map<string, RosterRow>();
	for (const row of rows) {
		const first = seen.get(key(row.email));
		if (first) {
			throw inputError(
				node,
				`The email ${row.email.trim()} is in the roster twice: input items ${itemNo(first.itemIndex)} and ${itemNo(row.itemIndex)}`,
				'Each user must appear once in the roster. Remove or merge one of the two rows (for example with a Remove Duplicates node).',
				row.itemIndex,
			);
		}
		seen.set(key(row.email), row);
	}
}

/** Teams by lower-case ID and name: the vendor's list, completed by the teams its users are in. */
function teamIndex(state: RosterState): Map<string, Team> {
	const index = new Map<string, Team>();
	const add = (team: Team) => {
		if (!index.has(key(team.id))) index.set(key(team.id), team);
		if (team.name && !index.has(key(team.name))) index.set(key(team.name), team);
	};
	for (const team of state.teams ?? []) add(team);
	for (const { user } of state.users) if (user.teamId) add({ id: user.teamId, name: user.teamName ?? user.teamId });
	return index;
}

const sameTeam = (wanted: string, current: CurrentUser) =>
	key(wanted) === key(current.user.teamId) || (!!current.user.teamName && key(wanted) === key(current.user.teamName));

function domainOf(email: string): string {
	return key(email.slice(email.lastIndexOf('@') + 1));
}

export function planRoster(node: INode, vendor: string, rows: RosterRow[], state: RosterState, options: PlanOptions): Plan {
	checkDuplicates(node, rows);
	const teams = teamIndex(state);
	const manages = (field: string) => options.fields.includes(field as never);
	const scopeDomain = options.scopeDomain ? key(options.scopeDomain).replace(/^@/, '') : undefined;
	const scopeTeam = options.scopeTeam ? (teams.get(key(options.scopeTeam)) ?? { id: options.scopeTeam, name: options.scopeTeam }) : undefined;
	const protectedEmails = new Set(options.protectedEmails.map(key));
	if (options.transferTo) protectedEmails.add(key(options.transferTo));
	const protectedRoles = new Set(options.protectedRoles.map(key));

	const inDomain = (email: string) => !scopeDomain || domainOf(email) === scopeDomain;
	const userInScope = (current: CurrentUser) =>
		inDomain(current.user.email ?? '') && (!scopeTeam || sameTeam(scopeTeam.id, current) || sameTeam(scopeTeam.name, current));
	const rowInScope = (row: RosterRow) =>
		inDomain(row.email) && (!scopeTeam || !row.team || [key(scopeTeam.id), key(scopeTeam.name)].includes(key(row.team)));
	const isProtected = (current: CurrentUser) =>
		protectedEmails.has(key(current.user.email)) || protectedRoles.has(key(current.user.role)) || !!options.alwaysProtected?.(current);

	const resolveTeam = (row: RosterRow): Team => {
		const team = teams.get(key(row.team));
		if (!team) {
			throw inputError(
				node,
				`The team "${row.team}" of ${row.email} (input item ${itemNo(row.itemIndex)}) is not a ${vendor} team`,
				`Give the name or ID of an existing ${vendor} team, or create the team first.`,
				row.itemIndex,
			);
		}
		return team;
	};

	const byEmail = new Map<string, CurrentUser>();
	for (const current of state.users) if (current.user.email && !byEmail.has(key(current.user.email))) byEmail.set(key(current.user.email), current);

	const entries: PlanEntry[] = [];
	const entry = (fields: Omit<PlanEntry, 'changes' | 'target'> & Partial<PlanEntry>): PlanEntry => {
		const made = { changes: {}, target: {}, ...fields };
		entries.push(made);
		return made;
	};

	for (const row of rows) {
		const current = byEmail.get(key(row.email));
		byEmail.delete(key(row.email));
		const base = { email: row.email.trim(), row, current, itemIndex: row.itemIndex };
		if (!rowInScope(row) || (current && !userInScope(current))) {
			entry({ ...base, action: 'skipped', reason: 'outside the scope' });
			continue;
		}
		if (!current) {
			const changes: Record<string, FieldChange> = {};
			const target: Target = {};
			if (manages('role') && row.role) {
				target.role = row.role;
				changes.role = { from: null, to: row.role };
			}
			const team = scopeTeam ?? (manages('team') && row.team ? resolveTeam(row) : undefined);
			if (team) {
				target.teamId = team.id;
				changes.team = { from: null, to: team.name };
			}
			if (manages('names')) {
				if (row.firstName) changes.firstName = { from: null, to: (target.firstName = row.firstName) };
				if (row.lastName) changes.lastName = { from: null, to: (target.lastName = row.lastName) };
			}
			entry({ ...base, action: 'create', reason: `no ${vendor} user has this email`, changes, target });
			continue;
		}
		const { user } = current;
		if (user.status === 'deactivated' && !options.reactivate) {
			entry({ ...base, action: 'skipped', reason: 'deactivated; turn on Reactivate Users to reactivate' });
			continue;
		}
		const changes: Record<string, FieldChange> = {};
		const target: Target = {};
		const notes: string[] = [];
		if (user.status === 'deactivated') {
			changes.status = { from: 'deactivated', to: 'active' };
			target.status = 'active';
		}
		if (manages('role') && row.role && key(row.role) !== key(user.role)) {
			if (isProtected(current)) notes.push('protected: role kept');
			else {
				changes.role = { from: user.role, to: row.role };
				target.role = row.role;
			}
		}
		if (manages('team') && !scopeTeam && row.team && !sameTeam(row.team, current)) {
			const team = resolveTeam(row);
			changes.team = { from: user.teamName ?? user.teamId, to: team.name };
			target.teamId = team.id;
		}
		if (manages('names')) {
			if (row.firstName && row.firstName !== (user.firstName ?? '')) changes.firstName = { from: user.firstName, to: (target.firstName = row.firstName) };
			if (row.lastName && row.lastName !== (user.lastName ?? '')) changes.lastName = { from: user.lastName, to: (target.lastName = row.lastName) };
		}
		const changed = Object.keys(changes);
		if (changed.length) {
			const reason = [changes.status ? 'deactivated user in the roster: reactivate' : '', changed.filter((f) => f !== 'status').map((f) => `${f} differs`).join(', '), ...notes]
				.filter(Boolean)
				.join('; ');
			entry({ ...base, action: 'update', reason, changes, target });
		} else if (notes.length) {
			entry({ ...base, action: 'skipped', reason: 'protected: role kept' });
		} else {
			entry({ ...base, action: 'unchanged', reason: user.status === 'invited' ? 'invited; matches the roster' : 'matches the roster' });
		}
	}

	for (const current of byEmail.values()) {
		if (!userInScope(current)) continue;
		const base = { email: current.user.email ?? '', current, itemIndex: 0 };
		if (current.user.status === 'deactivated') entry({ ...base, action: 'unchanged', reason: 'not in the roster; already deactivated' });
		else if (options.missing === 'report') entry({ ...base, action: 'skipped', reason: 'not in the roster (Missing Users: Only Report)' });
		else if (isProtected(current)) entry({ ...base, action: 'skipped', reason: 'not in the roster, but protected' });
		else entry({ ...base, action: 'deactivate', reason: 'not in the roster', changes: { status: { from: current.user.status, to: 'deactivated' } } });
	}

	const counts: PlanCounts = { create: 0, update: 0, deactivate: 0, unchanged: 0, skipped: 0, inScope: 0 };
	for (const one of entries) counts[one.action]++;
	counts.inScope = state.users.filter((current) => current.user.status !== 'deactivated' && userInScope(current)).length;
	return { entries, counts };
}
