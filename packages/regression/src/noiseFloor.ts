import type { DurationStats } from '@jest-perf/core';
import { MAD_TO_SD, median } from './stats';

/** Baseline runs from which a thing's own spread counts; below, it is judged by the pooled floor alone. */
export const MIN_OWN_SAMPLES = 3;

/**
 * Relative spread of one run, by duration class, pooled over every timed thing of the baseline: a test with
 * three near-equal samples tells little about how much it can move, but the hundred tests of its size do.
 * Classes are powers of two of the median (…, 8–16 ms, 16–32 ms, …).
 */
export interface NoiseFloor {
  /** The pooled relative spread (a standard deviation over the median) for a thing of this median. */
  cvAt(medianMs: number): number;
  /**
   * The largest stall (a sample's excess over its median) seen in the baseline among things of this size,
   * with a margin ({@link STALL_MARGIN}): one run can hit a stall that large on unchanged code (garbage
   * collection, a worker starting, a cold cache), so a single run's excess below it proves nothing.
   */
  stallAt(medianMs: number): number;
}

/** How far beyond the largest stall the baseline saw a single run's excess must go. */
export const STALL_MARGIN = 2;

function classOf(ms: number): number {
  return Math.floor(Math.log2(Math.max(1, ms)));
}

/**
 * Pools robust relative spreads (`1.4826 × MAD / median`) of the things with at least
 * {@link MIN_OWN_SAMPLES} runs, per duration class; a class with fewer than 5 members borrows from its
 * neighbours, and with no data at all the floor is `fallbackCv`. Never below `minCv`. With
 * `stallsOfAnySize`, a stall as large as the largest the baseline saw anywhere counts for every size: file
 * start-up stalls (a worker starting, a cold transform cache) do not scale with the file.
 */
export function pooledNoiseFloor(
  stats: Iterable<DurationStats>,
  minCv: number,
  fallbackCv: number,
  options: { stallsOfAnySize?: boolean } = {},
): NoiseFloor {
  let largestStallMs = 0;
  const byClass = new Map<number, number[]>();
  const stallByClass = new Map<number, number>();
  for (const s of stats) {
    if (s.samples < MIN_OWN_SAMPLES || !(s.median > 0)) continue;
    const cls = classOf(s.median);
    const list = byClass.get(cls) ?? [];
    list.push((MAD_TO_SD * s.mad) / s.median);
    byClass.set(cls, list);
    // Relative to the median, so that a class's members of different sizes compare.
    stallByClass.set(cls, Math.max(stallByClass.get(cls) ?? 0, (s.max - s.median) / s.median));
    largestStallMs = Math.max(largestStallMs, s.max - s.median);
  }
  const cache = new Map<number, number>();
  const cvOfClass = (cls: number): number => {
    let cv = cache.get(cls);
    if (cv !== undefined) return cv;
    let pool: number[] = byClass.get(cls) ?? [];
    for (let reach = 1; pool.length < 5 && reach <= 3; reach += 1) {
      pool = [...pool, ...(byClass.get(cls - reach) ?? []), ...(byClass.get(cls + reach) ?? [])];
    }
    cv = Math.max(minCv, pool.length > 0 ? median(pool) : fallbackCv);
    cache.set(cls, cv);
    return cv;
  };
  const stallOfClass = (cls: number): number => {
    let stall = 0;
    for (let reach = -1; reach <= 1; reach += 1) stall = Math.max(stall, stallByClass.get(cls + reach) ?? 0);
    return stall;
  };
  return {
    cvAt: (medianMs) => cvOfClass(classOf(medianMs)),
    stallAt: (medianMs) =>
      STALL_MARGIN * Math.max(stallOfClass(classOf(medianMs)) * medianMs, options.stallsOfAnySize ? largestStallMs : 0),
  };
}
