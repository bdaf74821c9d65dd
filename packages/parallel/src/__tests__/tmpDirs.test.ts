import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTmpDirs, type LifecycleHooks, sanitizeName, type TmpDirsOptions } from '../tmpDirs';

let parent: string;
beforeEach(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-tmpdirs-'));
});
afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

/** Hooks that record what they were given, and a driver that runs them the way Jest does. */
function fakeJest(options: Partial<TmpDirsOptions> = {}) {
  const registered: Record<keyof LifecycleHooks, Array<() => void>> = { beforeEach: [], afterEach: [], afterAll: [] };
  const hooks: LifecycleHooks = {
    beforeEach: (fn) => registered.beforeEach.push(fn),
    afterEach: (fn) => registered.afterEach.push(fn),
    afterAll: (fn) => registered.afterAll.push(fn),
  };
  let current: string | undefined;
  const dirs = createTmpDirs({
    hooks,
    parent: () => parent,
    testName: () => current,
    fileName: () => 'report.test',
    env: { JEST_WORKER_ID: '3' },
    ...options,
  });
  const run = (kind: keyof LifecycleHooks) => {
    for (const fn of registered[kind]) fn();
  };
  return {
    dirs,
    registered,
    /** Runs one test: its beforeEach hooks, the body (even a throwing one, like Jest), its afterEach hooks. */
    test(name: string, body: () => void) {
      current = name;
      run('beforeEach');
      try {
        body();
      } catch {
        // Jest records the failure and still runs the afterEach hooks.
      }
      run('afterEach');
    },
    endFile: () => run('afterAll'),
  };
}

describe('createTmpDirs', () => {
  it('registers one beforeEach, afterEach and afterAll', () => {
    const jest = fakeJest();

    expect(Object.values(jest.registered).map((fns) => fns.length)).toEqual([1, 1, 1]);
  });

  it('makes a fresh empty folder per call, named after the worker and the test', () => {
    const jest = fakeJest();
    let made: string[] = [];

    jest.test('writes the Report (v2)!', () => {
      made = [jest.dirs.tmpDir(), jest.dirs.tmpDir({ name: 'Second one' })];
    });

    expect(made.map((dir) => path.dirname(dir))).toEqual([parent, parent]);
    expect(path.basename(made[0] as string)).toMatch(/^jest-perf-w3-writes-the-report-v2-[A-Za-z0-9]{6}$/);
    expect(path.basename(made[1] as string)).toMatch(/^jest-perf-w3-writes-the-report-v2-second-one-[A-Za-z0-9]{6}$/);
    expect(made.map((dir) => fs.readdirSync(dir))).toEqual([[], []]);
  });

  it("keeps a test's folder through its afterEach hooks and removes it when the next test starts", () => {
    const jest = fakeJest();
    let first = '';
    let seenBySecond: boolean | undefined;

    jest.test('first', () => {
      first = jest.dirs.tmpDir();
      fs.writeFileSync(path.join(first, 'out.txt'), 'x');
    });
    const afterFirst = fs.existsSync(first);
    jest.test('second', () => {
      seenBySecond = fs.existsSync(first);
    });

    expect(afterFirst).toBe(true);
    expect(seenBySecond).toBe(false);
  });

  it('removes the folder of a test that failed', () => {
    const jest = fakeJest();
    let dir = '';

    jest.test('fails', () => {
      dir = jest.dirs.tmpDir();
      throw new Error('boom');
    });
    jest.endFile();

    expect(fs.existsSync(dir)).toBe(false);
  });

  it('gives a folder made outside a test to the file: it lives through every test and goes after the last', () => {
    const jest = fakeJest();
    const fileDir = jest.dirs.tmpDir();
    const seen: boolean[] = [];
    let lastTestDir = '';

    jest.test('one', () => seen.push(fs.existsSync(fileDir)));
    jest.test('two', () => {
      seen.push(fs.existsSync(fileDir));
      lastTestDir = jest.dirs.tmpDir();
    });
    const beforeEnd = [fs.existsSync(fileDir), fs.existsSync(lastTestDir)];
    jest.endFile();

    expect(path.basename(fileDir)).toMatch(/^jest-perf-w3-report-test-/);
    expect(seen).toEqual([true, true]);
    expect(beforeEnd).toEqual([true, true]);
    expect([fs.existsSync(fileDir), fs.existsSync(lastTestDir)]).toEqual([false, false]);
    expect(jest.dirs.pending()).toEqual([]);
  });

  it('keeps every folder with JEST_PERF_KEEP_TMP=1 and lists them', () => {
    const lines: string[] = [];
    const jest = fakeJest({ env: { JEST_PERF_KEEP_TMP: '1', JEST_WORKER_ID: '1' }, log: (line) => lines.push(line) });
    let dir = '';

    jest.test('kept', () => {
      dir = jest.dirs.tmpDir();
    });
    jest.endFile();

    expect(fs.existsSync(dir)).toBe(true);
    expect(lines).toEqual([`jest-perf: kept 1 temp folder(s) (JEST_PERF_KEEP_TMP=1):\n  ${dir}`]);
  });

  it('without hooks, cleanup() removes every folder made so far', () => {
    const dirs = createTmpDirs({ parent: () => parent, testName: () => undefined, fileName: () => undefined, env: {} });
    const made = [dirs.tmpDir(), dirs.tmpDir()];

    expect(dirs.pending()).toEqual(made);
    expect(path.basename(made[0] as string)).toMatch(new RegExp(`^jest-perf-w${process.pid}-tmp-`));
    dirs.cleanup();

    expect(made.map((dir) => fs.existsSync(dir))).toEqual([false, false]);
    expect(dirs.pending()).toEqual([]);
  });
});

describe('sanitizeName', () => {
  it.each([
    ['writes the Report (v2)!', 'writes-the-report-v2'],
    ['  ../../etc/passwd  ', 'etc-passwd'],
    ['describe › nested › test @slow', 'describe-nested-test-slow'],
    ['ümlaut', 'mlaut'],
    ['***', ''],
    [`${'a'.repeat(40)} ${'b'.repeat(40)}`, `${'a'.repeat(40)}-${'b'.repeat(19)}`],
  ])('%j → %j', (name, expected) => {
    expect(sanitizeName(name)).toBe(expected);
  });
});
