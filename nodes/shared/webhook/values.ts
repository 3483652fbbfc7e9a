import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/** The value as an object, or undefined. */
export function objectAt(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** A string or number id as a string; null when absent or empty. */
export function idOf(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Unix seconds (number or digit string) as ISO 8601 UTC, or null. */
export function isoFromSeconds(value: unknown): string | null {
	const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
	return new Date(seconds * 1000).toISOString();
}

/** An ISO date with any number of fractional digits (DocuSign sends seven) as ISO 8601 UTC, or null. */
export function isoFromText(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const trimmed = value.trim().replace(/(\.\d{3})\d+/, '$1');
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
	const ms = Date.parse(zoned);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** SHA-256 of the raw body, hex: an id for a delivery the vendor gives none for. */
export function bodyDigest(rawBody: Buffer): string {
	return createHash('sha256').update(rawBody).digest('hex');
}

/** Whether two lists hold the same values, whatever their order (a registration's events against the chosen ones). */
export function sameSet(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}
