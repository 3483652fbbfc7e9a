'use strict';
// What a user does in the node details view (NDV), done by the browser: pick a resource and an operation,
// open every dropdown and resource-locator list on the page, and read the issues n8n marks on parameters.

const NDV = '[data-test-id=ndv]';
const VISIBLE_ITEMS = '.el-select-dropdown__item:visible';
/** Parameters walked through the UI themselves, not opened as dropdowns. */
const SKIP = new Set(['field', 'item', 'resource', 'operation', 'authentication']);

const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Goes to an editor URL: through the editor's own router when the editor is already loaded (no reload of the
 * whole app), else by loading the page.
 */
async function navigate(page, baseUrl, path) {
	const routed = page.url().startsWith(baseUrl)
		? await page.evaluate(async (to) => {
				const router = document.querySelector('#app')?.__vue_app__?.config.globalProperties.$router;
				if (!router) return false;
				await router.push(to);
				return true;
			}, path)
		: false;
	if (!routed) await page.goto(`${baseUrl}${path}`);
}

/** Opens a node's NDV through its URL; resolves when the parameters are shown. */
async function openNode(page, baseUrl, workflowId, nodeId) {
	// a full load: leaving another workflow through the router may stop at n8n's "save changes?" dialog
	await page.goto(`${baseUrl}/workflow/${workflowId}/${nodeId}`);
	await page.waitForSelector(`${NDV} [data-test-id=node-parameters]`, { timeout: 60000 });
}

/** Waits until the open dropdown has stopped loading; returns its item texts (or the text it shows instead). */
async function readOpenList(page) {
	const deadline = Date.now() + 20000;
	for (;;) {
		const state = await page.evaluate(() => {
			const poppers = [...document.querySelectorAll('.el-select-dropdown')].filter((el) => el.offsetParent || el.getClientRects().length);
			const popper = poppers[poppers.length - 1];
			if (!popper) return { open: false };
			const items = [...popper.querySelectorAll('.el-select-dropdown__item')].map((el) => el.innerText.split('\n')[0].trim());
			const empty = popper.querySelector('.el-select-dropdown__empty');
			return { open: true, items, emptyText: empty ? empty.innerText.trim() : '', text: popper.innerText.trim() };
		});
		const loading = /loading/i.test(state.emptyText || '') || (state.open && state.items.length === 0 && !state.emptyText);
		if ((state.open && !loading) || Date.now() > deadline) return state;
		await page.waitForTimeout(150);
	}
}

/** Clicks the dropdown in `container`, returns { items, emptyText }. Leaves it open. */
async function openSelect(page, container) {
	await container.locator('input').first().click();
	return await readOpenList(page);
}

async function closeOpen(page) {
	await page.keyboard.press('Escape');
	await page.waitForTimeout(100);
}

/** Chooses an option by its headline in the open dropdown. */
async function chooseOpen(page, name) {
	const exact = new RegExp(`^\\s*${escapeRe(name)}\\s*$`);
	const items = page.locator(VISIBLE_ITEMS);
	const item = items.filter({ has: page.locator('.option-headline', { hasText: exact }) }).or(items.filter({ hasText: exact })).first();
	try {
		await item.click({ timeout: 5000 });
	} catch (error) {
		// Element Plus lists that load late (DocuSign's Account) keep moving or report their option hidden for a while
		// on a loaded machine: choose the highlighted option with the keyboard when it is this one, else click it
		// without waiting for it to settle. Only when both fail is the option really not there.
		const highlighted = page.locator('.el-select-dropdown__item.hover', { hasText: exact });
		if (await highlighted.count()) await page.keyboard.press('Enter');
		else await item.click({ force: true, timeout: 5000 }).catch(() => Promise.reject(error));
	}
	await page.waitForTimeout(150);
}

/** Picks `name` in the dropdown of parameter `param` (e.g. resource, operation). */
async function choose(page, param, name) {
	const container = page.locator(`${NDV} [data-test-id=parameter-input-${param}]`);
	const current = await container.locator('input').first().inputValue();
	if (current === name) return;
	await openSelect(page, container);
	await chooseOpen(page, name);
}

/** Names of the visible parameters of the Parameters tab, in page order: [{ name, kind: 'locator' | 'select' | 'multi' }]. */
async function visibleParameters(page) {
	return await page.evaluate(
		({ ndv, skip }) => {
			const root = document.querySelector(`${ndv} [data-test-id=node-parameters]`);
			if (!root) return [];
			const out = [];
			for (const el of root.querySelectorAll('[data-test-id^=parameter-input-], [data-test-id^=resource-locator-]')) {
				if (!el.offsetParent) continue;
				const id = el.getAttribute('data-test-id');
				if (id.startsWith('resource-locator-')) {
					out.push({ name: id.slice('resource-locator-'.length), kind: 'locator' });
					continue;
				}
				const name = id.slice('parameter-input-'.length);
				if (skip.includes(name) || el.closest('[data-test-id^=resource-locator-]')) continue;
				const input = el.querySelector('input[role=combobox]');
				if (!input) continue;
				out.push({ name, kind: input.classList.contains('el-select__input') ? 'multi' : 'select' });
			}
			return out;
		},
		{ ndv: NDV, skip: [...SKIP] },
	);
}

/** Opens a resource locator's "From list" mode and list; resolves { items, mode, text }. Picks the first item when asked. */
async function openLocator(page, name, { pick }) {
	const rl = page.locator(`${NDV} [data-test-id=resource-locator-${name}]`);
	const modeSelect = rl.locator('[data-test-id=rlc-mode-selector]');
	if (await modeSelect.count()) {
		const modes = await openSelect(page, modeSelect);
		if (!modes.items.includes('From list')) {
			await closeOpen(page);
			return { items: null, mode: 'no list mode' };
		}
		await chooseOpen(page, 'From list');
	}
	await rl.locator('[data-test-id=rlc-input]').click();
	const deadline = Date.now() + 20000;
	let state;
	for (;;) {
		state = await page.evaluate(() => {
			const items = [...document.querySelectorAll('[data-test-id=rlc-item]')].filter((el) => el.offsetParent).map((el) => el.innerText.trim());
			const box = document.querySelector('[data-test-id=resource-locator-dropdown]');
			const text = box && box.offsetParent ? box.innerText.trim() : '';
			return { items, text };
		});
		if (state.items.length || (state.text && !/loading/i.test(state.text)) || Date.now() > deadline) break;
		await page.waitForTimeout(150);
	}
	if (pick && state.items.length) {
		await page.locator('[data-test-id=rlc-item]:visible').first().click();
		await page.waitForTimeout(250);
	} else {
		await closeOpen(page);
	}
	return state;
}

/** The issues n8n shows on the visible parameters `wanted(path)` selects, read from their tooltips: [{ param, messages }]. */
async function parameterIssues(page, wanted = () => true) {
	const icons = page.locator(`${NDV} [data-test-id=node-parameters] [data-test-id=parameter-issues]:visible`);
	const out = [];
	const count = await icons.count();
	for (let i = 0; i < count; i++) {
		const icon = icons.nth(i);
		const param = await icon.evaluate((el) => {
			const holder = el.closest('[data-test-id=parameter-item]') || el.parentElement;
			const input = holder && holder.querySelector('[data-parameter-path]');
			return input ? input.getAttribute('data-parameter-path').replace(/^parameters\./, '') : '?';
		});
		if (!wanted(param)) continue;
		await icon.locator('span').first().hover();
		let text = '';
		for (let t = 0; t < 10 && !text; t++) {
			await page.waitForTimeout(100);
			text = await page.evaluate(() =>
				[...document.querySelectorAll('[role=tooltip], [data-reka-popper-content-wrapper]')]
					.map((el) => el.innerText.trim())
					.filter((s) => s.startsWith('Issues'))
					.join('\n'),
			);
		}
		await page.mouse.move(0, 0);
		out.push({ param, messages: text.replace(/^Issues:?/, '').trim() });
	}
	return out;
}

module.exports = { navigate, openNode, choose, openSelect, closeOpen, chooseOpen, visibleParameters, openLocator, parameterIssues, readOpenList, NDV };
