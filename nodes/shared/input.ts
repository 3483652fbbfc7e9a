import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from './errors';
import { isEmail } from './user';

/**
 * Readers for node fields. Each one checks the value the way the vendor would and throws a
 * NodeOperationError naming the field, so bad input fails before any request is sent.
 */

/** The longest email address (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;
/** Our bound for names (first, last, user, team and group names, company, job title): ../shared/reference/vendor-apis.md gives none. */
export const MAX_NAME_LENGTH = 100;

export interface LocatorValue {
	mode: string;
	value: string;
}

type Context = IExecuteFunctions;

function shown(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value && typeof value === 'object') return 'an object';
	return JSON.stringify(value) ?? String(value);
}

/**
 * One value as trimmed text. A date (a JS Date or n8n's Luxon DateTime, e.g. `{{ $now }}`) becomes ISO 8601;
 * any other object or a list (from an expression) is refused: it would be sent as "[object Object]".
 */
export function asText(this: Context, value: unknown, label: string, itemIndex: number): string {
	if (value === undefined || value === null) return '';
	if (value instanceof Date) return value.toISOString();
	const toISO = (value as { toISO?: unknown }).toISO;
	if (typeof toISO === 'function') return String(toISO.call(value));
	if (typeof value === 'object') {
		throw inputError(
			this.getNode(),
			`${label} must be a single value, not ${shown(value)}`,
			`The expression in ${label} gives ${shown(value)}. Point it at the property that holds the value, such as {{ $json.id }}.`,
			itemIndex,
		);
	}
	return String(value).trim();
}

/** Refuses text longer than `max` characters. */
export function checkLength(this: Context, value: string, label: string, max: number, itemIndex: number): string {
	if (value.length > max) {
		throw inputError(
			this.getNode(),
			`${label} is longer than ${max} characters (${value.length})`,
			`Shorten ${label} to at most ${max} characters.`,
			itemIndex,
		);
	}
	return value;
}

/** An email address: valid and at most 254 characters. */
export function checkEmail(this: Context, value: string, label: string, itemIndex: number): string {
	checkLength.call(this, value, label, MAX_EMAIL_LENGTH, itemIndex);
	if (!isEmail(value)) {
		throw inputError(
			this.getNode(),
			`"${value}" in ${label} is not a valid email address`,
			`Enter an email address in ${label}, such as name@example.com.`,
			itemIndex,
		);
	}
	return value;
}

function missing(this: Context, label: string, itemIndex: number, description = `Fill in ${label}.`): never {
	throw inputError(this.getNode(), `${label} is empty`, description, itemIndex);
}

/** Free text; `max` bounds its length, `required` refuses it empty. */
export function readText(
	this: Context,
	name: string,
	itemIndex: number,
	label: string,
	{ required = false, max }: { required?: boolean; max?: number } = {},
): string {
	const value = asText.call(this, this.getNodeParameter(name, itemIndex, ''), label, itemIndex);
	if (!value && required) missing.call(this, label, itemIndex);
	return max ? checkLength.call(this, value, label, max, itemIndex) : value;
}

/** A name (user, team, group): text of at most MAX_NAME_LENGTH characters. */
export function readName(this: Context, name: string, itemIndex: number, label: string, required = false): string {
	return readText.call(this, name, itemIndex, label, { required, max: MAX_NAME_LENGTH });
}

/** An email address field; empty is allowed only when not required. */
export function readEmail(this: Context, name: string, itemIndex: number, label: string, required = true): string {
	const value = readText.call(this, name, itemIndex, label);
	if (!value) {
		if (required) missing.call(this, label, itemIndex);
		return value;
	}
	return checkEmail.call(this, value, label, itemIndex);
}

/** An ID typed into (or chosen from) a plain field, such as a dropdown filled by an expression. */
export function readId(this: Context, name: string, itemIndex: number, label: string): string {
	return readText.call(this, name, itemIndex, label, { required: true });
}

export function readOptionalId(this: Context, name: string, itemIndex: number, label: string): string | undefined {
	return readText.call(this, name, itemIndex, label) || undefined;
}

/** One of a field's options. An expression may give the value in any case; anything else is refused. */
export function readChoice(
	this: Context,
	name: string,
	itemIndex: number,
	label: string,
	options: Array<{ value: unknown }>,
	fallback?: string,
): string {
	const value = asText.call(this, this.getNodeParameter(name, itemIndex, fallback), label, itemIndex);
	const allowed = options.map((option) => String(option.value));
	const found = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
	if (found === undefined) {
		throw inputError(
			this.getNode(),
			`${label} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
			`Pick ${label} from the list; an expression must give one of these values.`,
			itemIndex,
		);
	}
	return found;
}

/** Return All and Limit: Limit must be a whole number of 1 or more (0 would silently return nothing). */
export function readLimit(this: Context, itemIndex: number): { returnAll: boolean; limit: number } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
	if (returnAll) return { returnAll, limit: 0 };
	const raw: unknown = this.getNodeParameter('limit', itemIndex, 50);
	const limit = typeof raw === 'number' || (typeof raw === 'string' && raw.trim()) ? Number(raw) : NaN;
	if (!Number.isInteger(limit) || limit < 1) {
		throw inputError(
			this.getNode(),
			`Limit must be a whole number of 1 or more, not ${shown(raw)}`,
			'Enter how many results to return at most, or turn on Return All.',
			itemIndex,
		);
	}
	return { returnAll, limit };
}

/** The mode and value of a resource locator, or of a plain value an expression put in its place. */
function locatorParts(raw: unknown): { mode: string; value: unknown } {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && ('__rl' in raw || ('mode' in raw && 'value' in raw))) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: String(mode ?? 'id'), value };
	}
	return { mode: 'id', value: raw };
}

/** A resource locator (or a plain value); undefined when empty. In email mode the value must be an email. */
export function readOptionalLocator(this: Context, name: string, itemIndex: number, label: string): LocatorValue | undefined {
	const { mode, value } = locatorParts(this.getNodeParameter(name, itemIndex, ''));
	const text = asText.call(this, value, label, itemIndex);
	if (!text) return undefined;
	if (mode === 'email') checkEmail.call(this, text, label, itemIndex);
	return { mode, value: text };
}

/** A required resource locator. */
export function readLocator(this: Context, name: string, itemIndex: number, label: string): LocatorValue {
	const located = readOptionalLocator.call(this, name, itemIndex, label);
	return located ?? missing.call(this, label, itemIndex, `Pick a value for ${label} from the list, or enter its ID.`);
}

/**
 * A list: one field with values separated by commas, semicolons or white space, or a list from an
 * expression (each entry a single value).
 */
export function readList(this: Context, name: string, itemIndex: number, label: string): string[] {
	const raw = this.getNodeParameter(name, itemIndex, '');
	const entries = Array.isArray(raw) ? raw.map((entry) => asText.call(this, entry, label, itemIndex)) : [asText.call(this, raw, label, itemIndex)];
	return entries.flatMap((entry) => entry.split(/[,;\s]+/)).filter(Boolean);
}
