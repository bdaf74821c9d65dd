import { callerStorage, type HookName, wrapDescribeApi, wrapHookApi, wrapTestApi } from './attribution';

const INSTALLED = Symbol.for('@jest-perf/llm-mock/caller-tracking');

/**
 * Wraps this test file's `test`/`it`/`fit` and `describe`/`fdescribe` globals (once per file) so each
 * test runs in its own async context (see {@link wrapTestApi}). Tests declared through an
 * `import { test } from '@jest/globals'` are not wrapped: their calls are attributed by Jest's
 * `currentTestName`, which `test.concurrent` makes unreliable.
 */
export function trackCallers(scope: Record<string | symbol, unknown> = globalThis as never): void {
  if (scope[INSTALLED]) return;
  scope[INSTALLED] = true;
  const titles: string[] = [];
  for (const name of ['describe', 'fdescribe']) {
    const api = scope[name];
    if (typeof api === 'function') scope[name] = wrapDescribeApi(api, titles);
  }
  for (const name of ['test', 'it', 'fit']) {
    const api = scope[name];
    if (typeof api === 'function') scope[name] = wrapTestApi(api, () => titles);
  }
  for (const name of ['beforeAll', 'afterAll', 'beforeEach', 'afterEach'] as const) {
    const api = scope[name];
    if (typeof api === 'function') scope[name] = wrapHookApi(api, name);
  }
}

/** Who is calling now: the test of this async context, else Jest's current test, else nobody (a hook or the file loading). */
export function currentCaller(currentTestName: string | undefined): Caller {
  const store = callerStorage().getStore();
  const allowReal = store?.allowReal === true;
  if (store?.testName !== undefined)
    return { testName: store.testName, titles: store.titles, hook: undefined, allowReal };
  // in beforeAll/afterAll Jest still names the last test that ran: that test is not the caller
  if (store?.hook === 'beforeAll' || store?.hook === 'afterAll') {
    return { testName: undefined, titles: undefined, hook: store.hook, allowReal };
  }
  return { testName: currentTestName, titles: undefined, hook: store?.hook, allowReal };
}

/** Who made a call, as far as the guards can tell. */
export interface Caller {
  /** Undefined outside a test: while the file loads or in `beforeAll`/`afterAll`. */
  testName: string | undefined;
  /** The describe and test titles, when the call ran in a tracked test's async context. */
  titles: readonly string[] | undefined;
  /** The hook the call came from, when known. */
  hook: HookName | undefined;
  allowReal: boolean;
}
