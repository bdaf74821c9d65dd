import type { History } from '@jest-perf/core';
import {
  type ChangePointOptions,
  findChangePoints,
  resolveChangePointOptions,
  type SeriesChangePoint,
} from './changePoints';

/** A change point placed in the history. */
export interface ChangePoint extends SeriesChangePoint {
  /** Index in `history.runs` of the first run after the change. */
  runIndex: number;
  runId: string;
  commit: string | null;
  startedAt: string;
  direction: 'slower' | 'faster';
}

/** The change points of one test, oldest first. */
export interface TestTrend {
  id: string;
  file: string;
  changePoints: ChangePoint[];
}

/** What {@link detectTrends} returns. */
export interface TrendReport {
  /** Only the tests with at least one change point, sorted by id. */
  tests: TestTrend[];
  /** How many series were looked at. */
  analysed: number;
}

/** Passed durations only: a failed test's time is not its speed. */
function passedDurations(durations: Float64Array, statuses: readonly (string | null)[]): Float64Array {
  let copy: Float64Array | null = null;
  for (let i = 0; i < durations.length; i += 1) {
    const status = statuses[i];
    if (status === null || status === undefined || status === 'passed') continue;
    copy ??= durations.slice();
    copy[i] = Number.NaN;
  }
  return copy ?? durations;
}

/**
 * Change points over every test's history, so a report can say "got slower at run X (commit Y)".
 * Cheap by design: series with fewer than 2 × minSegment points, or whose whole spread is below
 * `minRelativeChange`, are skipped before any statistics; the rest cost O(runs) per split.
 * @throws JestPerfError `JEST_PERF_USAGE` for invalid options.
 */
export function detectTrends(history: History, options: ChangePointOptions = {}): TrendReport {
  const o = resolveChangePointOptions(options);
  const tests: TestTrend[] = [];
  for (const [id, series] of history.tests) {
    const points = findChangePoints(passedDurations(series.durationsMs, series.statuses), o);
    if (points.length === 0) continue;
    const changePoints = points.map((point): ChangePoint => {
      const run = history.runs[point.index];
      return {
        ...point,
        runIndex: point.index,
        runId: run?.runId ?? '',
        commit: run?.commit ?? null,
        startedAt: run?.startedAt ?? '',
        direction: point.change >= 0 ? 'slower' : 'faster',
      };
    });
    tests.push({ id, file: series.file, changePoints });
  }
  tests.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { tests, analysed: history.tests.size };
}
