import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../errors';
import { asText, checkEmail, checkLength, MAX_NAME_LENGTH, readOptionalLocator } from '../input';
import { readConcurrency } from '../requestOptions';
import type { Operation, OperationResult } from '../router';
import { applyPlan } from './apply';
import type { EntryResult } from './apply';
import { createOrUpdateFields, syncRosterFields } from './description';
import type { RosterUi } from './description';
import { checkDuplicates, planRoster } from './plan';
import { canonicalRole, readRosterRows, readSyncOptions } from './read';
import { checkSafetyLimit } from './safety';
import type { CurrentUser, PlanEntry, RosterAdapter, RosterRow, RosterState } from './types';

const key = (value: unknown) => String(value ?? '').trim().toLowerCase();

/** The user who receives deactivated users' documents: a listed, active user, or an error before any change. */
function transferTarget(this: IExecuteFunctions, adapter: RosterAdapter, state: RosterState, email?: string): CurrentUser | undefined {
	if (!email) return undefined;
	const found = state.users.find((current) => key(current.user.email) === key(email));
	if (!found || found.user.status !== 'active') {
		throw inputError(
			this.getNode(),
			`Transfer Documents To: ${email} is not an active ${adapter.name} user`,
			'Give the email of an active user who can receive the documents of the users deactivated.',
			0,
		);
	}
	return found;
}

/** One output item of Sync Roster: the plan entry, and in Apply its result. */
function entryJson(entry: PlanEntry, result?: EntryResult): IDataObject {
	const json: IDataObject = {
		action: entry.action,
		email: entry.email,
		reason: entry.reason,
		changes: entry.changes as IDataObject,
		user: (result?.user ?? entry.current)?.user ?? null,
	};
	if (result) json.result = result.result;
	if (result?.error) json.error = result.error;
	return json;
}

/**
 * Sync Roster: every input item is a row of the desired roster. Lists the vendor's users once, plans, and in
 * Apply mode checks the safety limit, then applies. One output item per plan entry: a row's entry pairs with
 * its input item, a user missing from the roster with input item 0 (the roster as a whole).
 */
function syncRoster(adapter: RosterAdapter, ui: RosterUi): Operation {
	async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const rows = readRosterRows.call(this, adapter);
		checkDuplicates(this.getNode(), rows);
		const { plan: options, limit } = readSyncOptions.call(this, adapter, ui.defaultProtectedRoles);
		const apply = this.getNodeParameter('rosterMode', 0, 'plan') === 'apply';
		const teams = !!options.scopeTeam || (options.fields.includes('team') && rows.some((row) => row.team));
		const state = await adapter.list.call(this, { teams, scopeTeam: options.scopeTeam });
		const transferTo = transferTarget.call(this, adapter, state, options.transferTo);
		const plan = planRoster(this.getNode(), adapter.name, rows, state, options);
		let results = new Map<PlanEntry, EntryResult>();
		if (apply) {
			checkSafetyLimit(this.getNode(), plan.counts, limit);
			results = await applyPlan.call(this, adapter, plan.entries, { concurrency: readConcurrency.call(this), transferTo });
		}
		return plan.entries.map((entry) => ({ json: entryJson(entry, results.get(entry)), pairedItem: { item: entry.itemIndex } }));
	}
	return { description: syncRosterFields(adapter, ui), executeAll };
}

interface EnsureRow extends RosterRow {
	reactivate: boolean;
}

function readEnsureRow(this: IExecuteFunctions, adapter: RosterAdapter, itemIndex: number): EnsureRow {
	const text = (name: string, label: string) => asText.call(this, this.getNodeParameter(name, itemIndex, ''), label, itemIndex);
	const email = text('email', 'Email');
	if (!email) throw inputError(this.getNode(), 'Email is empty', 'Enter the email of the user.', itemIndex);
	checkEmail.call(this, email, 'Email', itemIndex);
	const names = adapter.fields.includes('names');
	const name = (param: string, label: string) => checkLength.call(this, text(param, label), label, MAX_NAME_LENGTH, itemIndex) || undefined;
	return {
		email,
		role: canonicalRole.call(this, adapter, text('role', 'Role'), 'Role', itemIndex),
		team: readOptionalLocator.call(this, 'team', itemIndex, 'Team')?.value,
		firstName: names ? name('firstName', 'First Name') : undefined,
		lastName: names ? name('lastName', 'Last Name') : undefined,
		itemIndex,
		reactivate: this.getNodeParameter('ensureOptions.reactivate', itemIndex, false) === true,
	};
}

const ENSURE_ACTION: Record<string, string> = { create: 'created', update: 'updated', unchanged: 'unchanged', skipped: 'skipped' };

/**
 * Create or Update: each item names one user and its wanted role, team (and names); the users are looked up
 * together, then planned and applied like a roster without deactivations. Output: the normalized record,
 * `action` (created, updated, reactivated, unchanged, skipped) and `changes`.
 */
function createOrUpdate(adapter: RosterAdapter, ui: RosterUi): Operation {
	async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<OperationResult | Error>> {
		const out: Array<OperationResult | Error | undefined> = new Array(itemIndexes.length);
		const rows: EnsureRow[] = [];
		const firstOf = new Map<string, number>();
		itemIndexes.forEach((itemIndex, n) => {
			try {
				const row = readEnsureRow.call(this, adapter, itemIndex);
				const first = firstOf.get(key(row.email));
				if (first !== undefined) {
					throw inputError(this.getNode(), `${row.email} is also in input item ${first + 1}`, 'Give each user once per run.', itemIndex);
				}
				firstOf.set(key(row.email), itemIndex);
				rows.push(row);
			} catch (error) {
				out[n] = error as Error;
			}
		});
		if (rows.length) {
			const need = { teams: rows.some((row) => row.team) };
			const emails = rows.map((row) => row.email);
			const state = adapter.lookup ? await adapter.lookup.call(this, emails, need) : await adapter.list.call(this, need);
			const entries: PlanEntry[] = [];
			for (const reactivate of [true, false]) {
				const group = rows.filter((row) => row.reactivate === reactivate);
				if (!group.length) continue;
				const options = { fields: adapter.fields, missing: 'report' as const, reactivate, protectedEmails: [], protectedRoles: [] };
				entries.push(...planRoster(this.getNode(), adapter.name, group, state, options).entries.filter((entry) => entry.row));
			}
			const results = await applyPlan.call(this, adapter, entries, { concurrency: readConcurrency.call(this) });
			for (const entry of entries) {
				const result = results.get(entry);
				const n = itemIndexes.indexOf(entry.itemIndex);
				if (result?.result === 'failed') {
					out[n] = result.cause ?? new NodeOperationError(this.getNode(), result.error ?? 'Failed');
					continue;
				}
				const action = entry.changes.status ? 'reactivated' : ENSURE_ACTION[entry.action];
				const user = (result?.user ?? entry.current)?.user ?? null;
				out[n] = { ...user, action, changes: entry.changes as IDataObject, reason: entry.reason };
			}
		}
		return out.map((result) => result ?? new Error('No result'));
	}
	return { description: createOrUpdateFields(adapter, ui), executeBatch };
}

/** Create or Update and Sync Roster for a vendor node's resources. */
export function rosterOperations(adapter: RosterAdapter, ui: RosterUi): Record<string, Operation> {
	return { createOrUpdate: createOrUpdate(adapter, ui), syncRoster: syncRoster(adapter, ui) };
}
