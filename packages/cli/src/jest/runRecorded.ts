import * as fs from 'node:fs';
import * as path from 'node:path';
import { JEST_PERF_CLI } from '@jest-perf/core';
import { readEnv } from '@jest-perf/core/env';
import { planInit } from '../init/planInit';
import { openProject } from '../project';

/**
 * Jest options after which it runs no test (or runs until the user stops it, and records each run then):
 * a `track` with one of them is not expected to leave a new run behind.
 */
const NO_RUN_OPTIONS = new Set([
  '--listTests',
  '--showConfig',
  '--clearCache',
  '--version',
  '-v',
  '--help',
  '-h',
  '--init',
  '--watch',
  '--watchAll',
]);

/** What a tracked run leaves behind: `latest.json`, replaced atomically (a new file) by the reporter. */
export interface RunMark {
  latest: string;
  /** File identity and size; null when there is no latest.json. */
  stamp: string | null;
}

function stampOf(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return null;
  }
}

/**
 * Where the run of `jest-perf track` should land, read before Jest starts; null when no run is expected
 * there (a side file by JEST_PERF_OUTPUT, an option that runs no test) or the project's jest-perf config
 * cannot be read (the reporter then says why itself).
 */
export function markBeforeRun(root: string, jestArgs: readonly string[], env: NodeJS.ProcessEnv): RunMark | null {
  if (readEnv('JEST_PERF_OUTPUT', env)) return null;
  if (jestArgs.some((arg) => NO_RUN_OPTIONS.has(arg.split('=')[0] as string))) return null;
  try {
    const { latest } = openProject(root).paths;
    return { latest, stamp: stampOf(latest) };
  } catch {
    return null;
  }
}

/** Whether Jest's run left a new latest.json (the reporter ran and recorded it). */
export function runWasRecorded(mark: RunMark): boolean {
  const now = stampOf(mark.latest);
  return now !== null && now !== mark.stamp;
}

/**
 * Whether the project's Jest config uses jest-perf, as `jest-perf init` reads it, and what to call that
 * config; null when it cannot tell.
 */
function configWired(root: string): { wired: boolean; config: string } | null {
  try {
    const plan = planInit(root);
    if (plan.kind !== 'plan') return null;
    const { kind, file } = plan.config;
    const config =
      kind === 'none'
        ? 'this project has no Jest config, so it'
        : kind === 'package-json'
          ? 'package.json#jest'
          : path.relative(root, file);
    return { wired: plan.configWired, config };
  } catch {
    return null;
  }
}

/** Why `jest-perf track` recorded no run, and the fix: the error line it prints. */
export function noRunRecorded(root: string, jestArgs: readonly string[]): string {
  const head = 'jest-perf: Jest ran, but no run was recorded';
  // --config/-c names another config than the one init reads.
  const ownConfig = !jestArgs.some((arg) => /^(--config|-c)(=|$)/.test(arg));
  const wiring = ownConfig ? configWired(root) : null;
  if (wiring && !wiring.wired) {
    return (
      `${head}: ${wiring.config} does not use jest-perf.\n` +
      `  Fix: ${JEST_PERF_CLI} init   (wires it into your Jest config; --dry-run shows the change), then track again.`
    );
  }
  return (
    `${head}: jest-perf's reporter did not run or found no test.\n` +
    `  Fix: check that Jest found tests, that no --reporters option replaces the config's reporters, and that the ` +
    `config Jest used is wired (${JEST_PERF_CLI} init --dry-run shows what is missing).`
  );
}
