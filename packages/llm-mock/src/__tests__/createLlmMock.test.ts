import { createLlmMock } from '../createLlmMock';
import { LlmMockError } from '../errors';
import { llmFailure } from '../failureStep';
import type { SamplePayloads } from './fixtures/sampleApp';
import { sampleDefaults } from './fixtures/sampleApp';
import { payloadSchemas } from './fixtures/sampleSchemas';

const SYSTEM = 'Task: PARSE. Answer with one JSON object only.';
const count: SamplePayloads['PARSE'] = { intent: 'count', datasets: [], groupBy: null, measure: null };
const grouped: SamplePayloads['PARSE'] = {
  intent: 'group_count',
  datasets: ['statin'],
  groupBy: 'region',
  measure: null,
};

function newMock() {
  return createLlmMock({ defaults: sampleDefaults, schemas: payloadSchemas, model: 'mock-model' });
}

describe('createLlmMock overrides', () => {
  it('answers a fixed payload on every call until reset, then falls back to the default', async () => {
    const mock = newMock().respond('PARSE', grouped);
    expect((await mock.call('PARSE', SYSTEM, 'Question: anything')).payload).toEqual(grouped);
    expect((await mock.call('PARSE', SYSTEM, 'Question: anything else')).payload).toEqual(grouped);
    mock.reset();
    expect((await mock.call('PARSE', SYSTEM, 'Question: how many women?')).payload).toEqual(count);
  });

  it('answers a sequence in order, failure steps included', async () => {
    const mock = newMock().respondSequence('PARSE', [llmFailure('timeout'), count, grouped]);
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await mock.call('PARSE', SYSTEM, `Question: ${i}`));
    expect(results.map((r) => [r.error?.code ?? null, r.payload])).toEqual([
      ['LLM_TIMEOUT', null],
      [null, count],
      [null, grouped],
    ]);
  });

  it('rejects with a clear error when a sequence runs out, and keeps the error for useLlmMock', async () => {
    const mock = newMock().respondSequence('PARSE', [count]);
    await mock.call('PARSE', SYSTEM, 'Question: first');
    const call = mock.call('PARSE', SYSTEM, 'Question: second');
    await expect(call).rejects.toThrow(LlmMockError);
    await expect(call).rejects.toMatchObject({ code: 'JEST_PERF_LLM_SEQUENCE_EXHAUSTED' });
    await expect(call).rejects.toThrow("respondSequence('PARSE', …) had 1 answer(s); call 2 asked for another");
    expect(mock.errors.map((e) => e.code)).toEqual(['JEST_PERF_LLM_SEQUENCE_EXHAUSTED']);
    expect(mock.calls).toHaveLength(1);
  });

  it('answers with a function of the prompt, sync or async', async () => {
    const mock = newMock().respondWith('PARSE', ({ user, model, system }) => ({
      ...count,
      datasets: user.includes('statin') && model === 'mock-model' && system === SYSTEM ? ['statin'] : [],
    }));
    expect((await mock.call('PARSE', SYSTEM, 'Question: statin users')).payload?.datasets).toEqual(['statin']);
    mock.respondWith('FOLLOWUPS', async () => ({ followups: ['Why?', 'How?'] }));
    expect((await mock.call('FOLLOWUPS', 'Task: FOLLOWUPS', 'Question: x')).payload).toEqual({
      followups: ['Why?', 'How?'],
    });
  });

  it('returns the answer the app schema rejects as LLM_SCHEMA_MISMATCH, as the real client does', async () => {
    const drifted = { ...count, intent: 'tally' } as unknown as SamplePayloads['PARSE'];
    const result = await newMock().respond('PARSE', drifted).call('PARSE', SYSTEM, 'Question: x');
    expect(result).toMatchObject({ payload: null, rawText: JSON.stringify(drifted), timedOut: false });
    expect(result.error).toEqual({
      code: 'LLM_SCHEMA_MISMATCH',
      message:
        "PARSE: the model's answer does not match the PARSE schema: /intent must be equal to one of the allowed values",
    });
  });

  it('gives each call its own copy of a scripted payload, so the app cannot mutate the script', async () => {
    const mock = newMock().respond('PARSE', count);
    const first = await mock.call('PARSE', SYSTEM, 'Question: x');
    first.payload?.datasets.push('dexa');
    expect((await mock.call('PARSE', SYSTEM, 'Question: x')).payload?.datasets).toEqual([]);
    expect(count.datasets).toEqual([]);
  });

  it('rejects a feature with no default and nothing scripted, saying how to script it', async () => {
    const mock = createLlmMock<{ PARSE: SamplePayloads['PARSE']; OTHER: { x: number } }>({
      defaults: { PARSE: () => count } as never,
    });
    await expect(mock.call('OTHER', 's', 'u')).rejects.toThrow("mock.respond('OTHER', payload)");
    mock.respond('OTHER', { x: 1 });
    expect((await mock.call('OTHER', 's', 'u')).payload).toEqual({ x: 1 });
  });
});

describe('createLlmMock call log', () => {
  it('records feature, prompts, resolved model and timeout, source and result of every call', async () => {
    const mock = newMock().fail('FOLLOWUPS', 'error');
    const parse = await mock.call('PARSE', SYSTEM, 'Question: how many men?', { timeoutMs: 5_000 });
    await mock.call('FOLLOWUPS', 'Task: FOLLOWUPS', 'Question: y', { model: 'llama3.2' });
    expect(mock.calls).toEqual([
      {
        feature: 'PARSE',
        system: SYSTEM,
        user: 'Question: how many men?',
        model: 'mock-model',
        timeoutMs: 5_000,
        source: 'default',
        result: parse,
      },
      expect.objectContaining({ feature: 'FOLLOWUPS', model: 'llama3.2', timeoutMs: 30_000, source: 'fail' }),
    ]);
    const parses = mock.callsFor('PARSE');
    expect(parses.map((c) => c.result.payload?.intent)).toEqual(['count']);
    mock.reset();
    expect(mock.calls).toEqual([]);
  });

  it('reports each call to the jest-perf channel', async () => {
    const counted: string[] = [];
    const scope = globalThis as { __JEST_PERF__?: unknown };
    const saved = scope.__JEST_PERF__;
    scope.__JEST_PERF__ = {
      count: (group: string, name: string, delta = 1) => counted.push(`${group}.${name}+${delta}`),
    };
    try {
      await newMock().call('PARSE', SYSTEM, 'Question: x');
      await newMock()
        .fail('PARSE', 'timeout')
        .call('PARSE', SYSTEM, 'Question: y')
        .catch(() => undefined);
    } finally {
      scope.__JEST_PERF__ = saved;
    }
    // Each call, answered or failed, also reports the time it took (callMs).
    expect(counted).toEqual([
      'llmMock.calls+1',
      expect.stringMatching(/^llmMock\.callMs\+\d+(\.\d+)?$/),
      'llmMock.calls+1',
      expect.stringMatching(/^llmMock\.callMs\+\d+(\.\d+)?$/),
    ]);
  });
});
