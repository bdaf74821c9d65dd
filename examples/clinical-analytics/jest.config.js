// The before-suite of the example: see README.md for what makes it slow on purpose.
/** @type {import('jest').Config} */
module.exports = {
  preset: '@jest-perf/preset/ts-jest',
  // Under --shard, files go to shards by recorded duration.
  testSequencer: '@jest-perf/parallel/sequencer',
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // Real-LLM integration files run only through jest.integration.config.js (`pnpm test:integration-llm`).
  testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.test\\.ts$'],
  // Generates datasets/data/ when missing and starts the LLM stand-in (unless OLLAMA_HOST answers).
  globalSetup: '<rootDir>/tests/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/globalTeardown.ts',
  // Fails any test that reaches the real LLM without the mock (useExampleLlm) or a `real_llm` tag.
  setupFilesAfterEnv: ['<rootDir>/tests/setupLlmGuard.ts'],
  testTimeout: 60_000,
  // Jest would pick cores - 1 = 1 worker on the 2-core CI machines; the suite is measured with 2.
  maxWorkers: 2,
};
