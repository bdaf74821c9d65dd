import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { JestPerfError } from './errors';
import type { RunFile, TestStatus } from './types';

/** One run as the history remembers it. */
export interface HistoryRun {
  runId: string;
  startedAt: string;
  commit: string | null;
}

/** One test's durations over the runs of the history (`NaN` where it did not run). */
export interface TestSeries {
  file: string;
  /** Index i is `history.runs[i]`. */
  durationsMs: Float64Array;
  statuses: (TestStatus | null)[];
}

/** The last N runs, oldest first, columnar so 10k tests × 200 runs stays cheap to query. */
export interface History {
  runs: HistoryRun[];
  tests: Map<string, TestSeries>;
}

/** Flat rows: one per (run, test). Stored as an Arrow IPC file (dictionary-encoded strings). */
interface HistoryColumns {
  runId: string[];
  startedAt: string[];
  commit: string[];
  testId: string[];
  file: string[];
  durationMs: number[];
  status: string[];
}

const COLUMNS: (keyof HistoryColumns)[] = ['runId', 'startedAt', 'commit', 'testId', 'file', 'durationMs', 'status'];

function emptyColumns(): HistoryColumns {
  return { runId: [], startedAt: [], commit: [], testId: [], file: [], durationMs: [], status: [] };
}

// apache-arrow is only loaded when the history is touched, never on Jest's startup path.
function arrow(): typeof import('apache-arrow') {
  return require('apache-arrow') as typeof import('apache-arrow');
}

function readColumns(file: string): HistoryColumns {
  const { tableFromIPC } = arrow();
  let table: import('apache-arrow').Table;
  try {
    table = tableFromIPC(fs.readFileSync(file));
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_FILE_CORRUPT', 'run history is not a readable Arrow file', {
      file,
      fix: `delete ${path.basename(file)} (the history restarts from the next tracked run)`,
      cause,
    });
  }
  const columns = emptyColumns();
  for (const name of COLUMNS) {
    const vector = table.getChild(name);
    if (!vector) {
      throw new JestPerfError('JEST_PERF_FILE_INVALID', `run history has no column '${name}'`, {
        file,
        fix: `delete ${path.basename(file)} (the history restarts from the next tracked run)`,
      });
    }
    (columns[name] as unknown[]) = Array.from(vector.toArray() as ArrayLike<unknown>);
  }
  return columns;
}

/** Reads the history; a missing file is an empty history. @throws JestPerfError when corrupt. */
export function readHistory(file: string): History {
  const history: History = { runs: [], tests: new Map() };
  if (!fs.existsSync(file)) return history;
  const c = readColumns(file);
  const runIndex = new Map<string, number>();
  for (let i = 0; i < c.runId.length; i += 1) {
    const runId = c.runId[i] as string;
    if (!runIndex.has(runId)) {
      runIndex.set(runId, history.runs.length);
      history.runs.push({ runId, startedAt: c.startedAt[i] as string, commit: c.commit[i] || null });
    }
  }
  const runCount = history.runs.length;
  for (let i = 0; i < c.testId.length; i += 1) {
    const id = c.testId[i] as string;
    let series = history.tests.get(id);
    if (!series) {
      series = {
        file: c.file[i] as string,
        durationsMs: new Float64Array(runCount).fill(Number.NaN),
        statuses: new Array<TestStatus | null>(runCount).fill(null),
      };
      history.tests.set(id, series);
    }
    const run = runIndex.get(c.runId[i] as string) as number;
    series.durationsMs[run] = c.durationMs[i] as number;
    series.statuses[run] = c.status[i] as TestStatus;
  }
  return history;
}

/**
 * Appends a run to the history and keeps only the newest `keep` runs.
 * Skipped and todo tests are left out: they have no duration worth trending.
 */
export function appendToHistory(file: string, run: RunFile, keep: number): void {
  const old = fs.existsSync(file) ? readColumns(file) : emptyColumns();
  const runOrder = [...new Set(old.runId)].filter((id) => id !== run.runId);
  const kept = new Set(runOrder.slice(Math.max(0, runOrder.length - (keep - 1))));
  const next = emptyColumns();
  for (let i = 0; i < old.runId.length; i += 1) {
    if (!kept.has(old.runId[i] as string)) continue;
    for (const name of COLUMNS) (next[name] as unknown[]).push(old[name][i]);
  }
  for (const test of run.tests) {
    if (test.status !== 'passed' && test.status !== 'failed') continue;
    next.runId.push(run.runId);
    next.startedAt.push(run.startedAt);
    next.commit.push(run.git?.commit ?? '');
    next.testId.push(test.id);
    next.file.push(test.file);
    next.durationMs.push(test.durationMs);
    next.status.push(test.status);
  }
  const { tableFromArrays, tableToIPC } = arrow();
  const table = tableFromArrays({ ...next, durationMs: Float64Array.from(next.durationMs) });
  writeFileAtomic(file, tableToIPC(table, 'file'));
}
