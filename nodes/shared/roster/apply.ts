import type { IExecuteFunctions } from 'n8n-workflow';

import { refuseOverBudget } from '../pagination';
import { runItems } from '../router';
import type { CurrentUser, PlanEntry, RosterAdapter } from './types';

export interface EntryResult {
	result: 'done' | 'failed';
	error?: string;
	/** The error itself, for operations that report it per item (Create or Update). */
	cause?: Error;
	/** The user after the change: what the vendor answered for a create, the known changes applied otherwise. */
	user?: CurrentUser;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

function failed(error: unknown, prefix = '', suffix = ''): EntryResult {
	const cause = asError(error);
	return { result: 'failed', error: `${prefix}${cause.message}${suffix}`, cause };
}

/** The user with the entry's target applied (no read-back: the vendor's update calls answer with little or nothing). */
function changed(entry: PlanEntry): CurrentUser {
	const current = entry.current!;
	const user = { ...current.user };
	const { target, changes } = entry;
	if (target.status) user.status = target.status;
	if (target.role) user.role = target.role;
	if (target.teamId) {
		user.teamId = target.teamId;
		user.teamName = changes.team?.to ?? null;
	}
	if (target.firstName) user.firstName = target.firstName;
	if (target.lastName) user.lastName = target.lastName;
	return { user, raw: current.raw };
}

/** The vendor calls of an update, in order: reactivate first (some vendors refuse changes to inactive users). */
function steps(this: IExecuteFunctions, adapter: RosterAdapter, entry: PlanEntry): Array<[string, () => Promise<void>]> {
	const user = entry.current!;
	const { target } = entry;
	const out: Array<[string, () => Promise<void>]> = [];
	if (target.status) out.push(['reactivate', async () => await adapter.reactivate.call(this, user)]);
	if (target.role) out.push(['role', async () => await adapter.updateRole.call(this, user, target.role!)]);
	if (target.teamId) out.push(['team', async () => await adapter.changeTeam.call(this, user, target.teamId!)]);
	if ((target.firstName || target.lastName) && adapter.updateNames) {
		out.push(['names', async () => await adapter.updateNames!.call(this, user, { firstName: target.firstName, lastName: target.lastName })]);
	}
	return out;
}

async function applyUpdate(this: IExecuteFunctions, adapter: RosterAdapter, entry: PlanEntry): Promise<EntryResult> {
	const done: string[] = [];
	for (const [name, step] of steps.call(this, adapter, entry)) {
		try {
			await step();
			done.push(name);
		} catch (error) {
			return failed(error, `${name}: `, done.length ? ` (${done.join(', ')} done; run again to finish)` : '');
		}
	}
	return { result: 'done', user: changed(entry) };
}

/**
 * Applies the plan's creates, updates and deactivations; unchanged and skipped entries get no result. Creates
 * go in the vendor's batches, the rest `concurrency` at a time (the credential's limiter paces the requests).
 * One failure does not stop the others: each entry gets `done` or `failed` with the vendor's message. Nothing
 * is retried here; a re-run plans again from the vendor's state, so it does only what is left.
 */
export async function applyPlan(
	this: IExecuteFunctions,
	adapter: RosterAdapter,
	entries: PlanEntry[],
	{ concurrency, transferTo }: { concurrency: number; transferTo?: CurrentUser },
): Promise<Map<PlanEntry, EntryResult>> {
	const results = new Map<PlanEntry, EntryResult>();
	const creates = entries.filter((entry) => entry.action === 'create');
	const others = entries.filter((entry) => entry.action === 'update' || entry.action === 'deactivate');
	const batchSize = Math.max(1, adapter.createBatchSize);
	const batches: PlanEntry[][] = [];
	for (let start = 0; start < creates.length; start += batchSize) batches.push(creates.slice(start, start + batchSize));
	if (adapter.api) {
		const requests = batches.length + others.reduce((sum, entry) => sum + Math.max(1, steps.call(this, adapter, entry).length), 0);
		await refuseOverBudget.call(this, adapter.api, requests);
	}

	await runItems(batches.length, concurrency, async (b) => {
		const batch = batches[b];
		let created: Array<CurrentUser | Error>;
		try {
			created = await adapter.create.call(
				this,
				batch.map((entry) => ({ row: entry.row!, role: entry.target.role, teamId: entry.target.teamId ?? null })),
			);
		} catch (error) {
			created = batch.map(() => asError(error));
		}
		batch.forEach((entry, n) => {
			const one = created[n];
			results.set(entry, one instanceof Error || !one ? failed(one ?? 'no answer for this user') : { result: 'done', user: one });
		});
	});

	await runItems(others.length, concurrency, async (i) => {
		const entry = others[i];
		if (entry.action === 'update') {
			results.set(entry, await applyUpdate.call(this, adapter, entry));
			return;
		}
		try {
			await adapter.deactivate.call(this, entry.current!, adapter.transfersDocuments ? transferTo : undefined);
			results.set(entry, { result: 'done', user: { ...entry.current!, user: { ...entry.current!.user, status: 'deactivated' } } });
		} catch (error) {
			results.set(entry, failed(error));
		}
	});
	return results;
}
