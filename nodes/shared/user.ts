import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

export type UserStatus = 'active' | 'invited' | 'deactivated';

/**
 * The user record every node outputs when Simplify is on: the same keys for every vendor, null where the
 * vendor has no value. The vendor's own status is kept in the raw output (Simplify off).
 */
export interface NormalizedUser extends IDataObject {
	vendor: string;
	id: string | null;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	role: string | null;
	status: UserStatus | null;
	teamId: string | null;
	teamName: string | null;
	createdAt: string | null;
	updatedAt: string | null;
}

export function normalizedUser(vendor: string, fields: Partial<NormalizedUser>): NormalizedUser {
	return {
		vendor,
		id: fields.id ?? null,
		email: fields.email ?? null,
		firstName: fields.firstName ?? null,
		lastName: fields.lastName ?? null,
		role: fields.role ?? null,
		status: fields.status ?? null,
		teamId: fields.teamId ?? null,
		teamName: fields.teamName ?? null,
		createdAt: fields.createdAt ?? null,
		updatedAt: fields.updatedAt ?? null,
	};
}

/** A user as a node outputs it: the normalized record when Simplify is on, the vendor's object otherwise. */
export function simplifyUser(
	this: IExecuteFunctions,
	itemIndex: number,
	user: IDataObject,
	normalize: (user: IDataObject) => NormalizedUser,
): IDataObject {
	return userOutputOf.call(this, itemIndex, normalize)(user);
}

/** For a list: Simplify read once for the item (not once per user), as the function that makes each output. */
export function userOutputOf(
	this: IExecuteFunctions,
	itemIndex: number,
	normalize: (user: IDataObject) => NormalizedUser,
): (user: IDataObject) => IDataObject {
	return this.getNodeParameter('simplify', itemIndex, true) ? normalize : (user) => user;
}

/** A string value, or null for anything empty. */
export function str(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	return String(value);
}

/** ISO 8601 from Unix seconds, Unix milliseconds, or a date string; null when absent or unparseable. */
export function isoDate(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	let ms: number;
	if (typeof value === 'number' || /^\d+$/.test(String(value))) {
		const n = Number(value);
		ms = n < 1e11 ? n * 1000 : n;
	} else {
		ms = Date.parse(String(value));
	}
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
	return EMAIL.test(value.trim());
}
