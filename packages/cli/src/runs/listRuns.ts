import * as path from 'node:path';
import { type DataPaths, isJestPerfError, listRunFiles, readRunFile } from '@jest-perf/core';

/** One stored run as `jest-perf runs` lists it. */
export interface RunEntry {
  /** How to name it on the command line: `latest`, `latest~1`, … */
  ref: string;
  runId: string;
  file: string;
  startedAt: string | null;
  commit: string | null;
  branch: string | null;
  tests: number | null;
  wallMs: number | null;
  status: 'passed' | 'failed' | 'incomplete' | 'unreadable';
  failed: number;
  /** Why the file could not be read, when it could not. */
  problem?: string;
}

/** The stored runs, newest first, at most `limit`; a file that does not read is listed as `unreadable`. */
export function listRuns(paths: DataPaths, limit: number): { runs: RunEntry[]; stored: number } {
  const files = listRunFiles(paths).reverse();
  return { runs: files.slice(0, limit).map((file, back) => entryOf(file, back)), stored: files.length };
}

function entryOf(file: string, back: number): RunEntry {
  const base = { ref: back === 0 ? 'latest' : `latest~${back}`, runId: path.basename(file, '.json'), file };
  try {
    const run = readRunFile(file);
    const status = run.incomplete ? 'incomplete' : run.summary.failed > 0 ? 'failed' : 'passed';
    return {
      ...base,
      startedAt: run.startedAt,
      commit: run.git?.commit ?? null,
      branch: run.git?.branch ?? null,
      tests: run.summary.total,
      wallMs: run.summary.wallMs,
      status,
      failed: run.summary.failed,
    };
  } catch (error) {
    if (!isJestPerfError(error)) throw error;
    const problem = error.message.split('\n')[0] ?? error.message;
    const none = { startedAt: null, commit: null, branch: null, tests: null, wallMs: null, failed: 0 };
    return { ...base, ...none, status: 'unreadable', problem };
  }
}
