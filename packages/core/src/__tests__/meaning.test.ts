import { JestPerfError } from '../errors';
import { assertMeaning, baselineProblem, runFileProblem } from '../meaning';
import type { Baseline, RunFile, TestRecord } from '../types';

function test(id: string, durationMs = 10): TestRecord {
  return {
    id,
    file: 'a.test.ts',
    ancestorTitles: [],
    title: id,
    durationMs,
    setupMs: 0,
    status: 'passed',
    tags: [],
    retries: 0,
    worker: 1,
  };
}

function run(tests: TestRecord[] = [test('a › x'), test('a › y')]): RunFile {
  return {
    schemaVersion: 1,
    runId: 'r1',
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:01.000Z',
    jestVersion: '30.5.2',
    nodeVersion: 'v20.0.0',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, totalMemoryMb: 1024 },
    git: null,
    shard: null,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30_000,
    tests,
    files: [],
    summary: {
      total: tests.length,
      passed: tests.length,
      failed: 0,
      skipped: 0,
      slowCount: 0,
      totalDurationMs: 20,
      averageDurationMs: 10,
      hookMs: 0,
      wallMs: 1000,
    },
    counters: {},
  };
}

const stats = { median: 10, mad: 1, samples: 3, min: 9, max: 12 };

function baseline(overrides: Partial<Baseline> = {}): Baseline {
  return {
    schemaVersion: 2,
    createdAt: '2026-01-01T00:00:00.000Z',
    source: { runIds: ['r1'], commit: null },
    overrides: { tests: {}, files: {} },
    slowTestMs: 30_000,
    slowCount: 0,
    tests: { 'a › x': { file: 'a.test.ts', durationMs: 10, stats } },
    suites: {},
    ...overrides,
  };
}

describe('runFileProblem', () => {
  it('accepts a run whose numbers agree', () => {
    expect(runFileProblem(run())).toBeNull();
  });

  it('names a repeated test id', () => {
    expect(runFileProblem(run([test('a › x'), test('a › x')]))).toEqual([
      '/tests/1/id',
      'repeats the id "a › x": ids must be unique',
    ]);
  });

  it('names a run that ends before it starts', () => {
    expect(runFileProblem({ ...run(), endedAt: '2025-12-31T00:00:00.000Z' })?.[0]).toBe('/endedAt');
  });

  it('names totals that do not add up', () => {
    const r = run();
    expect(runFileProblem({ ...r, summary: { ...r.summary, total: 5 } })?.[0]).toBe('/summary/total');
    expect(runFileProblem({ ...r, summary: { ...r.summary, passed: 1 } })?.[0]).toBe('/summary');
    expect(runFileProblem({ ...r, summary: { ...r.summary, slowCount: 3 } })?.[0]).toBe('/summary/slowCount');
  });

  it('names durations no suite could take', () => {
    expect(runFileProblem(run([test('a › x', 1e300)]))?.[0]).toBe('/tests/0/durationMs');
  });
});

describe('baselineProblem', () => {
  it('accepts a sane baseline', () => {
    expect(baselineProblem(baseline())).toBeNull();
  });

  it('refuses a baseline without tests: every check against it would pass', () => {
    expect(baselineProblem(baseline({ tests: {} }))).toEqual(['/tests', 'is empty: every check against it would pass']);
  });

  it('accepts overrides of the tests and test files it has', () => {
    expect(
      baselineProblem(baseline({ overrides: { tests: { 'a › x': 0.5 }, files: { 'a.test.ts': 0.3 } } })),
    ).toBeNull();
  });

  it('refuses an override threshold that no change could ever pass', () => {
    expect(baselineProblem(baseline({ overrides: { tests: { 'a › x': 1e308 }, files: {} } }))?.[0]).toBe(
      '/overrides/tests/"a › x"',
    );
    expect(baselineProblem(baseline({ overrides: { tests: {}, files: { 'a.test.ts': 1e308 } } }))?.[0]).toBe(
      '/overrides/files/"a.test.ts"',
    );
  });

  it('refuses an override of a test or file it does not have: a typo would apply to nothing', () => {
    expect(baselineProblem(baseline({ overrides: { tests: { 'a › typo': 0.5 }, files: {} } }))).toEqual([
      '/overrides/tests/"a › typo"',
      'names no test of the baseline (test ids read `path/to/a.test.ts › describe › title`)',
    ]);
    expect(baselineProblem(baseline({ overrides: { tests: {}, files: { 'b.test.ts': 0.5 } } }))?.[1]).toBe(
      'names no test file of the baseline (root-relative)',
    );
  });

  it('refuses statistics that contradict themselves, such as a MAD of 1e300', () => {
    const tests = { 'a › x': { file: 'a.test.ts', durationMs: 10, stats: { ...stats, mad: 1e300 } } };
    expect(baselineProblem(baseline({ tests }))?.[0]).toBe('/tests/"a › x"/stats/mad');
    const outside = { 'a › x': { file: 'a.test.ts', durationMs: 10, stats: { ...stats, median: 50 } } };
    expect(baselineProblem(baseline({ tests: outside }))?.[0]).toBe('/tests/"a › x"/stats/median');
  });
});

describe('assertMeaning', () => {
  it('throws a file-invalid error naming the field and the fix', () => {
    expect(() => assertMeaning(['/tests', 'is empty'], 'baseline', '/p/baseline.json', 'rebuild it')).toThrow(
      new JestPerfError('JEST_PERF_FILE_INVALID', 'Invalid baseline: field /tests is empty', {
        file: '/p/baseline.json',
        fix: 'rebuild it',
      }),
    );
    expect(() => assertMeaning(null, 'baseline', undefined, 'x')).not.toThrow();
  });
});
