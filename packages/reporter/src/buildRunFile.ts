import type { AggregatedResult } from '@jest/test-result';
import {
  type CounterGroups,
  type FileRecord,
  type GitInfo,
  type MachineInfo,
  RUN_FILE_VERSION,
  type RunFile,
  type RunSummary,
  relativePosix,
  type TestRecord,
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

function summarize(tests: TestRecord[], files: FileRecord[], slowTestMs: number, wallMs: number): RunSummary {
  const ran = tests.filter((t) => t.status === 'passed' || t.status === 'failed');
  const totalDurationMs = ran.reduce((sum, t) => sum + t.durationMs, 0);
  return {
    total: tests.length,
    passed: tests.filter((t) => t.status === 'passed').length,
    failed: tests.filter((t) => t.status === 'failed').length,
    skipped: tests.filter((t) => t.status === 'skipped' || t.status === 'todo').length,
    slowCount: ran.filter((t) => t.durationMs > slowTestMs).length,
    totalDurationMs,
    averageDurationMs: ran.length > 0 ? totalDurationMs / ran.length : 0,
    hookMs: files.reduce((sum, f) => sum + f.hookMs, 0),
    wallMs,
  };
}

function addCounters(into: CounterGroups, from: CounterGroups): void {
  for (const [group, values] of Object.entries(from)) {
    const target = (into[group] ??= {});
    for (const [name, value] of Object.entries(values)) target[name] = (target[name] ?? 0) + value;
  }
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
    summary: summarize(tests, files, context.slowTestMs, wallMs),
    counters,
  };
}
