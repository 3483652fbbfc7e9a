'use strict';
// Large, cheap seeds for the vendor mocks (test/mocks): the mocks' own default seed plus generated users,
// so that the benchmark's lists hold exactly `count` users. Generating 100,000 users takes well under a
// second; the mocks clone the seed once when they start.

const { defaultSeed: boldSignDefaultSeed, BOLDSIGN_IDS } = require('../../test/mocks/boldsign');
const { defaultSeed: docuSignDefaultSeed, DOCUSIGN_IDS } = require('../../test/mocks/docusign');

const EPOCH = 1704067200; // 2024-01-01T00:00:00Z

/**
 * BoldSign seed: the default teams and 25 users, then active Members up to `count` users in all
 * (`GET /v1/users/list` without filters returns exactly `count`). Generated users are numbered from 26:
 * userId BOLDSIGN_IDS.userId(n), email user<n>@bench.example.com.
 */
function boldSignSeed(count) {
	const seed = boldSignDefaultSeed();
	for (let n = seed.users.length + 1; n <= count; n++) {
		const created = EPOCH + n * 60;
		seed.users.push({
			userId: BOLDSIGN_IDS.userId(n),
			email: `user${n}@bench.example.com`,
			firstName: 'Bench',
			lastName: `User ${n}`,
			teamId: n % 3 === 0 ? BOLDSIGN_IDS.salesTeamId : BOLDSIGN_IDS.defaultTeamId,
			role: 'Member',
			userStatus: 'Active',
			createdDate: created,
			modifiedDate: created + 3600,
			metaData: {},
		});
	}
	if (seed.users.length > count) seed.users.length = Math.max(count, 1);
	return seed;
}

/** Ids of `count` users of a seed made by boldSignSeed, generated ones first (for single gets). */
function boldSignUserIds(seedCount, count) {
	const ids = [];
	for (let n = Math.min(26, seedCount); ids.length < count; n = n >= seedCount ? 1 : n + 1) ids.push(BOLDSIGN_IDS.userId(n));
	return ids;
}

const dsDate = (ms) => new Date(ms).toISOString().replace('Z', '');

/**
 * DocuSign seed: the default organization, accounts, DS groups and 30 users, then users active on the
 * main account until the main account has `count` members (`GET /v2/organizations/{org}/users?account_id=<main>`
 * returns exactly `count`, the node's Get Many default). Generated users are numbered from 1001:
 * id DOCUSIGN_IDS.userId(n), email user<n>@bench.example.com.
 */
function docuSignSeed(count, seedOptions) {
	const seed = docuSignDefaultSeed(seedOptions);
	const main = DOCUSIGN_IDS.mainAccountId;
	const sender = DOCUSIGN_IDS.permissionProfiles.main.sender;
	const everyone = DOCUSIGN_IDS.groups.main.everyone;
	let members = seed.users.filter((u) => u.memberships.some((m) => m.account_id === main)).length;
	for (let n = 1001; members < count; n++, members++) {
		const created = dsDate(Date.UTC(2024, 0, 1) + n * 60000);
		seed.users.push({
			id: DOCUSIGN_IDS.userId(n),
			site_id: 1,
			user_name: `Bench User ${n}`,
			first_name: 'Bench',
			last_name: `User ${n}`,
			email: `user${n}@bench.example.com`,
			user_status: 'active',
			default_account_id: main,
			language_culture: 'en',
			is_organization_admin: false,
			created_on: created,
			last_modified_on: created,
			memberships: [
				{
					id: DOCUSIGN_IDS.membershipId(n, 1),
					account_id: main,
					status: 'active',
					permission_profile_id: sender,
					group_ids: [everyone],
					company_name: 'Acme Corp',
					job_title: 'Account Executive',
					created_on: created,
				},
			],
		});
	}
	return seed;
}

/** Ids of `count` main-account users of a seed made by docuSignSeed (generated ones, then the seeded 2–20). */
function docuSignUserIds(seedCount, count) {
	const generated = Math.max(0, seedCount - 24);
	const ids = [];
	for (let k = 0; ids.length < count; k++) {
		const n = generated ? 1001 + (k % generated) : 2 + (k % 19);
		ids.push(DOCUSIGN_IDS.userId(n));
	}
	return ids;
}

module.exports = { boldSignSeed, boldSignUserIds, docuSignSeed, docuSignUserIds };
