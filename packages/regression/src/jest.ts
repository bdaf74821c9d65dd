import { dataPaths, isJestPerfError, JEST_PERF_CLI, loadConfig, readLatestRun, TRACK_RUN } from '@jest-perf/core';
import { readBaseline } from './baselineStore';
import { type CompareResult, type CurrentSource, compareRun } from './compareRun';
import { formatSlowCount, formatVerdict } from './format';
import { newestRuns } from './newestRuns';
import type { SuiteVerdict, TestVerdict, VerdictOptions } from './types';

/** The two Jest globals the helper declares tests with (injectable so it can be unit-tested). */
export interface JestGlobals {
  describe: (name: string, fn: () => void) => void;
  it: ((name: string, fn: () => void) => void) & { skip: (name: string, fn?: () => void) => void };
}

/** Options of {@link describePerformanceRegression}. */
export interface PerformanceRegressionOptions extends VerdictOptions {
  /** Project root holding the jest-perf config. Default `process.cwd()` (where Jest runs). */
  rootDir?: string;
  /** Title of the describe block. Default `performance regression`. */
  title?: string;
  /** Current values: the latest run (default) or the median of the newest N stored runs. */
  current?: 'latest' | { fromHistory: number };
  /** `summary` (default): one test each for tests, suites and the slow count; `each`: one per test and suite. */
  granularity?: 'summary' | 'each';
}

/** Skip titles users see in Jest's output when there is nothing to check against. */
export const SKIP_NO_BASELINE = `Baseline not found. Run \`${JEST_PERF_CLI} baseline\` to create one.`;
export const SKIP_NO_RUN_DATA = `No performance data. Run \`${TRACK_RUN}\` first.`;

function defaultGlobals(): JestGlobals {
  const globals = globalThis as unknown as Partial<JestGlobals>;
  if (typeof globals.describe !== 'function' || typeof globals.it !== 'function') {
    throw new TypeError('describePerformanceRegression must be called at the top level of a Jest test file');
  }
  return globals as JestGlobals;
}

type Loaded =
  | { kind: 'ok'; result: CompareResult }
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; error: unknown };

/** Reads everything at collection time: Jest cannot skip a test from inside a running one. */
function load(options: PerformanceRegressionOptions): Loaded {
  try {
    const config = loadConfig(options.rootDir ?? process.cwd());
    const paths = dataPaths(config);
    const baseline = readBaseline(paths.baseline);
    const wanted = options.current ?? 'latest';
    let current: CurrentSource;
    if (wanted === 'latest') current = readLatestRun(paths);
    else current = newestRuns(paths, wanted.fromHistory);
    return {
      kind: 'ok',
      result: compareRun(baseline, current, {
        ...options,
        // The caller's thresholds over the config's; the baseline's overrides win over both (compareRun).
        thresholds: { ...config.thresholds, ...options.thresholds },
      }),
    };
  } catch (error) {
    if (isJestPerfError(error) && error.code === 'JEST_PERF_BASELINE_MISSING')
      return { kind: 'skip', reason: SKIP_NO_BASELINE };
    if (isJestPerfError(error) && error.code === 'JEST_PERF_NO_RUN_DATA')
      return { kind: 'skip', reason: SKIP_NO_RUN_DATA };
    return { kind: 'error', error };
  }
}

/** Throws `header` and one indented line per finding, when there is any. */
function failWith(lines: readonly string[], header: string): void {
  if (lines.length > 0) throw new Error(`${header}:\n  ${lines.join('\n  ')}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function declareChecks(result: CompareResult, granularity: 'summary' | 'each', it: JestGlobals['it']): void {
  const judged = <T extends { kind: string }>(verdicts: T[]) =>
    verdicts.filter((v) => v.kind !== 'new' && v.kind !== 'missing');
  const regressed = (verdicts: (TestVerdict | SuiteVerdict)[]) =>
    verdicts.filter((v) => v.kind === 'regressed').map(formatVerdict);
  const tests = judged(result.tests);
  const suites = judged(result.suites);
  if (granularity === 'each') {
    for (const v of tests) it(`test ${v.id} is not slower`, () => failWith(regressed([v]), 'Slower than its baseline'));
    for (const v of suites)
      it(`suite ${v.suite} is not slower`, () => failWith(regressed([v]), 'Slower than its baseline'));
  } else {
    it('no test is slower than its baseline', () => {
      const lines = regressed(tests);
      failWith(lines, `${plural(lines.length, 'test')} slower than the baseline`);
    });
    it('no suite is slower than its baseline', () => {
      const lines = regressed(suites);
      failWith(lines, `${plural(lines.length, 'suite')} slower than the baseline`);
    });
  }
  it('the slow-test count did not grow', () => {
    const { slowCount } = result;
    failWith(slowCount.kind === 'regressed' ? [formatSlowCount(slowCount)] : [], 'The slow-test count grew');
  });
}

/**
 * Declares the in-suite performance regression tests: add one file with this call and the suite fails
 * when a test, a suite or the slow-test count regressed against the committed baseline, with before/after
 * messages. Skips, with the command to run, when there is no baseline or no tracked run yet.
 * @example
 * // perf.regression.test.ts
 * import { describePerformanceRegression } from '@jest-perf/regression/jest';
 * describePerformanceRegression();
 */
export function describePerformanceRegression(
  options: PerformanceRegressionOptions = {},
  globals: JestGlobals = defaultGlobals(),
): void {
  globals.describe(options.title ?? 'performance regression', () => {
    const loaded = load(options);
    if (loaded.kind === 'skip') globals.it.skip(loaded.reason, () => undefined);
    else if (loaded.kind === 'error') {
      const { error } = loaded;
      globals.it('reads the performance data', () => {
        throw error;
      });
    } else declareChecks(loaded.result, options.granularity ?? 'summary', globals.it);
  });
}
