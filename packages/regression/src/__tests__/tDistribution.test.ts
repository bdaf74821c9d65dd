import { lnGamma, regularizedIncompleteBeta, tCdf, tTwoSidedP, welchTTest } from '../tDistribution';

// Reference values from scipy 1.17 (stats.t, special.betainc, special.gammaln, stats.ttest_ind).
describe('lnGamma', () => {
  it('matches known values, including below 0.5 (reflection)', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    expect(lnGamma(123.4)).toBeCloseTo(469.3360974421906, 9);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches scipy on both branches of the continued fraction', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 0.5)).toBeCloseTo(0.018927124071945658, 12);
    expect(regularizedIncompleteBeta(0.9, 10, 3)).toBeCloseTo(0.889130022255, 10);
  });

  it('is 0 and 1 at the ends and x for a = b = 1', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 12);
  });
});

describe('Student t', () => {
  it('gives the textbook two-sided p of 0.05 at t = 2.228 with 10 degrees of freedom', () => {
    expect(tTwoSidedP(2.228138851986, 10)).toBeCloseTo(0.05, 10);
  });

  it('matches scipy for the CDF, including fractional degrees of freedom', () => {
    expect(tCdf(-1.5, 3.7)).toBeCloseTo(0.10679908460100675, 10);
    expect(tCdf(0.3, 25)).toBeCloseTo(0.6166712531734713, 10);
  });

  it('stays accurate far in the tail and handles infinite or invalid input', () => {
    expect(tTwoSidedP(40, 100) / 2.462107602140071e-63).toBeCloseTo(1, 6);
    expect(tTwoSidedP(Number.POSITIVE_INFINITY, 5)).toBe(0);
    expect(tTwoSidedP(Number.NaN, 5)).toBeNaN();
    expect(tTwoSidedP(1, 0)).toBeNaN();
  });
});

describe('welchTTest', () => {
  const summary = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    return { mean, variance, n: xs.length };
  };

  it('matches scipy ttest_ind(equal_var=False)', () => {
    const result = welchTTest(summary([1.9, 2.3, 1.7, 2.0, 2.6, 2.1]), summary([1.1, 1.3, 0.9, 1.0, 1.2]));
    expect(result.t).toBeCloseTo(-6.793662204867574, 10);
    expect(result.df).toBeCloseTo(7.595505617977529, 10);
    expect(result.p).toBeCloseTo(0.00017615239871641796, 12);
  });

  it('treats two constant samples as certainly different when their means differ, and as equal otherwise', () => {
    expect(welchTTest({ mean: 1, variance: 0, n: 3 }, { mean: 2, variance: 0, n: 3 })).toEqual({
      t: Number.POSITIVE_INFINITY,
      df: 4,
      p: 0,
    });
    expect(welchTTest({ mean: 1, variance: 0, n: 3 }, { mean: 1, variance: 0, n: 3 }).p).toBe(1);
  });
});
