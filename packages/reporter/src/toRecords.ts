import type { AssertionResult, TestResult } from '@jest/test-result';
import {
  collectTags,
  describeId,
  extendTestId,
  type FileRecord,
  type TestRecord,
  type TestStatus,
  uniqueTestIds,
  type WorkerFileRecord,
} from '@jest-perf/core';

function toStatus(status: AssertionResult['status']): TestStatus {
  if (status === 'passed' || status === 'failed' || status === 'todo') return status;
  if (status === 'focused') return 'passed';
  return 'skipped';
}

/** What the tests under one describe path share: a file repeats each path for many tests. */
interface DescribeInfo {
  /** `file › describe` (tags stripped), which each test's id extends with its title. */
  id: string;
  /** The file's tags and the describes' tags: a test adds its own title's to these. */
  tags: string[];
}

function describeInfo(
  cache: Map<string, DescribeInfo>,
  file: string,
  fileTags: string[],
  ancestorTitles: string[],
): DescribeInfo {
  // JSON: exact whatever the titles hold.
  const key = JSON.stringify(ancestorTitles);
  let info = cache.get(key);
  if (!info) {
    info = { id: describeId(file, ancestorTitles), tags: collectTags(fileTags, ancestorTitles) };
    cache.set(key, info);
  }
  return info;
}

/**
 * The environment's per-test setup times, which follow the order of Jest's results; none when the counts
 * differ (a result Jest built without running the file's tree), rather than times paired with wrong tests.
 */
function setupTimes(record: WorkerFileRecord | undefined, tests: number): number[] | undefined {
  return record?.testSetupMs.length === tests ? record.testSetupMs : undefined;
}

/** The environment's per-test CPU times, paired as {@link setupTimes} are. */
function cpuTimes(record: WorkerFileRecord | undefined, tests: number): number[] | undefined {
  return record?.testCpuMs?.length === tests ? record.testCpuMs : undefined;
}

/** One Jest file result (+ the environment's record of it, when there is one) as run-file records. */
export function toRecords(
  result: TestResult,
  file: string,
  workerRecord: WorkerFileRecord | undefined,
): { tests: TestRecord[]; file: FileRecord } {
  const fileTags = workerRecord?.fileTags ?? [];
  const worker = workerRecord?.worker ?? null;
  const setupMs = setupTimes(workerRecord, result.testResults.length);
  const cpuMs = cpuTimes(workerRecord, result.testResults.length);
  const describes = new Map<string, DescribeInfo>();
  const tests = result.testResults.map((assertion, index): TestRecord => {
    const { ancestorTitles, title } = assertion;
    const describe = describeInfo(describes, file, fileTags, ancestorTitles);
    const record: TestRecord = {
      // Same as makeTestId(file, ancestorTitles, title).
      id: extendTestId(describe.id, title),
      file,
      ancestorTitles,
      title,
      durationMs: Math.max(0, assertion.duration ?? 0),
      setupMs: setupMs?.[index] ?? 0,
      status: toStatus(assertion.status),
      // Same as collectTags(fileTags, [...ancestorTitles, title]): tags are kept once, in order.
      tags: collectTags(describe.tags, [title]),
      retries: Math.max(0, (assertion.invocations ?? 1) - 1),
      worker,
    };
    const line = assertion.location?.line;
    if (typeof line === 'number') record.line = line;
    const cpu = cpuMs?.[index];
    if (cpu !== undefined) record.cpuMs = cpu;
    return record;
  });
  // Two tests with the same title (or titles equal but for their tags) must not share an id.
  const ids = uniqueTestIds(tests.map((test) => test.id));
  tests.forEach((test, index) => {
    test.id = ids[index] as string;
  });
  const perf = result.perfStats;
  // Jest 29 reports neither span (its perfStats has no such fields): null, "not measured", rather than 0.
  const span = (start: number | undefined, end: number | undefined): number | null =>
    typeof start === 'number' && typeof end === 'number' ? Math.max(0, end - start) : null;
  const setupFiles = span(perf.setupFilesStart, perf.setupFilesEnd);
  const setupAfterEnv = span(perf.setupAfterEnvStart, perf.setupAfterEnvEnd);
  return {
    tests,
    file: {
      path: file,
      runtimeMs: Math.max(0, perf.runtime ?? 0),
      setupMs: setupFiles === null && setupAfterEnv === null ? null : (setupFiles ?? 0) + (setupAfterEnv ?? 0),
      loadEnvironmentMs: span(perf.loadTestEnvironmentStart, perf.loadTestEnvironmentEnd),
      hookMs: workerRecord?.hookMs ?? 0,
      tags: fileTags,
      worker,
      execError: result.testExecError !== undefined && result.testExecError !== null,
      hooks: workerRecord?.hooks ?? [],
      ...(workerRecord?.cpuMs !== undefined ? { cpuMs: workerRecord.cpuMs } : {}),
    },
  };
}
