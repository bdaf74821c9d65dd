import {
  BASELINE_VERSION,
  type Baseline,
  type BaselineFile,
  type BaselineOverrides,
  type DurationStats,
  type History,
  type JestPerfConfig,
  type RunFile,
  testbedOf,
} from '@jest-perf/core';
import { type GateSeries, gateSeries, type Samples } from './gateSeries';
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

/** Options of {@link buildBaseline}. */
export interface BuildBaselineOptions {
  now?: Date;
  /** Run files of a history window: files, hooks and CPU times live in run files only. */
  fileRuns?: readonly RunFile[];
  /** The overrides of the baseline this one replaces: kept for the tests and files it still has. */
  overrides?: BaselineOverrides;
}

/**
 * Builds a baseline: per test and per suite the median, MAD, count, min and max over the source runs,
 * and the median slow-test count. Thresholds are not copied in: only the `overrides` a user set, carried
 * over from `options.overrides`. Keys are sorted so the committed file diffs cleanly.
 * @throws JestPerfError `JEST_PERF_NO_RUN_DATA` when the source holds no run.
 * @example
 * writeBaseline(paths.baseline, buildBaseline({ history: readHistory(paths.history), fromHistory: 10 }, config));
 */
export function buildBaseline(
  source: BaselineSource,
  config: Pick<JestPerfConfig, 'slowTestMs'>,
  options: BuildBaselineOptions = {},
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
        stats: roundStats(stats),
        tests: suite.tests.size,
      },
    ]);
  }
  const newest = window.runs[window.runs.length - 1];
  // Files, hooks and CPU times live in run files only (the history index keeps tests): from runs, or `fileRuns`.
  const runFiles = 'fromHistory' in source ? (options.fileRuns ?? []) : source;
  const series = gateSeries(runFiles);
  for (const [id, entry] of tests) {
    const cpu = statsOf(series.tests.get(id)?.cpu);
    if (cpu) entry.cpu = cpu;
  }
  const files = fileBaselines(series);
  const newestRun = runFiles[runFiles.length - 1];
  const total = statsOf(series.total);
  const totalCpu = statsOf(series.totalCpu);
  return {
    schemaVersion: BASELINE_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    source: { runIds: window.runs.map((run) => run.runId), commit: newest?.commit ?? null },
    overrides: keptOverrides(options.overrides, tests, files),
    slowTestMs: config.slowTestMs,
    slowCount: median(slowCounts(window, config.slowTestMs)),
    tests: sortedRecord(tests),
    suites: sortedRecord(suites),
    ...(Object.keys(files).length > 0 ? { files } : {}),
    ...(newestRun ? { testbed: testbedOf(newestRun) } : {}),
    ...(total ? { run: { totalMs: total, ...(totalCpu ? { cpuMs: totalCpu } : {}) } } : {}),
  };
}

/** Rounded statistics of the finite samples; undefined when there are none. */
function statsOf(samples: Samples | undefined): DurationStats | undefined {
  const computed = samples ? durationStats(samples) : null;
  return computed ? roundStats(computed) : undefined;
}

/** Per test file: runtime (the shard planner's), tests, start-up, hooks and CPU statistics. */
function fileBaselines(series: GateSeries): Record<string, BaselineFile> {
  const files: [string, BaselineFile][] = [];
  for (const [path, file] of series.files) {
    const runtime = statsOf(file.runtime);
    if (!runtime) continue;
    const entry: BaselineFile = { runtimeMs: runtime.median, samples: runtime.samples, runtime };
    const tests = statsOf(file.tests);
    if (tests) entry.tests = tests;
    const startup = statsOf(file.startup);
    if (startup) entry.startup = startup;
    const cpu = statsOf(file.cpu);
    if (cpu) entry.cpu = cpu;
    const hooks = [...file.hooks].flatMap(([key, samples]): [string, DurationStats][] => {
      const hook = statsOf(samples);
      return hook ? [[key, hook]] : [];
    });
    if (hooks.length > 0) entry.hooks = sortedRecord(hooks);
    files.push([path, entry]);
  }
  return sortedRecord(files);
}

/** The overrides of the things the new baseline has (an override of nothing would be refused on read). */
function keptOverrides(
  overrides: BaselineOverrides | undefined,
  tests: readonly [string, Baseline['tests'][string]][],
  files: Record<string, BaselineFile>,
): BaselineOverrides {
  const testFiles = new Set([...Object.keys(files), ...tests.map(([, test]) => test.file)]);
  const ids = new Set(tests.map(([id]) => id));
  const keep = (record: Record<string, number>, has: (key: string) => boolean) =>
    sortedRecord(Object.entries(record).filter(([key]) => has(key)));
  return {
    tests: keep(overrides?.tests ?? {}, (id) => ids.has(id)),
    files: keep(overrides?.files ?? {}, (path) => testFiles.has(path)),
  };
}
