import type { Circus } from '@jest/types';

/**
 * The tests of a describe tree in the order Jest reports them for the file: depth first, each block's
 * children in their current order (jest-circus's `makeTestResults`; `--randomize` shuffles `children` in
 * place as it runs, and the results follow the shuffle). The reporter pairs the worker record's per-test
 * times with Jest's results by this position.
 */
export function testsInResultOrder(root: Circus.DescribeBlock): Circus.TestEntry[] {
  const tests: Circus.TestEntry[] = [];
  const visit = (block: Circus.DescribeBlock): void => {
    for (const child of block.children) {
      if (child.type === 'test') tests.push(child);
      else visit(child);
    }
  };
  visit(root);
  return tests;
}
