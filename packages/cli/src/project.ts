import * as path from 'node:path';
import {
  type DataPaths,
  dataPaths,
  type History,
  loadConfig,
  type ResolvedConfig,
  type RunFile,
  readLatestRun,
  readRunFile,
  syncHistory,
} from '@jest-perf/core';
import type { CliIo } from './io';
import { resolveRunRef } from './runs/runRef';

/** The project a command works on: its config and where its data lives. */
export interface Project {
  config: ResolvedConfig;
  paths: DataPaths;
}

export function openProject(root: string): Project {
  const config = loadConfig(path.resolve(root));
  return { config, paths: dataPaths(config) };
}

/**
 * The run a command looks at: `--run <ref>` (a run file, a run id, `latest` or `latest~N`; see
 * {@link resolveRunRef}) or the latest tracked run.
 */
export function loadRun(project: Project, runRef: string | undefined, cwd: string): RunFile {
  return runRef ? readRunFile(resolveRunRef(runRef, cwd, () => project.paths)) : readLatestRun(project.paths);
}

/**
 * The project's history, brought up to date from its run files first (see core's `syncHistory`);
 * a rebuilt history or a skipped run file is said once on stderr.
 */
export function loadHistory(project: Project, io: Pick<CliIo, 'err'>): History {
  const { history, recovered, skipped } = syncHistory(project.paths);
  if (recovered)
    io.err(`jest-perf: the history was unreadable; moved it to ${recovered} and rebuilt it from the run files`);
  for (const reason of skipped) io.err(`jest-perf: left a run file out of the history: ${reason}`);
  return history;
}
