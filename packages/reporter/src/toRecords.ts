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

/** A describe path's key and tags, shared by the tests under it (a file repeats each path many times). */
interface DescribeInfo {
  /** JSON of the titles: exact whatever the titles hold, and self-delimiting, so a title can follow. */
  key: string;
  /** The file's tags and the describes' tags: a test adds its own title's to these. */
  tags: string[];
}

function describeInfo(cache: Map<string, DescribeInfo>, fileTags: string[], ancestorTitles: string[]): DescribeInfo {
  const key = JSON.stringify(ancestorTitles);
  let info = cache.get(key);
  if (!info) {
    info = { key, tags: collectTags(fileTags, ancestorTitles) };
    cache.set(key, info);
  }
  return info;
}

/** Queues of the environment's per-test records by title path (the same title may repeat). */
function indexWorkerTests(record: WorkerFileRecord | undefined): Map<string, WorkerTestRecord[]> {
  const index = new Map<string, WorkerTestRecord[]>();
  for (const test of record?.tests ?? []) {
    const key = JSON.stringify(test.ancestorTitles) + JSON.stringify(test.title);
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
  const describes = new Map<string, DescribeInfo>();
  const tests = result.testResults.map((assertion): TestRecord => {
    const { ancestorTitles, title } = assertion;
    const describe = describeInfo(describes, fileTags, ancestorTitles);
    const fromWorker = workerTests.get(describe.key + JSON.stringify(title))?.shift();
    const record: TestRecord = {
      id: makeTestId(file, ancestorTitles, title),
      file,
      ancestorTitles,
      title,
      durationMs: Math.max(0, assertion.duration ?? 0),
      setupMs: fromWorker?.setupMs ?? 0,
      status: toStatus(assertion.status),
      // Same as collectTags(fileTags, [...ancestorTitles, title]): tags are kept once, in order.
      tags: collectTags(describe.tags, [title]),
      retries: Math.max(0, (assertion.invocations ?? 1) - 1),
      worker,
    };
    const line = assertion.location?.line;
    if (typeof line === 'number') record.line = line;
    return record;
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
