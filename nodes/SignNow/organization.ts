import type { IDataObject, IDisplayOptions, IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import { apiRequest } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { dataOf, isMissingRoute, settle, signNow } from './transport';

export const AUTOMATIC = 'automatic';

export function organizationField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Organization Name or ID',
		name: 'organization',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOrganizations' },
		default: AUTOMATIC,
		description:
			'"Automatic" uses the organization of the credential’s user. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions,
	};
}

/** One answer per execution (or dropdown load): the context object is the same for every item of a run. */
function once<T>(cache: WeakMap<object, Promise<T>>, ctx: object, load: () => Promise<T>): Promise<T> {
	let pending = cache.get(ctx);
	if (!pending) {
		pending = load();
		pending.catch(() => cache.delete(ctx)); // a failure is not kept: the next item tries again
		cache.set(ctx, pending);
	}
	return pending;
}

const users = new WeakMap<object, Promise<IDataObject>>();
const lists = new WeakMap<object, Promise<IDataObject[] | undefined>>();

/** `GET /user`, once per execution: its `organization` is the SDK-confirmed place of the user's organization (../shared/reference/vendor-apis.md §2.3). */
export async function currentUser(this: RequestContext, itemIndex?: number): Promise<IDataObject> {
	return await once(users, this, () => apiRequest.call(this, signNow, { method: 'GET', path: '/user', itemIndex }));
}

/** `GET /api/v2/organizations` (seed 000), once per execution; undefined when the account's API lacks the route. */
export async function listOrganizations(this: RequestContext, itemIndex?: number): Promise<IDataObject[] | undefined> {
	return await once(lists, this, async () => {
		const outcome = await settle(apiRequest.call(this, signNow, { method: 'GET', path: '/api/v2/organizations', itemIndex }));
		if ('value' in outcome) return Array.isArray(outcome.value) ? (outcome.value as IDataObject[]) : dataOf(outcome.value);
		if (isMissingRoute(outcome.error)) return undefined;
		throw outcome.error;
	});
}

const describe = (org: IDataObject) => `${String(org.name ?? 'Unnamed')} (${String(org.id)})`;

/**
 * The organization of the credential's user: its own (`GET /user` → `organization`, the SDK-confirmed place), else
 * the only one `GET /api/v2/organizations` lists (seed 000). A record `{id, name?, teams?}`.
 */
async function automaticOrganization(this: RequestContext, itemIndex?: number): Promise<IDataObject> {
	const own = (await currentUser.call(this, itemIndex)).organization as IDataObject | undefined;
	if (own?.id) return own;
	const listed = await listOrganizations.call(this, itemIndex);
	if (listed?.length === 1) return listed[0];
	if (listed && listed.length > 1) {
		throw inputError(
			this.getNode(),
			`The credential’s user belongs to ${listed.length} SignNow organizations: ${listed.map(describe).join(', ')}`,
			'Choose one of them in the Organization field instead of "Automatic".',
			itemIndex,
		);
	}
	throw inputError(
		this.getNode(),
		'The credential’s user belongs to no SignNow organization',
		'SignNow lists no organization for this user. Sign in as an organization admin, or enter the organization ID.',
		itemIndex,
	);
}

/** The organization ID: as chosen, or found for the credential's user on "Automatic". */
export async function organizationId(this: RequestContext, chosen: string, itemIndex?: number): Promise<string> {
	return chosen && chosen !== AUTOMATIC ? chosen : String((await automaticOrganization.call(this, itemIndex)).id);
}

/** The organization's record: the user's own when it is the one chosen, else its entry in the list. */
export async function organizationRecord(this: RequestContext, chosen: string, itemIndex?: number): Promise<IDataObject> {
	if (!chosen || chosen === AUTOMATIC) return await automaticOrganization.call(this, itemIndex);
	const own = (await currentUser.call(this, itemIndex)).organization as IDataObject | undefined;
	if (own?.id !== undefined && String(own.id) === chosen) return own;
	const listed = await listOrganizations.call(this, itemIndex);
	const found = listed?.find((org) => String(org.id) === chosen);
	if (!found) {
		throw inputError(
			this.getNode(),
			`Organization ${chosen} is not among the organizations of the credential’s user`,
			'Check the organization ID, or pick the organization from the list.',
			itemIndex,
		);
	}
	return found;
}

export function readOrganization(this: IExecuteFunctions, itemIndex: number): string {
	return String(this.getNodeParameter('organization', itemIndex, AUTOMATIC) ?? '').trim();
}

export async function currentOrganizationId(this: ILoadOptionsFunctions): Promise<string> {
	return await organizationId.call(this, String(this.getCurrentNodeParameter('organization') ?? AUTOMATIC).trim());
}
