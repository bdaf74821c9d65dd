import type { AssertionResult, TestResult } from '@jest/test-result';
import type { FileRecord, TestRecord, TestStatus, WorkerFileRecord } from '@jest-perf/core';
import { collectTags, describeId, testIdAndTags, uniqueTestIds } from '@jest-perf/core/recording';

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

/**
 * The describe paths of one file's results, each computed once. Jest lists a describe's tests one after
 * the other, so the last path is compared first, title by title, before a key is built for the others.
 */
class DescribeInfos {
  private readonly byKey = new Map<string, DescribeInfo>();
  private lastTitles: string[] = [];
  private last: DescribeInfo | undefined;

  constructor(
    private readonly file: string,
    private readonly fileTags: string[],
  ) {}

  of(ancestorTitles: string[]): DescribeInfo {
    if (this.last && sameTitles(ancestorTitles, this.lastTitles)) return this.last;
    // JSON: exact whatever the titles hold.
    const key = JSON.stringify(ancestorTitles);
    let info = this.byKey.get(key);
    if (!info) {
      info = { id: describeId(this.file, ancestorTitles), tags: collectTags(this.fileTags, ancestorTitles) };
      this.byKey.set(key, info);
    }
    this.lastTitles = ancestorTitles;
    this.last = info;
    return info;
  }
}

function sameTitles(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
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
  const describes = new DescribeInfos(file, fileTags);
  const tests = result.testResults.map((assertion, index): TestRecord => {
    const { ancestorTitles, title } = assertion;
    // Same as makeTestId(file, ancestorTitles, title) and collectTags(fileTags, [...ancestorTitles, title]).
    const describe = describes.of(ancestorTitles);
    const { id, tags } = testIdAndTags(describe.id, describe.tags, title);
    const record: TestRecord = {
      id,
      file,
      ancestorTitles,
      title,
      durationMs: Math.max(0, assertion.duration ?? 0),
      setupMs: setupMs?.[index] ?? 0,
      status: toStatus(assertion.status),
      tags,
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
