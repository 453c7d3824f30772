// Jest as StrykerJS runs it (npm run mutate): the same suites but the end-to-end ones (they
// test the packaged stack, and take minutes per run) and the real outages (seconds of waiting
// per test; the same rules are tested with injected faults in test/faults/dynamodb-faults).
const base = require('./jest.config.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/e2e/',
    '/test/faults/dependency-outage.test.ts',
    // Reads the source text, which Stryker instruments.
    '/test/unit/architecture.test.ts',
  ],
  reporters: ['default'],
};
