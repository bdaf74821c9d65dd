import {
  type DataPaths,
  JestPerfError,
  listRunFiles,
  type RunFile,
  readRunFile,
  TRACK_FIRST_FIX,
} from '@jest-perf/core';

/**
 * The newest `count` stored run files, oldest first: what `check --last N` compares (run files, not the
 * history index, so files, hooks and CPU times are judged too).
 * @throws JestPerfError `JEST_PERF_USAGE` when `count` is not a positive integer; `JEST_PERF_NO_RUN_DATA`
 * when no run is stored.
 */
export function newestRuns(paths: DataPaths, count: number): RunFile[] {
  if (!(Number.isInteger(count) && count > 0)) {
    throw new JestPerfError('JEST_PERF_USAGE', `The number of runs should be a positive integer, got ${count}`, {
      fix: 'pass how many of the newest runs to compare, e.g. --last 3',
    });
  }
  const files = listRunFiles(paths);
  if (files.length === 0) {
    throw new JestPerfError('JEST_PERF_NO_RUN_DATA', `No stored run in ${paths.runsDir}`, {
      fix: TRACK_FIRST_FIX,
    });
  }
  return files.slice(-count).map(readRunFile);
}
