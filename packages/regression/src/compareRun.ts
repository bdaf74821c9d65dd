import type { Baseline, RunFile } from '@jest-perf/core';
import { computeVerdict } from './computeVerdict';
import { type MachineSpeed, machineSpeed, scaleStats } from './machineSpeed';
import { assertHasRuns, type RunWindow, windowFromRuns } from './runWindow';
import { compareSlowCount } from './slowCount';
import { suiteOf, suiteSeries } from './suites';
import type { SlowCountVerdict, SuiteVerdict, TestVerdict, VerdictKind, VerdictOptions } from './types';
import { type ResolvedVerdictOptions, resolveVerdictOptions } from './verdictOptions';

/** The current side: one run, several runs (oldest first: confirm reruns) or a window (newest K of history). */
export type CurrentSource = RunFile | readonly RunFile[] | RunWindow;

/** Verdict counts by kind. */
export type VerdictCounts = Record<VerdictKind, number>;

/** What {@link compareRun} returns: everything the CLI prints and exits on. */
export interface CompareResult {
  /** Sorted by id. */
  tests: TestVerdict[];
  /** Sorted by suite. */
  suites: SuiteVerdict[];
  slowCount: SlowCountVerdict;
  /** True when a test, a suite or the slow count regressed: the check fails. */
  regressed: boolean;
  summary: { tests: VerdictCounts; suites: VerdictCounts };
  /** The runs the current values come from. */
  current: { runIds: string[] };
  /**
   * How much slower (> 1) or faster the current runs were than the baseline across the board; when
   * `applied`, each test was compared with its baseline scaled by it (suites and the slow count are always
   * compared as measured). Null when not estimated: too few comparable tests, or `normalizeSpeed: false`.
   */
  speed: MachineSpeed | null;
}

function toWindow(current: CurrentSource): RunWindow {
  if (Array.isArray(current)) return windowFromRuns(current);
  if ('schemaVersion' in current) return windowFromRuns([current as RunFile]);
  return current as RunWindow;
}

function count(verdicts: readonly { kind: VerdictKind }[]): VerdictCounts {
  const counts: VerdictCounts = { regressed: 0, improved: 0, unchanged: 0, noisy: 0, new: 0, missing: 0 };
  for (const verdict of verdicts) counts[verdict.kind] += 1;
  return counts;
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * A threshold edited by hand in the committed baseline (different from the baseline's global one) wins;
 * otherwise the caller's (the current config) applies, then the baseline's.
 */
function pickThreshold(own: number | undefined, global: number, override: number | undefined): number {
  if (own !== undefined && own !== global) return own;
  return override ?? global;
}

function compareTests(
  baseline: Baseline,
  window: RunWindow,
  o: ResolvedVerdictOptions,
  speed: MachineSpeed | null,
): TestVerdict[] {
  const ids = new Set([...Object.keys(baseline.tests), ...window.tests.keys()]);
  return [...ids].map((id): TestVerdict => {
    const base = baseline.tests[id];
    const series = window.tests.get(id);
    const file = (series?.file ?? base?.file) as string;
    const stats = base?.stats && speed?.applied ? scaleStats(base.stats, speed.factor) : base?.stats;
    const verdict = computeVerdict(stats, series?.durationsMs ?? [], {
      ...o,
      threshold: pickThreshold(base?.threshold, baseline.thresholds.test, o.testThreshold),
    });
    return { ...verdict, id, file, suite: suiteOf(file) };
  });
}

function compareSuites(baseline: Baseline, window: RunWindow, o: ResolvedVerdictOptions): SuiteVerdict[] {
  const current = suiteSeries(window);
  const names = new Set([...Object.keys(baseline.suites), ...current.keys()]);
  return [...names].map((suite): SuiteVerdict => {
    const base = baseline.suites[suite];
    const series = current.get(suite);
    const verdict = computeVerdict(base?.stats, series?.durationsMs ?? [], {
      ...o,
      threshold: pickThreshold(base?.threshold, baseline.thresholds.suite, o.suiteThreshold),
    });
    return { ...verdict, suite, tests: { baseline: base?.tests ?? 0, current: series?.tests.size ?? 0 } };
  });
}

/**
 * Compares current runs with the baseline: a verdict per test and per suite, and the slow-test count.
 * With several current runs each test's current value is the median of its samples, and the noise band
 * narrows accordingly (see docs/regression-statistics.md). Each test is compared with its baseline scaled
 * by the machine's speed across the board ({@link machineSpeed}), unless `normalizeSpeed` is false.
 * @throws JestPerfError `JEST_PERF_NO_RUN_DATA` when `current` holds no run; `JEST_PERF_USAGE` for bad options.
 * @example
 * const result = compareRun(readBaseline(paths.baseline), readLatestRun(paths), { thresholds: config.thresholds });
 * process.exitCode = result.regressed ? 1 : 0;
 */
export function compareRun(baseline: Baseline, current: CurrentSource, options: VerdictOptions = {}): CompareResult {
  const o = resolveVerdictOptions(baseline, options);
  const window = toWindow(current);
  assertHasRuns(window, 'compare with the baseline');
  const speed = o.normalizeSpeed ? machineSpeed(baseline, window, o.suiteThreshold ?? baseline.thresholds.suite) : null;
  const tests = compareTests(baseline, window, o, speed).sort(byKey((v) => v.id));
  const suites = compareSuites(baseline, window, o).sort(byKey((v) => v.suite));
  const slowCount = compareSlowCount(baseline, window, o.slowCountTolerance);
  const summary = { tests: count(tests), suites: count(suites) };
  return {
    tests,
    suites,
    slowCount,
    regressed: summary.tests.regressed > 0 || summary.suites.regressed > 0 || slowCount.kind === 'regressed',
    summary,
    current: { runIds: window.runs.map((run) => run.runId) },
    speed,
  };
}
