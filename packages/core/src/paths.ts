import * as path from 'node:path';
import type { ResolvedConfig } from './types';

/** The data folder, under the project's root, unless jest-perf.config.json sets `dataDir`. */
export const DEFAULT_DATA_DIR = '.jest-perf';

/**
 * The default data folder as a Jest `modulePathIgnorePatterns` entry: the preset and `withJestPerf` add it
 * (and `jest-perf init` for JSON configs), since a run file seen by Jest's file map makes the next run process
 * changed files, and in watch mode starts another run.
 */
export const DATA_DIR_PATTERN = `<rootDir>/${DEFAULT_DATA_DIR.replace('.', '\\.')}/`;

/** `modulePathIgnorePatterns` with {@link DATA_DIR_PATTERN} added once: the same array when it holds it already. */
export function ignoringDataDir<T>(patterns: readonly T[]): readonly (T | string)[] {
  return patterns.includes(DATA_DIR_PATTERN as T) ? patterns : [...patterns, DATA_DIR_PATTERN];
}

/** Where each data file lives, all under the config's `dataDir`. */
export interface DataPaths {
  dataDir: string;
  runsDir: string;
  latest: string;
  history: string;
  /** Per-worker files of the runs in progress. */
  workerDir: string;
  baseline: string;
  /** Last `jest-perf flaky` report. */
  flaky: string;
  /** The fixture cache's default folder (`@jest-perf/fixture-cache`). */
  cacheDir: string;
}

export function dataPaths(config: Pick<ResolvedConfig, 'rootDir' | 'dataDir' | 'baselinePath'>): DataPaths {
  const dataDir = path.resolve(config.rootDir, config.dataDir);
  return {
    dataDir,
    runsDir: path.join(dataDir, 'runs'),
    latest: path.join(dataDir, 'latest.json'),
    history: path.join(dataDir, 'history.arrow'),
    workerDir: path.join(dataDir, 'tmp'),
    baseline: path.resolve(config.rootDir, config.baselinePath),
    flaky: path.join(dataDir, 'flaky.json'),
    cacheDir: path.join(dataDir, 'cache'),
  };
}

/** Root-relative POSIX path, the same on every machine (CI and local agree). */
export function relativePosix(rootDir: string, file: string): string {
  return path.relative(rootDir, file).split(path.sep).join('/');
}

/**
 * A path as a person at `cwd` can use it: relative when it lies inside `cwd`, absolute otherwise (a
 * `../../tmp/x` climb says less than `/tmp/x`).
 */
export function pathFromCwd(cwd: string, file: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}
