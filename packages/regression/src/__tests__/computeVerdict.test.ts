import type { DurationStats } from '@jest-perf/core';
import { computeVerdict, type VerdictParams } from '../computeVerdict';

const params: VerdictParams = { threshold: 0.2, minAbsoluteMs: 25, noiseK: 3, assumedCv: 0.1, minCv: 0.01 };
/** Ten runs around 1.2 s with a ~2 % spread. */
const tight: DurationStats = { median: 1200, mad: 15, samples: 10, min: 1170, max: 1230 };
/** Ten runs around 1.2 s with a ~30 % spread. */
const wide: DurationStats = { median: 1200, mad: 240, samples: 10, min: 700, max: 1900 };

describe('computeVerdict', () => {
  it('regresses when over the threshold, the noise band and the absolute minimum', () => {
    const verdict = computeVerdict(tight, [1800, 1790, 1810], params);
    expect(verdict).toMatchObject({ kind: 'regressed', baselineMs: 1200, currentMs: 1800, threshold: 0.2 });
    expect(verdict.kind === 'regressed' && verdict.change).toBeCloseTo(0.5, 12);
    expect(verdict.kind === 'regressed' && verdict.noiseBand).toBeLessThan(0.2);
  });

  it('does not regress a 2 ms test that takes 3 ms: the change is under minAbsoluteMs', () => {
    const stats = { median: 2, mad: 0.05, samples: 10, min: 1.9, max: 2.1 };
    expect(computeVerdict(stats, [3], params).kind).toBe('unchanged');
  });

  it('stays unchanged under the threshold even when outside the noise band', () => {
    expect(computeVerdict(tight, [1400, 1400, 1400], params).kind).toBe('unchanged');
  });

  it('is noisy when the change passes the threshold but the baseline spread makes it indistinguishable', () => {
    const verdict = computeVerdict(wide, [1560], params);
    expect(verdict.kind).toBe('noisy');
    if (verdict.kind !== 'noisy') return;
    expect(verdict.noiseBand).toBeGreaterThan(verdict.change);
    expect(verdict.samplesNeeded).toBeNull();
    const moreRuns = computeVerdict({ ...wide, samples: 40 }, [1700], params);
    expect(moreRuns).toMatchObject({ kind: 'noisy', samplesNeeded: expect.any(Number) });
  });

  it('regresses a noisy test when the slowdown clears even its wide band', () => {
    expect(computeVerdict(wide, [3600, 3500, 3700], params).kind).toBe('regressed');
  });

  it('improves when faster by more than the threshold, the band and the absolute minimum', () => {
    expect(computeVerdict(tight, [700, 710, 690], params)).toMatchObject({ kind: 'improved', currentMs: 700 });
    expect(computeVerdict(wide, [900], params).kind).toBe('unchanged');
  });

  it('is new without a baseline and missing without current samples', () => {
    expect(computeVerdict(undefined, [10, 30], params)).toEqual({ kind: 'new', currentMs: 20, currentSamples: 2 });
    expect(computeVerdict(tight, [], params)).toEqual({ kind: 'missing', baselineMs: 1200, baselineSamples: 10 });
  });

  it('assumes a spread for a one-run baseline and says so', () => {
    const single = { median: 1200, mad: 0, samples: 1, min: 1200, max: 1200 };
    expect(computeVerdict(single, [1250], params)).toMatchObject({ kind: 'unchanged', assumedNoise: true });
  });

  it('treats any growth from a 0 ms baseline as an infinite change', () => {
    const zero = { median: 0, mad: 0, samples: 5, min: 0, max: 0 };
    expect(computeVerdict(zero, [100], params)).toMatchObject({ kind: 'regressed', change: Number.POSITIVE_INFINITY });
    expect(computeVerdict(zero, [0], params)).toMatchObject({ kind: 'unchanged', change: 0 });
  });
});

describe('computeVerdict samples', () => {
  it('ignores NaN samples (runs the test was absent from)', () => {
    expect(computeVerdict(tight, Float64Array.from([Number.NaN, 1200, 1210]), params)).toMatchObject({
      kind: 'unchanged',
      currentSamples: 2,
    });
    expect(computeVerdict(tight, [Number.NaN], params).kind).toBe('missing');
  });
});
