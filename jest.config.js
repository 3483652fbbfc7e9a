'use strict';
/** Integration and unit tests: plain JavaScript against the compiled dist/ (lint checks every .ts file). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	testTimeout: 30000,
	maxWorkers: 2,
	globalSetup: '<rootDir>/test/helpers/jest-global-setup.js',
	globalTeardown: '<rootDir>/test/helpers/jest-global-teardown.js',
};
