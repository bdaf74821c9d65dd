import { logStandardError, noiseBand, runSpread, samplesNeeded } from '../noiseBand';

const params = { noiseK: 3, assumedCv: 0.1, minCv: 0.01 };

describe('runSpread', () => {
  it('averages the MAD and range estimates of the baseline runs', () => {
    const stats = { median: 100, mad: 10, samples: 10, min: 80, max: 125 };
    const spread = runSpread(stats, params);
    expect(spread.assumed).toBe(false);
    expect(spread.cv).toBeCloseTo((0.14826 + Math.log(126 / 81) / 3.0775) / 2, 3);
  });

  it('assumes assumedCv below 3 baseline runs, and never goes under minCv', () => {
    expect(runSpread({ median: 100, mad: 0, samples: 2, min: 100, max: 100 }, params)).toEqual({
      cv: 0.1,
      assumed: true,
    });
    expect(runSpread({ median: 100, mad: 0, samples: 5, min: 100, max: 100 }, params)).toEqual({
      cv: 0.01,
      assumed: false,
    });
  });
});

describe('noiseBand', () => {
  it('is exp(k × SE) − 1 of the log ratio of two medians', () => {
    expect(logStandardError(0.1, 1, 1)).toBeCloseTo(0.1 * Math.SQRT2, 12);
    expect(noiseBand(0.1, 1, 1, 3)).toBeCloseTo(Math.expm1(0.3 * Math.SQRT2), 12);
  });

  it('narrows as the baseline or the current side gets more runs', () => {
    expect(noiseBand(0.1, 10, 3, 3)).toBeLessThan(noiseBand(0.1, 10, 1, 3));
    expect(noiseBand(0.1, 20, 3, 3)).toBeLessThan(noiseBand(0.1, 10, 3, 3));
  });
});

describe('samplesNeeded', () => {
  it('is the fewest current runs whose band is narrower than the change', () => {
    const needed = samplesNeeded(0.1, 10, 0.5, 3) as number;
    expect(noiseBand(0.1, 10, needed, 3)).toBeLessThanOrEqual(0.5);
    expect(noiseBand(0.1, 10, needed - 1, 3)).toBeGreaterThan(0.5);
  });

  it('is 1 when one run already suffices, and null when the baseline alone is too noisy', () => {
    expect(samplesNeeded(0.01, 10, 0.5, 3)).toBe(1);
    expect(samplesNeeded(0.5, 3, 0.2, 3)).toBeNull();
  });
});
