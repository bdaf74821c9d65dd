import type { Circus } from '@jest/types';

/** jest-circus names the implicit top-level block this. */
const ROOT = 'ROOT_DESCRIBE_BLOCK';

/** Titles of the describe blocks from the outermost to `block`, without the implicit root. */
export function describePath(block: Circus.DescribeBlock | undefined): string[] {
  const titles: string[] = [];
  for (let current = block; current && current.name !== ROOT; current = current.parent) {
    titles.unshift(current.name);
  }
  return titles;
}
