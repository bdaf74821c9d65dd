import type { AssertionResult, TestResult } from '@jest/test-result';
import {
  collectTags,
  type FileRecord,
  makeTestId,
  type TestRecord,
  type TestStatus,
  type WorkerFileRecord,
  type WorkerTestRecord,
} from '@jest-perf/core';

function toStatus(status: AssertionResult['status']): TestStatus {
  if (status === 'passed' || status === 'failed' || status === 'todo') return status;
  if (status === 'focused') return 'passed';
  return 'skipped';
}

function titleKey(ancestorTitles: readonly string[], title: string): string {
  return JSON.stringify([...ancestorTitles, title]);
}

/** Queues of the environment's per-test records by title path (the same title may repeat). */
function indexWorkerTests(record: WorkerFileRecord | undefined): Map<string, WorkerTestRecord[]> {
  const index = new Map<string, WorkerTestRecord[]>();
  for (const test of record?.tests ?? []) {
    const key = titleKey(test.ancestorTitles, test.title);
    const queue = index.get(key);
    if (queue) queue.push(test);
    else index.set(key, [test]);
  }
  return index;
}

/** One Jest file result (+ the environment's record of it, when there is one) as run-file records. */
export function toRecords(
  result: TestResult,
  file: string,
  workerRecord: WorkerFileRecord | undefined,
): { tests: TestRecord[]; file: FileRecord } {
  const fileTags = workerRecord?.fileTags ?? [];
  const worker = workerRecord?.worker ?? null;
  const workerTests = indexWorkerTests(workerRecord);
  const tests = result.testResults.map((assertion): TestRecord => {
    const fromWorker = workerTests.get(titleKey(assertion.ancestorTitles, assertion.title))?.shift();
    const line = assertion.location?.line;
    return {
      id: makeTestId(file, assertion.ancestorTitles, assertion.title),
      file,
      ancestorTitles: assertion.ancestorTitles,
      title: assertion.title,
      durationMs: Math.max(0, assertion.duration ?? 0),
      setupMs: fromWorker?.setupMs ?? 0,
      status: toStatus(assertion.status),
      tags: collectTags(fileTags, [...assertion.ancestorTitles, assertion.title]),
      retries: Math.max(0, (assertion.invocations ?? 1) - 1),
      worker,
      ...(typeof line === 'number' ? { line } : {}),
    };
  });
  const perf = result.perfStats;
  const span = (start: number | undefined, end: number | undefined) =>
    typeof start === 'number' && typeof end === 'number' && end >= start ? end - start : 0;
  return {
    tests,
    file: {
      path: file,
      runtimeMs: Math.max(0, perf.runtime ?? 0),
      setupMs: span(perf.setupFilesStart, perf.setupFilesEnd) + span(perf.setupAfterEnvStart, perf.setupAfterEnvEnd),
      loadEnvironmentMs: span(perf.loadTestEnvironmentStart, perf.loadTestEnvironmentEnd),
      hookMs: workerRecord?.hookMs ?? 0,
      tags: fileTags,
      worker,
      execError: result.testExecError !== undefined && result.testExecError !== null,
      hooks: workerRecord?.hooks ?? [],
    },
  };
}
