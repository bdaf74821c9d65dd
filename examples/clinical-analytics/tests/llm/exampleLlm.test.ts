import { LLM_MOCK_ENV, liveLlmCallsAllowed, llmMockEnabled } from '../fixtures/llm';

// The rollback switch of the LLM mock (JEST_PERF_LLM_MOCK) and how it reaches the real-call guard.
describe('JEST_PERF_LLM_MOCK', () => {
  it.each([[undefined], [''], ['on'], [' ON ']])('mocks the LLM when the switch is %p', (value) => {
    expect(llmMockEnabled({ [LLM_MOCK_ENV]: value })).toBe(true);
  });

  it.each([['off'], ['Off']])('sends calls to the live LLM when the switch is %p', (value) => {
    expect(llmMockEnabled({ [LLM_MOCK_ENV]: value })).toBe(false);
  });

  it('names the variable and the values it takes when it holds anything else', () => {
    expect(() => llmMockEnabled({ [LLM_MOCK_ENV]: 'false' })).toThrow(
      'JEST_PERF_LLM_MOCK should be "on" or "off", got "false"',
    );
  });
});

describe('the real-call guard under the switch', () => {
  it('keeps a file guarded that did not ask for the live LLM', () => {
    expect(liveLlmCallsAllowed()).toBe(false);
  });

  it('lets the calls of a useExampleLlm file through once the switch is off', () => {
    const saved = process.env[LLM_MOCK_ENV];
    process.env[LLM_MOCK_ENV] = 'off';
    try {
      jest.isolateModules(() => {
        // A fresh copy of the fixture module, so this file's own state is not changed.
        const fixtures = require('../fixtures/llm') as typeof import('../fixtures/llm');
        expect(fixtures.liveLlmCallsAllowed()).toBe(false);
        expect(fixtures.useExampleLlm().mocked).toBe(false);
        expect(fixtures.liveLlmCallsAllowed()).toBe(true);
      });
    } finally {
      if (saved === undefined) delete process.env[LLM_MOCK_ENV];
      else process.env[LLM_MOCK_ENV] = saved;
    }
  });
});
