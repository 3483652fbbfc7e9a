import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { normalizedUser } from '../user';
import type { NormalizedUser, UserStatus } from '../user';

/**
 * The snapshot a polling trigger keeps in the workflow's static data (which n8n saves in its database), so
 * the next poll knows what each user looked like. Per user it keeps, not the vendor's record, but:
 * - a short hash (6 base64url characters, 36 bits) of the compared normalized fields, at full length: the
 *   change test;
 * - the compared values themselves, compact: status as one letter, role, team, names and email domain
 *   interned in one table per snapshot, only the email's local part written out. They give an event its
 *   `previous` values and a removed user its last known record. Each value is cut at MAX_VALUE characters,
 *   so one odd record cannot grow the snapshot; the hash still sees the whole value.
 * Ids that are lower-case UUIDs or long hex strings are stored as base64url (22 instead of 36 characters).
 * 100,000 users take about 6 MB (measured by test/unit/poll.test.js, which prints the size).
 */

/** The normalized fields a change is looked for in. `teamName` is kept up to date but is no event of its own. */
export const COMPARED = ['email', 'firstName', 'lastName', 'role', 'status', 'teamId', 'teamName'] as const;
export type Compared = (typeof COMPARED)[number];

/** A user as the snapshot remembers them. */
export interface StoredUser extends Pick<NormalizedUser, Compared> {
	id: string;
	hash: string;
}

export const SNAPSHOT_VERSION = 1;
/** At most this many users in one trigger's snapshot: a larger organization fails the poll, saying so. */
export const MAX_SNAPSHOT_USERS = 250_000;
/** Stored values are cut at this many characters (the hash covers the whole value). */
export const MAX_VALUE = 128;
const HASH_LENGTH = 6;

/** The snapshot as it sits in static data (plain JSON). */
export interface SnapshotData extends IDataObject {
	v: number;
	/** Which source the snapshot describes (vendor and credentials): another one means a new baseline. */
	source: string;
	/** Interned values (roles, teams, names, email domains), referred to by base-36 index. */
	dict: string[];
	/** Per scope (DocuSign: an account; one scope "" elsewhere): encoded id → encoded user. */
	scopes: Record<string, Record<string, string>>;
	/** What the vendor keeps between polls (DocuSign: its watermarks). */
	state: IDataObject;
	/** When the snapshot was written (ISO 8601). */
	at: string;
}

export type Scope = Map<string, StoredUser>;

const STATUS_CODE: Record<UserStatus, string> = { active: 'a', invited: 'i', deactivated: 'd' };
const STATUS_OF: Record<string, UserStatus> = { a: 'active', i: 'invited', d: 'deactivated' };

/** Short hash of the compared fields of a normalized user. */
export function userHash(user: Pick<NormalizedUser, Compared>): string {
	const values = COMPARED.map((key) => user[key] ?? null);
	return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, HASH_LENGTH);
}

/** The compared fields of a normalized user, with its hash, as the snapshot keeps them (values cut). */
export function storedUser(user: NormalizedUser): StoredUser {
	const cut = (value: string | null) => (value !== null && value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value);
	return {
		id: String(user.id),
		hash: userHash(user),
		email: cut(user.email),
		firstName: cut(user.firstName),
		lastName: cut(user.lastName),
		role: cut(user.role),
		status: user.status,
		teamId: cut(user.teamId),
		teamName: cut(user.teamName),
	};
}

/** A removed user's last known record. */
export function lastKnown(vendor: string, stored: StoredUser): NormalizedUser {
	return normalizedUser(vendor, { ...stored });
}

// ---------------------------------------------------------------------------------------------
// Ids

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = /^(?:[0-9a-f]{2}){8,}$/;

/** An id as a snapshot key: UUIDs and long lower-case hex as base64url, other ids as they are. */
export function encodeId(id: string): string {
	if (UUID.test(id)) return `~${Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url')}`;
	if (HEX.test(id)) return `^${Buffer.from(id, 'hex').toString('base64url')}`;
	return /^[~^!]/.test(id) ? `!${id}` : id;
}

export function decodeId(key: string): string {
	if (key.startsWith('~')) {
		const hex = Buffer.from(key.slice(1), 'base64url').toString('hex');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	}
	if (key.startsWith('^')) return Buffer.from(key.slice(1), 'base64url').toString('hex');
	return key.startsWith('!') ? key.slice(1) : key;
}

// ---------------------------------------------------------------------------------------------
// Users

/** Raw text inside a user's fields: the separators `|` and `@` (and `%`) are percent-escaped. */
const escape = (text: string) => text.replace(/[%|@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const unescape = (text: string) => text.replace(/%(25|7C|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

class Interner {
	readonly values: string[] = [];
	private readonly index = new Map<string, string>();

	ref(value: string | null): string {
		if (value === null) return '';
		let found = this.index.get(value);
		if (found === undefined) {
			found = this.values.length.toString(36);
			this.values.push(value);
			this.index.set(value, found);
		}
		return found;
	}
}

/** `<hash><status>role|teamId|teamName|email|firstName|lastName`, values interned except the email's local part. */
function encodeUser(user: StoredUser, dict: Interner): string {
	const email = user.email;
	const at = email === null ? -1 : email.lastIndexOf('@');
	const mail = email === null ? '' : at < 0 ? escape(email) : `${escape(email.slice(0, at))}@${dict.ref(email.slice(at + 1))}`;
	const status = user.status ? STATUS_CODE[user.status] : '-';
	return `${user.hash}${status}${[user.role, user.teamId, user.teamName].map((v) => dict.ref(v)).join('|')}|${mail}|${dict.ref(user.firstName)}|${dict.ref(user.lastName)}`;
}

function decodeUser(id: string, text: string, dict: string[]): StoredUser {
	const value = (ref: string | undefined) => (ref ? (dict[parseInt(ref, 36)] ?? null) : null);
	const [role, teamId, teamName, mail, firstName, lastName] = text.slice(HASH_LENGTH + 1).split('|');
	let email: string | null = null;
	if (mail) {
		const at = mail.lastIndexOf('@');
		email = at < 0 ? unescape(mail) : `${unescape(mail.slice(0, at))}@${value(mail.slice(at + 1)) ?? ''}`;
	}
	return {
		id,
		hash: text.slice(0, HASH_LENGTH),
		status: STATUS_OF[text.charAt(HASH_LENGTH)] ?? null,
		role: value(role),
		teamId: value(teamId),
		teamName: value(teamName),
		email,
		firstName: value(firstName),
		lastName: value(lastName),
	};
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/** Writes scopes of users as snapshot data; the table of interned values is built anew, so it holds only what is in use. */
export function writeSnapshot(source: string, scopes: Map<string, Scope>, state: IDataObject = {}, at = new Date()): SnapshotData {
	const dict = new Interner();
	const out: Record<string, Record<string, string>> = {};
	for (const [scope, users] of scopes) {
		const encoded: Record<string, string> = {};
		for (const user of users.values()) encoded[encodeId(user.id)] = encodeUser(user, dict);
		out[scope] = encoded;
	}
	return { v: SNAPSHOT_VERSION, source, dict: dict.values, scopes: out, state, at: at.toISOString() };
}

/** The snapshot in static data, or undefined when there is none (first poll) or it is of another version or source. */
export function readSnapshot(data: unknown, source: string): { scopes: Map<string, Scope>; state: IDataObject } | undefined {
	const snapshot = data as SnapshotData | undefined;
	if (!snapshot || typeof snapshot !== 'object' || snapshot.v !== SNAPSHOT_VERSION || snapshot.source !== source) return undefined;
	const dict = Array.isArray(snapshot.dict) ? snapshot.dict : [];
	const scopes = new Map<string, Scope>();
	for (const [scope, users] of Object.entries(snapshot.scopes ?? {})) {
		const map: Scope = new Map();
		for (const [key, text] of Object.entries(users ?? {})) {
			const id = decodeId(key);
			map.set(id, decodeUser(id, String(text), dict));
		}
		scopes.set(scope, map);
	}
	return { scopes, state: (snapshot.state ?? {}) as IDataObject };
}

/** Size of the snapshot as n8n stores it (JSON), in bytes. */
export function snapshotBytes(data: SnapshotData): number {
	return Buffer.byteLength(JSON.stringify(data));
}
