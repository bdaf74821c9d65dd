import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type GuardOptions, guardRealLlmCalls } from '../guard';
import type { JestGlobals } from '../jestGlobals';
import { useLlmMock } from '../useLlmMock';
import { sampleDefaults } from './fixtures/sampleApp';

type HookName = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

/** The guard on a local module, with hooks run by hand and a test name/path we control. */
function guarded(options: Omit<GuardOptions, 'globals'> = {}) {
  const realCalls: string[] = [];
  const module = {
    async callLlm(feature: string, _system = 'Task', _user = 'Question: hello') {
      realCalls.push(feature);
      return 'real answer';
    },
  };
  const original = module.callLlm;
  const hooks: Record<HookName, (() => unknown)[]> = { beforeAll: [], beforeEach: [], afterEach: [], afterAll: [] };
  const current: { currentTestName?: string; testPath?: string } = { testPath: '/project/tests/query.test.ts' };
  const globals: Partial<JestGlobals> = {
    jest,
    expect: { getState: () => current },
    beforeAll: (fn) => hooks.beforeAll.push(fn),
    beforeEach: (fn) => hooks.beforeEach.push(fn),
    afterEach: (fn) => hooks.afterEach.push(fn),
    afterAll: (fn) => hooks.afterAll.push(fn),
  };
  guardRealLlmCalls({ module, method: 'callLlm' }, { ...options, globals });
  const run = (name: HookName) => {
    for (const fn of hooks[name]) fn();
  };
  const startTest = (name: string) => {
    current.currentTestName = name;
    run('beforeEach');
  };
  return { module, original, realCalls, hooks, current, globals, run, startTest };
}

describe('guardRealLlmCalls', () => {
  it('makes a real call from an untagged test fail at once, naming the test and the fix', async () => {
    const g = guarded();
    g.run('beforeAll');
    g.startTest('QueryEngine answers a count');
    const error = await g.module.callLlm('PARSE').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'JEST_PERF_LLM_REAL_CALL_BLOCKED', file: '/project/tests/query.test.ts' });
    expect((error as Error).message).toMatch(
      /^Real LLM call from a unit test: QueryEngine answers a count\. Use the mock \(useLlmMock\) or tag the test @real_llm\./,
    );
    expect((error as Error).message).toContain('callLlm("PARSE", …)');
    expect(g.realCalls).toEqual([]);
  });

  it('fails the test in afterEach even when the app swallowed the rejection, once', async () => {
    const g = guarded();
    g.startTest('swallows errors');
    await g.module.callLlm('PARSE').catch(() => undefined);
    expect(() => g.run('afterEach')).toThrow('Real LLM call from a unit test: swallows errors.');
    expect(() => g.run('afterEach')).not.toThrow();
  });

  it('can leave failing the test to the rejection alone', async () => {
    const g = guarded({ failTestOnBlockedCall: false });
    g.startTest('swallows errors');
    await g.module.callLlm('PARSE').catch(() => undefined);
    expect(() => g.run('afterEach')).not.toThrow();
  });

  it.each([
    ['a trailing tag on the test title', 'QueryEngine talks to the model @real_llm'],
    ['a tag ending a describe title', 'QueryEngine @real_llm talks to the model'],
    ['a tag among others', 'QueryEngine talks to the model @slow @real_llm'],
  ])('lets the real call through for %s', async (_how, name) => {
    const g = guarded();
    g.startTest(name);
    await expect(g.module.callLlm('PARSE')).resolves.toBe('real answer');
    expect(g.realCalls).toEqual(['PARSE']);
  });

  it('reports each real call it lets through, and its time, to the jest-perf channel', async () => {
    const counted: string[] = [];
    const scope = globalThis as { __JEST_PERF__?: unknown };
    const saved = scope.__JEST_PERF__;
    scope.__JEST_PERF__ = { count: (group: string, name: string) => counted.push(`${group}.${name}`) };
    try {
      const g = guarded({ failTestOnBlockedCall: false });
      g.startTest('talks to the model @real_llm');
      await g.module.callLlm('PARSE');
      g.startTest('untagged');
      await g.module.callLlm('PARSE').catch(() => undefined);
    } finally {
      scope.__JEST_PERF__ = saved;
    }
    expect(counted).toEqual(['llmMock.realCalls', 'llmMock.realCallMs', 'llmMock.blockedRealCalls']);
  });

  it('does not take a tag-like word inside a title for a tag', async () => {
    const g = guarded({ failTestOnBlockedCall: false });
    g.startTest('mail to ops@real_llm.example is not a tag');
    await expect(g.module.callLlm('PARSE')).rejects.toThrow('Real LLM call');
  });

  it('lets the real call through for a file tagged in its docblock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-mock-guard-'));
    try {
      const file = path.join(dir, 'live.test.ts');
      fs.writeFileSync(file, '/**\n * Talks to the real model.\n * @tags slow, real_llm\n */\nit("x", () => {});\n');
      const g = guarded();
      g.current.testPath = file;
      g.startTest('any test');
      await expect(g.module.callLlm('PARSE')).resolves.toBe('real answer');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lets real calls through while the project's own switch allows them (a suite measured without the mock)", async () => {
    let live = false;
    const g = guarded({ allowRealCalls: () => live });
    g.startTest('QueryEngine answers a count');
    await expect(g.module.callLlm('PARSE')).rejects.toMatchObject({ code: 'JEST_PERF_LLM_REAL_CALL_BLOCKED' });
    expect(() => g.run('afterEach')).toThrow('1 real LLM call(s) blocked');
    live = true;
    g.startTest('QueryEngine answers a count');
    await expect(g.module.callLlm('PARSE')).resolves.toBe('real answer');
    expect(g.realCalls).toEqual(['PARSE']);
    expect(() => g.run('afterEach')).not.toThrow();
  });

  it('honours a custom tag', async () => {
    const g = guarded({ tag: 'live' });
    g.startTest('uses the model @live');
    await expect(g.module.callLlm('PARSE')).resolves.toBe('real answer');
  });

  it('names the file when the call comes from a beforeAll hook', async () => {
    const g = guarded({ failTestOnBlockedCall: false });
    g.run('beforeAll');
    await expect(g.module.callLlm('PARSE')).rejects.toThrow(
      'Real LLM call from a unit test: a beforeAll/afterAll hook of query.test.ts.',
    );
  });

  it('steps aside for useLlmMock, and is back once the mocked test ends', async () => {
    const g = guarded({ failTestOnBlockedCall: false });
    const mock = useLlmMock({ module: g.module, method: 'callLlm' }, { defaults: sampleDefaults, globals: g.globals });
    g.run('beforeAll');
    g.startTest('a mocked test');
    const result = (await g.module.callLlm('PARSE', 'Task: PARSE', 'Question: hello')) as unknown as {
      payload: unknown;
    };
    expect(result.payload).toEqual({ intent: 'unknown', datasets: [], groupBy: null, measure: null });
    expect(mock.calls).toHaveLength(1);
    g.run('afterEach');
    await expect(g.module.callLlm('PARSE')).rejects.toThrow('Real LLM call');
    expect(g.realCalls).toEqual([]);
  });

  it('counts blocked calls on the jest-perf channel', async () => {
    const counted: string[] = [];
    const scope = globalThis as { __JEST_PERF__?: unknown };
    const saved = scope.__JEST_PERF__;
    scope.__JEST_PERF__ = { count: (group: string, name: string) => counted.push(`${group}.${name}`) };
    try {
      const g = guarded({ failTestOnBlockedCall: false });
      g.startTest('untagged');
      await g.module.callLlm('PARSE').catch(() => undefined);
    } finally {
      scope.__JEST_PERF__ = saved;
    }
    expect(counted).toEqual(['llmMock.blockedRealCalls']);
  });

  it('reinstalls itself before each test (after restoreMocks) and restores the seam after all', async () => {
    const g = guarded({ failTestOnBlockedCall: false });
    g.run('beforeAll');
    jest.restoreAllMocks();
    expect(g.module.callLlm).toBe(g.original);
    g.startTest('next test');
    expect(g.module.callLlm).not.toBe(g.original);
    g.run('afterAll');
    expect(g.module.callLlm).toBe(g.original);
  });
});
