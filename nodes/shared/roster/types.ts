import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { VendorApi } from '../types';
import type { NormalizedUser } from '../user';

/** Fields a roster can manage; a vendor lists the ones it can change (RosterAdapter.fields). */
export type ManagedField = 'role' | 'team' | 'names';

/** One row of the desired roster: an input item. Empty role, team or names mean "not given": left as they are. */
export interface RosterRow {
	/** Trimmed, as given (compared lower-case). */
	email: string;
	role?: string;
	/** A team (workspace, account) ID or name. */
	team?: string;
	firstName?: string;
	lastName?: string;
	itemIndex: number;
}

/** A user as the vendor lists it: the normalized record, and the vendor's own object for the adapter. */
export interface CurrentUser {
	user: NormalizedUser;
	raw: IDataObject;
	/** Protected by the vendor whatever the options (e.g. an organization admin): as a protected email. */
	protected?: boolean;
}

export interface Team {
	id: string;
	name: string;
}

/** What the vendor has: its users and, when asked for, its teams (to turn team names into IDs). */
export interface RosterState {
	users: CurrentUser[];
	teams?: Team[];
}

export interface PlanOptions {
	/** Fields compared and changed; the others are left as they are. */
	fields: ManagedField[];
	/** Only users of this team (ID or name, any case). New users are created in it. */
	scopeTeam?: string;
	/** Only users whose email is at this domain ("example.com"). */
	scopeDomain?: string;
	/** Users in scope missing from the roster: deactivated, or only reported (`skipped`). */
	missing: 'deactivate' | 'report';
	/** Deactivated users who are in the roster are reactivated (an `update` whose changes hold `status`). */
	reactivate: boolean;
	/** Never deactivated, their role never changed (lower-case or any case). */
	protectedEmails: string[];
	protectedRoles: string[];
	/** Receives deactivated users' documents: an email of a listed user; protected like the above. */
	transferTo?: string;
}

export type PlanAction = 'create' | 'update' | 'deactivate' | 'unchanged' | 'skipped';

export interface FieldChange {
	from: string | null;
	to: string | null;
}

/** What apply must set: the values the vendor's calls take (team as an ID). */
export interface Target {
	role?: string;
	teamId?: string;
	firstName?: string;
	lastName?: string;
	status?: 'active';
}

export interface PlanEntry {
	email: string;
	action: PlanAction;
	reason: string;
	/** What changes, for people: team by name where known. Keys: role, team, firstName, lastName, status. */
	changes: Record<string, FieldChange>;
	/** The vendor's user; undefined for a create. */
	current?: CurrentUser;
	/** The roster row; undefined for a user missing from the roster. */
	row?: RosterRow;
	/** What to set (create and update). */
	target: Target;
	/** The input item it pairs with: the row's, or 0 for users missing from the roster. */
	itemIndex: number;
}

export interface PlanCounts {
	create: number;
	update: number;
	deactivate: number;
	unchanged: number;
	skipped: number;
	/** Users in scope that are not deactivated: the base of the deactivation percentage. */
	inScope: number;
}

/** A user to create: the row, and the team ID to create it in (null: the vendor's default). */
export interface NewUser {
	row: RosterRow;
	role?: string;
	teamId: string | null;
}

/**
 * What a vendor folder implements for Create or Update and Sync Roster. Every method gets the node's
 * context as `this` and sends requests through the shared transport; errors are thrown (NodeApiError).
 */
export interface RosterAdapter {
	/** Vendor name as users know it ("BoldSign"), in messages. */
	name: string;
	/** For the request budget check before applying (refuseOverBudget). */
	api?: VendorApi;
	/** Fields the vendor can change; the planner ignores the others. */
	fields: ManagedField[];
	/** The vendor's roles, in its own casing; a row's role must be one of them (any case). */
	roles: string[];
	/** Users created per `create` call (1 when the vendor creates one at a time). */
	createBatchSize: number;
	/** Whether `deactivate` can hand the user's documents to another user. */
	transfersDocuments: boolean;
	/** Whether a deactivated user can be reactivated (`reactivate`); false hides the Reactivate options. */
	reactivates: boolean;
	/**
	 * Every user the credential can see, once, at the list's request floor (full pages, no per-user reads),
	 * and the teams when `teams` is true. Users outside the scope may be included: the planner filters.
	 * `scopeTeam` (Only Team, as typed) lets a vendor whose users belong to several teams list each user by
	 * its membership of that team.
	 */
	list(this: IExecuteFunctions, need: { teams: boolean; scopeTeam?: string }): Promise<RosterState>;
	/** The users with these emails (Create or Update); default: `list`. */
	lookup?(this: IExecuteFunctions, emails: string[], need: { teams: boolean }): Promise<RosterState>;
	/**
	 * Creates (invites) up to createBatchSize users; one result per user in order: the new user, or the error
	 * of that user. A user that already exists (a concurrent run) is returned as it is, not as an error.
	 */
	create(this: IExecuteFunctions, users: NewUser[]): Promise<Array<CurrentUser | Error>>;
	updateRole(this: IExecuteFunctions, user: CurrentUser, role: string): Promise<void>;
	changeTeam(this: IExecuteFunctions, user: CurrentUser, teamId: string): Promise<void>;
	/** Only for vendors with 'names' in `fields`. */
	updateNames?(this: IExecuteFunctions, user: CurrentUser, names: { firstName?: string; lastName?: string }): Promise<void>;
	/** `transferTo` is the receiving user (only when transfersDocuments). An invited user may be withdrawn instead. */
	deactivate(this: IExecuteFunctions, user: CurrentUser, transferTo?: CurrentUser): Promise<void>;
	reactivate(this: IExecuteFunctions, user: CurrentUser): Promise<void>;
}
