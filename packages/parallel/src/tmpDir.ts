import { createTmpDirs, type LifecycleHooks, type TmpDirOptions, type TmpDirs } from './tmpDirs';

/**
 * A folder of the test's own, removed after it:
 * @example
 * import { tmpDir } from '@jest-perf/parallel/tmpDir';
 *
 * it('writes the report', () => {
 *   const dir = tmpDir(); // /tmp/jest-perf-w1-writes-the-report-a1B2c3
 *   writeReport(dir);
 *   expect(fs.readdirSync(dir)).toEqual(['report.json']);
 * });
 *
 * Importing this module registers a root-level beforeEach/afterEach/afterAll in the test file (like
 * @testing-library's auto-cleanup), so import it at the top of the file. A folder made in a test or
 * in a beforeEach/afterEach belongs to that test and is removed when the next test starts (so the
 * file's own afterEach hooks can still read it) or after the file's last test; one made in a
 * beforeAll, a describe body or at the top of the file belongs to the file and is removed after its
 * last test. A failed or timed-out test is cleaned up the same way. `JEST_PERF_KEEP_TMP=1` keeps every
 * folder and lists them on stderr.
 */

export { KEEP_TMP_ENV, type TmpDirOptions } from './tmpDirs';

/** Jest's hook globals, when this module is loaded in a test file. */
function jestHooks(): LifecycleHooks | undefined {
  const globals = globalThis as Partial<LifecycleHooks>;
  const { beforeEach, afterEach, afterAll } = globals;
  if (typeof beforeEach !== 'function' || typeof afterEach !== 'function' || typeof afterAll !== 'function') {
    return undefined;
  }
  return { beforeEach, afterEach, afterAll };
}

function createDefault(): TmpDirs {
  const hooks = jestHooks();
  if (hooks) {
    try {
      return createTmpDirs({ hooks });
    } catch {
      // Hooks cannot be added here (loaded lazily inside a test): fall back to removal at exit.
    }
  }
  const dirs = createTmpDirs();
  process.once('exit', () => dirs.cleanup());
  return dirs;
}

const defaultDirs = createDefault();

/**
 * A fresh, empty folder under `os.tmpdir()` for the running test, named after the test and the Jest
 * worker (`jest-perf-w2-writes-the-report-XXXXXX`) and removed after it; called in a beforeAll, a
 * describe body or at the top of the file, the folder belongs to the file and is removed after its
 * last test. `JEST_PERF_KEEP_TMP=1` keeps the folders for debugging (their paths go to stderr).
 */
export function tmpDir(options?: TmpDirOptions): string {
  return defaultDirs.tmpDir(options);
}

/** Removes every folder `tmpDir()` made in this test file so far (the hooks do it on their own). */
export function cleanupTmpDirs(): void {
  defaultDirs.cleanup();
}
