import { DEFAULT_CONFIG, JestPerfError } from '@jest-perf/core';
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

/** Options with every default filled in; the thresholds apply where the baseline has no override. */
export interface ResolvedVerdictOptions {
  noiseK: number;
  assumedCv: number;
  minCv: number;
  slowCountTolerance: number;
  normalizeSpeed: boolean;
  confirmed: boolean;
  /** The invocation's test threshold (the config's unless overridden for this run), else the default. */
  testThreshold: number;
  suiteThreshold: number;
  minAbsoluteMs: number;
}

function check(name: string, value: number, ok: boolean, rule: string): void {
  if (ok) return;
  throw new JestPerfError('JEST_PERF_USAGE', `The option ${name} should be ${rule}, got ${value}`, {
    fix: `pass ${name} as ${rule}, or leave it out for the default`,
  });
}

/**
 * Fills in the defaults. Thresholds come from `options.thresholds` (the invocation's over the config's), else
 * the default config's; the baseline's `overrides` win over both, test by test (see `compareRun`).
 * @throws JestPerfError `JEST_PERF_USAGE` naming the bad option.
 */
export function resolveVerdictOptions(options: VerdictOptions = {}): ResolvedVerdictOptions {
  const defaults = DEFAULT_CONFIG.thresholds;
  const resolved: ResolvedVerdictOptions = {
    noiseK: options.noiseK ?? VERDICT_DEFAULTS.noiseK,
    assumedCv: options.assumedCv ?? VERDICT_DEFAULTS.assumedCv,
    minCv: options.minCv ?? VERDICT_DEFAULTS.minCv,
    slowCountTolerance: options.slowCountTolerance ?? VERDICT_DEFAULTS.slowCountTolerance,
    normalizeSpeed: options.normalizeSpeed ?? VERDICT_DEFAULTS.normalizeSpeed,
    confirmed: options.confirmed ?? VERDICT_DEFAULTS.confirmed,
    testThreshold: options.thresholds?.test ?? defaults.test,
    suiteThreshold: options.thresholds?.suite ?? defaults.suite,
    minAbsoluteMs: options.thresholds?.minAbsoluteMs ?? defaults.minAbsoluteMs,
  };
  check('noiseK', resolved.noiseK, resolved.noiseK > 0, 'a number > 0');
  check('assumedCv', resolved.assumedCv, resolved.assumedCv >= 0, 'a number ≥ 0');
  check('minCv', resolved.minCv, resolved.minCv >= 0, 'a number ≥ 0');
  check('slowCountTolerance', resolved.slowCountTolerance, resolved.slowCountTolerance >= 0, 'a number ≥ 0');
  check('thresholds.test', resolved.testThreshold, resolved.testThreshold > 0, 'a number > 0');
  check('thresholds.suite', resolved.suiteThreshold, resolved.suiteThreshold > 0, 'a number > 0');
  check('thresholds.minAbsoluteMs', resolved.minAbsoluteMs, resolved.minAbsoluteMs >= 0, 'a number ≥ 0');
  return resolved;
}
