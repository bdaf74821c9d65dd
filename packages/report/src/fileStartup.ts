import { type FileRecord, fileStartupMs, type RunFile, testTimeByFile } from '@jest-perf/core';
import { formatDuration } from '@jest-perf/regression';

/** One file's time outside its tests and `beforeAll`/`afterAll` hooks: setup files, transform, module loading. */
export interface FileStartup {
  file: string;
  runtimeMs: number;
  startupMs: number;
  /** `startupMs / runtimeMs`. */
  share: number;
  /** Of the start-up, the project's setup files (null when Jest does not report them). */
  setupFilesMs: number | null;
  advice: string;
}

export interface StartupReport {
  /** Start-up summed over every file that ran. */
  totalMs: number;
  /** Runtime summed over the same files. */
  runtimeMs: number;
  /** The files with the most start-up, most first. */
  files: FileStartup[];
}

/** Advice for start-up that is not setup files; one line, right for any transformer (babel-jest, ts-jest, …). */
export const IMPORT_ADVICE =
  'transform and module loading: use a faster transformer such as @swc/jest (with ts-jest, `isolatedModules: true`); mock or lazy-load heavy imports';

function adviceFor(startupMs: number, setupFilesMs: number | null): string {
  // Setup files run inside the file's runtime: when they are most of the start-up, they are the thing to trim.
  if (setupFilesMs !== null && setupFilesMs >= startupMs / 2) {
    return `setup files take ${formatDuration(setupFilesMs)}: trim setupFiles/setupFilesAfterEnv or load their helpers lazily`;
  }
  return IMPORT_ADVICE;
}

function fileStartup(file: FileRecord, testsMs: number): FileStartup {
  const startupMs = fileStartupMs(file, testsMs);
  const setupFilesMs = file.setupMs === null ? null : Math.min(file.setupMs, startupMs);
  return {
    file: file.path,
    runtimeMs: file.runtimeMs,
    startupMs,
    share: file.runtimeMs > 0 ? startupMs / file.runtimeMs : 0,
    setupFilesMs,
    advice: adviceFor(startupMs, setupFilesMs),
  };
}

/** Every file's start-up in a run (files that failed to run left out), the `top` largest listed. */
export function startupReport(run: RunFile, top: number): StartupReport {
  const testsMs = testTimeByFile(run.tests);
  const all = run.files.filter((f) => !f.execError).map((f) => fileStartup(f, testsMs.get(f.path) ?? 0));
  return {
    totalMs: all.reduce((sum, f) => sum + f.startupMs, 0),
    runtimeMs: all.reduce((sum, f) => sum + f.runtimeMs, 0),
    files: all
      .filter((f) => f.startupMs > 0)
      .sort((a, b) => b.startupMs - a.startupMs)
      .slice(0, top),
  };
}
