import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EnvSource, type EnvVarName, readEnv } from '@jest-perf/core/env';

/**
 * Per-test temp folders and their cleanup, without side effects: `tmpDir.ts` makes the instance a
 * test file uses (registered with Jest's hooks when it is imported); `createTmpDirs` makes one with
 * the hooks you pass (another runner, or tests of the cleanup itself).
 */

export const KEEP_TMP_ENV = 'JEST_PERF_KEEP_TMP' satisfies EnvVarName;

export interface TmpDirOptions {
  /** Words added to the folder name after the test's name (to tell several folders of one test apart). */
  name?: string;
}

/** The Jest hooks the cleanup registers with (the globals in a test file). */
export interface LifecycleHooks {
  beforeEach(fn: () => void): void;
  afterEach(fn: () => void): void;
  afterAll(fn: () => void): void;
}

export interface TmpDirsOptions {
  /** Hooks to register the cleanup with; without them, folders are removed by `cleanup()` or when the process exits. */
  hooks?: LifecycleHooks;
  /** Where folders are made (default `os.tmpdir()`, read when each one is made). */
  parent?: () => string;
  /** Name of the running test; undefined outside a test (default: Jest's `expect.getState().currentTestName`). */
  testName?: () => string | undefined;
  /** Name of the test file (default: from Jest's `expect.getState().testPath`). */
  fileName?: () => string | undefined;
  /** Environment read for `JEST_PERF_KEEP_TMP` and `JEST_WORKER_ID` (default `process.env`). */
  env?: EnvSource;
  /** Where the list of kept folders goes (default stderr). */
  log?: (line: string) => void;
}

export interface TmpDirs {
  /** A fresh, empty folder for the running test (or for the file, outside a test). */
  tmpDir(options?: TmpDirOptions): string;
  /** Removes every folder made so far (or lists them, with JEST_PERF_KEEP_TMP=1). */
  cleanup(): void;
  /** Folders made and not removed yet. */
  pending(): string[];
}

interface JestExpectState {
  currentTestName?: string;
  testPath?: string;
}

function jestState(): JestExpectState {
  const expect = (globalThis as { expect?: { getState?: () => JestExpectState } }).expect;
  try {
    return expect?.getState?.() ?? {};
  } catch {
    return {};
  }
}

/** Lower-case words of a name, safe in a file name on every OS, at most 60 characters. */
export function sanitizeName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 60).replace(/-+$/, '');
}

function removeFolder(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  } catch {
    // A folder still in use (Windows) must not fail the test that already passed; it stays in the temp dir.
  }
}

/** A set of per-test folders with its own cleanup: the module-level `tmpDir` is one, registered with Jest's hooks. */
export function createTmpDirs(options: TmpDirsOptions = {}): TmpDirs {
  const env = options.env ?? process.env;
  const parent = options.parent ?? (() => os.tmpdir());
  const testName = options.testName ?? (() => jestState().currentTestName);
  const fileName =
    options.fileName ??
    (() => {
      const testPath = jestState().testPath;
      return testPath === undefined ? undefined : path.basename(testPath).replace(/\.[cm]?[jt]sx?$/, '');
    });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  /** Whether a test (with its beforeEach/afterEach) is running; only known when the hooks are registered. */
  let inTest = false;
  /** Folders of the running test. */
  let testDirs: string[] = [];
  /** Folders of finished tests, removed when the next test starts or the file ends. */
  let finishedDirs: string[] = [];
  /** Folders of the file (beforeAll, describe body, top level). */
  let fileDirs: string[] = [];

  const keep = () => readEnv(KEEP_TMP_ENV, env);

  const remove = (dirs: string[]) => {
    if (dirs.length === 0) return;
    if (keep()) {
      log(`jest-perf: kept ${dirs.length} temp folder(s) (${KEEP_TMP_ENV}=1):\n  ${dirs.join('\n  ')}`);
      return;
    }
    for (const dir of dirs) removeFolder(dir);
  };

  const tmpDirs: TmpDirs = {
    tmpDir(tmpOptions = {}) {
      const owner = inTest ? testName() : fileName();
      const worker = env.JEST_WORKER_ID ?? String(process.pid);
      const words = [owner ?? 'tmp', tmpOptions.name ?? ''].map(sanitizeName).filter((word) => word !== '');
      const dir = fs.mkdtempSync(path.join(parent(), `jest-perf-w${worker}-${words.join('-') || 'tmp'}-`));
      (inTest ? testDirs : fileDirs).push(dir);
      return dir;
    },
    cleanup() {
      const all = [...finishedDirs, ...testDirs, ...fileDirs];
      finishedDirs = [];
      testDirs = [];
      fileDirs = [];
      remove(all);
    },
    pending: () => [...finishedDirs, ...testDirs, ...fileDirs],
  };

  if (options.hooks) {
    const hooks = options.hooks;
    hooks.beforeEach(() => {
      const finished = finishedDirs;
      finishedDirs = [];
      remove(finished);
      inTest = true;
    });
    hooks.afterEach(() => {
      finishedDirs.push(...testDirs);
      testDirs = [];
      inTest = false;
    });
    hooks.afterAll(() => tmpDirs.cleanup());
  }
  return tmpDirs;
}
