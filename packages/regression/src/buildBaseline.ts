import {
  BASELINE_VERSION,
  type Baseline,
  type BaselineFile,
  type DurationStats,
  type History,
  type JestPerfConfig,
  type RunFile,
} from '@jest-perf/core';
import { assertHasRuns, type RunWindow, windowFromHistory, windowFromRuns } from './runWindow';
import { durationStats, median } from './stats';
import { slowCounts, suiteSeries } from './suites';

/** The newest `fromHistory` runs of a history (10 or more recommended: the noise band needs them). */
export interface HistoryWindow {
  history: History;
  fromHistory: number;
}

/** What a baseline is built from: run files (oldest first, e.g. `[latestRun]`) or a history window. */
export type BaselineSource = readonly RunFile[] | HistoryWindow;

/** Rounds to microseconds: the committed file stays small and its diffs readable. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function roundStats(stats: DurationStats): DurationStats {
  return {
    median: round(stats.median),
    mad: round(stats.mad),
    samples: stats.samples,
    min: round(stats.min),
    max: round(stats.max),
  };
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function toWindow(source: BaselineSource): RunWindow {
  return 'fromHistory' in source ? windowFromHistory(source.history, source.fromHistory) : windowFromRuns(source);
}

/**
 * Builds a baseline: per test and per suite the median, MAD, count, min and max over the source runs,
 * and the median slow-test count. Keys are sorted so the committed file diffs cleanly.
 * @throws JestPerfError `JEST_PERF_NO_RUN_DATA` when the source holds no run.
 * @example
 * writeBaseline(paths.baseline, buildBaseline({ history: readHistory(paths.history), fromHistory: 10 }, config));
 */
export function buildBaseline(
  source: BaselineSource,
  config: Pick<JestPerfConfig, 'thresholds' | 'slowTestMs'>,
  options: { now?: Date; fileRuns?: readonly RunFile[] } = {},
): Baseline {
  const window = toWindow(source);
  assertHasRuns(window, 'build a baseline from');
  const tests: [string, Baseline['tests'][string]][] = [];
  for (const [id, series] of window.tests) {
    const stats = durationStats(series.durationsMs);
    if (!stats) continue;
    tests.push([
      id,
      {
        file: series.file,
        durationMs: round(stats.median),
        threshold: config.thresholds.test,
        stats: roundStats(stats),
      },
    ]);
  }
  const suites: [string, Baseline['suites'][string]][] = [];
  for (const [name, suite] of suiteSeries(window)) {
    const stats = durationStats(suite.durationsMs) as DurationStats;
    suites.push([
      name,
      {
        durationMs: round(stats.median),
        threshold: config.thresholds.suite,
        stats: roundStats(stats),
        tests: suite.tests.size,
      },
    ]);
  }
  const newest = window.runs[window.runs.length - 1];
  // File runtimes live in run files only (the history index keeps tests): from runs, or `fileRuns`.
  const files = fileRuntimes('fromHistory' in source ? (options.fileRuns ?? []) : source);
  return {
    schemaVersion: BASELINE_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    source: { runIds: window.runs.map((run) => run.runId), commit: newest?.commit ?? null },
    thresholds: { ...config.thresholds },
    slowTestMs: config.slowTestMs,
    slowCount: median(slowCounts(window, config.slowTestMs)),
    tests: sortedRecord(tests),
    suites: sortedRecord(suites),
    ...(Object.keys(files).length > 0 ? { files } : {}),
  };
}

/** Median runtime of each test file over the runs it ran in (files that failed to run left out). */
export function fileRuntimes(runs: readonly RunFile[]): Record<string, BaselineFile> {
  const samples = new Map<string, number[]>();
  for (const run of runs) {
    for (const file of run.files) {
      if (file.execError) continue;
      const list = samples.get(file.path) ?? [];
      list.push(file.runtimeMs);
      samples.set(file.path, list);
    }
  }
  return sortedRecord(
    [...samples].map(([file, values]): [string, BaselineFile] => [
      file,
      { runtimeMs: round(median(values)), samples: values.length },
    ]),
  );
}
