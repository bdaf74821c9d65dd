import {
  CASSETTE_MODE_ENV,
  CLINICAL_FEATURES,
  checkContract,
  clinicalDefaults,
  clinicalPrompts,
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
  it('exports the mock, the Jest helpers, the guard, cassettes, the contract check and the clinical preset', () => {
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
    expect(CLINICAL_FEATURES).toEqual(Object.keys(clinicalDefaults));
    expect(Object.keys(clinicalPrompts)).toEqual([...CLINICAL_FEATURES]);
    expect(CASSETTE_MODE_ENV).toBe('LLM_CASSETTE_MODE');
  });
});
