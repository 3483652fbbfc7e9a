'use strict';
// Asset steps of the build that tsc does not do: node and credential icons, the codex files
// (<Node>.node.json) and the output schemas (__schema__/, written by scripts/output-schemas.js) are copied
// next to the compiled JavaScript in dist/.
const { src, dest, parallel } = require('gulp');

function nodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], { encoding: false }).pipe(
		dest('dist/nodes'),
	);
}

function credentialAssets() {
	return src(['credentials/**/*.svg', 'credentials/**/*.png'], { encoding: false, allowEmpty: true }).pipe(
		dest('dist/credentials'),
	);
}

exports['build:assets'] = parallel(nodeAssets, credentialAssets);
exports.default = exports['build:assets'];
