import { fork } from 'node:child_process';
import * as path from 'node:path';
import { median } from './measure';

/** One cold key, `processes` processes asking for it at once: how many built it, and the wall time until all had it. */
async function oneRun(
  dir: string,
  rows: number,
  lock: boolean,
  processes: number,
): Promise<{ builds: number; wallMs: number }> {
  const start = performance.now();
  let builds = 0;
  const exits = Array.from({ length: processes }, () => {
    const child = fork(path.join(__dirname, 'lockChild.js'), [JSON.stringify({ dir, rows, lock })], { execArgv: [] });
    child.on('message', (message: { built: number }) => (builds += message.built));
    return new Promise<number | null>((resolve) => child.on('exit', resolve));
  });
  const codes = await Promise.all(exits);
  if (codes.some((code) => code !== 0))
    throw new Error(`a lock benchmark process failed (exit codes ${codes.join(', ')})`);
  return { builds, wallMs: performance.now() - start };
}

/**
 * Medians over `runs` runs, each in a fresh folder (`folder(mode, run)`), with and without the lock.
 * The modes alternate (and swap order every run) so both see the same background load.
 */
export async function lockBench(
  folder: (mode: string, run: number) => string,
  options: { rows: number; processes: number; runs: number },
): Promise<{ mode: 'lock' | 'no lock'; builds: number; wallMs: number; buildList: number[] }[]> {
  const samples = {
    lock: [] as { builds: number; wallMs: number }[],
    'no lock': [] as { builds: number; wallMs: number }[],
  };
  for (let run = 0; run < options.runs; run += 1) {
    const order = run % 2 === 0 ? [true, false] : [false, true];
    for (const lock of order) {
      const result = await oneRun(folder(lock ? 'lock' : 'nolock', run), options.rows, lock, options.processes);
      samples[lock ? 'lock' : 'no lock'].push(result);
    }
  }
  return (['lock', 'no lock'] as const).map((mode) => ({
    mode,
    builds: median(samples[mode].map((r) => r.builds)),
    wallMs: median(samples[mode].map((r) => r.wallMs)),
    buildList: samples[mode].map((r) => r.builds),
  }));
}
