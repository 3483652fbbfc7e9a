import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { AUTOMATIC, currentUser, listOrganizations } from '../organization';

/** "Automatic" plus the organizations of the credential's user: the seed's list, else the user's own (`GET /user`). */
export async function getOrganizations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const automatic = { name: 'Automatic', value: AUTOMATIC, description: 'The organization of the credential’s user' };
	const listed = await listOrganizations.call(this);
	const own = (await currentUser.call(this)).organization as { id?: string; name?: string } | undefined;
	const organizations = listed ?? (own?.id ? [own] : []);
	return [
		automatic,
		...organizations
			.map((org) => ({ name: String(org.name ?? org.id), value: String(org.id) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}
