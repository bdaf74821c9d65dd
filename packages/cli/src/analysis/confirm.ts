import type { RunFile } from '@jest-perf/core';
import {
  type CompareResult,
  countVerdicts,
  median,
  type SlowCountVerdict,
  type VerdictKind,
} from '@jest-perf/regression';

/** Verdicts a rerun settles: large changes. */
const FLAGGED: ReadonlySet<VerdictKind> = new Set(['regressed', 'unconfirmed']);

/**
 * Files to rerun to confirm a comparison: those of regressed or unconfirmed tests, files, start-ups and
 * hooks, and of newly slow tests. A whole-run change reruns every file.
 */
export function filesToConfirm(result: CompareResult, latest: RunFile): string[] {
  const files = new Set<string>();
  for (const verdict of result.tests) if (FLAGGED.has(verdict.kind)) files.add(verdict.file);
  for (const verdict of result.suites) {
    if (!FLAGGED.has(verdict.kind)) continue;
    if (verdict.file) files.add(verdict.file);
    else for (const file of latest.files) files.add(file.path);
  }
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
 * A large change is confirmed only when it shows both in the original comparison and in the comparison over
 * the latest run plus the reruns (the fastest of K + 1 samples: noise only adds time). Everything else keeps
 * the original verdict.
 */
export function confirmRegressions(original: CompareResult, rerun: CompareResult, runs: RunFile[]): CompareResult {
  const regressedBefore = new Set(original.tests.filter((v) => FLAGGED.has(v.kind)).map((v) => v.id));
  const suitesBefore = new Set(original.suites.filter((v) => FLAGGED.has(v.kind)).map((v) => v.suite));
  const rerunTests = new Map(rerun.tests.map((v) => [v.id, v]));
  const rerunSuites = new Map(rerun.suites.map((v) => [v.suite, v]));
  const tests = original.tests.map((v) => (regressedBefore.has(v.id) ? (rerunTests.get(v.id) ?? v) : v));
  const suites = original.suites.map((v) => (suitesBefore.has(v.suite) ? (rerunSuites.get(v.suite) ?? v) : v));
  const slowCount = confirmSlowCount(original.slowCount, runs);
  const regressed =
    tests.some((v) => v.kind === 'regressed') ||
    suites.some((v) => v.kind === 'regressed') ||
    slowCount.kind === 'regressed';
  return {
    tests,
    suites,
    slowCount,
    regressed,
    summary: { tests: countVerdicts(tests), suites: countVerdicts(suites) },
    current: { runIds: runs.map((run) => run.runId) },
    speed: rerun.speed,
    context: rerun.context,
  };
}
