import type { Circus } from '@jest/types';

/** Called when a hook call starts; returns what to call once, when that call has finished. */
export type StartTiming = () => () => void;

type DoneFn = (reason?: unknown) => unknown;

/** What is-generator-fn (jest-circus's check) tests: jest-circus drives such hooks with `co`. */
function isGeneratorFunction(fn: unknown): boolean {
  return Object.prototype.toString.call(fn) === '[object GeneratorFunction]';
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Calls `end` once, however often the returned function is called. */
function once(end: () => void): () => void {
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    end();
  };
}

/**
 * `fn` wrapped so that each call is timed from its start to its end: the return for a synchronous
 * hook, the settling of the promise it returns, the call of `done` for a callback hook, the end of
 * the generator for a generator hook. The wrapper keeps what jest-circus reads off a hook function
 * before calling it (`fn.length > 0` means "pass `done`"; a generator function is run with `co`),
 * and passes `this` (the test context), arguments and results through unchanged.
 *
 * Timing the hook from inside replaces timing it from jest-circus's hook_start/hook_success events:
 * an environment that handles events is awaited by jest-circus on every event of every test.
 *
 * `pnpm bench:overhead:profile` finds the wrappers by their function names and the lines where they call
 * the wrapped function by `plain.call(this`, `callback.call(this`, `generator.call(this`: rename together.
 */
export function timedHook(fn: Circus.HookFn, start: StartTiming): Circus.HookFn {
  if (isGeneratorFunction(fn)) {
    const generator = fn as unknown as (this: unknown) => Generator<unknown, unknown, unknown>;
    return function* timedGeneratorHook(this: unknown): Generator<unknown, unknown, unknown> {
      const end = start();
      try {
        return yield* generator.call(this);
      } finally {
        end();
      }
    } as unknown as Circus.HookFn;
  }
  if (fn.length > 0) {
    const callback = fn as unknown as (this: unknown, done: DoneFn) => unknown;
    // One declared parameter: jest-circus passes `done` to a function whose length is above 0.
    return function timedCallbackHook(this: unknown, done: DoneFn): unknown {
      const end = once(start());
      try {
        return callback.call(this, (reason?: unknown) => {
          end();
          return done(reason);
        });
      } catch (error) {
        end();
        throw error;
      }
    } as unknown as Circus.HookFn;
  }
  const plain = fn as unknown as (this: unknown) => unknown;
  return function timedHookFn(this: unknown): unknown {
    const end = start();
    let result: unknown;
    try {
      result = plain.call(this);
    } catch (error) {
      end();
      throw error;
    }
    if (isThenable(result)) result.then(end, end);
    else end();
    return result;
  } as unknown as Circus.HookFn;
}
