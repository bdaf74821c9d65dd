// Real-LLM integration tests (`*.integration.test.ts`) against the server in OLLAMA_HOST, or the LLM
// stand-in when OLLAMA_HOST is not set: `pnpm test:integration-llm`. See README, "Real-LLM integration tests".
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/tests/**/*.integration.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Skips the tests, with the reason, when the OLLAMA_HOST that was set does not answer.
  globalSetup: '<rootDir>/tests/integration/globalSetup.ts',
  // A real model on a CPU can take tens of seconds per call; ask() makes four.
  testTimeout: 180_000,
};
