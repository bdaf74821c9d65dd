import { LlmMockError } from './errors';

/** What this package needs of a Jest spy. */
export interface SpyLike {
  mockImplementation(fn: (...args: never[]) => unknown): unknown;
  mockRestore(): void;
}

/** What this package needs of the `jest` object. */
export interface JestLike {
  spyOn(object: object, method: never): unknown;
}

type Hook = (fn: () => unknown) => void;

/** The Jest globals this package uses; pass some or all to replace the real ones (unit tests, `injectGlobals: false`). */
export interface JestGlobals {
  jest: JestLike;
  beforeAll: Hook;
  afterAll: Hook;
  beforeEach: Hook;
  afterEach: Hook;
  expect: { getState(): { currentTestName?: string | undefined; testPath?: string | undefined } };
}

// `jest` is not a property of the global object: Jest passes it to every module it loads as a
// parameter of the module wrapper, so inside Jest this free variable is bound; outside, it is not.
declare const jest: JestLike | undefined;

/**
 * The Jest globals, read when called (so importing this package outside Jest is harmless), with
 * `injected` ones taking precedence.
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE when one is missing: the caller is not in a Jest test file.
 */
export function jestGlobals<K extends keyof JestGlobals>(
  names: readonly K[],
  injected: Partial<JestGlobals> = {},
  caller = 'this helper',
): Pick<JestGlobals, K> {
  const scope = globalThis as Record<string, unknown>;
  const found: Partial<Record<keyof JestGlobals, unknown>> = {
    jest: injected.jest ?? (typeof jest === 'undefined' ? scope.jest : jest),
    beforeAll: injected.beforeAll ?? scope.beforeAll,
    afterAll: injected.afterAll ?? scope.afterAll,
    beforeEach: injected.beforeEach ?? scope.beforeEach,
    afterEach: injected.afterEach ?? scope.afterEach,
    expect: injected.expect ?? scope.expect,
  };
  const missing = names.filter((name) => found[name] === undefined);
  if (missing.length > 0) {
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      `${caller} needs the Jest global(s) ${missing.join(', ')}, which are not defined here`,
      {
        fix: `call it from a Jest test or setup file, or pass them: { globals: { ${missing.join(', ')} } } (from '@jest/globals')`,
      },
    );
  }
  return found as Pick<JestGlobals, K>;
}

/** `jest.spyOn` with the loose types this package needs. */
export function spyOn(jestObject: JestLike, object: object, method: string): SpyLike {
  return jestObject.spyOn(object, method as never) as SpyLike;
}
