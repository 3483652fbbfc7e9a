import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readOptionalLocator } from './input';

/** Below this many emails in a run, each is looked up on its own: a list pass would not pay. */
export const BULK_MINIMUM = 5;

const lookups = new WeakMap<object, Promise<Map<string, IDataObject>> | null>();

const key = (email: string) => email.trim().toLowerCase();

/** Every email that the run's items give in these locator fields, in email mode; unreadable items are skipped. */
function emailsInRun(ctx: IExecuteFunctions, fields: string[]): string[] {
	const emails = new Map<string, string>();
	ctx.getInputData().forEach((_, itemIndex) => {
		for (const field of fields) {
			try {
				const located = readOptionalLocator.call(ctx, field, itemIndex, field);
				if (located?.mode === 'email') emails.set(key(located.value), located.value);
			} catch {
				// The item's own run reports its bad input.
			}
		}
	});
	return [...emails.values()];
}

/**
 * The user with this email, when the run's items name at least BULK_MINIMUM users by email in `fields`: the
 * first item that asks triggers one bulk lookup (`lookup`, e.g. one pass over the vendor's list) of all of
 * them, and every item reads its answer. Undefined (not null) when the run is too small to batch: look the
 * email up directly then. Null when the bulk lookup did not find the email.
 */
export async function userByEmailInRun(
	ctx: IExecuteFunctions,
	fields: string[],
	email: string,
	lookup: (emails: string[]) => Promise<Map<string, IDataObject>>,
): Promise<IDataObject | null | undefined> {
	if (!lookups.has(ctx)) {
		const emails = emailsInRun(ctx, fields);
		const found = emails.length >= BULK_MINIMUM ? lookup(emails) : null;
		// A failed bulk lookup is not kept: the next item tries again, and reports its own error.
		found?.catch(() => lookups.delete(ctx));
		lookups.set(ctx, found);
	}
	const found = lookups.get(ctx);
	if (!found) return undefined;
	return (await found).get(key(email)) ?? null;
}
