// Jest as StrykerJS runs it (npm run mutate): the same suites but the end-to-end ones, which
// test the packaged stack rather than the code in lib/, and take minutes per run.
const base = require('./jest.config.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  reporters: ['default'],
};
