import * as fs from 'node:fs';
import {
  type DataPaths,
  dataPaths,
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
 * Expected duration of each test file. The committed baseline comes first: every CI machine has the same
 * copy, so every shard computes the same split. Its per-file runtimes are used when it has them (they
 * include environment, imports and beforeAll); older baselines give test sums plus a per-file overhead.
 * The newest whole (unsharded) run is the fallback for local use. Not simply latest.json: after shard 1
 * ran, it holds only shard 1's files, and shard 2 would split differently — some files twice, some never.
 */
export function loadFileDurations(rootDir: string): FileDurations {
  const paths = dataPaths(loadConfig(rootDir));
  if (fs.existsSync(paths.baseline)) {
    // A baseline of an older format plans as well; the check, not every shard, tells the user to migrate it.
    const { baseline } = readBaselineFile(paths.baseline, 'recreate it with `npx jest-perf baseline --from-history 5`');
    const durations = new Map<string, number>();
    for (const test of Object.values(baseline.tests)) {
      durations.set(test.file, (durations.get(test.file) ?? FILE_OVERHEAD_MS) + test.durationMs);
    }
    for (const [file, { runtimeMs }] of Object.entries(baseline.files ?? {})) durations.set(file, runtimeMs);
    return { source: 'baseline', durations };
  }
  const run = newestUnshardedRun(paths);
  if (run) return { source: 'latest run', durations: new Map(run.files.map((f) => [f.path, f.runtimeMs])) };
  return { source: 'none', durations: new Map() };
}

/** latest.json when it is a whole run, else the newest whole run of runs/ (shards' runs skipped). */
function newestUnshardedRun(paths: DataPaths): RunFile | null {
  if (fs.existsSync(paths.latest)) {
    const latest = readRunFile(paths.latest);
    if (latest.shard === null) return latest;
  }
  for (const file of listRunFiles(paths).reverse()) {
    const run = readRunFile(file);
    if (run.shard === null) return run;
  }
  return null;
}
