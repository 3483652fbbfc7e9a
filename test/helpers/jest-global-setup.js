'use strict';
// One throw-away n8n user folder for the whole jest run (n8n-core writes its instance settings there),
// created before the workers start so they inherit it, and removed by jest-global-teardown.js.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'esign-n8n-user-'));
};
