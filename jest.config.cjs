/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.[cm]?[jt]s$': '<rootDir>/test/support/esbuild-transform.cjs' },
  // middy, jose and the Unicode packages ship ES modules only: compile them to CommonJS too.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose|unicode-case-folding|@unicode)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
