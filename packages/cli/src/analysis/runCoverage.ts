import type { RunFile } from '@jest-perf/core';

/** What a set of runs covers: the facts `check` and `baseline` refuse to build on silently. */
export interface RunCoverage {
  /** Tests that ran (passed or failed) in the newest run. */
  ran: number;
  /** Failed tests over all the runs. */
  failed: number;
  /** `runId: reason` for each incomplete run (killed worker, interrupted, shards missing). */
  incomplete: string[];
}

/** Sums up the runs (oldest first). */
export function runCoverage(runs: readonly RunFile[]): RunCoverage {
  const newest = runs[runs.length - 1];
  const ran = newest ? newest.tests.filter((t) => t.status === 'passed' || t.status === 'failed').length : 0;
  let failed = 0;
  const incomplete: string[] = [];
  for (const run of runs) {
    failed += run.tests.filter((t) => t.status === 'failed').length;
    if (run.incomplete) incomplete.push(`${run.runId}: ${run.incompleteReasons.join('; ') || 'incomplete'}`);
  }
  return { ran, failed, incomplete };
}

/** Tests of the baseline that the current runs timed, as a sentence for the verdict. */
export function coverageLine(baselineTests: readonly string[], runs: readonly RunFile[]): string {
  const seen = new Set<string>();
  for (const run of runs) for (const test of run.tests) if (test.status === 'passed') seen.add(test.id);
  const covered = baselineTests.filter((id) => seen.has(id)).length;
  const missing = baselineTests.length - covered;
  return `covers ${covered} of ${baselineTests.length} baseline tests${missing > 0 ? ` (${missing} not timed in this run)` : ''}`;
}
