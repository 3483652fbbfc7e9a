'use strict';
// One throw-away n8n user folder for the whole jest run (n8n-core writes its instance settings there),
// created before the workers start so they inherit it, and removed by jest-global-teardown.js.
// n8n's logger is silent in the workers: the tests provoke errors on purpose (bad fields, refused deliveries,
// dropped connections) and n8n would print each one; a failing test still prints its own failure.
// N8N_LOG_LEVEL=warn (or debug) when running jest shows n8n's log again.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-n8n-user-'));
	process.env.N8N_LOG_LEVEL ??= 'silent';
};
