// Jest as StrykerJS runs it (npm run mutate): the same suites but the end-to-end ones (they
// test the packaged stack, and take minutes per run) and the real outages (seconds of waiting
// per test; the same rules are tested with injected faults in test/faults/dynamodb-faults).
const base = require('./jest.config.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // Every source folder in the map, so that Stryker's --findRelatedTests follows a test's imports
  // through functions/ and lib/ to the mutated file (with roots of test/ alone it finds no test, and
  // every mutant it runs "survives" 0 tests); the tests are still only those under test/.
  roots: ['<rootDir>/test', '<rootDir>/functions', '<rootDir>/lib', '<rootDir>/client'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Unit tests first, and the files after a failure skipped: a killed mutant costs one failure.
  testSequencer: '<rootDir>/mutation/sequencer.cjs',
  // An absolute path: StrykerJS loads the environment itself, without Jest's <rootDir>.
  testEnvironment: require.resolve('./mutation/bail-environment.cjs'),
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/e2e/',
    '/test/faults/dependency-outage.test.ts',
    // Reads the source text, which Stryker instruments.
    '/test/unit/architecture.test.ts',
  ],
  reporters: ['default'],
};
