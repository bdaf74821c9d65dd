import { LlmMockError } from './errors';

/** Names the app's single LLM seam: the module object and the function on it every caller goes through. */
export interface SeamTarget<T extends object = object, K extends string = string> {
  /** The module as an object (`import * as llm from './llm/callLlm'`), so a spy on it reaches every caller. */
  module: T;
  /** The function's name on it (`'callLlm'`). */
  method: K;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** What the guard and the mock share about one seam, in this test file. */
export interface SeamState {
  /** The real function, captured before anything spied on it. */
  original: AnyFunction | undefined;
  /** The call of the mock active in the current test; the guard steps aside while it is set. */
  mockCall: AnyFunction | undefined;
  /** The guard's spy and implementation, when the guard is installed. */
  guard: { spy: unknown; impl: AnyFunction } | undefined;
}

const KEY = Symbol.for('@jest-perf/llm-mock/seams');

/**
 * Kept on the test file's global object, not in module state, so two copies of this package (the
 * guard loaded from a setup file, the mock from a test, through different paths) still coordinate.
 */
function registry(): WeakMap<object, Map<string, SeamState>> {
  const scope = globalThis as { [KEY]?: WeakMap<object, Map<string, SeamState>> };
  scope[KEY] ??= new WeakMap();
  return scope[KEY];
}

/** True for a Jest mock function (a spy somebody installed). */
export function isMockFunction(value: unknown): boolean {
  return typeof value === 'function' && (value as { _isMockFunction?: unknown })._isMockFunction === true;
}

/**
 * The shared state of a seam, capturing its real function on first sight.
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE when `module[method]` is not a function.
 */
export function seamState(target: SeamTarget): SeamState {
  const { module, method } = target;
  const current: unknown = (module as Record<string, unknown>)[method];
  if (typeof current !== 'function') {
    const keys = Object.keys(module).filter((k) => typeof (module as Record<string, unknown>)[k] === 'function');
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      `The LLM seam ${method} is not a function on the module given (its functions: ${keys.join(', ') || 'none'})`,
      {
        fix: "pass the module object and the name of its call function: { module: require('./src/llm/callLlm'), method: 'callLlm' }",
      },
    );
  }
  let byMethod = registry().get(module);
  if (!byMethod) {
    byMethod = new Map();
    registry().set(module, byMethod);
  }
  let state = byMethod.get(method);
  if (!state) {
    state = { original: undefined, mockCall: undefined, guard: undefined };
    byMethod.set(method, state);
  }
  if (!state.original && !isMockFunction(current)) state.original = current as AnyFunction;
  return state;
}
