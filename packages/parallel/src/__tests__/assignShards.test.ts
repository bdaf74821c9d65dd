import { assignShards, imbalance } from '../assignShards';

const files = (durations: Record<string, number | undefined>) =>
  Object.entries(durations).map(([path, durationMs]) => ({ path, durationMs }));

describe('assignShards', () => {
  it('puts every file in exactly one shard', () => {
    const input = files({ a: 5, b: 3, c: 8, d: 1, e: 2, f: 7, g: undefined });
    const shards = assignShards(input, 3);
    const all = shards.flat().sort();
    expect(all).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(new Set(all).size).toBe(all.length);
  });

  it('balances a skewed suite far better than equal file counts would', () => {
    const input = files({ huge: 100, big: 60, m1: 20, m2: 20, s1: 5, s2: 5, s3: 5, s4: 5 });
    const shards = assignShards(input, 2);
    const duration = (p: string) => input.find((f) => f.path === p)?.durationMs ?? 0;
    expect(imbalance(shards, duration)).toBeLessThanOrEqual(1.05);
    expect(shards[0]).toContain('huge');
    expect(shards[1]).toContain('big');
  });

  it('is deterministic: the same input in any order gives the same split', () => {
    const input = files({ a: 4, b: 4, c: 4, d: 2, e: 2 });
    expect(assignShards([...input].reverse(), 2)).toEqual(assignShards(input, 2));
  });

  it('weighs files without a record as the mean of the known ones', () => {
    const shards = assignShards(files({ known1: 10, known2: 10, unknown: undefined }), 3);
    expect(shards.map((s) => s.length)).toEqual([1, 1, 1]);
  });

  it('leaves extra shards empty when there are fewer files than shards', () => {
    expect(assignShards(files({ a: 1 }), 3)).toEqual([['a'], [], []]);
  });

  it('rejects a shard count that is not a positive integer', () => {
    expect(() => assignShards([], 0)).toThrow('shardCount should be a positive integer, got 0');
  });
});

describe('imbalance', () => {
  it('is 1 for a perfect split and max/mean otherwise', () => {
    expect(imbalance([['a'], ['b']], () => 5)).toBe(1);
    expect(imbalance([['a', 'b'], ['c']], () => 1)).toBeCloseTo(4 / 3);
    expect(imbalance([[], []], () => 0)).toBe(1);
  });
});
