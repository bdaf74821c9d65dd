import type { Circus } from '@jest/types';
import { timedHook } from '../timedHook';

/** Counts timings started and ended, so each test can say when a hook call counts as finished. */
function timings(): { start: () => () => void; started: number; ended: number } {
  const counts = {
    started: 0,
    ended: 0,
    start: () => {
      counts.started += 1;
      return () => {
        counts.ended += 1;
      };
    },
  };
  return counts;
}

/** Hook functions come in shapes Circus.HookFn does not spell out (generators, `this`). */
function asHook(fn: unknown): Circus.HookFn {
  return fn as Circus.HookFn;
}

/** Calls a wrapped hook the way jest-circus does: with the test context as `this` and `done` when asked for. */
function call(hook: Circus.HookFn, context: object = {}, done?: (reason?: unknown) => void): unknown {
  return (hook as unknown as (this: object, done?: (reason?: unknown) => void) => unknown).call(context, done);
}

describe('timedHook', () => {
  it('times a synchronous hook to its return and passes `this` and the result through', () => {
    const timing = timings();
    const context = { name: 'ctx' };
    let seenThis: unknown;
    const hook = timedHook(
      asHook(function (this: unknown) {
        seenThis = this;
        expect(timing).toMatchObject({ started: 1, ended: 0 });
        return 'value';
      }),
      timing.start,
    );

    const result = call(hook, context);

    expect(result).toBe('value');
    expect(seenThis).toBe(context);
    expect(timing).toMatchObject({ started: 1, ended: 1 });
  });

  it('ends the timing of a hook that throws, and rethrows the same error', () => {
    const timing = timings();
    const error = new Error('boom');
    const hook = timedHook(
      asHook(() => {
        throw error;
      }),
      timing.start,
    );

    expect(() => call(hook)).toThrow(error);
    expect(timing).toMatchObject({ started: 1, ended: 1 });
  });

  it('times an async hook until its promise settles and returns that same promise', async () => {
    const timing = timings();
    let release: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hook = timedHook(
      asHook(() => promise),
      timing.start,
    );

    const result = call(hook);
    await Promise.resolve();

    expect(result).toBe(promise);
    expect(timing.ended).toBe(0);
    release();
    await promise;
    await Promise.resolve();
    expect(timing).toMatchObject({ started: 1, ended: 1 });
  });

  it('ends the timing of a rejected async hook and leaves the rejection to jest-circus', async () => {
    const timing = timings();
    const hook = timedHook(
      asHook(async () => {
        throw new Error('async boom');
      }),
      timing.start,
    );

    await expect(call(hook)).rejects.toThrow('async boom');
    expect(timing.ended).toBe(1);
  });

  it('keeps a callback hook a callback hook and times it until done is called, once', () => {
    const timing = timings();
    const done = jest.fn();
    let userDone: ((reason?: unknown) => void) | undefined;
    const hook = timedHook(
      asHook((cb: (reason?: unknown) => void) => {
        userDone = cb;
      }),
      timing.start,
    );

    expect(hook.length).toBe(1);
    expect(call(hook, {}, done)).toBeUndefined();
    expect(timing.ended).toBe(0);
    userDone?.('failed');
    userDone?.();

    expect(timing).toMatchObject({ started: 1, ended: 1 });
    expect(done.mock.calls).toEqual([['failed'], [undefined]]);
  });

  it('returns what a callback hook returns (jest-circus rejects a callback hook that returns a value)', () => {
    const timing = timings();
    const hook = timedHook(
      asHook((_done: () => void) => 'oops'),
      timing.start,
    );

    expect(call(hook, {}, () => undefined)).toBe('oops');
  });

  it('ends the timing of a callback hook that throws before calling done', () => {
    const timing = timings();
    const hook = timedHook(
      asHook((_done: () => void) => {
        throw new Error('sync');
      }),
      timing.start,
    );

    expect(() => call(hook, {}, () => undefined)).toThrow('sync');
    expect(timing.ended).toBe(1);
  });

  it('keeps a generator hook a generator (jest-circus runs those with co) and times it to its end', () => {
    const timing = timings();
    const context = {};
    let seenThis: unknown;
    const hook = timedHook(
      asHook(function* (this: unknown) {
        seenThis = this;
        const got: unknown = yield 1;
        return got;
      }),
      timing.start,
    );

    expect(Object.prototype.toString.call(hook)).toBe('[object GeneratorFunction]');
    const iterator = call(hook, context) as Generator<unknown, unknown, unknown>;
    expect(iterator.next()).toEqual({ value: 1, done: false });
    expect(timing).toMatchObject({ started: 1, ended: 0 });
    expect(iterator.next('answer')).toEqual({ value: 'answer', done: true });

    expect(seenThis).toBe(context);
    expect(timing).toMatchObject({ started: 1, ended: 1 });
  });

  it('times each call on its own', () => {
    const timing = timings();
    const hook = timedHook(
      asHook(() => undefined),
      timing.start,
    );

    call(hook);
    call(hook);

    expect(timing).toMatchObject({ started: 2, ended: 2 });
  });
});
