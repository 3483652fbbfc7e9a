import type { IDataObject } from 'n8n-workflow';

/**
 * The result of a change that was applied: what reading it back gives, or, when only the read-back failed,
 * what is known (the change itself) with `readBackError` saying so. The change is never reported as failed.
 */
export async function afterChange(known: IDataObject, readBack: () => Promise<IDataObject>): Promise<IDataObject> {
	try {
		return await readBack();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ...known, readBackError: `The change was made, but reading the result back failed: ${reason}` };
	}
}
