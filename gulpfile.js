'use strict';
// Asset steps of the build that tsc does not do: node and credential icons and the codex files
// (<Node>.node.json) are copied next to the compiled JavaScript in dist/.
const { src, dest, parallel } = require('gulp');

function nodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json'], { encoding: false }).pipe(dest('dist/nodes'));
}

function credentialAssets() {
	return src(['credentials/**/*.svg', 'credentials/**/*.png'], { encoding: false, allowEmpty: true }).pipe(
		dest('dist/credentials'),
	);
}

exports['build:assets'] = parallel(nodeAssets, credentialAssets);
exports.default = exports['build:assets'];
