import type { Baseline, DurationStats } from '@jest-perf/core';
import type { RunWindow } from './runWindow';
import { median } from './stats';

/** Tests faster than this (baseline median) say more about timers and scheduling than about the machine. */
export const SPEED_MIN_MS = 10;
/** With fewer comparable tests than this, no factor is estimated (the machine is taken as unchanged). */
export const SPEED_MIN_TESTS = 20;

/** How fast the machine of the current runs was, against the baseline's, across the board. */
export interface MachineSpeed {
  /** Median over tests of current median / baseline median: 1.08 = everything 8 % slower. */
  factor: number;
  /** Tests the factor comes from. */
  tests: number;
  /**
   * Whether each test was compared with its baseline scaled by `factor`: only while the factor stays
   * within the suite threshold (a slowdown the suite check accepts is taken for the machine's); beyond
   * it the suites regress and tests are compared as measured, so nothing real is scaled away.
   */
  applied: boolean;
}

/**
 * The median ratio of current to baseline duration over the tests both sides timed (baseline ≥
 * {@link SPEED_MIN_MS}): on a shared CI machine, a run made 10 % slower by the host makes every test 10 %
 * slower, and a per-test check that ignores it fails on noise. A median is moved only when more than
 * half of the tests move, so a few real regressions do not hide themselves; see {@link MachineSpeed.applied}
 * for when it is used.
 * @returns null with fewer than {@link SPEED_MIN_TESTS} comparable tests.
 */
export function machineSpeed(baseline: Baseline, window: RunWindow, suiteThreshold: number): MachineSpeed | null {
  const ratios: number[] = [];
  for (const [id, series] of window.tests) {
    const base = baseline.tests[id]?.stats?.median;
    if (base === undefined || !(base >= SPEED_MIN_MS)) continue;
    const current = median(series.durationsMs);
    if (Number.isFinite(current)) ratios.push(current / base);
  }
  if (ratios.length < SPEED_MIN_TESTS) return null;
  const factor = median(ratios);
  const applied = factor <= 1 + suiteThreshold && factor >= 1 / (1 + suiteThreshold);
  return { factor, tests: ratios.length, applied };
}

/** Baseline statistics as they would read on a machine `factor` times slower. */
export function scaleStats(stats: DurationStats, factor: number): DurationStats {
  return {
    ...stats,
    median: stats.median * factor,
    mad: stats.mad * factor,
    min: stats.min * factor,
    max: stats.max * factor,
  };
}
