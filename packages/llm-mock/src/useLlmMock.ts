import { createLlmMock } from './createLlmMock';
import { type JestGlobals, jestGlobals, type SpyLike, spyOn } from './jestGlobals';
import type { LlmMock, LlmMockOptions } from './mockTypes';
import { type SeamTarget, seamState } from './seamRegistry';
import type { LlmSeam } from './types';

/** Options of {@link useLlmMock}: the mock's, plus Jest globals to use instead of the real ones. */
export interface UseLlmMockOptions<M extends object> extends LlmMockOptions<M> {
  globals?: Partial<JestGlobals>;
}

/**
 * Opts a test file (or a describe block) into the LLM mock: before each test, `jest.spyOn(module, method)`
 * routes the app's seam to the mock; after each, the spy is restored (or handed back to the real-call
 * guard) and the mock reset. Nothing else is patched: no `fetch`, no other module.
 *
 * If a test swallowed an error of the mock (an exhausted sequence, a cassette miss), the `afterEach`
 * throws it, so the test cannot pass by accident.
 * @example
 * import * as llm from '../src/llm/callLlm';
 * const mock = useLlmMock({ module: llm, method: 'callLlm' }, { defaults: appDefaults, schemas: payloadSchemas });
 * it('counts women', async () => { mock.respond('PARSE', {...}); ... expect(mock.callsFor('PARSE')).toHaveLength(1); });
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE outside Jest (no beforeEach) or when `module[method]` is not a function.
 */
export function useLlmMock<M extends object, T extends object = object, K extends string = string>(
  target: SeamTarget<T, K>,
  options: UseLlmMockOptions<M>,
): LlmMock<M> {
  const { globals, ...mockOptions } = options;
  const { jest, beforeEach, afterEach } = jestGlobals(['jest', 'beforeEach', 'afterEach'], globals, 'useLlmMock');
  const state = seamState(target);
  // The real function, for record mode: captured now, before the guard or this mock spied on it.
  const original = state.original as LlmSeam<M> | undefined;
  const real = original && (((...args: Parameters<LlmSeam<M>>) => original.apply(target.module, args)) as LlmSeam<M>);
  const mock = createLlmMock<M>({ ...(real && { real }), ...mockOptions });
  let spy: SpyLike | undefined;

  beforeEach(() => {
    state.mockCall = mock.call as never;
    spy = spyOn(jest, target.module, target.method);
    spy.mockImplementation(mock.call as never);
  });
  afterEach(() => {
    state.mockCall = undefined;
    // jest.spyOn returns the guard's spy when the guard is installed: give it back its guard.
    if (spy && state.guard?.spy === spy) spy.mockImplementation(state.guard.impl as never);
    else spy?.mockRestore();
    spy = undefined;
    const swallowed = mock.errors[0];
    mock.reset();
    if (swallowed) throw swallowed;
  });
  return mock;
}
