'use strict';
// The benchmark's rows: one workflow each (Webhook → nodes), run in a real n8n. Our nodes beside n8n's
// own HTTP Request node configured the way a user would: a Header Auth credential, the vendor's paging
// parameters and n8n's built-in pagination, and a Split Out node to get one item per user.

const { DOCUSIGN_IDS } = require('../../test/mocks/docusign');
const { boldSignSeed } = require('./seeds');

/** BoldSign's users/list default and largest PageSize (§3.2). */
const BS_DEFAULT_PAGE = 10;
const BS_MAX_PAGE = 100;
/** DocuSign Admin's default `take`; no maximum is documented, 100 is what our node asks for. */
const DS_DEFAULT_TAKE = 20;
const DS_MAX_TAKE = 100;
/** Our BoldSign Invite sends at most this many invitations per users/create call. */
const BS_CREATE_BATCH = 100;

const HTTP = 'n8n-nodes-base.httpRequest';
const SPLIT_OUT = 'n8n-nodes-base.splitOut';

const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

function headerAuth(credential) {
	return {
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		credentials: { httpHeaderAuth: credential },
	};
}

/** An HTTP Request node: `auth` from headerAuth(), `query` { name: value }, `pagination` n8n's pagination block. */
function httpNode({ url, auth, query, pagination }) {
	const parameters = { method: 'GET', url, authentication: auth.authentication, genericAuthType: auth.genericAuthType };
	const entries = Object.entries(query || {});
	if (entries.length) {
		parameters.sendQuery = true;
		parameters.queryParameters = { parameters: entries.map(([name, value]) => ({ name, value: String(value) })) };
	}
	parameters.options = pagination ? { pagination: { pagination } } : {};
	return { name: 'HTTP Request', type: HTTP, parameters, credentials: auth.credentials };
}

const splitOut = (name, field) => ({ name, type: SPLIT_OUT, parameters: { fieldToSplitOut: field, include: 'noOtherFields', options: {} } });

/** BoldSign users/list with n8n's pagination: Page = $pageCount + 1, done at the first short page. */
function boldSignListPagination(pageSize) {
	return {
		paginationMode: 'updateAParameterInEachRequest',
		parameters: { parameters: [{ type: 'qs', name: 'Page', value: '={{ $pageCount + 1 }}' }] },
		paginationCompleteWhen: 'other',
		completeExpression: `={{ $response.body.result.length < ${pageSize} }}`,
	};
}

/** DocuSign paging: follow `paging.next` until there is none. */
const docuSignListPagination = {
	paginationMode: 'responseContainsNextURL',
	nextURL: '={{ $response.body.paging.next }}',
	paginationCompleteWhen: 'other',
	completeExpression: '={{ !$response.body.paging.next }}',
};

/**
 * Every row. ctx: { users, gets, invites, mocks: { bs, bsInvite, ds }, creds: { bs, bsInvite, ds, bsHeader, dsHeader },
 * ids: { bs: [...], ds: [...] } }. A row: { id, group, vendor, label, mock, floor, expectItems, nodes, body(run) }.
 */
function buildRows(ctx) {
	const { users: N, gets: G, invites: I, mocks, creds, ids } = ctx;
	const bsAuth = headerAuth(creds.bsHeader);
	const dsAuth = headerAuth(creds.dsHeader);
	const dsUsersUrl = `${mocks.ds.adminBaseUrl}/v2/organizations/${DOCUSIGN_IDS.organizationId}/users`;
	const listFloor = Math.ceil(N / BS_MAX_PAGE);
	const dsListFloor = Math.ceil(N / DS_MAX_TAKE);
	const bsNode = (parameters, credential = creds.bs) => ({ name: 'BoldSign', type: 'boldSign', parameters, credentials: { boldSignApi: credential } });
	const dsNode = (parameters) => ({
		name: 'DocuSign Admin',
		type: 'docuSignAdmin',
		parameters: { authentication: 'jwt', ...parameters },
		credentials: { docuSignJwtApi: creds.ds },
	});
	const getBody = (list) => () => ({ users: list.map((id) => ({ id })) });

	return [
		{
			id: 'fixed-noop',
			group: 'fixed',
			vendor: '-',
			label: 'n8n fixed cost: Webhook → No Operation',
			mock: null,
			floor: 0,
			expectItems: 1,
			nodes: [{ name: 'No Operation', type: 'n8n-nodes-base.noOp', parameters: {} }],
		},

		// (1) list every user
		{
			id: 'bs-list-ours',
			group: 'list',
			vendor: 'boldsign',
			label: `BoldSign list ${N}: ours (Get Many, Return All)`,
			mock: 'bs',
			floor: listFloor,
			expectItems: N,
			nodes: [bsNode({ resource: 'user', operation: 'getAll', returnAll: true })],
		},
		{
			id: 'bs-list-http-default',
			group: 'list',
			vendor: 'boldsign',
			label: `BoldSign list ${N}: HTTP Request, default page size (${BS_DEFAULT_PAGE})`,
			mock: 'bs',
			floor: listFloor,
			slow: true,
			nodes: [httpNode({ url: `${mocks.bs.url}/v1/users/list`, auth: bsAuth, pagination: boldSignListPagination(BS_DEFAULT_PAGE) })],
		},
		{
			id: 'bs-list-http-100',
			group: 'list',
			vendor: 'boldsign',
			label: `BoldSign list ${N}: HTTP Request, PageSize=${BS_MAX_PAGE}`,
			mock: 'bs',
			floor: listFloor,
			nodes: [
				httpNode({
					url: `${mocks.bs.url}/v1/users/list`,
					auth: bsAuth,
					query: { PageSize: BS_MAX_PAGE },
					pagination: boldSignListPagination(BS_MAX_PAGE),
				}),
			],
		},
		{
			id: 'bs-list-http-100-split',
			group: 'list',
			vendor: 'boldsign',
			label: `BoldSign list ${N}: HTTP Request, PageSize=${BS_MAX_PAGE} + Split Out`,
			mock: 'bs',
			floor: listFloor,
			expectItems: N,
			nodes: [
				httpNode({
					url: `${mocks.bs.url}/v1/users/list`,
					auth: bsAuth,
					query: { PageSize: BS_MAX_PAGE },
					pagination: boldSignListPagination(BS_MAX_PAGE),
				}),
				splitOut('Split Out', 'result'),
			],
		},
		{
			id: 'ds-list-ours',
			group: 'list',
			vendor: 'docusign',
			label: `DocuSign list ${N}: ours (User Get Many, Return All)`,
			mock: 'ds',
			floor: dsListFloor,
			expectItems: N,
			nodes: [dsNode({ resource: 'user', operation: 'getAll', returnAll: true })],
		},
		{
			id: 'ds-list-http-default',
			group: 'list',
			vendor: 'docusign',
			label: `DocuSign list ${N}: HTTP Request, default take (${DS_DEFAULT_TAKE})`,
			mock: 'ds',
			floor: dsListFloor,
			slow: true,
			nodes: [httpNode({ url: dsUsersUrl, auth: dsAuth, query: { account_id: DOCUSIGN_IDS.mainAccountId }, pagination: docuSignListPagination })],
		},
		{
			id: 'ds-list-http-100',
			group: 'list',
			vendor: 'docusign',
			label: `DocuSign list ${N}: HTTP Request, take=${DS_MAX_TAKE}`,
			mock: 'ds',
			floor: dsListFloor,
			nodes: [
				httpNode({
					url: dsUsersUrl,
					auth: dsAuth,
					query: { account_id: DOCUSIGN_IDS.mainAccountId, take: DS_MAX_TAKE },
					pagination: docuSignListPagination,
				}),
			],
		},
		{
			id: 'ds-list-http-100-split',
			group: 'list',
			vendor: 'docusign',
			label: `DocuSign list ${N}: HTTP Request, take=${DS_MAX_TAKE} + Split Out`,
			mock: 'ds',
			floor: dsListFloor,
			expectItems: N,
			nodes: [
				httpNode({
					url: dsUsersUrl,
					auth: dsAuth,
					query: { account_id: DOCUSIGN_IDS.mainAccountId, take: DS_MAX_TAKE },
					pagination: docuSignListPagination,
				}),
				splitOut('Split Out', 'users'),
			],
		},

		// (2) single-user gets, one input item per user (the webhook body split into items)
		{
			id: 'bs-get-ours',
			group: 'get',
			vendor: 'boldsign',
			label: `BoldSign get ×${G}: ours (Get by ID)`,
			mock: 'bs',
			floor: G,
			expectItems: G,
			body: getBody(ids.bs),
			nodes: [splitOut('Items', 'body.users'), bsNode({ resource: 'user', operation: 'get', user: byId })],
		},
		{
			id: 'bs-get-http',
			group: 'get',
			vendor: 'boldsign',
			label: `BoldSign get ×${G}: HTTP Request (one GET per item)`,
			mock: 'bs',
			floor: G,
			expectItems: G,
			body: getBody(ids.bs),
			nodes: [splitOut('Items', 'body.users'), httpNode({ url: `${mocks.bs.url}/v1/users/get`, auth: bsAuth, query: { userId: '={{ $json.id }}' } })],
		},
		{
			id: 'ds-get-ours',
			group: 'get',
			vendor: 'docusign',
			label: `DocuSign get ×${G}: ours (User Get by ID)`,
			mock: 'ds',
			floor: G,
			expectItems: G,
			body: getBody(ids.ds),
			nodes: [splitOut('Items', 'body.users'), dsNode({ resource: 'user', operation: 'get', user: byId })],
		},
		{
			id: 'ds-get-http',
			group: 'get',
			vendor: 'docusign',
			label: `DocuSign get ×${G}: HTTP Request (one GET per item)`,
			mock: 'ds',
			floor: G,
			expectItems: G,
			body: getBody(ids.ds),
			nodes: [
				splitOut('Items', 'body.users'),
				httpNode({
					url: `=${mocks.ds.adminBaseUrl}/v2.1/organizations/${DOCUSIGN_IDS.organizationId}/users/{{ $json.id }}/dsprofile`,
					auth: dsAuth,
				}),
			],
		},

		// (3) invitations: a fresh BoldSign mock (default seed), new addresses on every run
		{
			id: 'bs-invite-ours',
			group: 'invite',
			vendor: 'boldsign',
			label: `BoldSign invite ×${I}: ours (Invite)`,
			mock: 'bsInvite',
			// one users/create per 100 invitations, one pass over the 25 existing users (not invited twice on a
			// re-run), and the new users read back 100 at a time (for their team name and dates)
			floor: 2 * Math.ceil(I / BS_CREATE_BATCH) + 1,
			expectItems: I,
			body: (run) => ({ users: Array.from({ length: I }, (_, k) => ({ email: `bench-${run}-${k + 1}@invite.example.com` })) }),
			nodes: [splitOut('Items', 'body.users'), bsNode({ resource: 'user', operation: 'invite', emails: '={{ $json.email }}' }, creds.bsInvite)],
		},

		// (4) Sync Roster, Plan Only: a roster of every user of the BoldSign mock (one input item each) against
		// its users, listed once; no team column, so no teams/list call
		{
			id: 'bs-roster-plan',
			group: 'roster',
			vendor: 'boldsign',
			label: `BoldSign Sync Roster plan: ${N} rows against ${N} users`,
			mock: 'bs',
			floor: listFloor,
			expectItems: N,
			body: () => ({ users: boldSignSeed(N).users.map((u) => ({ email: u.email, role: u.role })) }),
			nodes: [splitOut('Items', 'body.users'), bsNode({ resource: 'user', operation: 'syncRoster', rosterMode: 'plan' })],
		},
	];
}

/**
 * Not measured: runs every node type of the rows once on one item (n8n loads a node type's code on first
 * use), so that no measured run pays for loading code, also right after a --fresh restart.
 */
function warmUpRow({ mocks, creds, ids }) {
	const from = (key) => `={{ $('Items').item.json.${key} }}`;
	return {
		id: 'warm-up',
		group: 'warm-up',
		label: 'warm-up: every node type once',
		mock: null,
		expectItems: 1,
		body: () => ({ users: [{ bs: ids.bs[0], ds: ids.ds[0] }] }),
		nodes: [
			splitOut('Items', 'body.users'),
			{ name: 'BoldSign', type: 'boldSign', parameters: { resource: 'user', operation: 'get', user: { ...byId, value: from('bs') } }, credentials: { boldSignApi: creds.bs } },
			{
				name: 'DocuSign Admin',
				type: 'docuSignAdmin',
				parameters: { authentication: 'jwt', resource: 'user', operation: 'get', user: { ...byId, value: from('ds') } },
				credentials: { docuSignJwtApi: creds.ds },
			},
			httpNode({ url: `${mocks.bs.url}/v1/users/get`, auth: headerAuth(creds.bsHeader), query: { userId: from('bs') } }),
			{ name: 'No Operation', type: 'n8n-nodes-base.noOp', parameters: {} },
		],
	};
}

module.exports = { buildRows, warmUpRow, BS_DEFAULT_PAGE, BS_MAX_PAGE, DS_DEFAULT_TAKE, DS_MAX_TAKE, BS_CREATE_BATCH };
