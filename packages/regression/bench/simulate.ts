import { findChangePoints } from '../dist/changePoints';
import { type JudgeParams, judge } from '../dist/judge';
import { pooledNoiseFloor } from '../dist/noiseFloor';
import { durationStats } from '../dist/stats';
import type { Random } from './prng';

/** How far (in runs) a reported change point may sit from the injected step and still count as found. */
export const LOCATION_TOLERANCE = 5;

/** A band of coefficients of variation; each simulated test draws its CV uniformly inside it. */
export interface CvBand {
  label: string;
  low: number;
  high: number;
}

/** One simulated test: a median duration and the log-normal spread of its runs. */
interface SimTest {
  medianMs: number;
  sigma: number;
}

/** Log-uniform medians from 300 ms to 5 s, so the 25 ms absolute floor never decides a verdict here. */
function drawTest(random: Random, band: CvBand): SimTest {
  const cv = random.uniform(band.low, band.high);
  return { medianMs: Math.exp(random.uniform(Math.log(300), Math.log(5000))), sigma: Math.sqrt(Math.log1p(cv * cv)) };
}

function runs(random: Random, test: SimTest, count: number, factor: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) out.push(test.medianMs * factor * Math.exp(test.sigma * random.normal()));
  return out;
}

/** The gate's knobs the simulation varies. */
export interface SimParams {
  threshold: number;
  minAbsoluteMs: number;
  noiseK: number;
  assumedCv: number;
  minCv: number;
}

/**
 * The gate's parameters for one simulated test on a quiet machine of the baseline's testbed. The pooled
 * floor is left at `minCv`: each simulated test has its own spread, so pooling across tests would not apply.
 */
function judgeParams(p: SimParams): JudgeParams {
  const floor = pooledNoiseFloor([], p.minCv, p.minCv);
  const rule = { speed: 1, floor, trusted: true, distrust: 'busy' as const };
  return {
    threshold: p.threshold,
    minImpactMs: p.minAbsoluteMs,
    noiseK: p.noiseK,
    assumedCv: p.assumedCv,
    confirmed: false,
    judgeFewRuns: true,
    wall: rule,
    cpu: rule,
  };
}

/** Rates measured by {@link simulateCheck}. */
export interface CheckRates {
  /** Naive rule: one run > baseline median × 1.2. */
  naive: number;
  /** Our verdict `regressed`. */
  ours: number;
  /** Our verdict `unconfirmed` (large, but inside the noise with these samples). */
  noisy: number;
}

/**
 * The check: baseline from `baselineRuns` runs, then `currentRuns` runs slowed down by `factor`.
 * The naive rule sees the first current run only; ours uses the median of all `currentRuns`.
 */
export function simulateCheck(
  random: Random,
  band: CvBand,
  factor: number,
  options: { tests: number; baselineRuns: number; currentRuns: number; params: SimParams },
): CheckRates {
  let naive = 0;
  let ours = 0;
  let noisy = 0;
  for (let i = 0; i < options.tests; i += 1) {
    const test = drawTest(random, band);
    const stats = durationStats(runs(random, test, options.baselineRuns, 1));
    const current = runs(random, test, options.currentRuns, factor);
    if (stats === null) continue;
    if ((current[0] as number) > stats.median * 1.2) naive += 1;
    const verdict = judge({ base: stats, current }, undefined, judgeParams(options.params));
    if (verdict?.kind === 'regressed') ours += 1;
    if (verdict?.kind === 'unconfirmed') noisy += 1;
  }
  return { naive: naive / options.tests, ours: ours / options.tests, noisy: noisy / options.tests };
}

/** Rates measured by {@link simulateHistory}. */
export interface HistoryRates {
  /** Stable series (factor 1): any change point. Slowed series: a slower change point within the tolerance. */
  located: number;
  /** Slowed series: a slower change point anywhere (blaming a commit up to many runs off). */
  found: number;
}

/**
 * The history: `historyRuns` runs whose last `sinceChange` are slowed down by `factor`, run through
 * {@link findChangePoints} with the default options (or `pValue`).
 */
export function simulateHistory(
  random: Random,
  band: CvBand,
  factor: number,
  options: { tests: number; historyRuns: number; sinceChange: number; pValue?: number },
): HistoryRates {
  const step = options.historyRuns - options.sinceChange;
  let located = 0;
  let found = 0;
  for (let i = 0; i < options.tests; i += 1) {
    const test = drawTest(random, band);
    const series = [...runs(random, test, step, 1), ...runs(random, test, options.sinceChange, factor)];
    const points = findChangePoints(series, options.pValue === undefined ? {} : { pValue: options.pValue });
    const slower = points.filter((p) => p.change > 0);
    if (factor === 1 ? points.length > 0 : slower.some((p) => Math.abs(p.index - step) <= LOCATION_TOLERANCE)) {
      located += 1;
    }
    if (factor === 1 ? points.length > 0 : slower.length > 0) found += 1;
  }
  return { located: located / options.tests, found: found / options.tests };
}
