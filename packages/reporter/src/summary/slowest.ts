import type { RunFile } from '@jest-perf/core';
import { fileStartupMs, testTimeByFile } from '@jest-perf/core/recording';

/** One of the slowest tests: its time and, where recorded, the share of it spent on the CPU. */
export interface SlowTestRow {
  id: string;
  durationMs: number;
  /** CPU time over the test's time (its `beforeEach`/`afterEach` included); null when not recorded or no time. */
  cpuShare: number | null;
}

/** One of the slowest files and what its time went to, as shares of its runtime. */
export interface SlowFileRow {
  path: string;
  runtimeMs: number;
  /** Every hook of the file (`beforeAll` … `afterEach`). */
  hookShare: number;
  /** Time outside its tests and `beforeAll`/`afterAll` hooks: environment, setup files, imports. */
  startupShare: number;
  /** CPU time over runtime; null when not recorded. */
  cpuShare: number | null;
}

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** The `top` slowest tests that ran (passed or failed), slowest first. */
export function slowestTests(run: Pick<RunFile, 'tests'>, top: number): SlowTestRow[] {
  return run.tests
    .filter((test) => test.status === 'passed' || test.status === 'failed')
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, top)
    .map((test) => ({
      id: test.id,
      durationMs: test.durationMs,
      cpuShare: test.cpuMs === undefined || test.durationMs <= 0 ? null : share(test.cpuMs, test.durationMs),
    }));
}

/** The `top` slowest files that ran (not those that failed to run), slowest first. */
export function slowestFiles(run: Pick<RunFile, 'tests' | 'files'>, top: number): SlowFileRow[] {
  const testsMs = testTimeByFile(run.tests);
  return run.files
    .filter((file) => !file.execError)
    .sort((a, b) => b.runtimeMs - a.runtimeMs)
    .slice(0, top)
    .map((file) => ({
      path: file.path,
      runtimeMs: file.runtimeMs,
      hookShare: share(file.hookMs, file.runtimeMs),
      startupShare: share(fileStartupMs(file, testsMs.get(file.path) ?? 0), file.runtimeMs),
      cpuShare: file.cpuMs === undefined || file.runtimeMs <= 0 ? null : share(file.cpuMs, file.runtimeMs),
    }));
}
