import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateWith, type WorkerFileRecord, workerFileRecordSchema } from '@jest-perf/core';

export interface WorkerRecords {
  /** Keyed by absolute test path; the last record wins (a file re-run after a worker crash). */
  byTestPath: Map<string, WorkerFileRecord>;
  /** Lines that could not be used (a worker killed mid-write leaves a half line). */
  badLines: number;
}

/** Reads every per-worker JSON-lines file in `workerDir`, validating each line. */
export function readWorkerRecords(workerDir: string): WorkerRecords {
  const result: WorkerRecords = { byTestPath: new Map(), badLines: 0 };
  if (!fs.existsSync(workerDir)) return result;
  for (const name of fs.readdirSync(workerDir)) {
    if (!name.endsWith('.jsonl')) continue;
    const text = fs.readFileSync(path.join(workerDir, name), 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const record = validateWith<WorkerFileRecord>(workerFileRecordSchema, JSON.parse(line), {
          what: 'worker record',
          fix: 'none needed: jest-perf drops the line',
        });
        result.byTestPath.set(record.testPath, record);
      } catch {
        result.badLines += 1;
      }
    }
  }
  return result;
}
