import { durationStats, expectedNormalRange, median, medianVarianceFactor, rangeCv, robustCv } from '../stats';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('skips NaN (a run the test was absent from) and is NaN when nothing is left', () => {
    expect(median(Float64Array.from([Number.NaN, 5, 7]))).toBe(6);
    expect(median([Number.NaN])).toBeNaN();
  });
});

describe('durationStats', () => {
  it('returns median, raw MAD, sample count, min and max of the present values', () => {
    expect(durationStats([10, 12, Number.NaN, 11, 30])).toEqual({ median: 11.5, mad: 1, samples: 4, min: 10, max: 30 });
  });

  it('returns null when no run has the value', () => {
    expect(durationStats([Number.NaN])).toBeNull();
  });
});

describe('spread estimates', () => {
  it('scales the MAD to a standard deviation relative to the median', () => {
    expect(robustCv({ median: 100, mad: 10 })).toBeCloseTo(0.14826, 5);
    expect(robustCv({ median: 0, mad: 0 })).toBe(0);
  });

  it('knows the expected range of normal samples (d2 of control charts)', () => {
    expect(expectedNormalRange(2)).toBeCloseTo(1.128, 3);
    expect(expectedNormalRange(10)).toBeCloseTo(3.078, 3);
    expect(expectedNormalRange(10)).toBe(expectedNormalRange(10));
  });

  it('turns min and max into a log-scale spread, and is 0 for a single sample', () => {
    expect(rangeCv({ min: 99, max: 99 * Math.E + Math.E - 1, samples: 2 })).toBeCloseTo(1 / 1.128, 3);
    expect(rangeCv({ min: 5, max: 5, samples: 1 })).toBe(0);
  });

  it('gives the variance of a median of n runs relative to one run, never below one run for n ≤ 1', () => {
    expect(medianVarianceFactor(1)).toBe(1);
    expect(medianVarianceFactor(10)).toBeCloseTo(Math.PI / 20);
    expect(medianVarianceFactor(0)).toBe(Number.POSITIVE_INFINITY);
  });
});
