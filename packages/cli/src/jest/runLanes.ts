import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JEST_PERF_CLI, type RunFile, readRunFile } from '@jest-perf/core';
import { type EnvAssignment, envValues, readEnv, SILENT_ENV } from '@jest-perf/core/env';
import { LANE_ENV, type Lane, SERIAL_TAG_ENV } from '@jest-perf/parallel';
import { usageError } from '../usageError';

/** Runs one Jest process and returns its exit code (spawned with inherited output by default). */
export type SpawnJest = (args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => number;

/** The test files one Jest call would run (`--listTests`), or null when Jest could not list them. */
export type ListJest = (args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => string[] | null;

export interface LanesOptions {
  cwd: string;
  jestBin: string;
  /** The user's Jest arguments, passed to both lanes. */
  jestArgs: string[];
  serialTag: string;
  env: NodeJS.ProcessEnv;
  spawn?: SpawnJest;
  list?: ListJest;
  /** Called before each lane runs, with the serial lane's files (null when they could not be listed). */
  onLane?(lane: Lane, serialFiles: string[] | null): void;
}

export interface LanesResult {
  /** The worst exit code of the lanes (0 when both passed). */
  exitCode: number;
  /** The lanes' run files, when the project tracks (JEST_PERF=1 or the reporter's `enabled` option). */
  runs: RunFile[];
}

/** Node running `args` with the terminal's output (Jest's own), its exit code (1 when killed by a signal). */
export const spawnInherit: SpawnJest = (args, options) =>
  spawnSync(process.execPath, args, { ...options, stdio: 'inherit' }).status ?? 1;

const listWithJest: ListJest = (args, options) => {
  const result = spawnSync(process.execPath, [...args, '--listTests', '--json'], {
    ...options,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const files: unknown = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
    return Array.isArray(files) && files.every((file) => typeof file === 'string') ? files : null;
  } catch {
    return null;
  }
};

/** Jest's `--filter` module that keeps each lane's files. */
export function laneFilterPath(): string {
  return require.resolve('@jest-perf/parallel/laneFilter');
}

/**
 * The serial lane: Jest runs the parallel-safe tests on all workers (serial tests skipped by tag), then
 * the serial tests in band (`--runInBand`, only the serial tag), as two Jest processes over the same
 * selection. Each lane writes a side run file when tracking is on; the caller merges them into one.
 * The serial lane's files are listed first (`jest --listTests`): with none, only the parallel lane runs.
 */
export function runLanes(options: LanesOptions): LanesResult {
  if (readEnv('JEST_PERF_ONLY_TAGS', options.env).length > 0) {
    throw usageError(
      'jest-perf test cannot combine JEST_PERF_ONLY_TAGS with its serial lane (the serial lane sets it)',
      `JEST_PERF_SKIP_TAGS=slow ${JEST_PERF_CLI} test   (or run jest directly for a tag-only run)`,
    );
  }
  const spawn = options.spawn ?? spawnInherit;
  const filter = `--filter=${laneFilterPath()}`;
  const skip = [...readEnv('JEST_PERF_SKIP_TAGS', options.env), options.serialTag];
  const lanes: { lane: Lane; args: string[]; env: EnvAssignment }[] = [
    { lane: 'parallel', args: [filter], env: { JEST_PERF_SKIP_TAGS: skip } },
    // Skips of the user still apply in band: a serial test tagged `slow` stays out of `test:fast`.
    { lane: 'serial', args: [filter, '--runInBand'], env: { JEST_PERF_ONLY_TAGS: [options.serialTag] } },
  ];
  const laneEnv = (lane: Lane) => ({
    ...options.env,
    [LANE_ENV]: lane,
    [SERIAL_TAG_ENV]: options.serialTag,
    // The lanes' reporter stays quiet: `jest-perf test` reports the merged run.
    [SILENT_ENV]: '1',
  });
  // Listed first so that a suite without serial tests does not start an empty lane ("No tests found").
  const serialFiles = (options.list ?? listWithJest)(
    [options.jestBin, ...withoutWorkerArgs(options.jestArgs), filter],
    {
      cwd: options.cwd,
      env: { ...laneEnv('serial'), JEST_PERF_ONLY_TAGS: options.serialTag },
    },
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-lanes-'));
  try {
    let exitCode = 0;
    const runs: RunFile[] = [];
    for (const { lane, args, env } of lanes) {
      if (lane === 'serial' && serialFiles?.length === 0) continue;
      options.onLane?.(lane, serialFiles);
      const output = path.join(dir, `${lane}.json`);
      const jestArgs = lane === 'serial' ? withoutWorkerArgs(options.jestArgs) : options.jestArgs;
      const status = spawn([options.jestBin, ...jestArgs, ...args, '--passWithNoTests'], {
        cwd: options.cwd,
        env: { ...laneEnv(lane), ...envValues({ ...env, JEST_PERF_OUTPUT: output }) },
      });
      exitCode = Math.max(exitCode, status);
      if (fs.existsSync(output)) runs.push(readRunFile(output));
    }
    return { exitCode, runs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const WORKER_FLAG = /^(?:--maxWorkers|--max-workers|-w)(?:=.*)?$|^-w\d+%?$|^(?:--runInBand|-i)$/;

/**
 * The user's Jest arguments without worker settings: Jest refuses `--runInBand` together with
 * `--maxWorkers`, and the serial lane is in band whatever the parallel lane uses.
 */
export function withoutWorkerArgs(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (!WORKER_FLAG.test(arg)) {
      kept.push(arg);
      continue;
    }
    // `--maxWorkers 2` / `-w 50%`: the value is the next argument.
    const takesValue = !arg.includes('=') && (arg === '--maxWorkers' || arg === '--max-workers' || arg === '-w');
    if (takesValue) index += 1;
  }
  return kept;
}
