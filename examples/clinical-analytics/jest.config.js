// The before-suite of the example: see README.md for what makes it slow on purpose.
/** @type {import('jest').Config} */
module.exports = {
  preset: '@jest-perf/preset',
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // Generates datasets/data/ when missing and starts the LLM stand-in (unless OLLAMA_HOST answers).
  globalSetup: '<rootDir>/tests/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/globalTeardown.ts',
  testTimeout: 60_000,
  // Jest would pick cores - 1 = 1 worker on the 2-core CI machines; the suite is measured with 2.
  maxWorkers: 2,
};
