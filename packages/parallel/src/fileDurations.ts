import * as fs from 'node:fs';
import { type Baseline, baselineSchema, dataPaths, loadConfig, readRunFile, readValidatedJson } from '@jest-perf/core';

/** Per-file overhead added to the baseline's test sums (environment, imports, beforeAll) when sharding. */
export const FILE_OVERHEAD_MS = 100;

export interface FileDurations {
  source: 'baseline' | 'latest run' | 'none';
  /** Root-relative POSIX path → expected duration. */
  durations: Map<string, number>;
}

/**
 * Expected duration of each test file. The committed baseline comes first: every CI machine has the same
 * copy, so every shard computes the same split. The latest run is the fallback for local use.
 */
export function loadFileDurations(rootDir: string): FileDurations {
  const paths = dataPaths(loadConfig(rootDir));
  if (fs.existsSync(paths.baseline)) {
    const baseline = readValidatedJson<Baseline>(paths.baseline, baselineSchema, {
      what: 'baseline',
      fix: 'recreate it with `jest-perf baseline --from-history 5`',
    });
    const durations = new Map<string, number>();
    for (const test of Object.values(baseline.tests)) {
      durations.set(test.file, (durations.get(test.file) ?? FILE_OVERHEAD_MS) + test.durationMs);
    }
    return { source: 'baseline', durations };
  }
  if (fs.existsSync(paths.latest)) {
    const run = readRunFile(paths.latest);
    return { source: 'latest run', durations: new Map(run.files.map((f) => [f.path, f.runtimeMs])) };
  }
  return { source: 'none', durations: new Map() };
}
