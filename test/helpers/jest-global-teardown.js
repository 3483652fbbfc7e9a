'use strict';
const fs = require('node:fs');

module.exports = async () => {
	if (process.env.N8N_USER_FOLDER) fs.rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
};
