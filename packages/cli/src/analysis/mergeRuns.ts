import {
  addCounters,
  JEST_PERF_CLI,
  JestPerfError,
  newRunId,
  type RunFile,
  summarizeRun,
  type TestRecord,
} from '@jest-perf/core';

/**
 * Combines the run files of CI shards into one run, so report/baseline/check work unchanged.
 * A test present in two inputs means the shards overlapped: that is an error, not something to hide.
 * Wall time is the longest shard (they run side by side); the merged run is incomplete when any
 * shard was, or when the shards do not make one whole run (see {@link shardProblems}).
 */
export function mergeRuns(runs: RunFile[]): RunFile {
  const first = runs[0];
  if (!first) {
    throw new JestPerfError('JEST_PERF_USAGE', 'merge needs at least one run file', {
      fix: `pass the shard run files, e.g. ${JEST_PERF_CLI} merge shard-1.json shard-2.json`,
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
  reasons.push(...shardProblems(runs));
  const span = timeSpan(runs);
  return {
    ...first,
    ...span,
    runId: newRunId(
      new Date(span.startedAt),
      runs.map((run) => run.runId),
    ),
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

const shardLabel = (run: RunFile): string =>
  run.shard ? `${run.runId} is ${run.shard.index}/${run.shard.count}` : `${run.runId} is not a shard`;

/**
 * What is wrong with the set of shards: counts that disagree (shards of different runs, or a run that
 * is no shard among shards), an index there twice, indexes missing from `1..count` (of the largest
 * count). Unsharded runs alone have nothing to check.
 */
export function shardProblems(runs: readonly RunFile[]): string[] {
  if (runs.every((run) => run.shard === null)) return [];
  const problems: string[] = [];
  const counts = new Set(runs.map((run) => run.shard?.count ?? null));
  if (counts.size > 1) {
    const labels = runs.map(shardLabel).join(', ');
    problems.push(`the shards disagree on the shard count: ${labels} (merge the shards of one run)`);
  }
  const byIndex = new Map<number, string[]>();
  for (const run of runs) {
    if (run.shard) byIndex.set(run.shard.index, [...(byIndex.get(run.shard.index) ?? []), run.runId]);
  }
  const count = Math.max(...runs.map((run) => run.shard?.count ?? 0));
  for (const [index, ids] of [...byIndex].sort(([a], [b]) => a - b)) {
    if (ids.length > 1) problems.push(`shard ${index}/${count} is there twice (${ids.join(', ')})`);
  }
  for (let index = 1; index <= count; index += 1) {
    if (!byIndex.has(index)) problems.push(`shard ${index}/${count} is missing`);
  }
  return problems;
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
