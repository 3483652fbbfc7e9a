import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import type { PlanCounts } from './types';

export interface SafetyLimit {
	/** Most users one apply may deactivate; undefined: no count limit. */
	maxDeactivations?: number;
	/** Most deactivations as a percentage of the users in scope that are not deactivated; undefined: none. */
	maxDeactivationPercent?: number;
}

/** The plan's counts in one line, for errors and logs. */
export function describeCounts(counts: PlanCounts): string {
	return `${counts.create} create, ${counts.update} update, ${counts.deactivate} deactivate, ${counts.unchanged} unchanged, ${counts.skipped} skipped`;
}

/**
 * Refuses to apply a plan that deactivates more users than the limit allows (by count or share of the scope),
 * before any request: a half-empty sheet or a wrong filter must not empty the vendor account.
 */
export function checkSafetyLimit(node: INode, counts: PlanCounts, limit: SafetyLimit): void {
	const { deactivate, inScope } = counts;
	if (!deactivate) return;
	const percent = inScope ? (deactivate / inScope) * 100 : 100;
	const overCount = limit.maxDeactivations !== undefined && deactivate > limit.maxDeactivations;
	const overPercent = limit.maxDeactivationPercent !== undefined && percent > limit.maxDeactivationPercent;
	if (!overCount && !overPercent) return;
	const bound = overCount ? `${limit.maxDeactivations} users` : `${limit.maxDeactivationPercent} %`;
	throw new NodeOperationError(
		node,
		`Refusing to apply: the plan deactivates ${deactivate} of ${inScope} users in scope (${Math.round(percent)} %), over the safety limit of ${bound}`,
		{
			description: `Plan: ${describeCounts(counts)}. Nothing was changed. Run with Mode "Plan Only" to see who would be deactivated, check the roster (an empty or filtered sheet?) and the scope, or raise Max Deactivations / Max Deactivation Percent in Options.`,
		},
	);
}
