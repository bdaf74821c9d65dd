import type { Circus } from '@jest/types';

/**
 * The test an `add_test` event has just defined: jest-circus's own handler, which runs before an
 * environment's, has made it the newest child of the current describe block.
 */
export function newestTest(state: Circus.State): Circus.TestEntry | undefined {
  const child = state.currentDescribeBlock.children.at(-1);
  return child?.type === 'test' ? child : undefined;
}
