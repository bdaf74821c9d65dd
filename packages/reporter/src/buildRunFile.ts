import type { AggregatedResult } from '@jest/test-result';
import {
  addCounters,
  type CounterGroups,
  type FileRecord,
  type GitInfo,
  type MachineInfo,
  RUN_FILE_VERSION,
  type RunFile,
  relativePosix,
  summarizeRun,
  type TestRecord,
  totalHookMs,
} from '@jest-perf/core';
import type { WorkerRecords } from './readWorkerRecords';
import { toRecords } from './toRecords';

export interface RunContext {
  runId: string;
  rootDir: string;
  startedAt: Date;
  endedAt: Date;
  jestVersion: string;
  machine: MachineInfo;
  git: GitInfo | null;
  shard: { index: number; count: number } | null;
  slowTestMs: number;
  /** Regexes of root-relative test paths not to track. */
  exclude: RegExp[];
}

/** Merges Jest's results with the workers' records into one run file. */
export function buildRunFile(results: AggregatedResult, workers: WorkerRecords, context: RunContext): RunFile {
  const tests: TestRecord[] = [];
  const files: FileRecord[] = [];
  const counters: CounterGroups = {};
  const incompleteReasons: string[] = [];
  for (const result of results.testResults) {
    const file = relativePosix(context.rootDir, result.testFilePath);
    if (context.exclude.some((pattern) => pattern.test(file))) continue;
    const workerRecord = workers.byTestPath.get(result.testFilePath);
    const records = toRecords(result, file, workerRecord);
    tests.push(...records.tests);
    files.push(records.file);
    if (workerRecord) addCounters(counters, workerRecord.counters);
    if (records.file.execError) {
      const message = result.testExecError?.message?.split('\n')[0] ?? 'failed to run';
      incompleteReasons.push(`${file}: ${message}`);
    }
  }
  if (results.wasInterrupted) incompleteReasons.push('the run was interrupted');
  if (workers.badLines > 0) incompleteReasons.push(`${workers.badLines} unreadable worker record line(s)`);
  const wallMs = Math.max(0, context.endedAt.getTime() - context.startedAt.getTime());
  return {
    schemaVersion: RUN_FILE_VERSION,
    runId: context.runId,
    startedAt: context.startedAt.toISOString(),
    endedAt: context.endedAt.toISOString(),
    jestVersion: context.jestVersion,
    nodeVersion: process.version,
    machine: context.machine,
    git: context.git,
    shard: context.shard,
    incomplete: incompleteReasons.length > 0,
    incompleteReasons,
    slowTestMs: context.slowTestMs,
    tests,
    files,
    summary: summarizeRun(tests, totalHookMs(files), context.slowTestMs, wallMs),
    counters,
  };
}
