import type { DurationStats } from '@jest-perf/core';
import { type JudgeParams, judge, type TimeRule, type TimeSeries } from '../judge';
import type { NoiseFloor } from '../noiseFloor';

/** A pooled floor of 2 % and no stall seen in the baseline. */
const quiet: NoiseFloor = { cvAt: () => 0.02, stallAt: () => 0 };

function rule(over: Partial<TimeRule> = {}): TimeRule {
  return { speed: 1, floor: quiet, trusted: true, distrust: 'busy', ...over };
}

function params(over: Partial<JudgeParams> = {}): JudgeParams {
  return {
    threshold: 0.2,
    minImpactMs: 100,
    noiseK: 4,
    assumedCv: 0.15,
    confirmed: false,
    judgeFewRuns: false,
    wall: rule(),
    cpu: rule({ distrust: 'testbed' }),
    ...over,
  };
}

function stats(median: number, mad: number, samples = 3): DurationStats {
  return { median, mad, samples, min: median - mad, max: median + mad };
}

/** A baseline of three runs of 990, 1000 and 1010 ms. */
const SECOND = stats(1000, 10);

function series(current: number[], base: DurationStats = SECOND): TimeSeries {
  return { base, current };
}

describe('judge', () => {
  it('regresses a thing that adds the minimum impact, beyond threshold and noise, on trusted wall time', () => {
    const verdict = judge(series([2000]), undefined, params());
    // Noise: 4 × max(1.4826 × 10, 2 % × 1000, 1) × √(π/6 + 1).
    expect(verdict).toMatchObject({
      kind: 'regressed',
      evidence: 'wall',
      baselineMs: 1000,
      currentMs: 2000,
      deltaMs: 1000,
      change: 1,
      threshold: 0.2,
      baselineSamples: 3,
      currentSamples: 1,
      cpuShare: null,
    });
    expect(verdict && 'noiseMs' in verdict ? verdict.noiseMs : 0).toBeCloseTo(80 * Math.sqrt(Math.PI / 6 + 1), 6);
  });

  it.each([
    ['busy', rule({ trusted: false, distrust: 'busy' })],
    ['testbed', rule({ trusted: false, distrust: 'testbed' })],
  ] as const)('leaves a large change unconfirmed when wall time is not trusted (%s)', (reason, wall) => {
    expect(judge(series([2000]), undefined, params({ wall }))).toMatchObject({ kind: 'unconfirmed', reason });
  });

  it('leaves a large change inside the thing’s own noise unconfirmed', () => {
    // 1.4826 × 200 ms of spread: ±1.46 s of noise.
    const verdict = judge(series([1500], stats(1000, 200)), undefined, params());
    expect(verdict).toMatchObject({ kind: 'unconfirmed', reason: 'noise', deltaMs: 500 });
  });

  it('leaves a computing thing whose CPU time did not move unconfirmed, unless confirmed by reruns', () => {
    const cpu = series([900], stats(900, 5));
    expect(judge(series([2000]), cpu, params())).toMatchObject({
      kind: 'unconfirmed',
      reason: 'cpu-unchanged',
      evidence: 'wall',
      cpuShare: 0.9,
    });
    expect(
      judge(series([2000, 2010, 1990]), series([900, 910, 905], stats(900, 5)), params({ confirmed: true })),
    ).toMatchObject({
      kind: 'regressed',
      evidence: 'wall',
      currentMs: 1990,
    });
  });

  it('judges a thing that mostly waits on wall time, whatever its CPU time', () => {
    const waits = judge(series([2000]), series([100], stats(100, 2)), params());
    expect(waits).toMatchObject({ kind: 'regressed', evidence: 'wall', cpuShare: 0.1 });
  });

  it('regresses on CPU time even on a busy machine, but not across testbeds', () => {
    const busy = params({ wall: rule({ trusted: false }) });
    const cpu = series([1900], stats(900, 5));
    expect(judge(series([2500]), cpu, busy)).toMatchObject({
      kind: 'regressed',
      evidence: 'cpu',
      baselineMs: 900,
      currentMs: 1900,
      cpuShare: 0.9,
    });
    const otherTestbed = params({ wall: rule({ trusted: false, distrust: 'testbed' }), cpu: rule({ trusted: false }) });
    expect(judge(series([2500]), cpu, otherTestbed)).toMatchObject({ kind: 'unconfirmed', reason: 'testbed' });
  });

  it('calls a change beyond threshold and noise but under the minimum impact minor', () => {
    // 10 ms → 40 ms: +300 %, adds 30 ms.
    expect(judge(series([40], stats(10, 0.1)), undefined, params())).toMatchObject({ kind: 'minor', deltaMs: 30 });
  });

  it('calls a large speed-up improved, and small changes either way unchanged', () => {
    expect(judge(series([500]), undefined, params())).toMatchObject({ kind: 'improved', deltaMs: -500 });
    expect(judge(series([950]), undefined, params())?.kind).toBe('unchanged');
    expect(judge(series([1050]), undefined, params())?.kind).toBe('unchanged');
  });

  it('leaves a thing whose baseline has fewer than 3 runs unjudged, unless asked to judge it on an assumed spread', () => {
    const short = series([2000], stats(1000, 0, 2));
    expect(judge(short, undefined, params())).toMatchObject({ kind: 'unjudged', deltaMs: 1000, baselineSamples: 2 });
    const judged = judge(short, undefined, params({ judgeFewRuns: true }));
    // Assumed spread 15 % × 1000 ms: 4 × 150 × √(π/4 + 1) (the median of two runs, one run).
    expect(judged?.kind).toBe('regressed');
    expect(judged && 'noiseMs' in judged ? judged.noiseMs : 0).toBeCloseTo(600 * Math.sqrt(Math.PI / 4 + 1), 6);
  });

  it('allows a single run a stall as large as its size class saw, but not a confirmed minimum or a median of runs', () => {
    const stalls = rule({ floor: { cvAt: () => 0.02, stallAt: () => 1200 } });
    expect(judge(series([2000]), undefined, params({ wall: stalls }))).toMatchObject({
      kind: 'unconfirmed',
      reason: 'noise',
      noiseMs: 1200,
    });
    const confirmed = judge(series([2000, 2100, 2050]), undefined, params({ wall: stalls, confirmed: true }));
    expect(confirmed).toMatchObject({ kind: 'regressed', currentMs: 2000 });
    expect(confirmed && 'noiseMs' in confirmed ? confirmed.noiseMs : 0).toBeLessThan(100);
    expect(judge(series([2000, 2100, 2050]), undefined, params({ wall: stalls }))).toMatchObject({
      kind: 'regressed',
      currentMs: 2050,
    });
  });

  it('compares with the baseline scaled by the machine’s speed', () => {
    expect(judge(series([1600]), undefined, params({ wall: rule({ speed: 1.5 }) }))).toMatchObject({
      kind: 'unchanged',
      baselineMs: 1500,
    });
  });

  it('regresses a thing that took no time in the baseline (a new hook) by its whole time', () => {
    const verdict = judge(series([900], stats(0, 0)), undefined, params());
    expect(verdict).toMatchObject({ kind: 'regressed', baselineMs: 0, change: Number.POSITIVE_INFINITY });
  });

  it('says missing without current values and nothing without a baseline', () => {
    expect(judge(series([]), undefined, params())).toEqual({ kind: 'missing', baselineMs: 1000, baselineSamples: 3 });
    expect(judge(series([Number.NaN]), undefined, params())?.kind).toBe('missing');
    expect(judge(undefined, undefined, params())).toBeNull();
  });
});
