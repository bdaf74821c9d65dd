import { stripVTControlCharacters } from 'node:util';
import type { AggregatedResult, TestResult } from '@jest/test-result';
import type {
  CounterGroups,
  FileRecord,
  GitInfo,
  MachineInfo,
  RunFile,
  RunLoad,
  TestRecord,
  WorkerFileRecord,
} from '@jest-perf/core';
import { addCounters, RUN_FILE_VERSION, relativePosix, summarizeRun, totalHookMs } from '@jest-perf/core/recording';
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
  /** How busy the machine was during the run, when measured. */
  load?: RunLoad | undefined;
}

/** One test file merged: Jest's result and the worker's record it was built from, and the records. */
export interface MergedFile {
  result: TestResult;
  workerRecord: WorkerFileRecord | undefined;
  /** Root-relative POSIX path. */
  file: string;
  records: { tests: TestRecord[]; file: FileRecord };
  /** The UTF-8 JSON of `records.tests` without its brackets (see core's encodeRun), made when the file is merged. */
  testsJson: Buffer;
}

/**
 * Merges one file's result (`file` is its root-relative path) with its worker's record; returns
 * `earlier` when that was built from the same two.
 */
export function mergeFile(
  result: TestResult,
  workerRecord: WorkerFileRecord | undefined,
  file: string,
  earlier?: MergedFile,
): MergedFile {
  if (earlier?.result === result && earlier.workerRecord === workerRecord) return earlier;
  const records = toRecords(result, file, workerRecord);
  const testsJson = Buffer.from(JSON.stringify(records.tests).slice(1, -1), 'utf8');
  return { result, workerRecord, file, records, testsJson };
}

/**
 * The first non-blank line of a file's exec error, without terminal escapes: a transformer's error (ts-jest's type
 * errors) comes coloured, and the escapes would be stored in the run file and cut mid-sequence in the summary.
 */
function execErrorLine(message: string | undefined): string {
  const lines = message === undefined ? [] : stripVTControlCharacters(message).split('\n');
  return lines.find((line) => line.trim() !== '')?.trim() ?? 'failed to run';
}

/** See {@link buildRun}: the run file alone. */
export function buildRunFile(
  results: Pick<AggregatedResult, 'testResults' | 'wasInterrupted'>,
  workers: WorkerRecords,
  context: RunContext,
  merged: ReadonlyMap<string, MergedFile> = new Map(),
): RunFile {
  return buildRun(results, workers, context, merged).run;
}

/**
 * Merges Jest's results with the workers' records into one run file, and the JSON of its tests (for core's
 * saveRun). `merged` holds files merged while the run went on (keyed by absolute test path): those built
 * from the same result and worker record are reused, their tests' JSON too, so little is left to do after
 * the last test.
 */
export function buildRun(
  results: Pick<AggregatedResult, 'testResults' | 'wasInterrupted'>,
  workers: WorkerRecords,
  context: RunContext,
  merged: ReadonlyMap<string, MergedFile> = new Map(),
): { run: RunFile; testsJson: Buffer[] } {
  const tests: TestRecord[] = [];
  const testsJson: Buffer[] = [];
  const files: FileRecord[] = [];
  const counters: CounterGroups = {};
  const incompleteReasons: string[] = [];
  for (const result of results.testResults) {
    const earlier = merged.get(result.testFilePath);
    const file = earlier?.file ?? relativePosix(context.rootDir, result.testFilePath);
    if (context.exclude.some((pattern) => pattern.test(file))) continue;
    const workerRecord = workers.byTestPath.get(result.testFilePath);
    const { records, testsJson: fileTestsJson } = mergeFile(result, workerRecord, file, earlier);
    for (const test of records.tests) tests.push(test);
    if (fileTestsJson.length > 0) testsJson.push(fileTestsJson);
    files.push(records.file);
    if (workerRecord) addCounters(counters, workerRecord.counters);
    if (records.file.execError) {
      incompleteReasons.push(`${file}: ${execErrorLine(result.testExecError?.message)}`);
    }
  }
  if (results.wasInterrupted) incompleteReasons.push('the run was interrupted');
  if (workers.badLines > 0) {
    const first = workers.firstBadLine ? ` (first: ${workers.firstBadLine})` : '';
    incompleteReasons.push(`${workers.badLines} unreadable worker record line(s)${first}`);
  }
  const wallMs = Math.max(0, context.endedAt.getTime() - context.startedAt.getTime());
  const run: RunFile = {
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
    ...(context.load ? { load: context.load } : {}),
  };
  return { run, testsJson };
}
