import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import { readOptionalId } from '../shared/input';
import { apiRequest } from '../shared/transport';
import type { RequestContext } from '../shared/types';
import { asList, docuSign, paths } from './transport';

export const AUTOMATIC = 'automatic';

export const organizationField: INodeProperties = {
	displayName: 'Organization Name or ID',
	name: 'organization',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOrganizations' },
	default: AUTOMATIC,
	description:
		'"Automatic" uses the only organization the credential’s user administers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: { show: { resource: ['user', 'account', 'dsGroup'] } },
};

/**
 * The organizations the credential's user administers, fetched once per execution (or per dropdown
 * load): the context object is the same for every item of a run, so it keys the cache.
 */
const cache = new WeakMap<object, Promise<IDataObject[]>>();

export async function listOrganizations(this: RequestContext, itemIndex?: number): Promise<IDataObject[]> {
	let pending = cache.get(this);
	if (!pending) {
		pending = apiRequest
			.call(this, docuSign, { method: 'GET', path: paths.organizations, itemIndex })
			.then((body) => asList(body.organizations));
		// A failure is not cached: the next item (with Continue On Fail) tries again.
		pending.catch(() => cache.delete(this));
		cache.set(this, pending);
	}
	return await pending;
}

function describe(org: IDataObject): string {
	return `${String(org.name ?? 'Unnamed')} (${String(org.id)})`;
}

/** The organization ID: as chosen, or the only one the user administers when left on Automatic. */
async function resolve(this: RequestContext, chosen: string, itemIndex?: number): Promise<string> {
	if (chosen && chosen !== AUTOMATIC) return chosen;
	const organizations = await listOrganizations.call(this, itemIndex);
	if (organizations.length === 1) return String(organizations[0].id);
	if (organizations.length === 0) {
		throw inputError(
			this.getNode(),
			'The credential’s user administers no DocuSign organization',
			'The Admin API works on organizations: impersonate (or sign in as) an organization administrator, or enter the organization ID.',
			itemIndex,
		);
	}
	throw inputError(
		this.getNode(),
		`The credential’s user administers ${organizations.length} DocuSign organizations: ${organizations.map(describe).join(', ')}`,
		'Choose one of them in the Organization field instead of "Automatic".',
		itemIndex,
	);
}

/**
 * The organization ID of an item: as chosen, or the only one the user administers on Automatic (one
 * request). Operations call it after reading their other fields, so bad input fails before any request.
 */
export async function organizationId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const chosen = readOptionalId.call(this, 'organization', itemIndex, 'Organization') ?? AUTOMATIC;
	return await resolve.call(this, chosen, itemIndex);
}

export async function currentOrganizationId(this: ILoadOptionsFunctions): Promise<string> {
	const chosen = String(this.getCurrentNodeParameter('organization') ?? AUTOMATIC).trim();
	return await resolve.call(this, chosen);
}

/** The organization's record from the list (for its accounts and default account). */
export async function organizationRecord(this: RequestContext, orgId: string, itemIndex?: number): Promise<IDataObject> {
	const organizations = await listOrganizations.call(this, itemIndex);
	const found = organizations.find((org) => String(org.id).toLowerCase() === orgId.toLowerCase());
	if (!found) {
		throw inputError(
			this.getNode(),
			`Organization ${orgId} is not among the organizations the credential’s user administers`,
			'Check the organization ID, or pick the organization from the list.',
			itemIndex,
		);
	}
	return found;
}

/** The organization ID from a field's value (Automatic or an ID), where there are no items (a poll trigger). */
export async function chosenOrganizationId(this: RequestContext, chosen: string): Promise<string> {
	return await resolve.call(this, chosen.trim() || AUTOMATIC);
}
