import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JestPerfError } from '@jest-perf/core';
import { type EnvVarName, envValues, WORKER_DIR_ENV } from '@jest-perf/core/env';
import { resolveJestBin } from '../rerunFiles';
import { parseJestResults, type RunOutcome } from './jestResults';
import { type JestExit, type SpawnJest, spawnJest } from './spawnJest';

export interface FlakyRunOptions {
  /** Project root: Jest's cwd and the base of the test ids. */
  rootDir: string;
  /** One Jest run per seed, in order. */
  seeds: number[];
  /** Path of Jest's bin script; resolved from the project when omitted. */
  jestBin?: string;
  /** The user's Jest arguments (after `--`): options and test paths. */
  jestArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Starts Jest (default: a real child process). */
  spawn?: SpawnJest;
  /** Called after each run (progress output); `index` counts from 1. */
  onRun?(index: number, outcome: RunOutcome): void;
}

/** Jest's own arguments for one randomized run; the user's come last so their test paths stay positional. */
export function jestArgsFor(seed: number, outputFile: string, userArgs: string[]): string[] {
  return ['--ci', '--randomize', `--seed=${seed}`, '--json', `--outputFile=${outputFile}`, ...userArgs];
}

/**
 * The environment of each run: tracking off, so N randomized runs do not become N entries of the
 * project's run history, and no leftover output or worker folder of an outer tracked run.
 */
export function untrackedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  for (const name of ['JEST_PERF_OUTPUT', WORKER_DIR_ENV] satisfies EnvVarName[]) delete rest[name];
  return { ...rest, ...envValues({ JEST_PERF: false }) };
}

function noOutput(seed: number, exit: JestExit, reason: string): JestPerfError {
  const tail = exit.stderrTail.trim().split('\n').slice(-8).join('\n  ');
  return new JestPerfError('JEST_PERF_NO_RUN_DATA', `Jest ${reason} (seed ${seed}, Jest exit ${exit.status})`, {
    fix: `check that \`jest --randomize --seed=${seed}\` runs in the project; Jest said:\n  ${tail || '(nothing)'}`,
  });
}

function readOutput(file: string, seed: number, exit: JestExit): unknown {
  if (!fs.existsSync(file)) throw noOutput(seed, exit, 'wrote no --json results');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw noOutput(seed, exit, 'wrote --json results that are not valid JSON');
  }
}

/**
 * Runs Jest once per seed with `--randomize --seed=<seed> --json` and returns each run's outcome.
 * Failing tests do not stop the series; a run that produced no results does (there is nothing to count).
 * @throws JestPerfError `JEST_PERF_NO_RUN_DATA` with the tail of Jest's stderr.
 */
export async function runFlaky(options: FlakyRunOptions): Promise<RunOutcome[]> {
  const jestBin = options.jestBin ?? resolveJestBin(options.rootDir);
  const spawn = options.spawn ?? spawnJest;
  const env = untrackedEnv(options.env ?? process.env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-flaky-'));
  const outcomes: RunOutcome[] = [];
  try {
    for (const [i, seed] of options.seeds.entries()) {
      const outputFile = path.join(dir, `run-${i + 1}.json`);
      const args = jestArgsFor(seed, outputFile, options.jestArgs ?? []);
      const exit = await spawn({ jestBin, args, cwd: options.rootDir, env });
      const outcome = parseJestResults(readOutput(outputFile, seed, exit), options.rootDir, seed);
      if (outcome.files.length === 0) throw noOutput(seed, exit, 'ran no test files');
      outcomes.push(outcome);
      options.onRun?.(i + 1, outcome);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return outcomes;
}
