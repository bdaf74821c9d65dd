import type { Circus } from '@jest/types';
import { circusHandlers, leaveHandlers } from '../handlerList';

const state = {} as Circus.State;
const event: Circus.Event = { name: 'run_start' };

function named(name: string, calls: string[], result?: unknown): (event: Circus.Event) => unknown {
  const handler = {
    [name]: (received: Circus.Event) => {
      calls.push(`${name} ${received.name}`);
      return result;
    },
  };
  return handler[name] as (event: Circus.Event) => unknown;
}

describe('circusHandlers', () => {
  it('finds the list jest-circus keeps on a test file’s global', () => {
    const handlers: unknown[] = [];
    const global = { [Symbol.for('EVENT_HANDLERS')]: handlers };

    expect(circusHandlers(global)).toBe(handlers);
  });

  it('is undefined when the global holds no list there', () => {
    expect(circusHandlers({})).toBeUndefined();
    expect(circusHandlers({ [Symbol.for('EVENT_HANDLERS')]: 'not a list' })).toBeUndefined();
  });
});

describe('leaveHandlers', () => {
  it('removes the named handler and calls the one that moves into its place, returning its result', () => {
    const calls: string[] = [];
    const next = named('next', calls, 'next result');
    const handlers = [named('first', calls), named('bound me', calls), next];

    const outcome = leaveHandlers(handlers, 'bound me', event, state);

    expect(outcome).toEqual({ left: true, result: 'next result' });
    expect(handlers.map((handler) => (handler as { name: string }).name)).toEqual(['first', 'next']);
    expect(calls).toEqual(['next run_start']);
  });

  it('calls nothing when the named handler was the last one', () => {
    const calls: string[] = [];
    const handlers = [named('first', calls), named('bound me', calls)];

    expect(leaveHandlers(handlers, 'bound me', event, state)).toEqual({ left: true, result: undefined });
    expect(handlers).toHaveLength(1);
    expect(calls).toEqual([]);
  });

  it('leaves the list alone when no handler has that name', () => {
    const handlers = [named('first', []), 'not a function'];

    expect(leaveHandlers(handlers, 'bound me', event, state)).toEqual({ left: false });
    expect(handlers).toHaveLength(2);
  });
});
