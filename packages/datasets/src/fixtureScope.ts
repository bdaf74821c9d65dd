import { type EnvSource, type EnvVarName, readEnv } from '@jest-perf/core/env';

/** `1` puts every shared fixture back to per-test scope: the rollback of a scope change, and its "before". */
export const PER_TEST_FIXTURES_ENV = 'JEST_PERF_PER_TEST_FIXTURES' satisfies EnvVarName;

/** Where shared fixtures are built: once per file / worker (`shared`), or for every test (`per-test`). */
export type FixtureScope = 'shared' | 'per-test';

/** A Jest hook declaration (`beforeAll`, `beforeEach`, `afterAll`, `afterEach`). */
export type HookGlobal = (fn: () => unknown, timeout?: number) => void;

/** The hooks {@link beforeAllShared} and {@link afterAllShared} declare with (injectable for unit tests). */
export interface HookGlobals {
  beforeAll?: HookGlobal;
  beforeEach?: HookGlobal;
  afterAll?: HookGlobal;
  afterEach?: HookGlobal;
}

/** The scope `JEST_PERF_PER_TEST_FIXTURES` asks for. Read at each call, so a test can flip it. */
export function fixtureScope(env: EnvSource = process.env): FixtureScope {
  return readEnv(PER_TEST_FIXTURES_ENV, env) ? 'per-test' : 'shared';
}

function hook(name: keyof HookGlobals, globals: HookGlobals): HookGlobal {
  const value = globals[name] ?? (globalThis as Record<string, unknown>)[name];
  if (typeof value !== 'function') {
    throw new TypeError(`${name} is not defined: call this helper in a test file, or pass ${name}`);
  }
  return value as HookGlobal;
}

/**
 * Declares a fixture hook for an immutable fixture the tests of a block share: `beforeAll`, or
 * `beforeEach` when `JEST_PERF_PER_TEST_FIXTURES=1` (one switch to roll a scope change back, or to
 * measure before and after). Pair it with {@link afterAllShared} for the cleanup.
 * @throws {TypeError} outside a test file, when Jest's hooks are not defined and none are passed.
 * @example
 * let books: ExcelWorkbooks;
 * beforeAllShared(async () => {
 *   books = await createExcelWorkbooks(); // every test only reads them
 * });
 * afterAllShared(() => removeExcelWorkbooks(books));
 */
export function beforeAllShared(fn: () => unknown, timeout?: number, globals: HookGlobals = {}): void {
  hook(fixtureScope() === 'per-test' ? 'beforeEach' : 'beforeAll', globals)(fn, timeout);
}

/** The cleanup of {@link beforeAllShared}: `afterAll`, or `afterEach` when `JEST_PERF_PER_TEST_FIXTURES=1`. */
export function afterAllShared(fn: () => unknown, timeout?: number, globals: HookGlobals = {}): void {
  hook(fixtureScope() === 'per-test' ? 'afterEach' : 'afterAll', globals)(fn, timeout);
}
