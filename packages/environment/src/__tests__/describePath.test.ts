import type { Circus } from '@jest/types';
import { describePath } from '../describePath';

function block(name: string, parent?: Circus.DescribeBlock): Circus.DescribeBlock {
  return { type: 'describeBlock', name, parent, hooks: [], children: [], mode: undefined, tests: [] };
}

describe('describePath', () => {
  it('lists describe titles outermost first, without the implicit root block', () => {
    const root = block('ROOT_DESCRIBE_BLOCK');
    const inner = block('inner @slow', block('outer', root));

    expect(describePath(inner)).toEqual(['outer', 'inner @slow']);
  });

  it('is empty for the root block and for no block', () => {
    expect(describePath(block('ROOT_DESCRIBE_BLOCK'))).toEqual([]);
    expect(describePath(undefined)).toEqual([]);
  });

  it('keeps a chain that has no root block', () => {
    expect(describePath(block('b', block('a')))).toEqual(['a', 'b']);
  });
});
