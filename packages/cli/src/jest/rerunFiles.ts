import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JestPerfError, type RunFile, readRunFile } from '@jest-perf/core';
import { envValues } from '@jest-perf/core/env';

export interface RerunOptions {
  rootDir: string;
  /** Root-relative test files to run. */
  files: string[];
  times: number;
  /** Path of Jest's bin script; resolved from the project when omitted. */
  jestBin?: string;
  /** Extra Jest arguments (after `--` on the jest-perf command line). */
  jestArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Called before each rerun (progress output). */
  onRerun?(index: number): void;
}

/** Jest's bin script as seen from the project. Jest 30's `exports` map only exposes it as `jest/bin/jest`. */
export function resolveJestBin(
  rootDir: string,
  resolve: (request: string, options: { paths: string[] }) => string = require.resolve,
): string {
  try {
    return resolve('jest/bin/jest', { paths: [rootDir] });
  } catch {
    // Older Jest versions have no exports map: the file path itself resolves.
  }
  try {
    return resolve('jest/bin/jest.js', { paths: [rootDir] });
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_USAGE', `cannot find Jest from ${rootDir}`, {
      fix: 'install jest in the project, or pass --jest-bin path/to/jest.js',
      cause,
    });
  }
}

/**
 * Runs only `files` again, `times` times, each tracked into its own side run file (`JEST_PERF_OUTPUT`),
 * so the project's latest run and history stay as they were. Test failures do not stop the reruns:
 * a failed test simply gives no duration.
 */
export function rerunFiles(options: RerunOptions): RunFile[] {
  const jestBin = options.jestBin ?? resolveJestBin(options.rootDir);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-confirm-'));
  const runs: RunFile[] = [];
  try {
    for (let index = 1; index <= options.times; index += 1) {
      options.onRerun?.(index);
      const output = path.join(dir, `rerun-${index}.json`);
      const result = spawnSync(
        process.execPath,
        [jestBin, '--ci', ...(options.jestArgs ?? []), '--runTestsByPath', ...options.files],
        {
          cwd: options.rootDir,
          env: { ...(options.env ?? process.env), ...envValues({ JEST_PERF: true, JEST_PERF_OUTPUT: output }) },
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
        },
      );
      if (!fs.existsSync(output)) {
        const tail = (result.stderr ?? '').trim().split('\n').slice(-5).join('\n  ');
        throw new JestPerfError(
          'JEST_PERF_NO_RUN_DATA',
          `rerun ${index} wrote no run file (Jest exit ${result.status})`,
          {
            fix: `check that Jest runs these files with the jest-perf preset; Jest said:\n  ${tail}`,
          },
        );
      }
      runs.push(readRunFile(output));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}
