import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { JestPerfError } from '../errors';
import { readHistory, rewriteHistory } from '../history';
import type { RunFile, TestRecord, TestStatus } from '../types';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
  file = path.join(dir, 'history.arrow');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function test(id: string, durationMs: number, status: TestStatus = 'passed', testFile = 'a.test.ts'): TestRecord {
  return {
    id,
    file: testFile,
    ancestorTitles: [],
    title: id,
    durationMs,
    setupMs: 0,
    status,
    tags: [],
    retries: 0,
    worker: 1,
  };
}

/** Only the fields the history reads matter; the rest is a minimal valid shape. */
function run(runId: string, tests: TestRecord[], commit: string | null = null): RunFile {
  return {
    runId,
    startedAt: `2026-01-0${runId.slice(-1)}T00:00:00.000Z`,
    git: commit === null ? null : { commit, branch: 'main' },
    tests,
  } as unknown as RunFile;
}

function catchError(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JestPerfError) return error;
    throw error;
  }
  throw new Error('expected a JestPerfError, nothing was thrown');
}

describe('readHistory', () => {
  it('reads a missing file as an empty history', () => {
    const history = readHistory(file);

    expect(history.runs).toEqual([]);
    expect(history.tests.size).toBe(0);
  });

  it('rejects a file that is not Arrow as JEST_PERF_FILE_CORRUPT with a fix', () => {
    fs.writeFileSync(file, 'not arrow at all');

    const error = catchError(() => readHistory(file));

    expect(error.code).toBe('JEST_PERF_FILE_CORRUPT');
    expect(error.file).toBe(file);
    expect(error.message).toContain('delete history.arrow');
  });

  it('rejects an Arrow file missing a column, naming the column', () => {
    const table = tableFromArrays({
      runId: ['r1'],
      startedAt: ['2026-01-01T00:00:00.000Z'],
      commit: [''],
      testId: ['t'],
      file: ['a.test.ts'],
      durationMs: Float64Array.from([1]),
    });
    fs.writeFileSync(file, tableToIPC(table, 'file'));

    const error = catchError(() => readHistory(file));

    expect(error.code).toBe('JEST_PERF_FILE_INVALID');
    expect(error.message).toContain("run history has no column 'status'");
  });
});

/** Adds a run to the history file the way the reporter's history sync does: every run kept, this one last. */
function addRun(file: string, run: RunFile): void {
  const old = fs.existsSync(file) ? readHistory(file) : null;
  rewriteHistory(file, new Set((old?.runs ?? []).map((r) => r.runId)), [run], old?.sources);
}

describe('rewriteHistory and readHistory', () => {
  it('round-trips runs and per-test series, oldest run first', () => {
    addRun(file, run('r1', [test('t1', 10), test('t2', 20, 'failed', 'b.test.ts')], 'abc123'));
    addRun(file, run('r2', [test('t1', 12)]));

    const history = readHistory(file);

    expect(history.runs).toEqual([
      { runId: 'r1', startedAt: '2026-01-01T00:00:00.000Z', commit: 'abc123' },
      { runId: 'r2', startedAt: '2026-01-02T00:00:00.000Z', commit: null },
    ]);
    const t1 = history.tests.get('t1');
    expect(t1?.file).toBe('a.test.ts');
    expect([...(t1?.durationsMs ?? [])]).toEqual([10, 12]);
    expect(t1?.statuses).toEqual(['passed', 'passed']);
    expect(history.tests.get('t2')?.file).toBe('b.test.ts');
  });

  it('stores NaN and a null status where a test did not run', () => {
    addRun(file, run('r1', [test('old', 5)]));
    addRun(file, run('r2', [test('new', 7)]));

    const history = readHistory(file);

    expect([...(history.tests.get('old')?.durationsMs ?? [])]).toEqual([5, Number.NaN]);
    expect(history.tests.get('old')?.statuses).toEqual(['passed', null]);
    expect([...(history.tests.get('new')?.durationsMs ?? [])]).toEqual([Number.NaN, 7]);
    expect(history.tests.get('new')?.statuses).toEqual([null, 'passed']);
  });

  it('leaves skipped and todo tests out', () => {
    addRun(file, run('r1', [test('ran', 3), test('skip', 0, 'skipped'), test('todo', 0, 'todo')]));

    expect([...readHistory(file).tests.keys()]).toEqual(['ran']);
  });

  it('refuses to add to a corrupt history', () => {
    fs.writeFileSync(file, 'garbage');

    expect(() => addRun(file, run('r1', [test('t', 1)]))).toThrow(JestPerfError);
    expect(fs.readFileSync(file, 'utf8')).toBe('garbage');
  });
});
