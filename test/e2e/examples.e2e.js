'use strict';
// The example workflows of examples/ imported into a real n8n and run against the vendor mocks.
//
// Each example is read from its file as a user would import it. Only what cannot run here is substituted:
// - Schedule Trigger → a Manual Trigger of the same name: `n8n execute` starts only from a Manual Trigger,
//   and a schedule would fire on its own time, not the test's.
// - Form Trigger → a Manual Trigger followed by a Code node with the form's name that outputs one submission
//   (the fields the form defines): a form needs a browser to submit it.
// - Google Sheets → a Code node of the same name that outputs the rows the sheet would return: there is no
//   Google account here, and no host other than 127.0.0.1 may be called.
// - credentials → the mocks' credentials of the same types (the examples carry names only).
// - a disabled node (Send to Slack) keeps being disabled; its credential reference is dropped.
// Everything else (our nodes, their parameters and expressions, Code nodes, connections) runs as in the file.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { startBoldSignMock, BOLDSIGN_IDS } = require('../mocks/boldsign');
const { startDocuSignMock } = require('../mocks/docusign');
const { startSignNowMock, SIGNNOW_IDS } = require('../mocks/signnow');
const { startPandaDocMock, PANDADOC_IDS } = require('../mocks/pandadoc');

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const PACKAGE_PREFIX = 'n8n-nodes-esign-users.';
const BS_KEY = 'bs-examples-key-3e9a';
const PD_KEY = 'pd-examples-key-81c4';
const SCOPES = 'signature impersonation user_read user_write organization_read account_read group_read permission_read';

/** The rows the "New hires" sheet returns (Status = new); the last one already has a BoldSign account. */
const NEW_HIRES = [
	{ Email: 'nina.hall@example.com', Role: 'Member', 'Team ID': BOLDSIGN_IDS.salesTeamId, Status: 'new' },
	{ Email: 'omar.reed@example.com', Role: 'TeamAdmin', 'Team ID': '', Status: 'new' },
	{ Email: 'alice.johnson@example.com', Role: 'Admin', 'Team ID': '', Status: 'new' },
];

const LEAVER = 'cleo.carter@example.com';
const HANDOVER = 'ben.brooks@example.com';

let rsa;
function rsaKeys() {
	rsa ??= crypto.generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
	});
	return rsa;
}

function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
}

const codeNode = (node, items) => ({
	id: node.id,
	name: node.name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: node.position,
	parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
});
const manualTrigger = (name, position) => ({ id: crypto.randomUUID(), name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position, parameters: {} });

/**
 * The example as this suite runs it (see the top of this file): `data` gives the items of a substituted
 * Form Trigger or Google Sheets node, by node name.
 */
function runnable(example, ctx, data = {}) {
	const wf = structuredClone(example);
	const nodes = [];
	for (const node of wf.nodes) {
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			nodes.push(manualTrigger(node.name, node.position));
		} else if (node.type === 'n8n-nodes-base.formTrigger') {
			const start = manualTrigger(`${node.name} (submitted by the test)`, [node.position[0] - 220, node.position[1]]);
			const fields = node.parameters.formFields.values.map((f) => f.fieldLabel);
			ctx.assert.deepEqual(Object.keys(data[node.name][0]), fields, `the test's submission has the fields of ${node.name}`);
			nodes.push(start, codeNode(node, data[node.name]));
			wf.connections[start.name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
		} else if (node.type === 'n8n-nodes-base.googleSheets') {
			nodes.push(codeNode(node, data[node.name]));
		} else if (node.disabled) {
			delete node.credentials;
			nodes.push(node);
		} else {
			if (node.type.startsWith(PACKAGE_PREFIX)) {
				for (const type of Object.keys(node.credentials || {})) node.credentials[type] = ctx.credential(type);
			}
			nodes.push(node);
		}
	}
	return { ...wf, nodes };
}

async function mocks() {
	const bs = await startBoldSignMock({ apiKey: BS_KEY });
	const ds = await startDocuSignMock({ publicKeyPem: rsaKeys().publicKey });
	const sn = await startSignNowMock();
	const pd = await startPandaDocMock({ apiKey: PD_KEY });
	return { bs, ds, sn, pd };
}

const allCredentials = ({ mock: { bs, ds, sn, pd } }) => ({
	boldSignApi: { region: 'custom', baseUrl: bs.url, apiKey: BS_KEY },
	docuSignJwtApi: {
		environment: 'custom',
		oauthBaseUrl: ds.url,
		adminBaseUrl: ds.adminBaseUrl,
		integrationKey: ds.integrationKey,
		userId: ds.userId,
		privateKey: rsaKeys().privateKey,
		scopes: SCOPES,
		redirectUri: 'https://n8n.example.com/rest/oauth2-credential/callback',
		accessToken: '',
	},
	signNowApi: { environment: 'custom', baseUrl: sn.url, clientId: sn.clientId, clientSecret: sn.clientSecret, username: sn.adminEmail, password: sn.adminPassword, accessToken: '' },
	pandaDocApi: { apiKey: PD_KEY, keyType: 'production', baseUrl: pd.url },
});

const lower = (s) => String(s ?? '').toLowerCase();
const emails = (list) => list.map((u) => lower(u.email)).sort();

module.exports = {
	name: 'examples',
	cases: [
		{
			name: 'onboard-new-hires-from-sheet.json: each sheet row invited to BoldSign with its role and team, an existing user not invited again',
			mock: () => startBoldSignMock({ apiKey: BS_KEY }),
			credentials: ({ mock: bs }) => ({ boldSignApi: { region: 'custom', baseUrl: bs.url, apiKey: BS_KEY } }),
			workflow: (ctx) => runnable(readExample('onboard-new-hires-from-sheet.json'), ctx, { 'New hires': NEW_HIRES }),
			check(ctx) {
				const { assert, result, mock: bs } = ctx;
				const rows = NEW_HIRES;
				const out = result.items('Invite to BoldSign');
				assert.deepEqual(out.map((u) => lower(u.email)), rows.map((r) => r.Email), 'one output item per row, in order');
				const creates = ctx.requests('POST', '/v1/users/create');
				assert.equal(creates.length, 1, 'the new hires go in one users/create call');
				assert.deepEqual(creates[0].body, [
					{ emailId: rows[0].Email, userRole: 'Member', teamId: BOLDSIGN_IDS.salesTeamId },
					{ emailId: rows[1].Email, userRole: 'TeamAdmin' },
				]);
				for (const row of rows.slice(0, 2)) {
					const user = bs.state.users.find((u) => u.email === row.Email);
					assert.ok(user, `${row.Email} exists at BoldSign`);
					assert.equal(user.userStatus, 'InvitationPending');
					assert.equal(user.role, row.Role);
					assert.equal(user.teamId, row['Team ID'] || BOLDSIGN_IDS.defaultTeamId);
				}
				assert.equal(out[2].id, BOLDSIGN_IDS.adminUserId, 'the existing user is returned');
				assert.equal(bs.state.users.filter((u) => u.email === rows[2].Email).length, 1, 'the existing user is not invited again');
			},
		},
		{
			name: 'offboard-leaver-everywhere.json: deactivated with handover at BoldSign, removed at SignNow and PandaDoc, DocuSign (no such user) reported, summary per vendor',
			async mock() {
				const m = await mocks();
				// The leaver and the handover colleague exist at BoldSign, SignNow and PandaDoc (not at DocuSign).
				m.bs.state.users.find((u) => u.userId === BOLDSIGN_IDS.userId(3)).email = LEAVER;
				m.bs.state.users.find((u) => u.userId === BOLDSIGN_IDS.userId(2)).email = HANDOVER;
				m.sn.state.users.find((u) => u.id === SIGNNOW_IDS.userId(3)).email = LEAVER;
				return m;
			},
			credentials: allCredentials,
			workflow: (ctx) =>
				runnable(readExample('offboard-leaver-everywhere.json'), ctx, { 'Leaver form': [{ 'Leaver email': LEAVER, 'Handover email': HANDOVER }] }),
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.status, 'success', result.error && result.error.message);
				const [summary, ...more] = result.items('Summary');
				assert.equal(more.length, 0);
				const status = Object.fromEntries(summary.results.map((r) => [r.vendor, r.status]));
				assert.deepEqual(status, { BoldSign: 'done', DocuSign: 'failed', SignNow: 'done', PandaDoc: 'done' }, JSON.stringify(summary.results));
				assert.ok(summary.results.find((r) => r.vendor === 'DocuSign').detail.includes(LEAVER), 'DocuSign says it has no such user');

				// BoldSign: deactivated, documents to the handover user
				const updates = ctx.requests('PUT', '/v1/users/update', m.bs);
				assert.deepEqual(updates.map((r) => r.body), [{ userId: BOLDSIGN_IDS.userId(3), userStatus: 'Deactivate', toUserId: BOLDSIGN_IDS.userId(2) }]);
				assert.equal(m.bs.state.users.find((u) => u.userId === BOLDSIGN_IDS.userId(3)).userStatus, 'Deactivated');

				// DocuSign: the user was looked up, nothing was closed
				assert.ok(ctx.requests('GET', /\/users\/profile$/, m.ds).length > 0, 'DocuSign looked the leaver up');
				assert.equal(ctx.requests('DELETE', null, m.ds).length, 0, 'no DocuSign membership closed');

				// SignNow: removed from the one team the leaver was in, and no other
				const removals = ctx.requests('DELETE', /^\/team\/[^/]+\/user\//, m.sn);
				assert.deepEqual(removals.map((r) => r.path), [`/team/${SIGNNOW_IDS.teams.sales}/user/${SIGNNOW_IDS.userId(3)}`]);
				const stillIn = m.sn.state.teams.filter((t) => t.members.some((x) => x.userId === SIGNNOW_IDS.userId(3)));
				assert.deepEqual(stillIn.map((t) => t.name), []);
				const teamsListed = result.items('SignNow: teams').length;
				assert.equal(result.items('SignNow: remove from each team').length, teamsListed, 'one result per team, failed ones included');

				// PandaDoc: documents to the handover member first, then the membership removed
				const pd = m.pd.requests.filter((r) => r.path.startsWith('/public/') && r.method !== 'GET');
				assert.deepEqual(pd.map((r) => r.method), ['PATCH', 'DELETE'], 'ownership transfer, then removal');
				assert.equal(pd[0].path, '/public/v1/documents/ownership');
				const leaverMembership = PANDADOC_IDS.membershipId(3);
				assert.ok(m.pd.state.memberships.find((x) => x.membership_id === leaverMembership).removed, 'membership removed');
				const docs = m.pd.state.documents.filter((d) => ['doc-1', 'doc-2', 'doc-3'].includes(d.id));
				assert.deepEqual(docs.map((d) => d.owner), Array(3).fill(PANDADOC_IDS.membershipId(2)), 'documents now owned by the handover member');
			},
		},
		{
			name: 'weekly-role-audit.json: every vendor listed once, admins and invitations open for long found, Slack left disabled',
			mock: mocks,
			credentials: allCredentials,
			workflow: (ctx) => runnable(readExample('weekly-role-audit.json'), ctx),
			check(ctx) {
				const { assert, result, mock: m } = ctx;
				assert.equal(result.status, 'success', result.error && result.error.message);
				const [audit, ...more] = result.items('Audit');
				assert.equal(more.length, 0);
				assert.deepEqual(audit.errors, []);
				// n8n passes items through a disabled node unchanged: nothing was sent to Slack
				assert.equal(readExample('weekly-role-audit.json').nodes.find((n) => n.name === 'Send to Slack').disabled, true);
				assert.deepEqual(result.items('Send to Slack'), [audit], 'the disabled Slack node only passed the summary on');

				// Every user of each list was read, once.
				const bsUsers = result.items('BoldSign users');
				assert.deepEqual(emails(bsUsers), emails(m.bs.state.users));
				const members = result.items('SignNow team members').flatMap((t) => t.members);
				assert.equal(ctx.requests('GET', /^\/team\/[^/]+$/, m.sn).length, result.items('SignNow teams').length, 'one read per team');
				const pdMembers = result.items('PandaDoc members');
				assert.equal(audit.usersChecked.BoldSign, m.bs.state.users.length);
				assert.equal(audit.usersChecked.SignNow, members.length);
				assert.equal(audit.usersChecked.PandaDoc, pdMembers.length);
				assert.equal(audit.usersChecked.DocuSign, result.items('DocuSign users').length);
				assert.ok(audit.usersChecked.DocuSign > 0);

				// Admins: from the vendors' own data
				const bsAdmins = m.bs.state.users.filter((u) => /admin/i.test(u.role) && u.userStatus !== 'Deactivated');
				const pdAdmins = m.pd.state.memberships.filter((x) => x.workspace_id === PANDADOC_IDS.mainWorkspaceId && x.role === 'Admin' && x.is_active && !x.removed);
				const snAdmins = members.filter((x) => x.role === 'admin');
				const byVendor = (list, vendor) => list.filter((a) => a.vendor === vendor);
				assert.deepEqual(emails(byVendor(audit.admins, 'BoldSign')), emails(bsAdmins));
				assert.equal(byVendor(audit.admins, 'PandaDoc').length, pdAdmins.length);
				assert.deepEqual(emails(byVendor(audit.admins, 'SignNow')), emails(snAdmins));
				assert.ok(snAdmins.length > 0 && bsAdmins.length > 0 && pdAdmins.length > 0);

				// Invitations open for more than 14 days: BoldSign's pending users of the seed (created in 2024)
				const bsPending = m.bs.state.users.filter((u) => u.userStatus === 'InvitationPending');
				assert.ok(bsPending.length > 0);
				assert.deepEqual(emails(byVendor(audit.staleInvitations, 'BoldSign')), emails(bsPending));
				assert.ok(audit.staleInvitations.every((u) => u.status === 'invited'));
				assert.match(audit.text, new RegExp(`^Weekly e-signature audit: ${audit.admins.length} admin\\(s\\), ${audit.staleInvitations.length} invitation`));
			},
		},
	],
};
