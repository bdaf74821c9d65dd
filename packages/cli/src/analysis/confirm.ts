import type { RunFile } from '@jest-perf/core';
import { type CompareResult, median, type SlowCountVerdict } from '@jest-perf/regression';

/** Files to rerun to confirm a comparison: those of regressed tests, of regressed suites and of newly slow tests. */
export function filesToConfirm(result: CompareResult, latest: RunFile): string[] {
  const files = new Set<string>();
  for (const verdict of result.tests) if (verdict.kind === 'regressed') files.add(verdict.file);
  const suites = new Set(result.suites.filter((v) => v.kind === 'regressed').map((v) => v.suite));
  for (const verdict of result.tests) if (suites.has(verdict.suite)) files.add(verdict.file);
  if (result.slowCount.kind === 'regressed') {
    const newlySlow = new Set(result.slowCount.newlySlow);
    for (const test of latest.tests) if (newlySlow.has(test.id)) files.add(test.file);
  }
  return [...files].sort();
}

/** The slow-count regression holds when enough newly slow tests stay slow over the latest run and the reruns. */
function confirmSlowCount(original: SlowCountVerdict, runs: RunFile[]): SlowCountVerdict {
  if (original.kind !== 'regressed') return original;
  const stillSlow = original.newlySlow.filter((id) => {
    const durations = runs.flatMap((run) =>
      run.tests.filter((t) => t.id === id && t.status === 'passed').map((t) => t.durationMs),
    );
    return durations.length > 0 && median(durations) > original.slowTestMs;
  });
  const needed = original.current - original.baseline;
  return stillSlow.length >= needed ? { ...original, newlySlow: stillSlow } : { ...original, kind: 'unchanged' };
}

/**
 * A regression is confirmed only when it shows both in the original comparison and in the comparison
 * over the latest run plus the reruns (medians of K + 1 samples). Everything else keeps the rerun's verdict.
 */
export function confirmRegressions(original: CompareResult, rerun: CompareResult, runs: RunFile[]): CompareResult {
  const regressedBefore = new Set(original.tests.filter((v) => v.kind === 'regressed').map((v) => v.id));
  const suitesBefore = new Set(original.suites.filter((v) => v.kind === 'regressed').map((v) => v.suite));
  const rerunTests = new Map(rerun.tests.map((v) => [v.id, v]));
  const rerunSuites = new Map(rerun.suites.map((v) => [v.suite, v]));
  const tests = original.tests.map((v) => (regressedBefore.has(v.id) ? (rerunTests.get(v.id) ?? v) : v));
  const suites = original.suites.map((v) => (suitesBefore.has(v.suite) ? (rerunSuites.get(v.suite) ?? v) : v));
  const slowCount = confirmSlowCount(original.slowCount, runs);
  const regressed =
    tests.some((v) => v.kind === 'regressed') ||
    suites.some((v) => v.kind === 'regressed') ||
    slowCount.kind === 'regressed';
  const count = (verdicts: { kind: keyof CompareResult['summary']['tests'] }[]) => {
    const counts = { regressed: 0, improved: 0, unchanged: 0, noisy: 0, new: 0, missing: 0 };
    for (const v of verdicts) counts[v.kind] += 1;
    return counts;
  };
  return {
    tests,
    suites,
    slowCount,
    regressed,
    summary: { tests: count(tests), suites: count(suites) },
    current: { runIds: runs.map((run) => run.runId) },
    speed: rerun.speed,
  };
}
