import type { AssertionResult, TestResult } from '@jest/test-result';
import type { WorkerFileRecord } from '@jest-perf/core';
import { toRecords } from '../toRecords';

const FILE = 'src/math.test.ts';

function assertion(title: string, overrides: Partial<AssertionResult> = {}): AssertionResult {
  return { ancestorTitles: [], title, status: 'passed', duration: 10, ...overrides } as unknown as AssertionResult;
}

function result(assertions: AssertionResult[], overrides: Partial<TestResult> = {}): TestResult {
  return {
    testFilePath: `/repo/${FILE}`,
    testResults: assertions,
    perfStats: { runtime: 100 },
    ...overrides,
  } as unknown as TestResult;
}

function workerRecord(testSetupMs: number[], overrides: Partial<WorkerFileRecord> = {}): WorkerFileRecord {
  return {
    kind: 'file',
    testPath: `/repo/${FILE}`,
    worker: 3,
    fileTags: [],
    hookMs: 0,
    hooks: [],
    testSetupMs,
    counters: {},
    ...overrides,
  };
}

describe('toRecords', () => {
  it('turns a passing assertion into a test record with a tag-free id', () => {
    const { tests } = toRecords(
      result([assertion('adds @fast', { ancestorTitles: ['Math'], duration: 12.5, location: { line: 7, column: 3 } })]),
      FILE,
      undefined,
    );

    expect(tests).toEqual([
      {
        id: 'src/math.test.ts › Math › adds',
        file: FILE,
        ancestorTitles: ['Math'],
        title: 'adds @fast',
        durationMs: 12.5,
        setupMs: 0,
        status: 'passed',
        tags: ['fast'],
        retries: 0,
        worker: null,
        line: 7,
      },
    ]);
  });

  it.each([
    ['passed', 'passed'],
    ['failed', 'failed'],
    ['todo', 'todo'],
    ['skipped', 'skipped'],
    ['pending', 'skipped'],
    ['disabled', 'skipped'],
    ['focused', 'passed'],
  ] as const)('maps Jest status %s to %s', (jestStatus, status) => {
    const { tests } = toRecords(result([assertion('t', { status: jestStatus })]), FILE, undefined);

    expect(tests[0]?.status).toBe(status);
  });

  it('reads a missing or negative duration as 0', () => {
    const { tests } = toRecords(
      result([assertion('a', { duration: null }), assertion('b', { duration: -5 })]),
      FILE,
      undefined,
    );

    expect(tests.map((t) => t.durationMs)).toEqual([0, 0]);
  });

  it('leaves the line out when Jest did not report a location', () => {
    const { tests } = toRecords(result([assertion('a', { location: null })]), FILE, undefined);

    expect(tests[0]).not.toHaveProperty('line');
  });

  it('counts retries from invocations', () => {
    const { tests } = toRecords(
      result([assertion('a', { invocations: 3 }), assertion('b', { invocations: 1 }), assertion('c')]),
      FILE,
      undefined,
    );

    expect(tests.map((t) => t.retries)).toEqual([2, 0, 0]);
  });

  it("takes setupMs and the worker from the environment's record, by position in Jest's results", () => {
    const { tests } = toRecords(
      result([assertion('adds'), assertion('adds', { ancestorTitles: ['Math'] }), assertion('adds')]),
      FILE,
      workerRecord([9, 4, 0.5]),
    );

    expect(tests.map((t) => [t.setupMs, t.worker])).toEqual([
      [9, 3],
      [4, 3],
      [0.5, 3],
    ]);
  });

  it('gives tests with the same title, or titles equal but for their tags, distinct ids', () => {
    const { tests } = toRecords(result([assertion('x'), assertion('x @slow'), assertion('x')]), FILE, undefined);

    expect(tests.map((t) => t.id)).toEqual([`${FILE} › x`, `${FILE} › x #2`, `${FILE} › x #3`]);
    expect(tests[1]?.tags).toEqual(['slow']);
  });

  it("takes each test's CPU time from the record by position, and the file's", () => {
    const { tests, file } = toRecords(
      result([assertion('a'), assertion('b')]),
      FILE,
      workerRecord([0, 0], { testCpuMs: [12, 0.5], cpuMs: 40 }),
    );
    const unmeasured = toRecords(result([assertion('a')]), FILE, workerRecord([0]));

    expect(tests.map((t) => t.cpuMs)).toEqual([12, 0.5]);
    expect(file.cpuMs).toBe(40);
    expect(unmeasured.tests[0]).not.toHaveProperty('cpuMs');
    expect(unmeasured.file).not.toHaveProperty('cpuMs');
  });

  it('pairs no setup time when the record lists a different number of tests than Jest reported', () => {
    // Shifted by one, the times would land on the wrong tests: none is better than wrong ones.
    const fewer = toRecords(result([assertion('a'), assertion('b')]), FILE, workerRecord([7]));
    const more = toRecords(result([assertion('a')]), FILE, workerRecord([7, 8]));

    expect(fewer.tests.map((t) => t.setupMs)).toEqual([0, 0]);
    expect(more.tests.map((t) => t.setupMs)).toEqual([0]);
    expect(fewer.tests[0]?.worker).toBe(3);
  });

  it('merges file tags with describe and title tags, once each', () => {
    const worker = workerRecord([], { fileTags: ['serial', 'slow'] });

    const { tests, file } = toRecords(
      result([assertion('loads @slow @real_llm', { ancestorTitles: ['db @integration'] })]),
      FILE,
      worker,
    );

    expect(tests[0]?.tags).toEqual(['serial', 'slow', 'integration', 'real_llm']);
    expect(file.tags).toEqual(['serial', 'slow']);
  });

  it('gives each test the id and tags of its own describe path when paths alternate (nested describes)', () => {
    const { tests } = toRecords(
      result([
        assertion('a', { ancestorTitles: ['db @integration'] }),
        assertion('b @slow', { ancestorTitles: ['db @integration', 'reads'] }),
        assertion('c', { ancestorTitles: ['db @integration'] }),
        assertion('d', { ancestorTitles: ['db'] }),
        assertion('e', { ancestorTitles: ['db @integration', 'reads'] }),
      ]),
      FILE,
      undefined,
    );

    expect(tests.map((test) => [test.id, test.tags])).toEqual([
      [`${FILE} › db › a`, ['integration']],
      [`${FILE} › db › reads › b`, ['integration', 'slow']],
      [`${FILE} › db › c`, ['integration']],
      // Tags stripped, the same id as the first test's path: ids stay distinct by title.
      [`${FILE} › db › d`, []],
      [`${FILE} › db › reads › e`, ['integration']],
    ]);
  });

  it("builds the file record from Jest's perfStats spans and the worker's hooks", () => {
    const hooks: WorkerFileRecord['hooks'] = [
      { type: 'beforeAll', describePath: [], calls: 1, totalMs: 30, maxMs: 30, line: 4 },
    ];
    const perfStats = {
      runtime: 250,
      setupFilesStart: 10,
      setupFilesEnd: 15,
      setupAfterEnvStart: 20,
      setupAfterEnvEnd: 27,
      loadTestEnvironmentStart: 1,
      loadTestEnvironmentEnd: 9,
    } as unknown as TestResult['perfStats'];

    const { file } = toRecords(result([], { perfStats }), FILE, workerRecord([], { hookMs: 30, hooks }));

    expect(file).toEqual({
      path: FILE,
      runtimeMs: 250,
      setupMs: 12,
      loadEnvironmentMs: 8,
      hookMs: 30,
      tags: [],
      worker: 3,
      execError: false,
      hooks,
    });
  });

  it('records the spans Jest 29 does not report as null (not measured), not 0', () => {
    // Jest 29's perfStats: no setupFiles, setupAfterEnv or loadTestEnvironment spans.
    const perfStats = { start: 1000, end: 1250, runtime: 250, slow: false } as unknown as TestResult['perfStats'];

    const { file } = toRecords(result([], { perfStats }), FILE, undefined);

    expect(file.runtimeMs).toBe(250);
    expect(file.setupMs).toBeNull();
    expect(file.loadEnvironmentMs).toBeNull();
  });

  it('reads half or backwards perfStats spans as 0, and one measured setup span as the setup time', () => {
    const perfStats = {
      setupFilesStart: 10,
      setupAfterEnvStart: 30,
      setupAfterEnvEnd: 20,
      loadTestEnvironmentStart: 12,
      loadTestEnvironmentEnd: 9,
    } as unknown as TestResult['perfStats'];

    const { file } = toRecords(result([], { perfStats }), FILE, undefined);

    expect([file.runtimeMs, file.setupMs, file.loadEnvironmentMs, file.hookMs]).toEqual([0, 0, 0, 0]);
    expect(file.hooks).toEqual([]);
    expect(file.worker).toBeNull();
  });

  it('marks a file that failed to run', () => {
    const failed = toRecords(result([], { testExecError: { message: 'SyntaxError', stack: '' } }), FILE, undefined);
    const ok = toRecords(result([], { testExecError: undefined }), FILE, undefined);

    expect(failed.file.execError).toBe(true);
    expect(ok.file.execError).toBe(false);
  });
});
