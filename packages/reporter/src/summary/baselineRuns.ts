import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunFile } from '@jest-perf/core';

/**
 * Whether `jest-perf baseline` builds from this run without `--force`: complete, with a passing test and no
 * failed one (the cli's baseline command refuses the others).
 */
export function isBaselineSource(run: Pick<RunFile, 'incomplete' | 'summary'>): boolean {
  return !run.incomplete && run.summary.failed === 0 && run.summary.passed > 0;
}

/** What a stored run file says of its run; null when it does not read as a run file. */
function readSource(file: string): Pick<RunFile, 'incomplete' | 'summary'> | null {
  try {
    const run = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RunFile> | null;
    const ok =
      typeof run?.incomplete === 'boolean' &&
      typeof run.summary?.failed === 'number' &&
      typeof run.summary.passed === 'number';
    return ok ? (run as RunFile) : null;
  } catch {
    return null;
  }
}

/**
 * How many of the newest stored runs in a row `baseline --from-history` builds from (see {@link isBaselineSource}),
 * at most `max`: it takes the newest runs and refuses a window holding a failing or incomplete one, so a run
 * before such a run does not count. `runFiles` are the stored run files, oldest first, `run`'s among them. A file
 * that does not read as a run is passed over, as the history leaves it out. Older files are read only while
 * the count goes on (the reporter asks only while there is no baseline).
 */
export function baselineRunsInARow(run: RunFile, runFiles: readonly string[], max: number): number {
  if (!isBaselineSource(run)) return 0;
  const own = `${run.runId}.json`;
  let count = 1;
  for (let i = runFiles.length - 1; i >= 0 && count < max; i -= 1) {
    const file = runFiles[i] as string;
    if (path.basename(file) === own) continue;
    const older = readSource(file);
    if (older === null) continue;
    if (!isBaselineSource(older)) break;
    count += 1;
  }
  return count;
}
