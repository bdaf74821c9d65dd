import type { Circus } from '@jest/types';

/** jest-circus keeps its event handlers in an array on the test file's global, under this symbol. */
const EVENT_HANDLERS = Symbol.for('EVENT_HANDLERS');

type Handler = (event: Circus.Event, state: Circus.State) => unknown;

/** jest-circus's handler list of the test file whose global this is, if it has one. */
export function circusHandlers(global: object): unknown[] | undefined {
  const handlers = (global as Record<symbol, unknown>)[EVENT_HANDLERS];
  return Array.isArray(handlers) ? handlers : undefined;
}

/**
 * Removes the handler called `name` from jest-circus's handler list from inside that handler, while
 * jest-circus dispatches `event` to the list. jest-circus iterates the array itself: once the handler
 * is gone, the one after it moves into its index, which the iteration has passed, so it is called here
 * for this event and jest-circus awaits what it returns in the removed handler's place. Every handler
 * gets the event once, in order, and the list is one shorter from the next event on.
 * @returns whether the handler was found and removed, and what the moved handler returned
 */
export function leaveHandlers(
  handlers: unknown[],
  name: string,
  event: Circus.Event,
  state: Circus.State,
): { left: boolean; result?: unknown } {
  const index = handlers.findIndex((handler) => typeof handler === 'function' && handler.name === name);
  if (index === -1) return { left: false };
  handlers.splice(index, 1);
  const moved = handlers[index];
  return { left: true, result: typeof moved === 'function' ? (moved as Handler)(event, state) : undefined };
}
