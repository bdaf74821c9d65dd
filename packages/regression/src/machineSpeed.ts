import type { Baseline, BaselineFile, BaselineTest, DurationStats } from '@jest-perf/core';
import type { GateSeries, Samples } from './gateSeries';
import { median } from './stats';

/** Tests faster than this (baseline median) say more about timers and scheduling than about the machine. */
export const SPEED_MIN_MS = 20;
/** With fewer comparable tests than this, the files say how fast the machine was. */
export const SPEED_MIN_TESTS = 10;
/** Files shorter than this say little about the machine. */
const SPEED_MIN_FILE_MS = 100;
const SPEED_MIN_FILES = 5;
/** A factor beyond these is not taken for the machine's speed. */
const SPEED_LIMITS = [0.5, 3] as const;

/** How fast the machine of the current runs was, against the baseline's, across the board. */
export interface MachineSpeed {
  /** Median over tests (or files) of current / baseline: 1.08 = everything 8 % slower. */
  factor: number;
  /** The same for CPU time, when both sides measured it. */
  cpuFactor: number | null;
  /** Tests (or files) the factor comes from. */
  tests: number;
  /** Whether each thing was compared with its baseline scaled by `factor` (false with `normalizeSpeed: false`). */
  applied: boolean;
}

function ratios(pairs: Iterable<[DurationStats | undefined, Samples | undefined]>, minMs: number): number[] {
  const out: number[] = [];
  for (const [base, samples] of pairs) {
    if (!base || !(base.median >= minMs) || !samples) continue;
    const current = median(samples);
    if (Number.isFinite(current)) out.push(current / base.median);
  }
  return out;
}

function factorOf(testRatios: number[], fileRatios: number[]): { factor: number; from: number } | null {
  const source =
    testRatios.length >= SPEED_MIN_TESTS ? testRatios : fileRatios.length >= SPEED_MIN_FILES ? fileRatios : null;
  if (!source) return null;
  const factor = Math.min(SPEED_LIMITS[1], Math.max(SPEED_LIMITS[0], median(source)));
  return { factor, from: source.length };
}

/**
 * The median ratio of current to baseline time over the tests both sides timed (baseline ≥
 * {@link SPEED_MIN_MS}), or over the files when too few tests take that long: on a shared machine every test
 * slows together, and a check that ignores it fails on noise. A median moves only when more than half of the
 * tests move, so a few real regressions do not hide themselves; a slowdown across the board is judged by the
 * whole run's verdict, which is never scaled.
 * @returns null when neither tests nor files are enough to say.
 */
export function machineSpeed(baseline: Baseline, series: GateSeries): MachineSpeed | null {
  const wall = speedFactor(
    baseline,
    series,
    (t) => t.stats,
    (f) => f.runtime,
    'wall',
    'runtime',
  );
  if (!wall) return null;
  const cpu = speedFactor(
    baseline,
    series,
    (t) => t.cpu,
    (f) => f.cpu,
    'cpu',
    'cpu',
  );
  return { factor: wall.factor, cpuFactor: cpu?.factor ?? null, tests: wall.from, applied: true };
}

/** One time's factor (wall or CPU): over the tests' series `testTime`, else the files' series `fileTime`. */
function speedFactor(
  baseline: Baseline,
  series: GateSeries,
  testStats: (test: BaselineTest) => DurationStats | undefined,
  fileStats: (file: BaselineFile) => DurationStats | undefined,
  testTime: 'wall' | 'cpu',
  fileTime: 'runtime' | 'cpu',
): { factor: number; from: number } | null {
  const tests = [...series.tests].map(([id, s]): [DurationStats | undefined, Samples] => {
    const test = baseline.tests[id];
    return [test ? testStats(test) : undefined, s[testTime]];
  });
  const files = [...series.files].map(([path, s]): [DurationStats | undefined, Samples] => {
    const file = baseline.files?.[path];
    return [file ? fileStats(file) : undefined, s[fileTime]];
  });
  return factorOf(ratios(tests, SPEED_MIN_MS), ratios(files, SPEED_MIN_FILE_MS));
}
