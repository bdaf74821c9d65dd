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

type ArrowTable = import('apache-arrow').Table;
type ArrowVector = import('apache-arrow').Vector;

/** Opens the history's Arrow file and checks it has every column. @throws JestPerfError when corrupt. */
function readTable(file: string): ArrowTable {
  const { tableFromIPC } = arrow();
  let table: ArrowTable;
  try {
    table = tableFromIPC(fs.readFileSync(file));
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_FILE_CORRUPT', 'run history is not a readable Arrow file', {
      file,
      fix: `delete ${path.basename(file)} (the history restarts from the next tracked run)`,
      cause,
    });
  }
  for (const name of COLUMNS) {
    if (!table.getChild(name)) {
      throw new JestPerfError('JEST_PERF_FILE_INVALID', `run history has no column '${name}'`, {
        file,
        fix: `delete ${path.basename(file)} (the history restarts from the next tracked run)`,
      });
    }
  }
  return table;
}

/** One chunk of a string column: its distinct `words` and, per row, the index of the row's word. */
interface CodedStrings {
  words: ArrayLike<unknown>;
  keys: ArrayLike<number>;
}

/**
 * The string columns are dictionary-encoded: decoding them row by row (`toArray()`) made a fresh string for
 * each of 2M rows, so reading a 10,000-test × 200-run history took ~2 s; the dictionary is decoded once per
 * batch instead. Other encodings (or nulls) fall back to one word per row.
 */
function coded(vector: ArrowVector): CodedStrings {
  const data = vector.data[0];
  if (vector.data.length === 1 && data?.dictionary && data.nullCount === 0) {
    // `values` may be padded past the last row: take only this chunk's rows.
    return {
      words: data.dictionary.toArray() as ArrayLike<unknown>,
      keys: (data.values as Int32Array).subarray(0, data.length),
    };
  }
  const words = Array.from(vector.toArray() as ArrayLike<unknown>);
  return { words, keys: Uint32Array.from(words, (_, i) => i) };
}

function readColumns(file: string): HistoryColumns {
  const table = readTable(file);
  const columns = emptyColumns();
  for (const name of COLUMNS) {
    const values = new Array<unknown>(table.numRows);
    let row = 0;
    for (const batch of table.batches) {
      const vector = batch.getChild(name) as ArrowVector;
      if (name === 'durationMs') {
        const numbers = vector.toArray() as ArrayLike<number>;
        for (let i = 0; i < batch.numRows; i += 1) values[row++] = numbers[i];
        continue;
      }
      const { words, keys } = coded(vector);
      for (let i = 0; i < keys.length; i += 1) values[row++] = words[keys[i] as number];
    }
    (columns[name] as unknown[]) = values;
  }
  return columns;
}

/** One record batch of the history file, string columns coded. */
interface Batch {
  runId: CodedStrings;
  startedAt: CodedStrings;
  commit: CodedStrings;
  testId: CodedStrings;
  file: CodedStrings;
  status: CodedStrings;
  durationMs: ArrayLike<number>;
}

function readBatches(file: string): Batch[] {
  return readTable(file).batches.map((batch) => {
    const column = (name: keyof HistoryColumns) => batch.getChild(name) as ArrowVector;
    return {
      runId: coded(column('runId')),
      startedAt: coded(column('startedAt')),
      commit: coded(column('commit')),
      testId: coded(column('testId')),
      file: coded(column('file')),
      status: coded(column('status')),
      durationMs: column('durationMs').toArray() as ArrayLike<number>,
    };
  });
}

/** The runs in order of first appearance, and per batch the run index of each of its distinct runIds. */
function collectRuns(batches: Batch[]): { runs: HistoryRun[]; runOfWord: Int32Array[] } {
  const runs: HistoryRun[] = [];
  const runIndex = new Map<string, number>();
  const runOfWord = batches.map(({ runId, startedAt, commit }) => {
    const runOf = new Int32Array(runId.words.length).fill(-1);
    const keys = runId.keys;
    for (let i = 0; i < keys.length; i += 1) {
      const word = keys[i] as number;
      if (runOf[word] !== -1) continue;
      const id = runId.words[word] as string;
      let run = runIndex.get(id);
      if (run === undefined) {
        run = runs.length;
        runIndex.set(id, run);
        const sha = commit.words[commit.keys[i] as number] as string | null;
        runs.push({
          runId: id,
          startedAt: startedAt.words[startedAt.keys[i] as number] as string,
          commit: sha || null,
        });
      }
      runOf[word] = run;
    }
    return runOf;
  });
  return { runs, runOfWord };
}

/** Reads the history; a missing file is an empty history. @throws JestPerfError when corrupt. */
export function readHistory(file: string): History {
  const history: History = { runs: [], tests: new Map() };
  if (!fs.existsSync(file)) return history;
  const batches = readBatches(file);
  const { runs, runOfWord } = collectRuns(batches);
  history.runs = runs;
  // One buffer for every series (views into it) instead of 10,000 small ones: far less for the GC to track.
  const testCount = new Set(batches.flatMap((b) => Array.from(b.testId.words))).size;
  const pool = new Float64Array(testCount * runs.length).fill(Number.NaN);
  batches.forEach((b, index) => {
    const runOf = runOfWord[index] as Int32Array;
    const { keys: testKeys, words: testWords } = b.testId;
    const { keys: statusKeys, words: statusWords } = b.status;
    const runKeys = b.runId.keys;
    const durations = b.durationMs;
    // Series looked up once per distinct test of the batch, not once per row.
    const seriesOfWord = new Array<TestSeries | undefined>(testWords.length);
    for (let i = 0; i < testKeys.length; i += 1) {
      const word = testKeys[i] as number;
      let series = seriesOfWord[word];
      if (!series) {
        const id = testWords[word] as string;
        series = history.tests.get(id);
        if (!series) {
          series = {
            file: b.file.words[b.file.keys[i] as number] as string,
            durationsMs: pool.subarray(history.tests.size * runs.length, (history.tests.size + 1) * runs.length),
            statuses: new Array<TestStatus | null>(runs.length).fill(null),
          };
          history.tests.set(id, series);
        }
        seriesOfWord[word] = series;
      }
      const run = runOf[runKeys[i] as number] as number;
      series.durationsMs[run] = durations[i] as number;
      series.statuses[run] = statusWords[statusKeys[i] as number] as TestStatus;
    }
  });
  return history;
}

/**
 * Rewrites the history with the rows of the runs in `keep` it already holds plus the rows of `add`,
 * runs ordered by run id (run ids start with a sortable timestamp, so merged shards land in place).
 * Skipped and todo tests are left out: they have no duration worth trending.
 */
export function rewriteHistory(file: string, keep: ReadonlySet<string>, add: readonly RunFile[]): void {
  const old = fs.existsSync(file) ? readColumns(file) : emptyColumns();
  const rowsByRun = new Map<string, number[]>();
  for (let i = 0; i < old.runId.length; i += 1) {
    const runId = old.runId[i] as string;
    if (!keep.has(runId)) continue;
    const rows = rowsByRun.get(runId);
    if (rows) rows.push(i);
    else rowsByRun.set(runId, [i]);
  }
  const added = new Map(add.map((run) => [run.runId, run]));
  const next = emptyColumns();
  for (const runId of [...new Set([...rowsByRun.keys(), ...added.keys()])].sort()) {
    const run = added.get(runId);
    if (!run) {
      for (const i of rowsByRun.get(runId) ?? [])
        for (const name of COLUMNS) (next[name] as unknown[]).push(old[name][i]);
      continue;
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
  }
  const { tableFromArrays, tableToIPC } = arrow();
  const table = tableFromArrays({ ...next, durationMs: Float64Array.from(next.durationMs) });
  writeFileAtomic(file, tableToIPC(table, 'file'));
}

/** Appends a run to the history and keeps only the newest `keep` runs. */
export function appendToHistory(file: string, run: RunFile, keep: number): void {
  const old = fs.existsSync(file) ? [...new Set(readColumns(file).runId)].filter((id) => id !== run.runId).sort() : [];
  rewriteHistory(file, new Set(old.slice(Math.max(0, old.length - (keep - 1)))), [run]);
}
