import type { Circus } from '@jest/types';
import { applyTagFilter, isFilteredOut, tagFilterFromEnv } from '../tagFilter';

function block(name: string, parent?: Circus.DescribeBlock): Circus.DescribeBlock {
  return { type: 'describeBlock', name, parent, hooks: [], children: [], mode: undefined, tests: [] };
}

const root = block('ROOT_DESCRIBE_BLOCK');

function testEntry(name: string, parent: Circus.DescribeBlock = root): Circus.TestEntry {
  return { type: 'test', name, parent, mode: undefined } as unknown as Circus.TestEntry;
}

describe('tagFilterFromEnv', () => {
  it('is null when neither variable lists a tag', () => {
    expect(tagFilterFromEnv({})).toBeNull();
    expect(tagFilterFromEnv({ JEST_PERF_SKIP_TAGS: ' , ', JEST_PERF_ONLY_TAGS: '' })).toBeNull();
  });

  it('splits on commas and spaces and drops a leading @', () => {
    expect(tagFilterFromEnv({ JEST_PERF_SKIP_TAGS: '@slow, real_llm  @integration' })).toEqual({
      skip: ['slow', 'real_llm', 'integration'],
      only: [],
    });
  });

  it('reads the only list', () => {
    expect(tagFilterFromEnv({ JEST_PERF_ONLY_TAGS: 'serial' })).toEqual({ skip: [], only: ['serial'] });
  });

  it('reads process.env by default', () => {
    const saved = process.env.JEST_PERF_SKIP_TAGS;
    process.env.JEST_PERF_SKIP_TAGS = 'slow';
    try {
      expect(tagFilterFromEnv()?.skip).toEqual(['slow']);
    } finally {
      if (saved === undefined) delete process.env.JEST_PERF_SKIP_TAGS;
      else process.env.JEST_PERF_SKIP_TAGS = saved;
    }
  });
});

describe('isFilteredOut', () => {
  it('filters out a test carrying a skipped tag', () => {
    expect(isFilteredOut(['db', 'slow'], { skip: ['slow'], only: [] })).toBe(true);
    expect(isFilteredOut(['db'], { skip: ['slow'], only: [] })).toBe(false);
  });

  it('keeps only tests carrying one of the only tags', () => {
    const filter = { skip: [], only: ['integration', 'serial'] };

    expect(isFilteredOut(['serial'], filter)).toBe(false);
    expect(isFilteredOut(['slow'], filter)).toBe(true);
    expect(isFilteredOut([], filter)).toBe(true);
  });

  it('lets skip beat only', () => {
    expect(isFilteredOut(['integration', 'slow'], { skip: ['slow'], only: ['integration'] })).toBe(true);
  });
});

describe('applyTagFilter', () => {
  it("skips a test when its describe's tag is filtered out", () => {
    const test = testEntry('queries', block('database @slow', root));

    applyTagFilter(test, [], { skip: ['slow'], only: [] });

    expect(test.mode).toBe('skip');
  });

  it('skips a test by its own title tag or its file tag', () => {
    const byTitle = testEntry('loads @real_llm');
    const byFile = testEntry('loads');

    applyTagFilter(byTitle, [], { skip: ['real_llm'], only: [] });
    applyTagFilter(byFile, ['real_llm'], { skip: ['real_llm'], only: [] });

    expect(byTitle.mode).toBe('skip');
    expect(byFile.mode).toBe('skip');
  });

  it('leaves the mode of a test that passes the filter alone', () => {
    const test = testEntry('adds @fast');

    applyTagFilter(test, [], { skip: ['slow'], only: ['fast'] });

    expect(test.mode).toBeUndefined();
  });
});
