import * as llmMock from '../index';

describe('public API', () => {
  it('exports the mock, the Jest helpers, the guards and the contract check, and nothing internal', () => {
    // The list in the README's "Public API"; a change here is a change of the package's API.
    expect(Object.keys(llmMock).sort()).toEqual(
      [
        'cassetteFileSchema',
        'checkContract',
        'createLlmGuardSetup',
        'createLlmMock',
        'describeLlmContract',
        'guardLlmNetwork',
        'guardRealLlmCalls',
        'isLlmMockError',
        'LlmMockError',
        'llmFailure',
        'useLlmMock',
      ].sort(),
    );
  });
});
