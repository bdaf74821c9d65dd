import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type DataPaths, dataPaths, loadConfig, type RunFile, saveRun, syncHistory } from '@jest-perf/core';
import { buildBaseline, writeBaseline } from '@jest-perf/regression';
import type { CliIo } from '../../io';
import { runCli } from '../../main';

/** A throw-away project folder (default config) and where its data lives. */
export interface TempProject {
  root: string;
  paths: DataPaths;
  /** Stores runs like the reporter does: runs/ and latest.json (the CLI derives history.arrow from runs/). */
  save(...runs: RunFile[]): void;
  /** A baseline from the given runs (or the whole history), as `jest-perf baseline` writes it. */
  baseline(runs?: RunFile[]): void;
  /** Writes a file under the root (folders created) and returns its absolute path. */
  write(file: string, text: string): string;
  read(file: string): string;
  remove(): void;
}

export function createProject(): TempProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cli-'));
  const config = loadConfig(root);
  const paths = dataPaths(config);
  return {
    root,
    paths,
    save: (...runs) => {
      for (const run of runs) saveRun(paths, run, 50);
    },
    baseline: (runs) => {
      const source = runs ?? { history: syncHistory(paths).history, fromHistory: 50 };
      writeBaseline(paths.baseline, buildBaseline(source, config));
    },
    write: (file, text) => {
      const absolute = path.join(root, file);
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      fs.writeFileSync(absolute, text);
      return absolute;
    },
    read: (file) => fs.readFileSync(path.resolve(root, file), 'utf8'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** What a CLI call printed and returned. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with a fake io rooted at `cwd`; env is exactly `env` (nothing from the real one). */
export async function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd, env, out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
