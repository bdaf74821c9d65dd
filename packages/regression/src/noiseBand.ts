import type { DurationStats } from '@jest-perf/core';
import { medianVarianceFactor, rangeCv, robustCv } from './stats';

/** Runs a baseline needs before its own spread is trusted over `assumedCv`. */
export const MIN_SPREAD_SAMPLES = 3;

/** Inputs of the noise band. */
export interface NoiseParams {
  noiseK: number;
  assumedCv: number;
  minCv: number;
}

/**
 * The spread one run has, as a standard deviation of `ln(duration)`, and whether it was assumed.
 * It averages two estimates from the baseline's own runs: the MAD one (robust to an outlier run) and
 * the range one (min/max, far more efficient for 5–20 runs). From 10 runs the MAD alone is often low by
 * chance, which let 1.5–2 % of unchanged noisy tests through the band in the benchmark; the average keeps that
 * under 1 % (docs/regression-statistics.md).
 */
export function runSpread(stats: DurationStats, params: NoiseParams): { cv: number; assumed: boolean } {
  const assumed = stats.samples < MIN_SPREAD_SAMPLES;
  const measured = (robustCv(stats) + rangeCv(stats)) / 2;
  return { cv: Math.max(params.minCv, assumed ? params.assumedCv : measured), assumed };
}

/** Standard error of `ln(current median / baseline median)`. */
export function logStandardError(cv: number, baselineSamples: number, currentSamples: number): number {
  return cv * Math.sqrt(medianVarianceFactor(baselineSamples) + medianVarianceFactor(currentSamples));
}

/**
 * Relative half-width of the noise band: `exp(k · SE) − 1`, where SE is the standard error of the log ratio
 * of the two medians. It narrows as either side gets more runs.
 */
export function noiseBand(cv: number, baselineSamples: number, currentSamples: number, noiseK: number): number {
  return Math.expm1(noiseK * logStandardError(cv, baselineSamples, currentSamples));
}

/**
 * Fewest current samples whose noise band is narrower than `change`; null when no count would do
 * (the baseline alone is too noisy or too short: rebuild it from more runs).
 */
export function samplesNeeded(cv: number, baselineSamples: number, change: number, noiseK: number): number | null {
  const budget = (Math.log1p(change) / (noiseK * cv)) ** 2 - medianVarianceFactor(baselineSamples);
  if (!(budget > 0)) return null;
  return budget >= 1 ? 1 : Math.ceil(Math.PI / (2 * budget));
}
