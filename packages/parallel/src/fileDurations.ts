import * as fs from 'node:fs';
import {
  BUILD_BASELINE,
  type DataPaths,
  dataPaths,
  isJestPerfError,
  listRunFiles,
  loadConfig,
  type RunFile,
  readBaselineFile,
  readRunFile,
} from '@jest-perf/core';

/** Per-file overhead added to the baseline's test sums (environment, imports, beforeAll) when sharding. */
export const FILE_OVERHEAD_MS = 100;

export interface FileDurations {
  source: 'baseline' | 'latest run' | 'none';
  /** Root-relative POSIX path → expected duration. */
  durations: Map<string, number>;
}

/**
 * Expected duration of each test file. The newest whole run comes first: a merged CI run carried from
 * run to run (`jest-perf history import`) holds each file's runtime as of the last pipeline, where a
 * committed baseline can be months old. Every shard imports the same history file, so every shard computes
 * the same split. Not simply latest.json: after shard 1 ran, it holds only shard 1's files, and shard 2
 * would split differently — some files twice, some never. Without a whole run (a fresh CI checkout), the
 * committed baseline: every CI machine has the same copy. Its per-file runtimes are used when it has them
 * (they include environment, imports and beforeAll); older baselines give test sums plus a per-file overhead.
 */
export function loadFileDurations(rootDir: string): FileDurations {
  const paths = dataPaths(loadConfig(rootDir));
  const run = newestWholeRun(paths);
  if (run) return { source: 'latest run', durations: new Map(run.files.map((f) => [f.path, f.runtimeMs])) };
  if (fs.existsSync(paths.baseline)) {
    // A baseline of an older format plans as well; the check, not every shard, tells the user to migrate it.
    const { baseline } = readBaselineFile(paths.baseline, `recreate it with \`${BUILD_BASELINE}\``);
    const durations = new Map<string, number>();
    for (const test of Object.values(baseline.tests)) {
      durations.set(test.file, (durations.get(test.file) ?? FILE_OVERHEAD_MS) + test.durationMs);
    }
    for (const [file, { runtimeMs }] of Object.entries(baseline.files ?? {})) durations.set(file, runtimeMs);
    return { source: 'baseline', durations };
  }
  return { source: 'none', durations: new Map() };
}

/**
 * The newest whole run of runs/ (shards' runs skipped), else latest.json when it is a whole run. A run file
 * that cannot be read is passed over: a damaged history must not stop the tests (the CLI names it).
 */
function newestWholeRun(paths: DataPaths): RunFile | null {
  const files = listRunFiles(paths).reverse();
  if (fs.existsSync(paths.latest)) files.push(paths.latest);
  for (const file of files) {
    const run = readableRun(file);
    if (run?.shard === null) return run;
  }
  return null;
}

function readableRun(file: string): RunFile | null {
  try {
    return readRunFile(file);
  } catch (error) {
    if (isJestPerfError(error)) return null;
    throw error;
  }
}
