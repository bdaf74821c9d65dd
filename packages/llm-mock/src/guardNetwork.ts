import * as path from 'node:path';
import { count } from './counters';
import { LlmMockError } from './errors';
import { type JestGlobals, jestGlobals } from './jestGlobals';
import { currentCaller, trackCallers } from './network/callerTracking';
import { hostRules, matchesHost } from './network/hosts';
import { guardFetch, installNetworkGuard, type NetworkCall } from './network/patchNetwork';
import { callerHasTag } from './testTags';

/** Options of {@link guardLlmNetwork}. */
export interface NetworkGuardOptions {
  /**
   * The LLM servers, as `host:port`, `host` (any port) or URLs. Default: `OLLAMA_HOST`'s host, else
   * Ollama's `127.0.0.1:11434` and `localhost:11434`. Connections elsewhere are never touched.
   */
  hosts?: string[];
  /** The tag that allows real calls (default `real_llm`). */
  tag?: string;
  /** Also fail the test in `afterEach` when a call was blocked (default true), in case the app caught the error. */
  failTestOnBlockedCall?: boolean;
  globals?: Partial<JestGlobals>;
}

/** The name blocked calls outside any test are filed under. */
const NO_TEST = '';

/**
 * Stops real calls to the LLM hosts at the network layer, whatever the client: `fetch`, `http`/`https`
 * `request`/`get` (also destructured, also after `jest.resetModules()`), and any other TCP client
 * through `net.Socket#connect`. A call goes through only from a test tagged `@real_llm` (trailing tag of
 * the test or a describe title, or the file's `@tags` docblock) or while a cassette records; at file
 * load and in `beforeAll`/`afterAll` only a file tag allows it. `test.concurrent` tests are told apart by
 * an async context per test, so a call is blamed on (and allowed for) the test that made it.
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE for a host entry that is not a host.
 * @example
 * // tests/setupLlmGuard.ts (setupFilesAfterEnv)
 * import { guardLlmNetwork } from '@jest-perf/llm-mock';
 * guardLlmNetwork({ hosts: ['127.0.0.1:11434'] });
 */
export function guardLlmNetwork(options: NetworkGuardOptions = {}): void {
  const tag = options.tag ?? 'real_llm';
  const rules = hostRules(options.hosts);
  const { expect, beforeAll, afterEach } = jestGlobals(
    ['expect', 'beforeAll', 'afterEach'],
    options.globals,
    'guardLlmNetwork',
  );
  trackCallers();
  let loading = true;
  const blocked = new Map<string, LlmMockError[]>();

  const decide = (call: NetworkCall): Error | undefined => {
    if (!matchesHost(rules, call.hostname, call.port)) return undefined;
    const { currentTestName, testPath } = expect.getState();
    const caller = currentCaller(currentTestName);
    if (caller.allowReal || callerHasTag(tag, caller, testPath)) return undefined;
    count('blockedRealCalls');
    const file = testPath ? path.basename(testPath) : 'this file';
    const hook = caller.hook && `${caller.hook.startsWith('a') ? 'an' : 'a'} ${caller.hook} hook of ${file}`;
    const where = caller.testName ?? hook ?? (loading ? `while ${file} loads` : `a beforeAll/afterAll hook of ${file}`);
    const target = call.url ?? `${call.hostname}:${call.port}`;
    const error = new LlmMockError(
      'JEST_PERF_LLM_REAL_CALL_BLOCKED',
      `Real LLM call from a unit test: ${where}. Use the mock (useLlmMock) or tag the test @${tag}.`,
      {
        file: testPath,
        fix: `the blocked call was ${call.via} to ${target}; mock the LLM seam (useLlmMock), or end the test (or describe) title with @${tag}, or put /** @tags ${tag} */ at the top of the file${caller.testName ? '' : ' (calls at file load or in beforeAll/afterAll are allowed only by the file tag)'}`,
      },
    );
    const key = caller.testName ?? NO_TEST;
    blocked.set(key, [...(blocked.get(key) ?? []), error]);
    return error;
  };

  installNetworkGuard(decide);
  guardFetch(globalThis as { fetch?: unknown });
  beforeAll(() => {
    loading = false;
  });
  afterEach(() => {
    const name = expect.getState().currentTestName ?? NO_TEST;
    const errors = blocked.get(name) ?? [];
    blocked.delete(name);
    const [first] = errors;
    if (!first || options.failTestOnBlockedCall === false) return;
    throw new LlmMockError(
      'JEST_PERF_LLM_REAL_CALL_BLOCKED',
      `${errors.length} real LLM call(s) blocked in this test (failing it even if the app caught the error). ${first.message}`,
      { cause: first },
    );
  });
}
