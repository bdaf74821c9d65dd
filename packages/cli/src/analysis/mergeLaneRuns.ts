import {
  addCounters,
  type FileRecord,
  JestPerfError,
  newRunId,
  type RunFile,
  summarizeRun,
  type TestRecord,
} from '@jest-perf/core';
import { timeSpan } from './mergeRuns';

/**
 * One run from the lanes of one `jest-perf test` (the parallel lane, then the serial lane in band).
 * A file with some serial tests ran in both lanes, each time with the other lane's tests skipped: the
 * test that ran wins over its skipped twin, and the file's two visits add up. Wall time is the sum
 * (the lanes run one after the other).
 */
export function mergeLaneRuns(runs: RunFile[]): RunFile {
  const first = runs[0];
  if (!first) {
    throw new JestPerfError('JEST_PERF_USAGE', 'no lane produced a run file', {
      fix: 'check that the project uses the jest-perf reporter (preset @jest-perf/preset) and that JEST_PERF=1 is set',
    });
  }
  const tests = new Map<string, TestRecord>();
  const files = new Map<string, FileRecord>();
  const counters: RunFile['counters'] = {};
  for (const run of runs) {
    for (const test of run.tests) {
      const twin = tests.get(test.id);
      if (!twin || (twin.status === 'skipped' && test.status !== 'skipped')) tests.set(test.id, test);
    }
    for (const file of run.files) {
      const twin = files.get(file.path);
      files.set(file.path, twin ? addFileVisits(twin, file) : file);
    }
    addCounters(counters, run.counters);
  }
  const span = timeSpan(runs);
  const merged = [...tests.values()];
  return {
    ...first,
    ...span,
    runId: newRunId(new Date(span.startedAt)),
    incomplete: runs.some((run) => run.incomplete),
    incompleteReasons: runs.flatMap((run) => run.incompleteReasons),
    tests: merged,
    files: [...files.values()],
    counters,
    summary: summarizeRun(
      merged,
      runs.reduce((sum, run) => sum + run.summary.hookMs, 0),
      first.slowTestMs,
      runs.reduce((sum, run) => sum + run.summary.wallMs, 0),
    ),
  };
}

/** Two visits' times: unmeasured (null, Jest 29) only when neither visit measured it. */
function sumMeasured(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

function addFileVisits(a: FileRecord, b: FileRecord): FileRecord {
  return {
    ...a,
    runtimeMs: a.runtimeMs + b.runtimeMs,
    setupMs: sumMeasured(a.setupMs, b.setupMs),
    loadEnvironmentMs: sumMeasured(a.loadEnvironmentMs, b.loadEnvironmentMs),
    hookMs: a.hookMs + b.hookMs,
    execError: a.execError || b.execError,
    hooks: [...a.hooks, ...b.hooks],
  };
}
