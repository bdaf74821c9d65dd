import { isJestPerfError, JestPerfError } from '@jest-perf/core';
import { isLlmMockError, LlmMockError } from '../errors';

describe('LlmMockError', () => {
  it("is one of core's JestPerfErrors with the message, file and fix laid out the same way", () => {
    const cause = new Error('inner');
    const error = new LlmMockError('JEST_PERF_LLM_CASSETTE_MISS', 'No cassette entry', {
      file: '/c/a.json',
      fix: 'record it',
      cause,
    });

    expect(error).toBeInstanceOf(JestPerfError);
    expect(isJestPerfError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'LlmMockError', code: 'JEST_PERF_LLM_CASSETTE_MISS', file: '/c/a.json' });
    expect(error.message).toBe('No cassette entry (/c/a.json)\n  Fix: record it');
    expect(error.cause).toBe(cause);
  });

  it('is told apart from core errors by isLlmMockError', () => {
    expect(isLlmMockError(new LlmMockError('JEST_PERF_LLM_USAGE', 'x'))).toBe(true);
    expect(isLlmMockError(new JestPerfError('JEST_PERF_USAGE', 'x'))).toBe(false);
    expect(isLlmMockError(new Error('x'))).toBe(false);
  });
});
