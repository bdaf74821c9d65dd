import { spawn } from 'node:child_process';

/** One Jest process to start: `node <jestBin> <args>` in `cwd`. */
export interface JestInvocation {
  jestBin: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface JestExit {
  /** Exit code, or null when a signal ended Jest. */
  status: number | null;
  /** The end of what Jest wrote to stderr, for an error message. */
  stderrTail: string;
}

/** Starts Jest and resolves when it exits; injected in tests to feed canned results. */
export type SpawnJest = (invocation: JestInvocation) => Promise<JestExit>;

// Jest prints every file's result to stderr: a big suite writes megabytes, and only the end explains a crash.
const TAIL_CHARS = 8_000;

/** The real {@link SpawnJest}: stdout is ignored, stderr kept as a bounded tail. */
export const spawnJest: SpawnJest = (invocation) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [invocation.jestBin, ...invocation.args], {
      cwd: invocation.cwd,
      env: invocation.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-TAIL_CHARS);
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderrTail: tail }));
  });
