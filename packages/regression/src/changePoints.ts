import { JestPerfError } from '@jest-perf/core';
import { bestSplit, Prefix } from './segments';
import { welchTTest } from './tDistribution';

/** Options of {@link findChangePoints} and `detectTrends`. */
export interface ChangePointOptions {
  /** A split counts when Welch's t-test between its two sides gives p below this. Default 0.0001
   * (0.001 let 2–4 % of unchanged 50–200-run series through: the split is chosen as the best of many). */
  pValue?: number;
  /** Fewest runs on each side of a change point. Default 5 (so series under 10 points are skipped). */
  minSegment?: number;
  /** Relative changes of the segment means smaller than this are not reported. Default 0.05 (5 %). */
  minRelativeChange?: number;
}

/** One change point in a series. */
export interface SeriesChangePoint {
  /** Index (in the series given) of the first value of the new segment. */
  index: number;
  /** Arithmetic mean and size of the segment before, up to the previous change point. */
  before: { meanMs: number; samples: number };
  /** Arithmetic mean and size of the segment after, up to the next change point. */
  after: { meanMs: number; samples: number };
  /** `after.meanMs / before.meanMs − 1`. */
  change: number;
  /** Welch t-test p-value between the two segments (on log durations). */
  pValue: number;
}

/** The defaults of {@link ChangePointOptions}. */
export const CHANGE_POINT_DEFAULTS: Required<ChangePointOptions> = {
  pValue: 0.0001,
  minSegment: 5,
  minRelativeChange: 0.05,
};

/** Fills in and checks the options. @throws JestPerfError `JEST_PERF_USAGE` naming the bad option. */
export function resolveChangePointOptions(options: ChangePointOptions = {}): Required<ChangePointOptions> {
  const resolved = { ...CHANGE_POINT_DEFAULTS, ...options };
  const bad = (name: string, rule: string): never => {
    throw new JestPerfError('JEST_PERF_USAGE', `The option ${name} should be ${rule}`, {
      fix: `pass ${name} as ${rule}, or leave it out for the default`,
    });
  };
  if (!(resolved.pValue > 0 && resolved.pValue < 1)) bad('pValue', 'a number between 0 and 1');
  if (!Number.isInteger(resolved.minSegment) || resolved.minSegment < 2) bad('minSegment', 'an integer ≥ 2');
  if (!(resolved.minRelativeChange >= 0)) bad('minRelativeChange', 'a number ≥ 0');
  return resolved;
}

/** Recursive binary segmentation: split at the best point, keep it when significant, recurse into both sides. */
function segment(prefix: Prefix, a: number, b: number, o: Required<ChangePointOptions>, out: number[]): void {
  if (b - a < 2 * o.minSegment) return;
  const tau = bestSplit(prefix, a, b, o.minSegment);
  if (welchTTest(prefix.summary(a, tau), prefix.summary(tau, b)).p >= o.pValue) return;
  out.push(tau);
  segment(prefix, a, tau, o, out);
  segment(prefix, tau, b, o, out);
}

/** Describes each change point against its neighbouring segments. */
function describePoints(prefix: Prefix, cuts: readonly number[], end: number): SeriesChangePoint[] {
  return cuts.map((index, i) => {
    const from = i === 0 ? 0 : (cuts[i - 1] as number);
    const to = i === cuts.length - 1 ? end : (cuts[i + 1] as number);
    const beforeMs = prefix.rawMean(from, index);
    const afterMs = prefix.rawMean(index, to);
    return {
      index,
      before: { meanMs: beforeMs, samples: index - from },
      after: { meanMs: afterMs, samples: to - index },
      change: beforeMs > 0 ? afterMs / beforeMs - 1 : afterMs > 0 ? Number.POSITIVE_INFINITY : 0,
      pValue: welchTTest(prefix.summary(from, index), prefix.summary(index, to)).p,
    };
  });
}

/**
 * Removes, one at a time, the weakest change point that is no longer significant against its new neighbours
 * (or too small to report), as Hunter/Otava re-check after segmentation.
 */
function prune(prefix: Prefix, cuts: number[], end: number, o: Required<ChangePointOptions>): SeriesChangePoint[] {
  for (;;) {
    const points = describePoints(prefix, cuts, end);
    let weakest = -1;
    for (let i = 0; i < points.length; i += 1) {
      const point = points[i] as SeriesChangePoint;
      const weak = point.pValue >= o.pValue || Math.abs(point.change) < o.minRelativeChange;
      if (weak && (weakest < 0 || point.pValue > (points[weakest] as SeriesChangePoint).pValue)) weakest = i;
    }
    if (weakest < 0) return points;
    cuts.splice(weakest, 1);
  }
}

/**
 * Change points of one duration series by E-divisive means with a Welch t-test significance check
 * (the approach of Apache Otava, formerly Hunter). Runs on `log(1 + ms)`, so a step is judged relative
 * to the test's own multiplicative noise. NaN values (the test did not run) are skipped; indices in
 * the result refer to `values`.
 * @throws JestPerfError `JEST_PERF_USAGE` for invalid options.
 * @example
 * findChangePoints([100, 98, 103, 101, 150, 149, 152, 151]) // → [{ index: 4, change: ≈ 0.49, ... }]
 */
export function findChangePoints(values: ArrayLike<number>, options: ChangePointOptions = {}): SeriesChangePoint[] {
  const o = resolveChangePointOptions(options);
  const present: number[] = [];
  const indices: number[] = [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) continue;
    present.push(value);
    indices.push(i);
    if (value < min) min = value;
    if (value > max) max = value;
  }
  // Cheap screens: too short to split, or a spread too tiny to hold any reportable change.
  if (present.length < 2 * o.minSegment) return [];
  if (min > 0 && max / min - 1 < o.minRelativeChange) return [];
  const prefix = new Prefix(present);
  const cuts: number[] = [];
  segment(prefix, 0, present.length, o, cuts);
  if (cuts.length === 0) return [];
  cuts.sort((x, y) => x - y);
  return prune(prefix, cuts, present.length, o).map((point) => ({
    ...point,
    index: indices[point.index] as number,
  }));
}
