import * as path from 'node:path';
import {
  type DataPaths,
  dataPaths,
  loadConfig,
  type ResolvedConfig,
  type RunFile,
  readLatestRun,
  readRunFile,
} from '@jest-perf/core';

/** The project a command works on: its config and where its data lives. */
export interface Project {
  config: ResolvedConfig;
  paths: DataPaths;
}

export function openProject(root: string): Project {
  const config = loadConfig(path.resolve(root));
  return { config, paths: dataPaths(config) };
}

/** The run a command looks at: `--run <file>` or the latest tracked run. */
export function loadRun(project: Project, runFile: string | undefined, cwd: string): RunFile {
  return runFile ? readRunFile(path.resolve(cwd, runFile)) : readLatestRun(project.paths);
}
