import { type History, type HistoryRun, JestPerfError, type RunFile, TRACK_FIRST_FIX } from '@jest-perf/core';

/** One test's passed durations over the runs of a {@link RunWindow} (`NaN` where it did not pass). */
export interface WindowSeries {
  file: string;
  durationsMs: Float64Array;
}

/**
 * Several runs, oldest first, as aligned per-test series: what a baseline is built from and what a check
 * compares. Only passed tests count: a failed test's time says little about its speed.
 */
export interface RunWindow {
  runs: HistoryRun[];
  tests: Map<string, WindowSeries>;
}

/** A window over run files (give them oldest first; `[latestRun]` is the one-run case). */
export function windowFromRuns(runs: readonly RunFile[]): RunWindow {
  const window: RunWindow = {
    runs: runs.map((run) => ({ runId: run.runId, startedAt: run.startedAt, commit: run.git?.commit ?? null })),
    tests: new Map(),
  };
  runs.forEach((run, index) => {
    for (const test of run.tests) {
      if (test.status !== 'passed') continue;
      let series = window.tests.get(test.id);
      if (!series) {
        series = { file: test.file, durationsMs: new Float64Array(runs.length).fill(Number.NaN) };
        window.tests.set(test.id, series);
      }
      series.durationsMs[index] = test.durationMs;
    }
  });
  return window;
}

/**
 * A window over the newest `last` runs of the history (all of them when omitted).
 * @throws JestPerfError `JEST_PERF_USAGE` when `last` is not a positive integer.
 */
export function windowFromHistory(history: History, last?: number): RunWindow {
  if (last !== undefined && !(Number.isInteger(last) && last > 0)) {
    throw new JestPerfError('JEST_PERF_USAGE', `The option fromHistory should be a positive integer, got ${last}`, {
      fix: 'pass the number of newest history runs to use, e.g. fromHistory: 10',
    });
  }
  const start = last === undefined ? 0 : Math.max(0, history.runs.length - last);
  const window: RunWindow = { runs: history.runs.slice(start), tests: new Map() };
  for (const [id, series] of history.tests) {
    const durationsMs = series.durationsMs.slice(start);
    let any = false;
    for (let i = 0; i < durationsMs.length; i += 1) {
      const status = series.statuses[start + i];
      if (status !== 'passed' && status !== undefined && status !== null) durationsMs[i] = Number.NaN;
      if (!Number.isNaN(durationsMs[i] as number)) any = true;
    }
    if (any) window.tests.set(id, { file: series.file, durationsMs });
  }
  return window;
}

/** Throws the "no run data" error when the window holds no run. */
export function assertHasRuns(window: RunWindow, what: string): void {
  if (window.runs.length === 0) {
    throw new JestPerfError('JEST_PERF_NO_RUN_DATA', `No performance data to ${what}`, {
      fix: TRACK_FIRST_FIX,
    });
  }
}
