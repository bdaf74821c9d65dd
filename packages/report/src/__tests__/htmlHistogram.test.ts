import { durationBins } from '../html/histogram';

describe('durationBins', () => {
  it('bins durations on a 1-2-5 log scale, keeping the empty bins between the first and the last', () => {
    const bins = durationBins([0.4, 1, 1.9, 3, 7, 7.5, 1500]);

    expect(bins).toEqual([
      { fromMs: 0, toMs: 1, count: 1 },
      { fromMs: 1, toMs: 2, count: 2 },
      { fromMs: 2, toMs: 5, count: 1 },
      { fromMs: 5, toMs: 10, count: 2 },
      { fromMs: 10, toMs: 20, count: 0 },
      { fromMs: 20, toMs: 50, count: 0 },
      { fromMs: 50, toMs: 100, count: 0 },
      { fromMs: 100, toMs: 200, count: 0 },
      { fromMs: 200, toMs: 500, count: 0 },
      { fromMs: 500, toMs: 1000, count: 0 },
      { fromMs: 1000, toMs: 2000, count: 1 },
    ]);
  });

  it('starts at the bin of the fastest test, not at zero', () => {
    const bins = durationBins([120, 180, 450]);

    expect(bins.map((b) => [b.fromMs, b.toMs, b.count])).toEqual([
      [100, 200, 2],
      [200, 500, 1],
    ]);
  });

  it('counts every finite duration exactly once', () => {
    const durations = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 60_000);

    expect(durationBins(durations).reduce((sum, b) => sum + b.count, 0)).toBe(1000);
  });

  it('returns no bins for no durations, and skips non-finite ones', () => {
    expect(durationBins([])).toEqual([]);
    expect(durationBins([Number.NaN, Number.POSITIVE_INFINITY])).toEqual([]);
    expect(durationBins([Number.NaN, 3])).toEqual([{ fromMs: 2, toMs: 5, count: 1 }]);
  });
});
