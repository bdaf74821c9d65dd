import type { DurationStats } from '@jest-perf/core';
import { type NoiseParams, noiseBand, runSpread, samplesNeeded } from './noiseBand';
import { finite, median } from './stats';
import type { Measurement, Verdict } from './types';

/** Everything one verdict depends on. */
export interface VerdictParams extends NoiseParams {
  threshold: number;
  minAbsoluteMs: number;
}

/**
 * Judges current samples against baseline statistics.
 *
 * - `regressed`: slower by more than the threshold, more than the noise band and more than `minAbsoluteMs`;
 * - `noisy`: slower by more than the threshold and `minAbsoluteMs`, but inside the noise band: the baseline's
 *   spread is too wide to judge the threshold with this many samples (`samplesNeeded` says how many would do);
 * - `improved`: faster by more than the threshold, the noise band and `minAbsoluteMs`;
 * - `unchanged`: otherwise.
 * `new` when there is no baseline, `missing` when there are no current samples (NaN samples are ignored).
 */
export function computeVerdict(
  baseline: DurationStats | undefined,
  samples: ArrayLike<number>,
  params: VerdictParams,
): Verdict {
  const current = finite(samples);
  const currentMs = median(current);
  if (!baseline) return { kind: 'new', currentMs, currentSamples: current.length };
  if (current.length === 0) return { kind: 'missing', baselineMs: baseline.median, baselineSamples: baseline.samples };
  const { cv, assumed } = runSpread(baseline, params);
  const baselineMs = baseline.median;
  const band = noiseBand(cv, baseline.samples, current.length, params.noiseK);
  const measurement: Measurement = {
    baselineMs,
    currentMs,
    change: baselineMs > 0 ? currentMs / baselineMs - 1 : currentMs > 0 ? Number.POSITIVE_INFINITY : 0,
    threshold: params.threshold,
    noiseBand: band,
    baselineSamples: baseline.samples,
    currentSamples: current.length,
    assumedNoise: assumed,
  };
  const delta = currentMs - baselineMs;
  if (measurement.change > params.threshold && delta > params.minAbsoluteMs) {
    if (measurement.change > band) return { kind: 'regressed', ...measurement };
    // Looks slower than the threshold, but the noise band is wider still: cannot be judged with these samples.
    return {
      kind: 'noisy',
      samplesNeeded: samplesNeeded(cv, baseline.samples, measurement.change, params.noiseK),
      ...measurement,
    };
  }
  // "Faster" mirrors the band on the log scale: baseline/current must clear it.
  const faster = measurement.change < -params.threshold && baselineMs > currentMs * (1 + band);
  if (faster && -delta > params.minAbsoluteMs) return { kind: 'improved', ...measurement };
  return { kind: 'unchanged', ...measurement };
}
