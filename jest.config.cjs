/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.[cm]?[jt]s$': '<rootDir>/test/jest/esbuild-transform.cjs' },
  // middy, jose and the Unicode packages ship ES modules only: compile them to CommonJS too.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose|unicode-case-folding|@unicode)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  // The client imports its siblings as Node's ES modules do ('./retry.js'): the .ts beside it here.
  moduleNameMapper: { '^(\\./(?:retry|schema))\\.js$': '$1' },
  globalSetup: '<rootDir>/test/jest/global-setup.ts',
  globalTeardown: '<rootDir>/test/jest/global-teardown.ts',
  setupFiles: ['<rootDir>/test/jest/env.ts'],
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/test/jest/summary-reporter.cjs'],
};
