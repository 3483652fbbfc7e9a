import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { NormalizedUser } from '../user';
import { diffScope, PREVIOUS_FIELDS, USER_EVENTS } from './diff';
import type { Change, UserEvent } from './diff';
import { MAX_SNAPSHOT_USERS, readSnapshot, writeSnapshot } from './snapshot';
import type { Scope, StoredUser } from './snapshot';

/** Users shown by a manual test run of the trigger. */
export const SAMPLE_SIZE = 5;

/** What a vendor's `list` is asked for. */
export interface ListRequest {
	/** A manual test run: at most this many users, as a sample; no snapshot is read or written. */
	sample?: number;
	/** What the vendor returned as `state` from its previous poll; {} at the first poll. */
	state: IDataObject;
	/**
	 * The users the snapshot remembers in a scope, or undefined when the scope has no baseline yet: the vendor
	 * must then list the scope completely. For vendors that list incrementally (DocuSign).
	 */
	known(scope: string): ReadonlyMap<string, StoredUser> | undefined;
}

/** One scope's users as listed in a poll. */
export interface ScopeListing<R> {
	/** Users are told apart within a scope; "" when the vendor has one (DocuSign: the account). */
	scope: string;
	records: R[];
	/** Whether `records` is every user of the scope (default), so that a missing one was removed. */
	complete?: boolean;
	/** Keys added to every event of the scope (DocuSign: `accountId`). */
	context?: IDataObject;
}

export interface UserListing<R> {
	/** Every scope the trigger follows: a scope left out is dropped from the snapshot. */
	scopes: Array<ScopeListing<R>>;
	/** Kept in the snapshot and handed back to the next poll (DocuSign: watermarks). */
	state?: IDataObject;
}

/**
 * What a vendor folder supplies for its users trigger: how to list the users the credential can see, and
 * how to normalize one. Everything else (snapshot, diff, events, manual samples, output) is shared.
 */
export interface UserSource<R = IDataObject> {
	/** The vendor's key in the normalized record ('boldsign'). */
	vendor: string;
	/** Lists users. An array is every user, in one scope. Errors are thrown: the snapshot is then left as it was. */
	list(this: IPollFunctions, request: ListRequest): Promise<R[] | UserListing<R>>;
	normalize(record: R): NormalizedUser;
	/** The vendor's record as output in `raw` with Simplify off (default: the record itself). */
	raw?(record: R): IDataObject;
}

function asListing<R>(listed: R[] | UserListing<R>): UserListing<R> {
	return Array.isArray(listed) ? { scopes: [{ scope: '', records: listed, complete: true }] } : listed;
}

/** The Events field: none chosen counts as all. */
function readEvents(this: IPollFunctions): UserEvent[] {
	const chosen = this.getNodeParameter('events', []) as unknown;
	const known = new Set<string>(USER_EVENTS);
	const list = Array.isArray(chosen) ? chosen.filter((e): e is UserEvent => known.has(String(e))) : [];
	return list.length ? USER_EVENTS.filter((e) => list.includes(e)) : [...USER_EVENTS];
}

/** Which source a snapshot describes: the vendor and the node's credentials. Another one starts a new baseline. */
function sourceKey(this: IPollFunctions, vendor: string): string {
	const credentials = this.getNode().credentials ?? {};
	const ids = Object.keys(credentials)
		.sort()
		.map((type) => `${type}:${credentials[type]?.id ?? ''}`);
	return [vendor, ...ids].join('|');
}

/**
 * The poll of a users trigger. The first poll sets the baseline and emits nothing (or every user as
 * `user.created` with Emit Existing Users); later polls emit the chosen events found since the poll before.
 * The snapshot is replaced only after the whole listing came in: a failed poll (429, 5xx, network) throws,
 * n8n reports it, and the next poll compares with the same snapshot, so it finds the change. A manual test
 * run returns a sample of current users and leaves the snapshot alone.
 */
export async function pollUsers<R>(this: IPollFunctions, source: UserSource<R>): Promise<INodeExecutionData[][] | null> {
	const events = readEvents.call(this);
	const simplify = this.getNodeParameter('simplify', true) !== false;
	const emitExisting = this.getNodeParameter('options.emitExisting', false) === true;
	// n8n keeps one poll context for the whole activation, and the transport caches its session (credential,
	// rate limiter) per context object: a fresh object per poll reads the credential anew each time.
	const ctx = Object.create(this) as IPollFunctions;
	const itemOf = (change: Change, records: R[], context: IDataObject | undefined): INodeExecutionData => {
		const json: IDataObject = { event: change.event, vendor: source.vendor, user: change.user, previous: change.previous, ...context };
		if (!simplify) {
			const record = change.index === undefined ? undefined : records[change.index];
			json.raw = record === undefined ? null : (source.raw?.(record) ?? (record as IDataObject));
		}
		return { json };
	};

	if (this.getMode() === 'manual') {
		const listing = asListing(await source.list.call(ctx, { sample: SAMPLE_SIZE, state: {}, known: () => undefined }));
		const event = events[0];
		const previous = Object.fromEntries(PREVIOUS_FIELDS[event].map((key) => [key, null]));
		const items: INodeExecutionData[] = [];
		for (const part of listing.scopes) {
			part.records.forEach((record, index) => {
				if (items.length >= SAMPLE_SIZE) return;
				const item = itemOf({ event, user: source.normalize(record), previous, index }, part.records, part.context);
				item.json.sample = true;
				items.push(item);
			});
		}
		return items.length ? [items] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	const key = sourceKey.call(this, source.vendor);
	const before = readSnapshot(staticData.snapshot, key);
	const listing = asListing(
		await source.list.call(ctx, { state: before?.state ?? {}, known: (scope) => before?.scopes.get(scope) }),
	);

	const scopes = new Map<string, Scope>();
	const items: INodeExecutionData[] = [];
	let total = 0;
	for (const part of listing.scopes) {
		const known = before?.scopes.get(part.scope);
		const users = part.records.map((record) => source.normalize(record));
		// A scope without a baseline (the first poll) is compared with nothing: everyone is new.
		const { changes, after } = diffScope(source.vendor, known ?? new Map(), users, known ? part.complete !== false : true);
		scopes.set(part.scope, after);
		total += after.size;
		if (known || emitExisting) {
			for (const change of changes) if (events.includes(change.event)) items.push(itemOf(change, part.records, part.context));
		}
	}
	if (total > MAX_SNAPSHOT_USERS) {
		throw new NodeOperationError(this.getNode(), `The trigger follows ${total} users, more than the ${MAX_SNAPSHOT_USERS} its snapshot holds`, {
			description: 'Follow fewer users with one trigger (DocuSign: choose fewer accounts).',
		});
	}
	staticData.snapshot = writeSnapshot(key, scopes, listing.state ?? {});
	return items.length ? [items] : null;
}
