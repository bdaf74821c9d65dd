import { GUARD_CONFIG_GLOBAL, type LlmGuardConfig } from '../guardSetup';
import { useLlmMock } from '../useLlmMock';
import * as fakeLlm from './fixtures/fakeLlm';
import { sampleDefaults } from './fixtures/sampleApp';

// What createLlmGuardSetup puts in Jest's `globals`, then what setupFilesAfterEnv loads: here by hand,
// so this file runs the guard under the real Jest (hooks, expect.getState, module registry).
const config: LlmGuardConfig = {
  modulePath: require.resolve('./fixtures/fakeLlm'),
  method: 'callLlm',
  failTestOnBlockedCall: false,
};
(globalThis as Record<string, unknown>)[GUARD_CONFIG_GLOBAL] = config;
require('../setup');

describe('the guard from @jest-perf/llm-mock/setup, under real Jest', () => {
  beforeEach(() => {
    fakeLlm.realCalls.length = 0;
  });

  it('blocks a real call from an untagged test at once', async () => {
    await expect(fakeLlm.callLlm('PARSE', 'Task: PARSE', 'Question: x')).rejects.toThrow(
      'Real LLM call from a unit test: the guard from @jest-perf/llm-mock/setup, under real Jest blocks a real call from an untagged test at once. Use the mock (useLlmMock) or tag the test @real_llm.',
    );
    expect(fakeLlm.realCalls).toEqual([]);
  });

  it('lets a test tagged in its title call the real function @real_llm', async () => {
    await expect(fakeLlm.callLlm('RESULT_INTERPRETATION', 's', 'u')).resolves.toMatchObject({
      payload: { summary: 'real answer' },
    });
    expect(fakeLlm.realCalls).toHaveLength(1);
  });

  describe('a describe block tagged @real_llm', () => {
    it('lets its tests call the real function', async () => {
      await fakeLlm.callLlm('RESULT_INTERPRETATION', 's', 'u');
      expect(fakeLlm.realCalls).toHaveLength(1);
    });
  });

  describe('a describe block using the mock', () => {
    const mock = useLlmMock({ module: fakeLlm, method: 'callLlm' }, { defaults: sampleDefaults });

    it('gets mocked answers, the guard stepping aside', async () => {
      const result = await fakeLlm.callLlm('PARSE', 'Task: PARSE', 'Question: how many men?');
      expect(result.payload?.intent).toBe('count');
      expect(mock.calls).toHaveLength(1);
      expect(fakeLlm.realCalls).toEqual([]);
    });
  });

  it('guards again after the mocked block', async () => {
    await expect(fakeLlm.callLlm('PARSE', 's', 'u')).rejects.toMatchObject({ code: 'JEST_PERF_LLM_REAL_CALL_BLOCKED' });
  });
});
