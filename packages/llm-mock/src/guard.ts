import * as path from 'node:path';
import { count } from './counters';
import { LlmMockError } from './errors';
import { guardLlmNetwork, type NetworkGuardOptions } from './guardNetwork';
import { type JestGlobals, jestGlobals, spyOn } from './jestGlobals';
import { allowingRealCalls } from './network/attribution';
import { currentCaller } from './network/callerTracking';
import { type SeamTarget, seamState } from './seamRegistry';
import { callerHasTag } from './testTags';

/** Options of {@link guardRealLlmCalls}. */
export interface GuardOptions {
  /** The tag that allows real calls (default `real_llm`). */
  tag?: string;
  /**
   * Also fail the test in `afterEach` when a call was blocked (default true): the app may catch the
   * guard's rejection and carry on, and the test must not pass by accident.
   */
  failTestOnBlockedCall?: boolean;
  globals?: Partial<JestGlobals>;
  /**
   * The LLM servers the network guard watches (see {@link guardLlmNetwork}); `false` guards the seam
   * only. Default: `OLLAMA_HOST`'s host, else Ollama's `127.0.0.1:11434` / `localhost:11434`.
   */
  hosts?: NetworkGuardOptions['hosts'] | false;
  /**
   * A switch of the project's own that lets every real call through while it returns true (counted as real
   * calls, and let past the network guard too): e.g. a rollback switch that measures the suite without the
   * mock. Tags cannot do it: they are fixed in the test files.
   */
  allowRealCalls?: () => boolean;
}

/**
 * Stops real LLM calls from tests that did not ask for them. Installs a spy on the seam (from
 * `beforeAll`, renewed in each `beforeEach`, so `restoreMocks` cannot remove it) that:
 * - hands the call to the mock when `useLlmMock` is active in the test,
 * - calls the real function when the test, a describe around it or its file is tagged `real_llm`,
 * - otherwise rejects at once with JEST_PERF_LLM_REAL_CALL_BLOCKED, naming the test and the fix.
 *
 * Meant for a `setupFilesAfterEnv` file, so it covers every test file (see README, "The guard").
 * @example
 * // tests/setupLlmGuard.ts
 * import { guardRealLlmCalls } from '@jest-perf/llm-mock';
 * import * as llm from '../src/llm/callLlm';
 * guardRealLlmCalls({ module: llm, method: 'callLlm' });
 */
export function guardRealLlmCalls<T extends object, K extends string>(
  target: SeamTarget<T, K>,
  options: GuardOptions = {},
): void {
  const tag = options.tag ?? 'real_llm';
  const { jest, expect, beforeAll, beforeEach, afterEach, afterAll } = jestGlobals(
    ['jest', 'expect', 'beforeAll', 'beforeEach', 'afterEach', 'afterAll'],
    options.globals,
    'guardRealLlmCalls',
  );
  const state = seamState(target);
  const blocked: LlmMockError[] = [];
  if (options.hosts !== false) {
    const { hosts, failTestOnBlockedCall, globals } = options;
    guardLlmNetwork({ tag, failTestOnBlockedCall, globals, ...(hosts ? { hosts } : {}) });
  }

  const impl = function guardedLlmCall(this: unknown, ...args: unknown[]): unknown {
    if (state.mockCall) return state.mockCall(...args);
    const { currentTestName: jestName, testPath } = expect.getState();
    // the test of this async context: Jest's currentTestName names the wrong one under test.concurrent
    const caller = currentCaller(jestName);
    const currentTestName = caller.testName;
    if (state.original && options.allowRealCalls?.() === true) {
      const original = state.original;
      return allowingRealCalls(() => timedRealCall(original, this, args));
    }
    if (callerHasTag(tag, caller, testPath) && state.original) return timedRealCall(state.original, this, args);
    count('blockedRealCalls');
    const where = currentTestName ?? `a beforeAll/afterAll hook of ${testPath ? path.basename(testPath) : 'this file'}`;
    const error = new LlmMockError(
      'JEST_PERF_LLM_REAL_CALL_BLOCKED',
      `Real LLM call from a unit test: ${where}. Use the mock (useLlmMock) or tag the test @${tag}.`,
      {
        file: testPath,
        fix: `the blocked call was ${String(target.method)}(${JSON.stringify(args[0])}, …); add \`const mock = useLlmMock({ module, method: '${String(target.method)}' }, { defaults })\` to the test file, or end the test (or describe) title with @${tag}, or put /** @tags ${tag} */ at the top of the file`,
      },
    );
    blocked.push(error);
    return Promise.reject(error);
  };

  const install = () => {
    const spy = spyOn(jest, target.module, target.method);
    spy.mockImplementation(impl as never);
    state.guard = { spy, impl };
  };
  beforeAll(install);
  beforeEach(install);
  afterEach(() => {
    const [first] = blocked;
    const n = blocked.length;
    blocked.length = 0;
    if (!first || options.failTestOnBlockedCall === false) return;
    // Says why it may repeat the error above: the app might have caught the rejection instead.
    throw new LlmMockError(
      'JEST_PERF_LLM_REAL_CALL_BLOCKED',
      `${n} real LLM call(s) blocked in this test (failing it even if the app caught the error). ${first.message}`,
      {
        cause: first,
      },
    );
  });
  afterAll(() => {
    const spy = state.guard?.spy as { mockRestore?: () => void } | undefined;
    state.guard = undefined;
    spy?.mockRestore?.();
  });
}

/** Lets a real call through, reporting it and its time (`realCalls`, `realCallMs`) next to the mocked ones. */
function timedRealCall(original: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): unknown {
  count('realCalls');
  const started = performance.now();
  const done = () => count('realCallMs', Math.round((performance.now() - started) * 100) / 100);
  const result = original.apply(self, args);
  if (result instanceof Promise) return result.finally(done);
  done();
  return result;
}
