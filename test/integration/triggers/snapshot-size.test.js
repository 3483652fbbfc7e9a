'use strict';
// The snapshot of 100,000 users, through n8n-core: the BoldSign Users Trigger's activation poll reads
// 100,000 users from the mock (1,000 pages of 100, ../shared/reference/vendor-apis.md §3.2) and the static
// data n8n would save is measured. README states the bound asserted here.

const crypto = require('node:crypto');

const { startBoldSignMock } = require('../../mocks/boldsign');
const { createInstance } = require('../../helpers/harness');

const USERS = 100_000;
/** The bound README states for 100,000 users. */
const MAX_BYTES = 7 * 1024 * 1024;

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
	'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew',
	'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Aisha', 'Wei', 'Sofia', 'Mateo', 'Priya', 'Yuki', 'Olga', 'Kwame', 'Lucía', 'Omar'];
const SYLLABLES = ['ro', 'ma', 'li', 'son', 'der', 'berg', 'ez', 'ton', 'ka', 'vi', 'ch', 'an', 'el', 'mu', 'rai', 'sto', 'wick', 'ne'];

/** A seeded random source, so the measured size is the same on every run. */
function random(seed) {
	let state = seed;
	return (n) => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state % n;
	};
}

/** 100,000 users as a real organization has them: UUIDs, first.last@ emails on a few domains, 20 teams. */
function bigOrganization() {
	const pick = random(42);
	const uuid = () => crypto.randomUUID();
	const lastNames = Array.from({ length: 20_000 }, () => {
		let name = '';
		for (let i = 0, n = 2 + pick(3); i < n; i++) name += SYLLABLES[pick(SYLLABLES.length)];
		return name[0].toUpperCase() + name.slice(1);
	});
	const teams = Array.from({ length: 20 }, (_, i) => ({ teamId: uuid(), teamName: i ? `Team ${i}` : 'Default', createdDate: 1704067200, modifiedDate: 1704067200 }));
	const domains = ['acme-corp.com', 'acme-corp.co.uk', 'emea.acme-corp.com', 'contractors.acme.io'];
	const taken = new Set();
	const users = Array.from({ length: USERS }, (_, i) => {
		const firstName = FIRST[pick(FIRST.length)];
		const lastName = lastNames[pick(lastNames.length)];
		let local = `${firstName}.${lastName}`.toLowerCase();
		for (let k = 2; taken.has(local); k++) local = `${firstName}.${lastName}${k}`.toLowerCase();
		taken.add(local);
		return {
			userId: uuid(),
			email: `${local}@${domains[pick(domains.length)]}`,
			firstName,
			lastName,
			teamId: teams[pick(teams.length)].teamId,
			role: ['Admin', 'TeamAdmin', 'Member', 'Member', 'Member'][pick(5)],
			userStatus: ['Active', 'Active', 'Active', 'InvitationPending', 'Deactivated'][pick(5)],
			createdDate: 1704067200 + i,
			modifiedDate: 1704067200 + i,
			metaData: {},
		};
	});
	return { teams, users };
}

test('a snapshot of 100,000 users stays under 7 MB (printed), and a change among them is found', async () => {
	const mock = await startBoldSignMock({ apiKey: 'bs-size-key', seed: bigOrganization });
	try {
		const n8n = await createInstance({ boldSignApi: { apiKey: 'bs-size-key', region: 'custom', baseUrl: mock.url } });
		const t = n8n.trigger({ type: 'boldSignUsersTrigger', parameters: {} });
		const started = Date.now();
		expect(await t.activate()).toMatchObject({ emitted: false, error: null });
		const seconds = (Date.now() - started) / 1000;
		const bytes = Buffer.byteLength(t.saved);
		console.log(`snapshot of ${USERS.toLocaleString('en')} users: ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes of static data), first poll ${seconds.toFixed(1)} s`);
		expect(Object.keys(t.snapshot().scopes['']).length).toBe(USERS);
		expect(bytes).toBeLessThan(MAX_BYTES);

		const user = mock.state.users[77_777];
		const previous = user.role;
		user.role = previous === 'Admin' ? 'Member' : 'Admin';
		mock.requests.splice(0);
		const { items } = await t.poll();
		expect(items.map((i) => [i.event, i.user.id, i.previous])).toEqual([['user.role_changed', user.userId, { role: previous }]]);
		// Every page, and up to 3 read ahead past the last one (BoldSign gives no total, README: Pagination).
		expect(mock.requests.length).toBeGreaterThanOrEqual(1000 + 1);
		expect(mock.requests.length).toBeLessThanOrEqual(1000 + 4);
	} finally {
		await mock.close();
	}
}, 180_000);
