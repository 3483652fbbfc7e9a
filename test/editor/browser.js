'use strict';
// Debian's chromium driven by playwright-core (no downloaded browser), signed in as the n8n owner, with
// every console error, page error and failed HTTP answer of n8n collected as a problem.

const fs = require('node:fs');

const { OWNER } = require('../e2e/lib/rest');

const CHROMIUM = process.env.ESIGN_CHROMIUM || '/usr/bin/chromium';

function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch {
		throw new Error('playwright-core is not installed: run npm install (it is a devDependency)');
	}
}

async function launch() {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set ESIGN_CHROMIUM)`);
	const { chromium } = loadPlaywright();
	return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A page signed in as the owner; `problems` collects what went wrong in it (drain with `take()`). */
async function signedInPage(browser, baseUrl, { theme = 'light' } = {}) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
	await context.addInitScript((t) => window.localStorage.setItem('N8N_THEME', t), theme);
	const page = await context.newPage();
	page.setDefaultTimeout(30000);
	await page.goto(`${baseUrl}/signin`);
	await page.fill('#emailOrLdapLoginId', OWNER.email);
	await page.fill('#password', OWNER.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60000 });

	let problems = [];
	const origin = new URL(baseUrl).origin;
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console error: ${m.text().slice(0, 400)}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${String(e.message).slice(0, 400)}`));
	page.on('response', async (r) => {
		if (r.status() < 400 || !r.url().startsWith(origin)) return;
		let body = '';
		try {
			body = (await r.text()).slice(0, 300);
		} catch {
			// a navigation may have discarded it
		}
		problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url().slice(origin.length)} ${body}`);
	});
	const take = () => {
		const taken = problems;
		problems = [];
		return taken;
	};
	return { page, context, take };
}

module.exports = { launch, signedInPage };
