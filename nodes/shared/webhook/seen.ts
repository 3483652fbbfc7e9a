import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/** How many delivery ids a trigger remembers, and for how long. */
export const SEEN_MAX = 1000;
export const SEEN_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Where the ids live in the node's static data. */
const KEY = 'seenDeliveries';

/** A short, fixed-size fingerprint of an id, so static data stays small whatever the vendor's ids look like. */
export function fingerprint(id: string): string {
	return createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, 22);
}

export type Entry = [fingerprint: string, seenAtMs: number];

function entries(store: IDataObject): Entry[] {
	const value = store[KEY];
	if (!Array.isArray(value)) return [];
	return value.filter(
		(entry): entry is Entry => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
	);
}

/**
 * The delivery ids a trigger has already started an execution for, kept in the workflow's static data (which
 * n8n saves after each delivery and keeps across restarts): the newest `SEEN_MAX`, none older than `SEEN_MAX_AGE_MS`.
 */
export class SeenDeliveries {
	constructor(
		private readonly store: IDataObject,
		private readonly max = SEEN_MAX,
		private readonly maxAgeMs = SEEN_MAX_AGE_MS,
	) {}

	/** The remembered fingerprints, oldest first, without the expired ones. */
	private live(now: number): Entry[] {
		return entries(this.store).filter(([, at]) => now - at < this.maxAgeMs);
	}

	/** Whether any of the ids was seen (a delivery may be known by several ids). */
	has(ids: string[], now = Date.now()): boolean {
		const known = new Set(this.live(now).map(([print]) => print));
		return ids.some((id) => known.has(fingerprint(id)));
	}

	/** Remembers the ids, dropping expired ones and the oldest beyond the bound. */
	add(ids: string[], now = Date.now()): void {
		this.merge(ids.map((id) => [fingerprint(id), now]), now);
	}

	/** Remembers fingerprints seen at the given times (claimedInProcess). Writes static data only here. */
	merge(seen: Entry[], now = Date.now()): void {
		const kept = this.live(now);
		const known = new Set(kept.map(([print]) => print));
		for (const [print, at] of seen) {
			if (!known.has(print) && now - at < this.maxAgeMs) kept.push([print, at]);
			known.add(print);
		}
		kept.sort((a, b) => a[1] - b[1]);
		this.store[KEY] = kept.slice(-this.max) as unknown as IDataObject[];
	}

	/** How many ids are remembered now. */
	size(now = Date.now()): number {
		return this.live(now).length;
	}
}

/**
 * Ids being handled by this n8n process, per trigger: n8n reads a workflow's static data afresh for each request,
 * so two copies of one delivery arriving at the same moment would both miss it there. Bounded like the store.
 */
const inProcess = new Map<string, Map<string, number>>();

/**
 * The ids this process claimed for a trigger, oldest first. n8n saves static data whole, so a save by another process
 * that read it a moment earlier can drop ids stored since; the next save of this process puts its own back.
 */
export function claimedInProcess(scope: string): Entry[] {
	return [...(inProcess.get(scope) ?? [])];
}

/** Claims the ids for this process; false when another request of the same trigger already claimed one of them. */
export function claimInProcess(scope: string, ids: string[], now = Date.now()): boolean {
	let claimed = inProcess.get(scope);
	if (!claimed) inProcess.set(scope, (claimed = new Map()));
	for (const [print, at] of claimed) if (now - at >= SEEN_MAX_AGE_MS) claimed.delete(print);
	const prints = ids.map(fingerprint);
	if (prints.some((print) => claimed.has(print))) return false;
	for (const print of prints) claimed.set(print, now);
	while (claimed.size > SEEN_MAX) claimed.delete(claimed.keys().next().value as string);
	if (inProcess.size > 500) inProcess.delete(inProcess.keys().next().value as string);
	return true;
}
