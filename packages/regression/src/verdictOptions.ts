import { type Baseline, JestPerfError } from '@jest-perf/core';
import type { VerdictOptions } from './types';

/** Defaults of the {@link VerdictOptions} that are not thresholds. */
export const VERDICT_DEFAULTS = {
  noiseK: 4,
  assumedCv: 0.15,
  minCv: 0.02,
  slowCountTolerance: 0,
  normalizeSpeed: true,
  confirmed: false,
} as const;

/** Options with every default filled in; the thresholds are those the baseline does not override per test. */
export interface ResolvedVerdictOptions {
  noiseK: number;
  assumedCv: number;
  minCv: number;
  slowCountTolerance: number;
  normalizeSpeed: boolean;
  confirmed: boolean;
  /** Set only when the caller overrides the baseline's per-test thresholds. */
  testThreshold: number | undefined;
  suiteThreshold: number | undefined;
  minAbsoluteMs: number;
}

function check(name: string, value: number, ok: boolean, rule: string): void {
  if (ok) return;
  throw new JestPerfError('JEST_PERF_USAGE', `The option ${name} should be ${rule}, got ${value}`, {
    fix: `pass ${name} as ${rule}, or leave it out for the default`,
  });
}

/**
 * Fills in the defaults. Thresholds come from `options.thresholds` when given (the current config), else from
 * the baseline; a per-test or per-suite threshold edited by hand in the committed baseline always wins.
 * @throws JestPerfError `JEST_PERF_USAGE` naming the bad option.
 */
export function resolveVerdictOptions(baseline: Baseline, options: VerdictOptions = {}): ResolvedVerdictOptions {
  const resolved: ResolvedVerdictOptions = {
    noiseK: options.noiseK ?? VERDICT_DEFAULTS.noiseK,
    assumedCv: options.assumedCv ?? VERDICT_DEFAULTS.assumedCv,
    minCv: options.minCv ?? VERDICT_DEFAULTS.minCv,
    slowCountTolerance: options.slowCountTolerance ?? VERDICT_DEFAULTS.slowCountTolerance,
    normalizeSpeed: options.normalizeSpeed ?? VERDICT_DEFAULTS.normalizeSpeed,
    confirmed: options.confirmed ?? VERDICT_DEFAULTS.confirmed,
    testThreshold: options.thresholds?.test,
    suiteThreshold: options.thresholds?.suite,
    minAbsoluteMs: options.thresholds?.minAbsoluteMs ?? baseline.thresholds.minAbsoluteMs,
  };
  check('noiseK', resolved.noiseK, resolved.noiseK > 0, 'a number > 0');
  check('assumedCv', resolved.assumedCv, resolved.assumedCv >= 0, 'a number ≥ 0');
  check('minCv', resolved.minCv, resolved.minCv >= 0, 'a number ≥ 0');
  check('slowCountTolerance', resolved.slowCountTolerance, resolved.slowCountTolerance >= 0, 'a number ≥ 0');
  for (const [name, value] of [
    ['thresholds.test', resolved.testThreshold],
    ['thresholds.suite', resolved.suiteThreshold],
  ] as const) {
    if (value !== undefined) check(name, value, value > 0, 'a number > 0');
  }
  check('thresholds.minAbsoluteMs', resolved.minAbsoluteMs, resolved.minAbsoluteMs >= 0, 'a number ≥ 0');
  return resolved;
}
