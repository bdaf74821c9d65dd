import {
  CASSETTE_MODE_ENV,
  checkContract,
  createLlmGuardSetup,
  createLlmMock,
  describeLlmContract,
  guardRealLlmCalls,
  LlmMockError,
  llmFailure,
  readCassetteFile,
  useLlmMock,
} from '../index';

describe('public API', () => {
  it('exports the mock, the Jest helpers, the guard, cassettes, and the contract check', () => {
    const functions = [
      createLlmMock,
      useLlmMock,
      llmFailure,
      guardRealLlmCalls,
      createLlmGuardSetup,
      checkContract,
      describeLlmContract,
      readCassetteFile,
      LlmMockError,
    ];
    expect(functions.every((f) => typeof f === 'function')).toBe(true);
    expect(CASSETTE_MODE_ENV).toBe('LLM_CASSETTE_MODE');
  });
});
