import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import { readId } from '../shared/input';
import { collect } from '../shared/pagination';
import { runItems } from '../shared/router';
import type { CurrentUser, RosterAdapter, RosterState, Team } from '../shared/roster';
import { apiRequest } from '../shared/transport';
import { moveBetweenDsGroups } from './dsGroups';
import { numericId } from './fields';
import { organizationId, organizationRecord } from './organization';
import { asList, docuSign, dsGroupPaging, paths } from './transport';
import { activateMembership, closeMemberships } from './userCalls';
import { getProfile, memberships, sendUserUpdate } from './users';
import { docuSignUsers, listAccountUsers, readMemberships } from './userSource';
import type { DocuSignAccountUser } from './userSource';

/** DocuSign's default eSignature permission profiles: the roles a roster can name. */
export const ROSTER_ROLES = ['DS Admin', 'DS Sender', 'DS Viewer'];

interface Scope {
	orgId: string;
	accountId: string;
	/** Permission profile name (lower-case) → ID, read once per execution when a role is set. */
	profiles?: Promise<Map<string, string | number>>;
	/** DS group ID (lower-case) → name, from the last listing. */
	teamNames: Map<string, string>;
}

/** The organization and the managed account (the Account field of item 0), once per execution. */
const scopes = new WeakMap<object, Promise<Scope>>();

function scopeOf(this: IExecuteFunctions): Promise<Scope> {
	let scope = scopes.get(this);
	if (!scope) {
		const accountId = readId.call(this, 'account', 0, 'Account');
		scope = organizationId.call(this, 0).then((orgId) => ({ orgId, accountId, teamNames: new Map() }));
		scopes.set(this, scope);
	}
	return scope;
}

const sameId = (a: unknown, b: unknown) => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

/** The account's permission profile ID of a role name; an error naming the account when it has none. */
async function profileId(this: IExecuteFunctions, scope: Scope, role: string): Promise<string | number> {
	scope.profiles ??= apiRequest
		.call(this, docuSign, { method: 'GET', path: `${paths.account(scope.orgId, scope.accountId)}/permissions` })
		.then((body) => new Map(asList(body.permissions).map((p) => [String(p.name).toLowerCase(), numericId(String(p.id))])));
	const id = (await scope.profiles).get(role.toLowerCase());
	if (id === undefined) throw new Error(`Account ${scope.accountId} has no permission profile named "${role}"`);
	return id;
}

async function listTeams(this: IExecuteFunctions, scope: Scope): Promise<Team[]> {
	const groups = await collect.call(this, docuSign, { method: 'GET', path: paths.dsGroups(scope.orgId, scope.accountId) }, dsGroupPaging, { returnAll: true });
	return groups.map((g) => ({ id: String(g.ds_group_id), name: String(g.group_name ?? g.ds_group_id) }));
}

/** List rows of the account with their profiles read (role, site_id), as roster users; org admins are protected. */
async function toState(this: IExecuteFunctions, scope: Scope, rows: IDataObject[], teams: boolean): Promise<RosterState> {
	const records: DocuSignAccountUser[] = rows.map((row) => ({ accountId: scope.accountId, row, dsGroups: true }));
	const [teamList, org] = await Promise.all([
		teams ? listTeams.call(this, scope) : Promise.resolve(undefined),
		organizationRecord.call(this, scope.orgId, 0),
		readMemberships.call(this, scope.orgId, records, new Map()),
	]);
	const admins = new Set(asList(org.users).map((u) => String(u.id).toLowerCase()));
	for (const team of teamList ?? []) scope.teamNames.set(team.id.toLowerCase(), team.name);
	const users = records.map((record): CurrentUser => {
		const user = docuSignUsers.normalize(record);
		const raw: IDataObject = { ...docuSignUsers.raw!(record), site_id: record.siteId as IDataObject['site_id'] };
		return { user, raw, protected: record.orgAdmin === true || admins.has(String(user.id).toLowerCase()) };
	});
	return { users, teams: teamList };
}

/** The account's users with this email (Create or Update, and a create that finds the user already there). */
async function byEmail(this: IExecuteFunctions, scope: Scope, email: string): Promise<IDataObject[]> {
	return await listAccountUsers.call(this, scope.orgId, scope.accountId, { email }, true);
}

/** The user's `site_id` (users/profiles needs it): listed with the user, else from the profile. */
async function siteIdOf(this: IExecuteFunctions, scope: Scope, user: CurrentUser): Promise<IDataObject['site_id']> {
	if (user.raw.site_id !== undefined) return user.raw.site_id;
	return (await getProfile.call(this, scope.orgId, { mode: 'id', value: user.user.id! }, 0)).site_id;
}

/**
 * DocuSign Admin for Create or Update and Sync Roster (../shared/reference/vendor-apis.md §1.3–1.4). The
 * roster is one account's memberships (the Account field): role = the membership's permission profile,
 * team = the user's DS group in that account (as Change Team moves it), deactivate = close the membership
 * (Close), reactivate = activate it (Reactivate). The list has no permission profile, so each listed user's
 * profile is read (one request each). Users are created one per request (`POST …/accounts/{account}/users`
 * takes one user; it also gives an organization user from another account a membership here). The Admin
 * API has no document transfer.
 */
export const docuSignRoster: RosterAdapter = {
	name: 'DocuSign',
	api: docuSign,
	fields: ['role', 'team', 'names'],
	roles: ROSTER_ROLES,
	createBatchSize: 1,
	transfersDocuments: false,
	reactivates: true,
	async list({ teams }) {
		const scope = await scopeOf.call(this);
		return await toState.call(this, scope, await listAccountUsers.call(this, scope.orgId, scope.accountId, {}, true), teams);
	},
	async lookup(emails, { teams }) {
		const scope = await scopeOf.call(this);
		const found = await runItems(emails.length, 10, async (i) => await byEmail.call(this, scope, emails[i]));
		const failed = found.find((result) => result instanceof Error);
		if (failed) throw failed;
		return await toState.call(this, scope, (found as IDataObject[][]).flat(), teams);
	},
	async create([{ row, role, teamId }]) {
		const scope = await scopeOf.call(this);
		const body: IDataObject = { email: row.email };
		if (row.firstName) body.first_name = row.firstName;
		if (row.lastName) body.last_name = row.lastName;
		if (row.firstName || row.lastName) body.user_name = [row.firstName, row.lastName].filter(Boolean).join(' ');
		if (role) body.permission_profile = { id: await profileId.call(this, scope, role) };
		let created: IDataObject;
		try {
			created = await apiRequest.call(this, docuSign, { method: 'POST', path: `${paths.account(scope.orgId, scope.accountId)}/users`, body });
		} catch (error) {
			// A concurrent run added it first: the user as DocuSign has it now.
			const existing = await byEmail.call(this, scope, row.email).catch(() => []);
			if (existing.length) return (await toState.call(this, scope, existing, false)).users.slice(0, 1);
			return [error as Error];
		}
		// A DS group that fails here fails the entry; the re-run finds the user and only moves it.
		if (teamId) await moveBetweenDsGroups.call(this, scope, String(created.id), teamId, null);
		const user = docuSignUsers.normalize({ accountId: scope.accountId, row: { ...created, membership_status: 'activation_sent' }, membership: asList(created.accounts)[0], dsGroups: false });
		return [{ user: { ...user, teamId: teamId ?? null, teamName: teamId ? (scope.teamNames.get(teamId.toLowerCase()) ?? teamId) : null }, raw: created }];
	},
	async updateRole(user, role) {
		const scope = await scopeOf.call(this);
		const membership = { account_id: scope.accountId, permission_profile: { id: await profileId.call(this, scope, role) } };
		await sendUserUpdate.call(this, scope.orgId, 'profiles', { id: user.user.id, site_id: await siteIdOf.call(this, scope, user), memberships: [membership] });
	},
	async changeTeam(user, teamId) {
		const scope = await scopeOf.call(this);
		await moveBetweenDsGroups.call(this, scope, user.user.id!, teamId, user.user.teamId);
	},
	async updateNames(user, { firstName, lastName }) {
		const scope = await scopeOf.call(this);
		const update: IDataObject = { id: user.user.id, site_id: await siteIdOf.call(this, scope, user) };
		if (firstName) update.first_name = firstName;
		if (lastName) update.last_name = lastName;
		await sendUserUpdate.call(this, scope.orgId, 'profiles', update);
	},
	async deactivate(user) {
		const scope = await scopeOf.call(this);
		const [result] = await closeMemberships.call(this, scope.orgId, user.user.id!, [scope.accountId]);
		if (!result.closed) throw new Error(`DocuSign did not close the membership: ${String(result.errorDescription ?? result.error ?? 'no details given')}`);
	},
	async reactivate(user) {
		const scope = await scopeOf.call(this);
		const profile = await getProfile.call(this, scope.orgId, { mode: 'id', value: user.user.id! }, 0);
		const membership = memberships(profile).find((m) => sameId(m.account_id, scope.accountId));
		if (!membership) throw inputError(this.getNode(), `${user.user.email} has no membership in account ${scope.accountId}`, 'Add the user to the account first.');
		await activateMembership.call(this, scope.orgId, String(profile.id), String(membership.id), profile.site_id);
	},
};
