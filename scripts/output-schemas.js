#!/usr/bin/env node
'use strict';
// Writes the output schemas the editor shows before a node has run (nodes/<Vendor>/__schema__/v1.0.0/
// <resource>/<operation>.json, served by n8n at /schemas/<node>/<version>/<resource>/<operation>.json).
// Each one is derived from what the operation really outputs: every operation runs once with its default
// options (Simplify on) through n8n-core's engine against the vendor's mock, and the schema is merged from
// all its output items. Build first (npm run build), then: node scripts/output-schemas.js

const fs = require('node:fs');
const path = require('node:path');

const { createInstance, errorText } = require('../test/helpers/harness');
const { closeMocks, credentialData, startMocks } = require('../test/editor/stack');
const { BOLDSIGN_IDS: B } = require('../test/mocks/boldsign');
const { DOCUSIGN_IDS: D } = require('../test/mocks/docusign');
const { PANDADOC_IDS: P } = require('../test/mocks/pandadoc');
const { SIGNNOW_IDS: S } = require('../test/mocks/signnow');

const ROOT = path.resolve(__dirname, '..');
const byId = (value) => ({ __rl: true, mode: 'id', value });
const byEmail = (value) => ({ __rl: true, mode: 'email', value });
/** Input items of Sync Roster: a one-row roster (Plan Only), so every user of the mock gets a plan entry. */
const roster = (role) => [{ email: 'new.hire@example.com', role }];

/**
 * Per vendor: its node, mock, credential (test/editor/stack.js), and the parameters each resource/operation runs with
 * (`items`: its input items' json, when the operation reads them).
 */
const VENDORS = [
	{
		type: 'boldSign',
		folder: 'BoldSign',
		mock: 'boldSign',
		credential: 'boldSignApi',
		operations: {
			user: {
				cancelInvitation: { user: byId(B.pendingUserId) },
				changeTeam: { user: byId(B.teamAdminUserId), team: byId(B.salesTeamId) },
				deactivate: { user: byId(B.teamAdminUserId), transferTo: byId(B.adminUserId) },
				get: { user: byId(B.adminUserId) },
				getAll: { returnAll: false, limit: 5 },
				invite: { emails: 'new.user@example.com', role: 'Member' },
				reactivate: { user: byId(B.deactivatedUserId) },
				resendInvitation: { user: byId(B.pendingUserId) },
				updateMetadata: { user: byId(B.teamAdminUserId), metadata: { entry: [{ key: 'costCenter', value: 'CC-42' }] } },
				updateRole: { user: byId(B.teamAdminUserId), role: 'Member' },
				createOrUpdate: { email: 'new.user@example.com', role: 'Member' },
				syncRoster: { rosterMode: 'plan', items: roster('Member') },
			},
			team: {
				create: { teamName: 'Procurement' },
				get: { team: byId(B.salesTeamId) },
				getAll: { returnAll: true },
				rename: { team: byId(B.salesTeamId), teamName: 'Sales EMEA' },
			},
		},
	},
	{
		type: 'docuSignAdmin',
		folder: 'DocuSignAdmin',
		mock: 'docuSign',
		credential: 'docuSignJwtApi',
		defaults: { authentication: 'jwt', organization: D.organizationId },
		operations: {
			account: {
				getGroups: { account: D.mainAccountId, returnAll: true },
				getPermissionProfiles: { account: D.mainAccountId },
			},
			dsGroup: {
				addUsers: { account: D.mainAccountId, dsGroup: byId(D.dsGroups.engineering), users: D.userId(5) },
				create: { account: D.mainAccountId, groupName: 'Procurement' },
				delete: { account: D.mainAccountId, dsGroup: byId(D.dsGroups.support) },
				get: { account: D.mainAccountId, dsGroup: byId(D.dsGroups.engineering) },
				getAll: { account: D.mainAccountId, returnAll: true },
				getUsers: { account: D.mainAccountId, dsGroup: byId(D.dsGroups.engineering), returnAll: true },
				removeUsers: { account: D.mainAccountId, dsGroup: byId(D.dsGroups.engineering), users: D.userId(2) },
			},
			organization: { getAll: { returnAll: true } },
			user: {
				changeTeam: { user: byId(D.userId(5)), account: D.mainAccountId, toDsGroup: byId(D.dsGroups.salesOps) },
				close: { user: byId(D.userId(5)), accounts: [D.mainAccountId] },
				create: { email: 'new.user@example.com', firstName: 'New', lastName: 'User', account: D.mainAccountId },
				get: { user: byId(D.userId(2)) },
				getAll: { returnAll: false, limit: 5 },
				reactivate: { user: byId(D.userId(29)), account: D.mainAccountId },
				update: { user: byId(D.userId(5)), updateFields: { firstName: 'Casey' } },
				updateEmail: { user: byId(D.userId(5)), newEmail: 'casey.kim@new.example.com' },
				updateRole: { user: byId(D.userId(5)), account: D.mainAccountId, permissionProfile: String(D.permissionProfiles.main.sender) },
				createOrUpdate: { account: D.mainAccountId, email: 'new.user@example.com', role: 'DS Sender' },
				syncRoster: { account: D.mainAccountId, rosterMode: 'plan', items: roster('DS Sender') },
			},
		},
	},
	{
		type: 'signNow',
		folder: 'SignNow',
		mock: 'signNow',
		credential: 'signNowApi',
		defaults: { authentication: 'password' },
		operations: {
			invitation: {
				accept: { requestId: S.requests.onboarding },
				decline: { requestId: S.requests.finance },
				get: { requestId: S.requests.onboarding },
			},
			organization: { get: {} },
			team: {
				changeTeam: { fromTeam: byId(S.teams.sales), user: byEmail('eva.novak@example.com'), toTeam: byId(S.teams.legal) },
				create: { name: 'Procurement', type: 'SHAREABLE' },
				delete: { team: byId(S.teams.support) },
				get: { team: byId(S.teams.sales) },
				getAdmins: { team: byId(S.teams.sales) },
				getAll: { returnAll: true },
				grantAdmin: { team: byId(S.teams.sales), user: byId(S.userId(4)) },
				inviteUsers: { team: byId(S.teams.support), inviteBy: 'emails', emails: 'invitee@example.com' },
				removeUser: { team: byId(S.teams.sales), user: byEmail('cleo.diaz@example.com') },
				rename: { team: byId(S.teams.sales), name: 'Sales EMEA' },
				revokeAdmin: { team: byId(S.teams.sales), user: byId(S.userId(2)) },
				transferOwnership: { team: byId(S.teams.legal), user: byEmail('gia.rossi@example.com') },
			},
			user: {
				create: { email: 'new.user@example.com', password: 'New-password-1', firstName: 'New', lastName: 'User' },
				getAll: { returnAll: true },
				getCurrent: {},
				resendVerification: { email: 'kai.tanaka@example.com' },
				updateCurrent: { updateFields: { lastName: 'Administrator' } },
				createOrUpdate: { email: 'new.user@example.com', role: 'member', team: byId(S.teams.sales) },
				syncRoster: { rosterMode: 'plan', items: roster('member') },
			},
		},
	},
	{
		type: 'pandaDoc',
		folder: 'PandaDoc',
		mock: 'pandaDoc',
		credential: 'pandaDocApi',
		defaults: { authentication: 'apiKey' },
		operations: {
			member: {
				addToWorkspace: { user: byEmail('jade.jensen@example.com'), role: 'Member', options: { notifyUser: false } },
				changeWorkspace: { member: byId(P.membershipId(5)), toWorkspace: byId(P.salesWorkspaceId), role: 'Collaborator' },
				get: { member: byId(P.membershipId(2)) },
				getAll: { returnAll: true },
				getCurrent: {},
				remove: { member: byId(P.membershipId(3)), transferTo: byId(P.membershipId(2)) },
				updateRole: { member: byId(P.membershipId(5)), role: 'Manager' },
			},
			user: {
				create: { email: 'new.user@example.com', firstName: 'New', lastName: 'User' },
				getAll: { returnAll: true },
				createOrUpdate: { email: 'new.user@example.com', role: 'Member' },
				syncRoster: { rosterMode: 'plan', items: roster('Member') },
			},
			workspace: {
				create: { name: 'Legal' },
				deactivate: { workspace: byId(P.salesWorkspaceId) },
				getAll: { returnAll: true },
			},
		},
	},
];

/** A JSON schema of one value, in the form n8n's own node schemas use. */
function schemaOf(value) {
	if (value === null || value === undefined) return { type: 'null' };
	if (Array.isArray(value)) return { type: 'array', items: value.map(schemaOf).reduce(merge, { type: 'null' }) };
	if (typeof value === 'object') {
		return { type: 'object', properties: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaOf(v)])) };
	}
	return { type: typeof value };
}

/** Two schemas of the same place merged: a key seen in any item is kept, a null gives way to a real type. */
function merge(a, b) {
	if (a.type === 'null') return b;
	if (b.type === 'null' || a.type !== b.type) return a;
	if (a.type === 'object') {
		const properties = { ...a.properties };
		for (const [k, v] of Object.entries(b.properties)) properties[k] = properties[k] ? merge(properties[k], v) : v;
		return { type: 'object', properties };
	}
	if (a.type === 'array') return { type: 'array', items: merge(a.items, b.items) };
	return a;
}

/** A value the samples only ever had as null (a field the vendor left empty) is a string when set. */
function settle(schema) {
	if (schema.type === 'null') return { type: 'string' };
	if (schema.type === 'object') return { type: 'object', properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, settle(v)])) };
	if (schema.type === 'array') return { type: 'array', items: settle(schema.items) };
	return schema;
}

/** Runs every operation of a vendor against its mock (`mocks`: startMocks()): [{ file (relative to the root), schema }]. */
async function generate(vendor, mocks) {
	const mock = mocks[vendor.mock];
	const out = [];
	for (const [resource, operations] of Object.entries(vendor.operations)) {
		for (const [operation, { items, ...parameters }] of Object.entries(operations)) {
			mock.reset();
			// a fresh instance per run: nothing (tokens, caches) carries over between operations
			const n8n = await createInstance({ [vendor.credential]: credentialData(mocks)[vendor.credential] });
			const input = items ? { items: items.map((json) => ({ json })) } : {};
			const result = await n8n.run({ type: vendor.type, parameters: { ...vendor.defaults, resource, operation, ...parameters }, ...input });
			if (result.error) throw new Error(`${vendor.type} ${resource}/${operation}: ${errorText(result.error)}`);
			if (!result.json.length) throw new Error(`${vendor.type} ${resource}/${operation}: no output item`);
			const schema = settle(result.json.map(schemaOf).reduce(merge, { type: 'null' }));
			out.push({ file: schemaFile(vendor.folder, resource, operation), schema });
		}
	}
	return out;
}

const schemaFile = (folder, resource, operation) => path.join('nodes', folder, '__schema__', 'v1.0.0', resource, `${operation}.json`);
const schemaText = (schema) => JSON.stringify(schema, null, '\t') + '\n';

async function main() {
	const mocks = await startMocks();
	let count = 0;
	try {
		for (const vendor of VENDORS) {
			const generated = await generate(vendor, mocks);
			for (const { file, schema } of generated) {
				fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
				fs.writeFileSync(path.join(ROOT, file), schemaText(schema));
			}
			count += generated.length;
			console.log(`${vendor.folder}: ${generated.length} schemas`);
		}
	} finally {
		await closeMocks(mocks);
	}
	console.log(`${count} output schemas written`);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error.message || error);
		process.exit(1);
	});
}

module.exports = { VENDORS, generate, schemaFile, schemaText, schemaOf, merge, settle };
