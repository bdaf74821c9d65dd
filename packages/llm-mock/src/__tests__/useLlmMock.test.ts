import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLlmMock } from '../createLlmMock';
import { LlmMockError } from '../errors';
import type { JestGlobals } from '../jestGlobals';
import { seamState } from '../seamRegistry';
import { useLlmMock } from '../useLlmMock';
import * as fakeLlm from './fixtures/fakeLlm';
import { sampleDefaults } from './fixtures/sampleApp';

const QUESTION = 'Question: how many women over 65?\nCurrent filters: []';

describe('useLlmMock with the real Jest globals', () => {
  const mock = useLlmMock({ module: fakeLlm, method: 'callLlm' }, { defaults: sampleDefaults });

  it('routes the app seam to the mock: no real call is made', async () => {
    fakeLlm.realCalls.length = 0;
    const result = await fakeLlm.callLlm('FILTER_EXTRACTION', 'Task: FILTER_EXTRACTION', QUESTION);
    expect(result.payload?.filters).toContainEqual({ field: 'sex', op: 'eq', value: 'F' });
    expect(fakeLlm.realCalls).toEqual([]);
    expect(mock.callsFor('FILTER_EXTRACTION')).toHaveLength(1);
  });

  it('starts each test with a reset mock: no calls, no overrides', async () => {
    expect(mock.calls).toEqual([]);
    mock.respond('RESULT_INTERPRETATION', { summary: 'Scripted.' });
    expect((await fakeLlm.callLlm('RESULT_INTERPRETATION', 's', 'u')).payload).toEqual({ summary: 'Scripted.' });
  });

  it('is still reset after a test that scripted an answer', async () => {
    expect((await fakeLlm.callLlm('RESULT_INTERPRETATION', 's', 'u')).payload).toEqual({
      summary: 'The result could not be summarised.',
    });
  });
});

describe('outside the describe block that used the mock', () => {
  it('leaves the seam as it was: the real function runs', async () => {
    fakeLlm.realCalls.length = 0;
    await fakeLlm.callLlm('FOLLOWUPS', 's', 'u');
    expect(fakeLlm.realCalls).toHaveLength(1);
  });

  it('fits the seam type: jest.spyOn(module, method).mockImplementation(mock.call) compiles', async () => {
    const mock = createLlmMock({ defaults: sampleDefaults });
    const spy = jest.spyOn(fakeLlm, 'callLlm').mockImplementation(mock.call);
    try {
      expect((await fakeLlm.callLlm('PARSE', 's', 'Question: hello')).payload?.intent).toBe('unknown');
    } finally {
      spy.mockRestore();
    }
  });
});

/** Fake hooks and spyOn, to run the registered hooks by hand. */
function fakeGlobals() {
  const hooks: Record<'beforeEach' | 'afterEach', (() => unknown)[]> = { beforeEach: [], afterEach: [] };
  const spy = { mockImplementation: jest.fn(), mockRestore: jest.fn() };
  const globals: Partial<JestGlobals> = {
    jest: { spyOn: jest.fn(() => spy) },
    beforeEach: (fn) => hooks.beforeEach.push(fn),
    afterEach: (fn) => hooks.afterEach.push(fn),
  };
  const run = (name: 'beforeEach' | 'afterEach') => {
    for (const fn of hooks[name]) fn();
  };
  return { hooks, spy, globals, run };
}

describe('useLlmMock hooks', () => {
  it('registers one beforeEach that spies and one afterEach that restores and resets', async () => {
    const module = { callLlm: async () => 'real' };
    const { hooks, spy, globals, run } = fakeGlobals();
    const mock = useLlmMock({ module, method: 'callLlm' }, { defaults: sampleDefaults, globals });
    expect([hooks.beforeEach.length, hooks.afterEach.length]).toEqual([1, 1]);
    expect(globals.jest?.spyOn).not.toHaveBeenCalled();

    run('beforeEach');
    expect(globals.jest?.spyOn).toHaveBeenCalledWith(module, 'callLlm');
    expect(spy.mockImplementation).toHaveBeenCalledWith(mock.call);
    expect(seamState({ module, method: 'callLlm' }).mockCall).toBe(mock.call);
    await mock
      .respond('PARSE', { intent: 'count', datasets: [], groupBy: null, measure: null })
      .call('PARSE', 's', 'u');

    run('afterEach');
    expect(spy.mockRestore).toHaveBeenCalledTimes(1);
    expect(seamState({ module, method: 'callLlm' }).mockCall).toBeUndefined();
    expect(mock.calls).toEqual([]);
  });

  it('hands the spy back to the real-call guard instead of restoring it', () => {
    const module = { callLlm: async () => 'real' };
    const { spy, globals, run } = fakeGlobals();
    useLlmMock({ module, method: 'callLlm' }, { defaults: sampleDefaults, globals });
    const guardImpl = () => 'guarded';
    seamState({ module, method: 'callLlm' }).guard = { spy, impl: guardImpl };
    run('beforeEach');
    run('afterEach');
    expect(spy.mockRestore).not.toHaveBeenCalled();
    expect(spy.mockImplementation).toHaveBeenLastCalledWith(guardImpl);
  });

  it('fails the test in afterEach with an error the test swallowed', async () => {
    const module = { callLlm: async () => 'real' };
    const { globals, run } = fakeGlobals();
    const mock = useLlmMock({ module, method: 'callLlm' }, { defaults: sampleDefaults, globals });
    run('beforeEach');
    mock.respondSequence('PARSE', []);
    await mock.call('PARSE', 's', 'u').catch(() => undefined);
    expect(() => run('afterEach')).toThrow(LlmMockError);
    expect(mock.errors).toEqual([]);
  });

  it('passes the real function, as it was before any spy, to the mock for record mode', async () => {
    const calls: string[] = [];
    const module = {
      callLlm: async (feature: string) => {
        calls.push(feature);
        return {
          feature,
          model: 'm',
          rawText: '{"summary":"s"}',
          payload: { summary: 's' },
          latencyMs: 1,
          timedOut: false,
          error: null,
        };
      },
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-mock-use-'));
    try {
      const { globals, run } = fakeGlobals();
      const mock = useLlmMock(
        { module, method: 'callLlm' },
        { defaults: sampleDefaults, globals, cassette: { mode: 'record', dir, name: 'use' } },
      );
      run('beforeEach');
      expect((await mock.call('RESULT_INTERPRETATION', 's', 'u')).payload).toEqual({ summary: 's' });
      expect(calls).toEqual(['RESULT_INTERPRETATION']);
      expect(fs.existsSync(path.join(dir, 'use.json'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a method that is not a function on the module, listing the functions it has', () => {
    const { globals } = fakeGlobals();
    expect(() =>
      useLlmMock({ module: { ask: () => 1 }, method: 'callLlm' }, { defaults: sampleDefaults, globals }),
    ).toThrow('The LLM seam callLlm is not a function on the module given (its functions: ask)');
  });
});
