import type { Circus } from '@jest/types';

/** A describe block, added to its parent's children as jest-circus does when the describe is defined. */
export function block(name: string, parent?: Circus.DescribeBlock): Circus.DescribeBlock {
  const created: Circus.DescribeBlock = {
    type: 'describeBlock',
    name,
    parent,
    hooks: [],
    children: [],
    mode: undefined,
    tests: [],
  };
  parent?.children.push(created);
  return created;
}
