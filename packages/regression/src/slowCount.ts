import type { Baseline } from '@jest-perf/core';
import type { RunWindow } from './runWindow';
import { finite, median } from './stats';
import { slowCounts } from './suites';
import type { SlowCountVerdict } from './types';

/**
 * Compares the number of tests over the baseline's `slowTestMs` (median over the current runs) with the
 * baseline's; it regresses when it grows by more than `tolerance`.
 */
export function compareSlowCount(baseline: Baseline, window: RunWindow, tolerance: number): SlowCountVerdict {
  const limit = baseline.slowTestMs;
  const current = median(slowCounts(window, limit));
  const newlySlow: string[] = [];
  for (const [id, series] of window.tests) {
    const wasSlow = (baseline.tests[id]?.durationMs ?? 0) > limit;
    if (!wasSlow && median(finite(series.durationsMs)) > limit) newlySlow.push(id);
  }
  const kind =
    current > baseline.slowCount + tolerance ? 'regressed' : current < baseline.slowCount ? 'improved' : 'unchanged';
  return { kind, baseline: baseline.slowCount, current, slowTestMs: limit, newlySlow: newlySlow.sort() };
}
