import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { collect, refuseOverBudget } from '../shared/pagination';
import type { ListRequest, UserListing, UserSource } from '../shared/poll/trigger';
import { runItems } from '../shared/router';
import { apiRequest } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { str } from '../shared/user';
import { AUTOMATIC, chosenOrganizationId, organizationRecord } from './organization';
import { asList, docuSign, dsGroupPaging, paths, userPaging } from './transport';
import { normalizeUser } from './users';

/** One user on one account, as the DocuSign Admin Users Trigger follows it. */
export interface DocuSignAccountUser {
	accountId: string;
	/** The user as `GET …/users?account_id=` lists it (OrganizationUserResponse, ../shared/reference/vendor-apis.md §1.4). */
	row: IDataObject;
	/** The user's membership on the account, from the user's profile (MembershipResponse), when it was read. */
	membership?: IDataObject;
	/** The user's `site_id` and whether it is an organization admin, from the profile when it was read. */
	siteId?: unknown;
	orgAdmin?: boolean;
	/** The role the snapshot remembers, for a user whose profile was not read this poll. */
	knownRole?: string | null;
	/** Whether the team is the user's first DS group (Include DS Groups); otherwise no team is followed. */
	dsGroups: boolean;
}

/** The defaults of the two number options below (the lint wants the literals there). */
const DEFAULTS = { overlapMinutes: 5, fullCheckHours: 24 };

export const docuSignTriggerOptions: INodeProperties[] = [
	{
		displayName: 'Full Check Every (Hours)',
		name: 'fullCheckHours',
		type: 'number',
		default: 24,
		typeOptions: { minValue: 0 },
		description:
			'How often the whole user list of each account is read, besides the users modified since the last poll: it finds users no longer listed (Removed). 0 reads it at every poll.',
	},
	{
		displayName: 'Include DS Groups',
		name: 'includeDsGroups',
		type: 'boolean',
		default: true,
		description:
			'Whether the team is the user’s first DS group (Team Changed). Needs an organization with multi-product entitlement; off: no team is followed.',
	},
	{
		displayName: 'Overlap (Minutes)',
		name: 'overlapMinutes',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 0 },
		description:
			'Each poll asks for users modified since the previous poll started minus this margin, so a change made during a poll, or seen late by DocuSign, is not missed. Changes seen twice are emitted once.',
	},
	{
		displayName: 'Track Roles',
		name: 'trackRoles',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the profile (permission profile) of each new or modified user: Role Changed needs it. The first poll reads every user’s profile, one request each.',
	},
];

/** Watermarks kept per account between polls. */
interface AccountState extends IDataObject {
	/** When the previous poll started (ISO 8601). */
	since: string;
	/** When the account's whole list was last read. */
	fullAt: string;
	/** DS group ID → `last_modified_on|user_count`: a change means members moved. */
	groups: IDataObject;
}

function numberOption(options: IDataObject, name: keyof typeof DEFAULTS): number {
	const value = Number(options[name] ?? DEFAULTS[name]);
	return Number.isFinite(value) && value >= 0 ? value : DEFAULTS[name];
}

/** The Admin API's own date format: UTC without a zone (../shared/reference/vendor-apis.md §1.4). */
const docuSignTime = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '');

const sameId = (a: unknown, b: unknown) => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

export async function listAccountUsers(this: RequestContext, orgId: string, accountId: string, qs: IDataObject, dsGroups: boolean, limit?: number) {
	const query: IDataObject = { account_id: accountId, ...qs, ...(dsGroups ? { include_ds_groups: true } : {}) };
	return await collect.call(
		this,
		docuSign,
		{ method: 'GET', path: `${paths.org(orgId)}/users`, qs: query },
		userPaging,
		limit ? { returnAll: false, limit } : { returnAll: true },
	);
}

/** DS group ID → a stamp that changes when its members change (DSGroupResponse `last_modified_on`, `user_count`, §1.4). */
async function dsGroupStamps(this: IPollFunctions, orgId: string, accountId: string): Promise<IDataObject> {
	const groups = await collect.call(this, docuSign, { method: 'GET', path: paths.dsGroups(orgId, accountId) }, dsGroupPaging, { returnAll: true });
	return Object.fromEntries(groups.map((g) => [String(g.ds_group_id), `${String(g.last_modified_on ?? '')}|${String(g.user_count ?? '')}`]));
}

const sameStamps = (a: IDataObject, b: IDataObject) =>
	Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((key) => a[key] === b[key]);

/** A user's profile (v2.1 dsprofile), read at most once per poll whatever the number of accounts. */
type Profiles = Map<string, Promise<IDataObject | undefined>>;

/** Reads the membership on the account of each record that needs a role, from the user's profile (UserDrilldownResponse, §1.4). */
export async function readMemberships(this: RequestContext, orgId: string, records: DocuSignAccountUser[], profiles: Profiles): Promise<void> {
	const unread = new Set(records.map((r) => String(r.row.id)).filter((id) => !profiles.has(id)));
	if (unread.size) await refuseOverBudget.call(this, docuSign, unread.size);
	const profileOf = (id: string) => {
		let found = profiles.get(id);
		if (!found) {
			found = apiRequest
				.call(this, docuSign, { method: 'GET', path: paths.userProfile(orgId, id) })
				.then((body) => asList(body.users)[0]);
			found.catch(() => undefined); // awaited below
			profiles.set(id, found);
		}
		return found;
	};
	const results = await runItems(records.length, 10, async (i) => {
		const record = records[i];
		try {
			const profile = await profileOf(String(record.row.id));
			record.membership = asList(profile?.memberships).find((m) => sameId(m.account_id, record.accountId)) ?? {};
			record.siteId = profile?.site_id;
			record.orgAdmin = profile?.is_organization_admin === true;
			return undefined;
		} catch (error) {
			return error as Error;
		}
	});
	const failed = results.find((result) => result instanceof Error);
	if (failed) throw failed;
}

/**
 * What the DocuSign Admin Users Trigger polls, per account (every chosen one, or every account of the
 * organization):
 * - `GET /v2/organizations/{org}/users?account_id=…&last_modified_since=…` for the users modified since the
 *   previous poll started, minus the overlap (§1.3: `last_modified_since` needs `account_id`);
 * - the account's DS groups (`GET /v2.1/…/accounts/{account}/dsgroups`): when one changed (`last_modified_on`,
 *   `user_count`), members moved, and DocuSign does not say that a DS group move modifies the user;
 * - the whole list when the account has no baseline yet, when a DS group changed, and every Full Check
 *   interval: only the whole list shows users no longer listed;
 * - the profile (`GET /v2.1/…/users/{id}/dsprofile`) of each new or modified user, for the permission profile
 *   (role) of its membership on the account: list rows carry none (§1.4). Other users keep the role the
 *   snapshot remembers: a role change goes through `users/profiles`, which modifies the user.
 */
export const docuSignUsers: UserSource<DocuSignAccountUser> = {
	vendor: 'docusign',
	async list(request: ListRequest): Promise<UserListing<DocuSignAccountUser>> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const trackRoles = options.trackRoles !== false;
		const dsGroups = options.includeDsGroups !== false;
		const overlapMs = numberOption(options, 'overlapMinutes') * 60_000;
		const fullEveryMs = numberOption(options, 'fullCheckHours') * 3_600_000;

		const orgId = await chosenOrganizationId.call(this, String(this.getNodeParameter('organization', AUTOMATIC) ?? ''));
		const chosen = this.getNodeParameter('accounts', []) as unknown;
		const accountIds = Array.isArray(chosen) && chosen.length
			? chosen.map((id) => String(id).trim()).filter(Boolean)
			: asList(await organizationRecord.call(this, orgId), 'accounts').map((a) => String(a.id));
		if (!accountIds.length) {
			throw new NodeOperationError(this.getNode(), 'The organization has no account to follow', {
				description: 'Choose the organization whose accounts’ users the trigger should follow.',
			});
		}

		if (request.sample) {
			const accountId = accountIds[0];
			const rows = await listAccountUsers.call(this, orgId, accountId, {}, dsGroups, request.sample);
			const records = rows.map((row) => ({ accountId, row, dsGroups }));
			if (trackRoles) await readMemberships.call(this, orgId, records, new Map());
			return { scopes: [{ scope: accountId, records, context: { accountId } }] };
		}

		const previous = (request.state.accounts ?? {}) as Record<string, AccountState | undefined>;
		const state: Record<string, AccountState> = {};
		const scopes: UserListing<DocuSignAccountUser>['scopes'] = [];
		const profiles: Profiles = new Map();
		for (const accountId of accountIds) {
			const startedAt = Date.now();
			const before = previous[accountId];
			const known = before ? request.known(accountId) : undefined;
			const groups = dsGroups ? await dsGroupStamps.call(this, orgId, accountId) : {};
			let modified: IDataObject[] = [];
			let full = true;
			if (before && known) {
				const since = docuSignTime(Date.parse(before.since) - overlapMs);
				modified = await listAccountUsers.call(this, orgId, accountId, { last_modified_since: since }, dsGroups);
				const groupsMoved = dsGroups && !sameStamps(groups, (before.groups ?? {}) as IDataObject);
				full = groupsMoved || !(startedAt - Date.parse(before.fullAt) < fullEveryMs);
			}
			const rows = full ? await listAccountUsers.call(this, orgId, accountId, {}, dsGroups) : modified;
			const modifiedIds = new Set(modified.map((row) => String(row.id)));
			const records = rows.map((row): DocuSignAccountUser => {
				const id = String(row.id);
				const remembered = known?.get(id);
				return { accountId, row, dsGroups, ...(remembered && !modifiedIds.has(id) ? { knownRole: remembered.role } : {}) };
			});
			if (trackRoles) await readMemberships.call(this, orgId, records.filter((r) => !('knownRole' in r)), profiles);
			scopes.push({ scope: accountId, records, complete: full, context: { accountId } });
			const at = new Date(startedAt).toISOString();
			state[accountId] = { since: at, fullAt: full || !before ? at : before.fullAt, groups };
		}
		return { scopes, state: { accounts: state } };
	},
	normalize(record) {
		const user = normalizeUser({ ...record.row, default_account_id: record.accountId, memberships: record.membership ? [record.membership] : [] });
		// The first DS group of the record's account (groups of other accounts are no team there).
		const dsGroup = record.dsGroups ? asList(record.row.ds_groups).find((g) => !g.account_id || sameId(g.account_id, record.accountId)) : undefined;
		return {
			...user,
			role: record.membership ? user.role : (record.knownRole ?? null),
			teamId: str(dsGroup?.ds_group_id),
			teamName: str(dsGroup?.group_name),
		};
	},
	raw(record) {
		return record.membership ? { ...record.row, membership: record.membership } : record.row;
	},
};
