import type { DurationStats } from '@jest-perf/core';

/** Scales a raw MAD to a standard deviation for normal data. */
export const MAD_TO_SD = 1.4826;

/** Median of the finite values (NaN = absent is skipped); NaN when there are none. */
export function median(values: ArrayLike<number>): number {
  const sorted = finite(values).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The finite values of `values`, copied. */
export function finite(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (Number.isFinite(value)) out.push(value);
  }
  return out;
}

/**
 * Median, raw median absolute deviation, count, min and max of the finite values.
 * @returns null when there is no finite value.
 */
export function durationStats(values: ArrayLike<number>): DurationStats | null {
  const present = finite(values);
  if (present.length === 0) return null;
  const mid = median(present);
  return {
    median: mid,
    mad: median(present.map((value) => Math.abs(value - mid))),
    samples: present.length,
    min: Math.min(...present),
    max: Math.max(...present),
  };
}

/**
 * Robust relative spread of one run: `1.4826 × MAD / median`. For log-normal CI noise this is close to the
 * standard deviation of `ln(duration)`, which is what the noise band works with. 0 for a zero median.
 */
export function robustCv(stats: Pick<DurationStats, 'median' | 'mad'>): number {
  return stats.median > 0 ? (MAD_TO_SD * stats.mad) / stats.median : 0;
}

/** Φ(x), the standard normal CDF (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const erf = 1 - poly * Math.exp(-z * z);
  return 0.5 * (1 + (x >= 0 ? erf : -erf));
}

const rangeCache = new Map<number, number>();

/** Expected range (max − min) of `n` standard normal samples, d₂(n): 1.128 for 2, 3.078 for 10. */
export function expectedNormalRange(n: number): number {
  let value = rangeCache.get(n);
  if (value === undefined) {
    value = 0;
    const step = 0.01;
    for (let x = -8; x <= 8; x += step) {
      const p = normalCdf(x);
      value += (1 - (1 - p) ** n - p ** n) * step;
    }
    rangeCache.set(n, value);
  }
  return value;
}

/**
 * Relative spread of one run from min and max: `ln((1 + max) / (1 + min)) / d₂(n)`. For a handful of runs
 * the range wastes far less information than the MAD does; it is 0 below 2 samples.
 */
export function rangeCv(stats: Pick<DurationStats, 'min' | 'max' | 'samples'>): number {
  if (stats.samples < 2) return 0;
  return Math.log((1 + stats.max) / (1 + stats.min)) / expectedNormalRange(stats.samples);
}

/**
 * Variance of the median of `n` samples relative to the variance of one sample: `π / 2n` (the large-sample
 * value, slightly conservative for small n), capped at 1 so one or two samples never look better than one.
 */
export function medianVarianceFactor(n: number): number {
  return n <= 0 ? Number.POSITIVE_INFINITY : Math.min(1, Math.PI / (2 * n));
}
