'use strict';
// n8n loads the nodes and credentials listed in package.json's "n8n" section from dist/;
// this entry point only exists so that the package resolves when required.
module.exports = {};
