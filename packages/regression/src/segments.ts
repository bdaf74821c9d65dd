import type { SampleSummary } from './tDistribution';

/** Prefix sums over one series so any segment's mean and variance cost O(1). */
export class Prefix {
  private readonly sum: Float64Array;
  private readonly squares: Float64Array;
  private readonly raw: Float64Array;

  constructor(values: readonly number[]) {
    const n = values.length;
    this.sum = new Float64Array(n + 1);
    this.squares = new Float64Array(n + 1);
    this.raw = new Float64Array(n + 1);
    for (let i = 0; i < n; i += 1) {
      const value = values[i] as number;
      // log(1 + ms): multiplicative CI noise becomes additive, and a 0 ms test stays finite.
      const y = Math.log1p(value);
      this.sum[i + 1] = (this.sum[i] as number) + y;
      this.squares[i + 1] = (this.squares[i] as number) + y * y;
      this.raw[i + 1] = (this.raw[i] as number) + value;
    }
  }

  /** Mean and unbiased variance of the log values in [a, b). */
  summary(a: number, b: number): SampleSummary {
    const n = b - a;
    const mean = ((this.sum[b] as number) - (this.sum[a] as number)) / n;
    const ss = (this.squares[b] as number) - (this.squares[a] as number) - n * mean * mean;
    return { mean, variance: n > 1 ? Math.max(0, ss / (n - 1)) : 0, n };
  }

  rawMean(a: number, b: number): number {
    return ((this.raw[b] as number) - (this.raw[a] as number)) / (b - a);
  }
}

/**
 * Split of [a, b) maximising the E-divisive energy statistic with α = 2, which reduces to
 * `mn/(m+n) · ((x̄ − ȳ)² − s²ₓ/m − s²ᵧ/n)`: the unbiased squared mean difference, weighted by segment sizes.
 */
export function bestSplit(prefix: Prefix, a: number, b: number, minSegment: number): number {
  let best = -1;
  let bestQ = Number.NEGATIVE_INFINITY;
  for (let tau = a + minSegment; tau <= b - minSegment; tau += 1) {
    const left = prefix.summary(a, tau);
    const right = prefix.summary(tau, b);
    const diff = left.mean - right.mean;
    const q =
      ((left.n * right.n) / (left.n + right.n)) * (diff * diff - left.variance / left.n - right.variance / right.n);
    if (q > bestQ) {
      bestQ = q;
      best = tau;
    }
  }
  return best;
}
