import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkerFileRecord } from '@jest-perf/core';

/** Set by the jest-perf reporter (main process) when tracking is on; workers inherit it. */
export { WORKER_DIR_ENV } from '@jest-perf/core/env';

/** `JEST_WORKER_ID` as a number; Jest sets it to 1 when running in band. */
export function currentWorkerId(env: NodeJS.ProcessEnv = process.env): number | null {
  const id = Number(env.JEST_WORKER_ID);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * Appends one file's record as a JSON line to this worker's own file. Append-only and one file per
 * process: a worker killed mid-run loses at most the file it was running, never the others' lines.
 * The reporter makes `workerDir` when the run starts and removes it when the run ends (or is
 * interrupted), so a missing folder means the run is over: a worker orphaned by a killed Jest drops its
 * record instead of leaving a folder under `tmp/` that no one will ever read. Returns whether it wrote.
 */
export function appendWorkerRecord(workerDir: string, record: WorkerFileRecord): boolean {
  const file = path.join(workerDir, `worker-${record.worker ?? 0}-${process.pid}.jsonl`);
  try {
    fs.appendFileSync(file, `${JSON.stringify(record)}\n`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
