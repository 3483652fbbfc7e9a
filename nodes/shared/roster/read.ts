import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../errors';
import { asText, checkEmail, checkLength, MAX_NAME_LENGTH, readList } from '../input';
import { DEFAULT_MAX_PERCENT } from './description';
import type { SafetyLimit } from './safety';
import type { ManagedField, PlanOptions, RosterAdapter, RosterRow } from './types';

/** A role in the vendor's own casing; undefined when empty; an error naming the field when unknown. */
export function canonicalRole(this: IExecuteFunctions, adapter: RosterAdapter, value: string, label: string, itemIndex: number): string | undefined {
	if (!value) return undefined;
	const role = adapter.roles.find((one) => one.toLowerCase() === value.toLowerCase());
	if (!role) {
		throw inputError(
			this.getNode(),
			`${label} "${value}" is not a ${adapter.name} role (input item ${itemIndex + 1})`,
			`Use one of ${adapter.roles.join(', ')} (any case), or leave it empty to keep the current role.`,
			itemIndex,
		);
	}
	return role;
}

/** The name of the input field a roster column is read from ('' when not used). */
function columnName(this: IExecuteFunctions, param: string, label: string): string {
	return asText.call(this, this.getNodeParameter(param, 0, ''), label, 0);
}

/**
 * Every input item as a roster row, its values read from the fields the column parameters name, checked
 * before any request. One bad row stops the node: skipping it would make its user look missing from the
 * roster, and so deactivated.
 */
export function readRosterRows(this: IExecuteFunctions, adapter: RosterAdapter): RosterRow[] {
	const names = adapter.fields.includes('names');
	const emailColumn = columnName.call(this, 'emailColumn', 'Email Field');
	if (!emailColumn) throw inputError(this.getNode(), 'Email Field is empty', 'Enter the name of the input field that holds each user’s email.', 0);
	const columns = {
		role: columnName.call(this, 'roleColumn', 'Role Field'),
		team: columnName.call(this, 'teamColumn', 'Team Field'),
		firstName: names ? columnName.call(this, 'firstNameColumn', 'First Name Field') : '',
		lastName: names ? columnName.call(this, 'lastNameColumn', 'Last Name Field') : '',
	};
	return this.getInputData().map((item, itemIndex) => {
		const value = (column: string, label: string) => (column ? asText.call(this, item.json[column], `${label} (field "${column}")`, itemIndex) : '');
		const name = (column: string, label: string) => checkLength.call(this, value(column, label), label, MAX_NAME_LENGTH, itemIndex) || undefined;
		const email = value(emailColumn, 'Email');
		if (!email) {
			throw inputError(this.getNode(), `Input item ${itemIndex + 1} has no email in the field "${emailColumn}"`, 'Every roster row needs the user’s email. Check Email Field, or filter out empty rows first.', itemIndex);
		}
		checkEmail.call(this, email, 'Email', itemIndex);
		return {
			email,
			role: canonicalRole.call(this, adapter, value(columns.role, 'Role'), 'Role', itemIndex),
			team: value(columns.team, 'Team') || undefined,
			firstName: name(columns.firstName, 'First Name'),
			lastName: name(columns.lastName, 'Last Name'),
			itemIndex,
		};
	});
}

function limitNumber(this: IExecuteFunctions, param: string, label: string, fallback: number | undefined, max?: number): number | undefined {
	const raw = this.getNodeParameter(`rosterOptions.${param}`, 0, fallback ?? '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0 || (max !== undefined && value > max)) {
		throw inputError(this.getNode(), `${label} must be a number from 0${max !== undefined ? ` to ${max}` : ''}, not ${JSON.stringify(raw)}`, `Enter ${label} in Options.`, 0);
	}
	return value;
}

/** The Sync Roster options (read from item 0: they are the same for the whole roster). */
export function readSyncOptions(
	this: IExecuteFunctions,
	adapter: RosterAdapter,
	defaultProtectedRoles: string[],
): { plan: PlanOptions; limit: SafetyLimit } {
	const option = (param: string, fallback: unknown) => this.getNodeParameter(`rosterOptions.${param}`, 0, fallback) as unknown;
	const chosen = ((option('fields', []) as ManagedField[]) ?? []).filter((field) => adapter.fields.includes(field));
	const fields = chosen.length ? chosen : adapter.fields;
	const missing = option('missing', 'report') === 'deactivate' ? 'deactivate' : 'report';
	const protectedEmails = readList.call(this, 'rosterOptions.protectedEmails', 0, 'Protected Emails');
	for (const email of protectedEmails) checkEmail.call(this, email, 'Protected Emails', 0);
	const transferTo = adapter.transfersDocuments ? asText.call(this, option('transferTo', ''), 'Transfer Documents To', 0) : '';
	if (transferTo) checkEmail.call(this, transferTo, 'Transfer Documents To', 0);
	return {
		plan: {
			fields,
			scopeTeam: asText.call(this, option('scopeTeam', ''), `Only Team`, 0) || undefined,
			scopeDomain: asText.call(this, option('scopeDomain', ''), 'Only Email Domain', 0) || undefined,
			missing,
			reactivate: option('reactivate', false) === true,
			protectedEmails,
			protectedRoles: (option('protectedRoles', defaultProtectedRoles) as string[]) ?? [],
			transferTo: transferTo || undefined,
		},
		limit: {
			maxDeactivations: limitNumber.call(this, 'maxDeactivations', 'Max Deactivations', undefined),
			maxDeactivationPercent: limitNumber.call(this, 'maxDeactivationPercent', 'Max Deactivation Percent', DEFAULT_MAX_PERCENT, 100),
		},
	};
}
