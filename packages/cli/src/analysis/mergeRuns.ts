import { addCounters, JestPerfError, newRunId, type RunFile, summarizeRun, type TestRecord } from '@jest-perf/core';

/**
 * Combines the run files of CI shards into one run, so report/baseline/check work unchanged.
 * A test present in two inputs means the shards overlapped: that is an error, not something to hide.
 * Wall time is the longest shard (they run side by side); the merged run is incomplete when any
 * shard was, or when shards are missing from `1..count`.
 */
export function mergeRuns(runs: RunFile[]): RunFile {
  const first = runs[0];
  if (!first) {
    throw new JestPerfError('JEST_PERF_USAGE', 'merge needs at least one run file', {
      fix: 'pass the shard run files, e.g. jest-perf merge shard-1.json shard-2.json',
    });
  }
  const seen = new Map<string, string>();
  const tests: TestRecord[] = [];
  const counters: RunFile['counters'] = {};
  const reasons: string[] = [];
  for (const run of runs) {
    for (const test of run.tests) {
      const other = seen.get(test.id);
      if (other !== undefined) {
        throw new JestPerfError('JEST_PERF_USAGE', `test "${test.id}" is in runs ${other} and ${run.runId}`, {
          fix: 'merge each shard once; shards of one run never share a test',
        });
      }
      seen.set(test.id, run.runId);
      tests.push(test);
    }
    addCounters(counters, run.counters);
    reasons.push(...run.incompleteReasons.map((reason) => `${run.runId}: ${reason}`));
  }
  const shardCount = first.shard?.count ?? 0;
  const present = new Set(runs.map((run) => run.shard?.index));
  for (let index = 1; index <= shardCount; index += 1) {
    if (!present.has(index)) reasons.push(`shard ${index}/${shardCount} is missing`);
  }
  const span = timeSpan(runs);
  return {
    ...first,
    ...span,
    runId: newRunId(new Date(span.startedAt)),
    shard: null,
    incomplete: reasons.length > 0,
    incompleteReasons: reasons,
    tests,
    files: runs.flatMap((run) => run.files),
    counters,
    summary: summarizeRun(
      tests,
      runs.reduce((sum, run) => sum + run.summary.hookMs, 0),
      first.slowTestMs,
      Math.max(...runs.map((run) => run.summary.wallMs)),
    ),
  };
}

/** The first start and the last end of `runs` (ISO strings sort by time). */
export function timeSpan(runs: readonly RunFile[]): Pick<RunFile, 'startedAt' | 'endedAt'> {
  return {
    startedAt: runs.map((r) => r.startedAt).sort()[0] as string,
    endedAt: runs
      .map((r) => r.endedAt)
      .sort()
      .at(-1) as string,
  };
}
