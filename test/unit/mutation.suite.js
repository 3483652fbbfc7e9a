'use strict';
// Stryker's entry (jest.stryker.config.js, `npm run mutation`): every unit suite of this folder in one test
// file. Jest loads a test file's modules afresh, and n8n-workflow alone takes about a second to load; one file
// loads it once per mutant instead of once per suite. Each suite keeps its own describe block and hooks.

const fs = require('node:fs');

for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
	describe(file, () => {
		require(`./${file}`);
	});
}
