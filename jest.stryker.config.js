'use strict';
/**
 * The tests Stryker runs against each mutant (`npm run mutation`, see stryker.config.json): the unit suites
 * of test/unit, through test/unit/mutation.suite.js so that they load as one test file. They test the compiled
 * dist/ like every other suite; Stryker rebuilds dist/ from the mutated sources in its sandbox.
 * The integration suites are left out: they load n8n-core and wait on real retries, hours per run on two
 * cores; the shared code they go through has unit tests of its own.
 */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/unit'],
	testMatch: ['<rootDir>/test/unit/mutation.suite.js'],
	maxWorkers: 1,
	// Plain CommonJS: nothing to transform, which saves babel's cache lookups on every run.
	transform: {},
};
