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
  it('regresses a thing that adds the minimum impact, beyond threshold and noise, on the median of several runs', () => {
    const verdict = judge(series([2000, 2010, 1990]), undefined, params());
    // Noise: 4 × max(1.4826 × 10, 2 % × 1000, 1) × √(π/6 + π/6).
    expect(verdict).toMatchObject({
      kind: 'regressed',
      evidence: 'wall',
      baselineMs: 1000,
      currentMs: 2000,
      deltaMs: 1000,
      change: 1,
      threshold: 0.2,
      baselineSamples: 3,
      currentSamples: 3,
      cpuShare: null,
    });
    expect(verdict && 'noiseMs' in verdict ? verdict.noiseMs : 0).toBeCloseTo(80 * Math.sqrt(Math.PI / 3), 6);
  });

  it('leaves a large wall slowdown of a single run unconfirmed (a stall looks the same), unless confirmed', () => {
    const single = judge(series([2000]), undefined, params());
    // Noise: 4 × max(1.4826 × 10, 2 % × 1000, 1) × √(π/6 + 1).
    expect(single).toMatchObject({
      kind: 'unconfirmed',
      reason: 'one-run',
      evidence: 'wall',
      currentMs: 2000,
      deltaMs: 1000,
      currentSamples: 1,
    });
    expect(single && 'noiseMs' in single ? single.noiseMs : 0).toBeCloseTo(80 * Math.sqrt(Math.PI / 6 + 1), 6);
    // The same single value as the minimum over a run and its reruns is confirmed evidence.
    expect(judge(series([2000]), undefined, params({ confirmed: true }))).toMatchObject({
      kind: 'regressed',
      evidence: 'wall',
      currentSamples: 1,
    });
    // Two runs are enough: their median is no single stall.
    expect(judge(series([2000, 1980]), undefined, params())).toMatchObject({
      kind: 'regressed',
      currentMs: 1990,
      currentSamples: 2,
    });
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
    const cpu = series([900, 905, 910], stats(900, 5));
    expect(judge(series([2000, 2010, 1990]), cpu, params())).toMatchObject({
      kind: 'unconfirmed',
      reason: 'cpu-unchanged',
      evidence: 'wall',
      cpuShare: 0.9,
    });
    // From one run, the wall time's own doubt comes first.
    expect(judge(series([2000]), series([900], stats(900, 5)), params())).toMatchObject({
      kind: 'unconfirmed',
      reason: 'one-run',
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
    const waits = judge(series([2000, 2010, 1990]), series([100, 100, 100], stats(100, 2)), params());
    expect(waits).toMatchObject({ kind: 'regressed', evidence: 'wall', cpuShare: 0.1 });
    // Its wall time from one run does not fail: a stall while it waits looks the same.
    expect(judge(series([2000]), series([100], stats(100, 2)), params())).toMatchObject({
      kind: 'unconfirmed',
      reason: 'one-run',
      evidence: 'wall',
    });
  });

  it('regresses on CPU time from a single run: a stall adds wall time, not CPU time', () => {
    const verdict = judge(series([2000]), series([1900], stats(900, 5)), params());
    expect(verdict).toMatchObject({
      kind: 'regressed',
      evidence: 'cpu',
      baselineMs: 900,
      currentMs: 1900,
      currentSamples: 1,
      cpuShare: 0.9,
    });
    // Unchanged CPU time leaves the same wall slowdown to the one-run doubt.
    expect(judge(series([2000]), series([905], stats(900, 5)), params())).toMatchObject({
      kind: 'unconfirmed',
      reason: 'one-run',
    });
  });

  it('does not fail a waiting thing on one run of CPU time: a stall on a busy machine can count as CPU time', () => {
    // Seen in CI under load: an untouched 1 ms test measured 1.76 s of CPU time and 1.77 s of wall time in one
    // run (process CPU time counts GC and compiler threads, and stolen time on a busy VM).
    const waitsBase = { wall: stats(1, 0, 4), cpu: stats(0, 0, 4) };
    expect(
      judge(series([1770], waitsBase.wall), series([1760], waitsBase.cpu), params({ judgeFewRuns: true })),
    ).toMatchObject({ kind: 'unconfirmed', reason: 'one-run', evidence: 'wall' });
    // A second sample makes it evidence.
    expect(judge(series([1770, 1750], waitsBase.wall), series([1760, 1740], waitsBase.cpu), params())).toMatchObject({
      kind: 'regressed',
      evidence: 'cpu',
    });
    // So does a confirming rerun.
    expect(
      judge(series([1770], waitsBase.wall), series([1760], waitsBase.cpu), params({ confirmed: true })),
    ).toMatchObject({ kind: 'regressed', evidence: 'cpu' });
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

  it('on a busy machine, takes CPU time as evidence only beyond what contention adds (up to ×2)', () => {
    // Two CPU hogs on a 2-core machine doubled the CPU time of unchanged computing tests: shared caches and
    // cores make the same work cost more CPU.
    const busy = params({ wall: rule({ trusted: false }), cpu: rule({ distrust: 'busy', contention: 2 }) });
    expect(judge(series([2500]), series([1700], stats(900, 5)), busy)).toMatchObject({
      kind: 'unconfirmed',
      reason: 'busy',
    });
    expect(judge(series([9000]), series([4500], stats(900, 5)), busy)).toMatchObject({
      kind: 'regressed',
      evidence: 'cpu',
      currentMs: 4500,
    });
    // Confirmed on quiet reruns, the same doubling regresses.
    expect(judge(series([2500]), series([1700], stats(900, 5)), params())).toMatchObject({
      kind: 'regressed',
      evidence: 'cpu',
    });
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
    const judged = judge(short, undefined, params({ judgeFewRuns: true, confirmed: true }));
    // Assumed spread 15 % × 1000 ms: 4 × 150 × √(π/4 + 1) (the median of two runs, one confirmed value).
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
    const verdict = judge(series([900, 880, 920], stats(0, 0)), undefined, params());
    expect(verdict).toMatchObject({
      kind: 'regressed',
      baselineMs: 0,
      currentMs: 900,
      change: Number.POSITIVE_INFINITY,
    });
    expect(judge(series([900], stats(0, 0)), undefined, params())).toMatchObject({
      kind: 'unconfirmed',
      reason: 'one-run',
    });
  });

  it('says missing without current values and nothing without a baseline', () => {
    expect(judge(series([]), undefined, params())).toEqual({ kind: 'missing', baselineMs: 1000, baselineSamples: 3 });
    expect(judge(series([Number.NaN]), undefined, params())?.kind).toBe('missing');
    expect(judge(undefined, undefined, params())).toBeNull();
  });
});
