import * as path from 'node:path';
import type { AggregatedResult, AssertionResult, TestResult } from '@jest/test-result';
import { type RunFile, runFileSchema, validateWith, type WorkerFileRecord } from '@jest-perf/core';
import { buildRun, buildRunFile, type MergedFile, mergeFile, type RunContext } from '../buildRunFile';
import type { WorkerRecords } from '../readWorkerRecords';

const ROOT = path.resolve('/repo');

function assertion(title: string, status: AssertionResult['status'], duration: number): AssertionResult {
  return { ancestorTitles: [], title, status, duration } as unknown as AssertionResult;
}

function fileResult(file: string, assertions: AssertionResult[], overrides: Partial<TestResult> = {}): TestResult {
  return {
    testFilePath: path.join(ROOT, file),
    testResults: assertions,
    perfStats: { runtime: 100 },
    ...overrides,
  } as unknown as TestResult;
}

function aggregated(results: TestResult[], wasInterrupted = false): AggregatedResult {
  return { testResults: results, wasInterrupted } as unknown as AggregatedResult;
}

function workers(records: WorkerFileRecord[] = [], badLines = 0): WorkerRecords {
  return { byTestPath: new Map(records.map((r) => [r.testPath, r])), badLines };
}

function workerRecord(file: string, overrides: Partial<WorkerFileRecord> = {}): WorkerFileRecord {
  return {
    kind: 'file',
    testPath: path.join(ROOT, file),
    worker: 1,
    fileTags: [],
    hookMs: 0,
    hooks: [],
    testSetupMs: [],
    counters: {},
    ...overrides,
  };
}

function context(overrides: Partial<RunContext> = {}): RunContext {
  return {
    runId: '2026-01-01T00-00-00-000Z-abcd',
    rootDir: ROOT,
    startedAt: new Date('2026-01-01T00:00:00.000Z'),
    endedAt: new Date('2026-01-01T00:00:02.500Z'),
    jestVersion: '30.5.2',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, totalMemoryMb: 4096 },
    git: { commit: 'abc', branch: 'main' },
    shard: { index: 1, count: 2 },
    slowTestMs: 100,
    exclude: [],
    ...overrides,
  };
}

describe('buildRunFile', () => {
  it('builds a run file that matches the run file schema, with the run context', () => {
    const run = buildRunFile(
      aggregated([fileResult('a.test.ts', [assertion('x', 'passed', 5)])]),
      workers(),
      context(),
    );

    expect(validateWith<RunFile>(runFileSchema, run, { what: 'run file', fix: '-' })).toBe(run);
    expect(run).toMatchObject({
      schemaVersion: 1,
      runId: '2026-01-01T00-00-00-000Z-abcd',
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: '2026-01-01T00:00:02.500Z',
      jestVersion: '30.5.2',
      nodeVersion: process.version,
      git: { commit: 'abc', branch: 'main' },
      shard: { index: 1, count: 2 },
      slowTestMs: 100,
      incomplete: false,
      incompleteReasons: [],
    });
    expect(run.tests[0]?.file).toBe('a.test.ts');
  });

  it('sums the summary over tests that ran, counting todo as skipped and slow as over slowTestMs', () => {
    const results = aggregated([
      fileResult('a.test.ts', [assertion('p1', 'passed', 50), assertion('p2', 'passed', 150)]),
      fileResult('b/b.test.ts', [
        assertion('f', 'failed', 100),
        assertion('s', 'pending', 0),
        assertion('t', 'todo', 0),
      ]),
    ]);
    const records = workers([workerRecord('a.test.ts', { hookMs: 7 }), workerRecord('b/b.test.ts', { hookMs: 3 })]);

    const run = buildRunFile(results, records, context());

    expect(run.summary).toEqual({
      total: 5,
      passed: 2,
      failed: 1,
      skipped: 2,
      slowCount: 1,
      totalDurationMs: 300,
      averageDurationMs: 100,
      hookMs: 10,
      wallMs: 2500,
    });
    expect(run.files.map((f) => f.path)).toEqual(['a.test.ts', 'b/b.test.ts']);
  });

  it('averages to 0 and never reports a negative wall time', () => {
    const run = buildRunFile(
      aggregated([fileResult('a.test.ts', [assertion('s', 'skipped', 0)])]),
      workers(),
      context({ endedAt: new Date('2025-12-31T23:59:59.000Z') }),
    );

    expect(run.summary.averageDurationMs).toBe(0);
    expect(run.summary.wallMs).toBe(0);
  });

  it('leaves out files whose root-relative path matches an exclude regex', () => {
    const results = aggregated([
      fileResult('e2e/flow.test.ts', [assertion('x', 'passed', 1)]),
      fileResult('src/unit.test.ts', [assertion('y', 'passed', 1)]),
    ]);
    const records = workers([workerRecord('e2e/flow.test.ts', { counters: { cache: { hits: 5 } } })]);

    const run = buildRunFile(results, records, context({ exclude: [/^e2e\//] }));

    expect(run.files.map((f) => f.path)).toEqual(['src/unit.test.ts']);
    expect(run.tests.map((t) => t.title)).toEqual(['y']);
    expect(run.counters).toEqual({});
  });

  it('marks the run incomplete, naming the file, when a file failed to run', () => {
    const results = aggregated([
      fileResult('src/broken.test.ts', [], {
        testExecError: { message: 'SyntaxError: Unexpected token\n  at line 3', stack: '' },
      }),
    ]);

    const run = buildRunFile(results, workers(), context());

    expect(run.incomplete).toBe(true);
    expect(run.incompleteReasons).toEqual(['src/broken.test.ts: SyntaxError: Unexpected token']);
  });

  it('strips the terminal colours of a compile error before cutting its first line', () => {
    // ts-jest's diagnostic as Jest passes it on: coloured with ANSI escapes.
    const message =
      '\u001b[96mbad.test.ts\u001b[0m:\u001b[93m1\u001b[0m:\u001b[93m7\u001b[0m - \u001b[91merror\u001b[0m' +
      "\u001b[90m TS2322: \u001b[0mType 'string' is not assignable to type 'number'.\n\n" +
      "\u001b[7m1\u001b[0m const x: number = 'a';\n";
    const results = aggregated([fileResult('bad.test.ts', [], { testExecError: { message, stack: '' } })]);

    const run = buildRunFile(results, workers(), context());

    expect(run.incompleteReasons).toEqual([
      "bad.test.ts: bad.test.ts:1:7 - error TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
  });

  it('keeps the first line with text when the exec error starts with a blank or colour-only line', () => {
    const message = "\u001b[31m\u001b[0m\n  Cannot find module 'x' from 'a.test.ts'\n";
    const results = aggregated([fileResult('a.test.ts', [], { testExecError: { message, stack: '' } })]);

    expect(buildRunFile(results, workers(), context()).incompleteReasons).toEqual([
      "a.test.ts: Cannot find module 'x' from 'a.test.ts'",
    ]);
  });

  it('says "failed to run" when the exec error has no message', () => {
    const results = aggregated([
      fileResult('src/killed.test.ts', [], { testExecError: {} as unknown as TestResult['testExecError'] }),
    ]);

    expect(buildRunFile(results, workers(), context()).incompleteReasons).toEqual([
      'src/killed.test.ts: failed to run',
    ]);
  });

  it('marks an interrupted run incomplete', () => {
    const run = buildRunFile(aggregated([], true), workers(), context());

    expect(run.incomplete).toBe(true);
    expect(run.incompleteReasons).toEqual(['the run was interrupted']);
  });

  it('marks the run incomplete when worker record lines were unreadable', () => {
    const run = buildRunFile(aggregated([]), workers([], 2), context());

    expect(run.incompleteReasons).toEqual(['2 unreadable worker record line(s)']);
  });

  it('names the first unreadable worker line and its problem', () => {
    const records = { ...workers([], 3), firstBadLine: 'worker-1-7.jsonl line 4: not valid JSON' };

    const run = buildRunFile(aggregated([]), records, context());

    expect(run.incompleteReasons).toEqual([
      '3 unreadable worker record line(s) (first: worker-1-7.jsonl line 4: not valid JSON)',
    ]);
  });

  it('sums counters across files', () => {
    const results = aggregated([fileResult('a.test.ts', []), fileResult('b.test.ts', []), fileResult('c.test.ts', [])]);
    const records = workers([
      workerRecord('a.test.ts', { counters: { fixtureCache: { hits: 2, misses: 1 } } }),
      workerRecord('b.test.ts', { counters: { fixtureCache: { hits: 3 }, llmMock: { calls: 4 } } }),
    ]);

    const run = buildRunFile(results, records, context());

    expect(run.counters).toEqual({ fixtureCache: { hits: 5, misses: 1 }, llmMock: { calls: 4 } });
  });
});

describe('files merged while the run went on', () => {
  it('reuses a file merged from the same result and worker record', () => {
    const result = fileResult('a.test.ts', [assertion('x', 'passed', 5)]);
    const record = workerRecord('a.test.ts');
    const early = mergeFile(result, record, 'a.test.ts');
    const merged = new Map<string, MergedFile>([[result.testFilePath, early]]);

    const run = buildRunFile(aggregated([result]), workers([record]), context(), merged);

    expect(run.tests[0]).toBe(early.records.tests[0]);
    expect(run.files[0]).toBe(early.records.file);
  });

  it('merges again when the worker record changed since (a later line for the same file)', () => {
    const result = fileResult('a.test.ts', [assertion('x', 'passed', 5)]);
    const early = mergeFile(result, workerRecord('a.test.ts', { hookMs: 1 }), 'a.test.ts');
    const merged = new Map<string, MergedFile>([[result.testFilePath, early]]);

    const run = buildRunFile(
      aggregated([result]),
      workers([workerRecord('a.test.ts', { hookMs: 9 })]),
      context(),
      merged,
    );

    expect(run.files[0]?.hookMs).toBe(9);
  });

  it('builds the same run file with or without them', () => {
    const results = aggregated([
      fileResult('a.test.ts', [assertion('x', 'passed', 5)]),
      fileResult('b.test.ts', [assertion('y', 'failed', 7)]),
    ]);
    const records = workers([workerRecord('a.test.ts', { hookMs: 2 }), workerRecord('b.test.ts')]);
    const first = results.testResults[0]!;
    const merged = new Map<string, MergedFile>([
      [first.testFilePath, mergeFile(first, records.byTestPath.get(first.testFilePath), 'a.test.ts')],
    ]);

    expect(buildRunFile(results, records, context(), merged)).toEqual(buildRunFile(results, records, context()));
  });
});

describe("the tests' JSON, built as files are merged", () => {
  it('is the JSON of run.tests, whether files were merged early, again, excluded or had no test', () => {
    const a = fileResult('a.test.ts', [assertion('x "quoted"', 'passed', 5), assertion('y', 'failed', 7)]);
    const empty = fileResult('empty.test.ts', []);
    const b = fileResult('b.test.ts', [assertion('z', 'passed', 1)]);
    const skipped = fileResult('vendor/c.test.ts', [assertion('w', 'passed', 1)]);
    const records = workers([workerRecord('a.test.ts'), workerRecord('b.test.ts', { hookMs: 9 })]);
    const merged = new Map<string, MergedFile>([
      [a.testFilePath, mergeFile(a, records.byTestPath.get(a.testFilePath), 'a.test.ts')],
      // Merged from an older worker record: merged again at the end.
      [b.testFilePath, mergeFile(b, workerRecord('b.test.ts', { hookMs: 1 }), 'b.test.ts')],
    ]);

    const { run, testsJson } = buildRun(
      aggregated([a, empty, b, skipped]),
      records,
      { ...context(), exclude: [/^vendor\//] },
      merged,
    );

    expect(run.tests.map((test) => test.title)).toEqual(['x "quoted"', 'y', 'z']);
    expect(`[${testsJson.map((piece) => piece.toString('utf8')).join(',')}]`).toBe(JSON.stringify(run.tests));
    expect(run).toEqual(
      buildRunFile(aggregated([a, empty, b, skipped]), records, { ...context(), exclude: [/^vendor\//] }),
    );
  });

  it('is empty for a run without tests', () => {
    expect(buildRun(aggregated([]), workers(), context()).testsJson).toEqual([]);
  });
});
