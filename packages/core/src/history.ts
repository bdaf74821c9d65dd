import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { JestPerfError } from './errors';
import { encodeRows, SOURCES_KEY } from './historyEncode';
import { ArrowFileDamage, type ColumnKind, checkArrowFile } from './historyFileCheck';
import { HistoryRows, type SortedRows, STATUS_WORDS, toByteString } from './historyRows';
import type { History, HistoryRun, SourceStamp, TestSeries } from './historyTypes';
import type { HistoryRunRead } from './runStore';
import type { RunFile, TestStatus } from './types';

// The history's types live in historyTypes.ts, which the row and encoding modules import too (no import cycle).
export type { History, HistoryRun, SourceStamp, TestSeries } from './historyTypes';

/** The columns of the history's Arrow file: one row per (run, test), strings dictionary-encoded. */
const COLUMNS = ['runId', 'startedAt', 'commit', 'testId', 'file', 'durationMs', 'status'] as const;
type ColumnName = (typeof COLUMNS)[number];

// apache-arrow is only loaded when the history is touched, never on Jest's startup path.
function arrow(): typeof import('apache-arrow') {
  return require('apache-arrow') as typeof import('apache-arrow');
}

type ArrowTable = import('apache-arrow').Table;
type ArrowVector = import('apache-arrow').Vector;

/** What each column holds, for the structural check of the file before it is decoded. */
const COLUMN_KINDS: ReadonlyMap<string, ColumnKind> = new Map(
  COLUMNS.map((name) => [name, name === 'durationMs' ? 'float64' : 'text']),
);

const corrupt = (file: string, why: string, cause?: unknown): JestPerfError =>
  new JestPerfError('JEST_PERF_FILE_CORRUPT', `run history is damaged: ${why}`, {
    file,
    fix: `delete ${path.basename(file)} (jest-perf rebuilds it from the run files in runs/)`,
    cause,
  });

/**
 * Opens the history's Arrow file after checking its structure (see {@link checkArrowFile}: a damaged
 * count must not make apache-arrow allocate gigabytes) and decodes its record batches. An error of the
 * decoder on a file that passed the check is damage too: the file is the only input.
 * @throws JestPerfError `JEST_PERF_FILE_CORRUPT` when damaged, `JEST_PERF_FILE_INVALID` when a column is missing.
 */
function readTable(file: string): { table: ArrowTable; batches: Batch[] } {
  const bytes = fs.readFileSync(file);
  let table: ArrowTable;
  try {
    checkArrowFile(bytes, COLUMN_KINDS);
    table = arrow().tableFromIPC(bytes);
  } catch (cause) {
    throw corrupt(file, cause instanceof ArrowFileDamage ? cause.message : 'not a readable Arrow file', cause);
  }
  for (const name of COLUMNS) {
    if (!table.getChild(name)) {
      throw new JestPerfError('JEST_PERF_FILE_INVALID', `run history has no column '${name}'`, {
        file,
        fix: `delete ${path.basename(file)} (the history restarts from the next tracked run)`,
      });
    }
  }
  try {
    return { table, batches: readBatches(table) };
  } catch (cause) {
    throw corrupt(file, cause instanceof ArrowFileDamage ? cause.message : 'its columns cannot be decoded', cause);
  }
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
function coded(vector: ArrowVector, name: ColumnName): CodedStrings {
  const data = vector.data[0];
  if (vector.data.length === 1 && data?.dictionary && data.nullCount === 0) {
    // `values` may be padded past the last row: take only this chunk's rows.
    return checkedCodes(name, {
      words: data.dictionary.toArray() as ArrayLike<unknown>,
      keys: (data.values as Int32Array).subarray(0, data.length),
    });
  }
  const words = Array.from(vector.toArray() as ArrayLike<unknown>);
  return checkedCodes(name, { words, keys: Uint32Array.from(words, (_, i) => i) });
}

/**
 * A damaged key or word would otherwise be read as a test or run that never existed (or a status that
 * is none): every key must point into the words, every word be text, every status a known one.
 * @throws ArrowFileDamage naming the column.
 */
function checkedCodes(name: ColumnName, codes: CodedStrings): CodedStrings {
  const { words, keys } = codes;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    const ok = typeof word === 'string' && (name !== 'status' || STATUS_WORDS.includes(word as TestStatus));
    if (!ok) throw new ArrowFileDamage(`column '${name}' holds an unknown value`);
  }
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as number;
    if (!(key >= 0 && key < words.length)) throw new ArrowFileDamage(`column '${name}' has a key out of range`);
  }
  return codes;
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

function readSources(table: ArrowTable): Map<string, SourceStamp> | undefined {
  const json = table.schema.metadata.get(SOURCES_KEY);
  if (json === undefined) return undefined;
  try {
    return new Map(Object.entries(JSON.parse(json) as Record<string, SourceStamp>));
  } catch {
    return undefined; // unreadable stamps: every run file counts as changed, so the history is rebuilt
  }
}

function readBatches(table: ArrowTable): Batch[] {
  return table.batches.map((batch) => {
    const column = (name: ColumnName) => batch.getChild(name) as ArrowVector;
    return {
      runId: coded(column('runId'), 'runId'),
      startedAt: coded(column('startedAt'), 'startedAt'),
      commit: coded(column('commit'), 'commit'),
      testId: coded(column('testId'), 'testId'),
      file: coded(column('file'), 'file'),
      status: coded(column('status'), 'status'),
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
  const { table, batches } = readTable(file);
  const sources = readSources(table);
  if (sources) history.sources = sources;
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

/** The rows of `file` whose run is in `keep`, added to `rows` (strings as byte strings). */
function keepRows(file: string, keep: ReadonlySet<string>, rows: HistoryRows): void {
  const { batches } = readTable(file);
  const { runs, runOfWord } = collectRuns(batches);
  const kept = runs.map((run) => (keep.has(run.runId) ? rows.runOf(runAsBytes(run)) : -1));
  batches.forEach((b, index) => {
    const runOf = runOfWord[index] as Int32Array;
    const statusCode = Array.from(b.status.words, (word) => STATUS_WORDS.indexOf(word as TestStatus));
    const ids = Array.from(b.testId.words, (word) => toByteString(word as string));
    const files = Array.from(b.file.words, (word) => toByteString(word as string));
    for (let i = 0; i < b.testId.keys.length; i += 1) {
      const run = kept[runOf[b.runId.keys[i] as number] as number] as number;
      if (run === -1) continue;
      const status = statusCode[b.status.keys[i] as number] as number;
      const testId = ids[b.testId.keys[i] as number] as string;
      rows.add(run, testId, files[b.file.keys[i] as number] as string, b.durationMs[i] as number, status);
    }
  });
}

function runAsBytes(run: HistoryRun): HistoryRun {
  const commit = run.commit === null ? null : toByteString(run.commit);
  return { runId: toByteString(run.runId), startedAt: toByteString(run.startedAt), commit };
}

/** Adds a run's passed and failed tests to `rows`; `byteStrings` when its strings already are. */
function addRun(rows: HistoryRows, run: RunFile, byteStrings: boolean): void {
  const bytes = byteStrings ? (text: string) => text : toByteString;
  const meta = { runId: run.runId, startedAt: run.startedAt, commit: run.git?.commit ?? null };
  const index = rows.runOf(byteStrings ? meta : runAsBytes(meta));
  for (const test of run.tests) {
    if (test.status !== 'passed' && test.status !== 'failed') continue;
    rows.add(index, bytes(test.id), bytes(test.file), test.durationMs, STATUS_WORDS.indexOf(test.status));
  }
}

/**
 * The rows of the history to write, sorted. A function of its own so the unsorted rows are garbage once
 * it returns: the Arrow encoding that follows needs the memory (~35 MB at 10,000 tests × 200 runs).
 */
function collectRows(file: string, keep: ReadonlySet<string>, add: Iterable<RunFile | HistoryRunRead>): SortedRows {
  const rows = new HistoryRows();
  if (keep.size > 0 && fs.existsSync(file)) keepRows(file, keep, rows);
  for (const item of add) {
    const { run, byteStrings } = 'byteStrings' in item ? item : { run: item, byteStrings: false };
    // The rows of `keep` are already in: a run in both would be counted twice (callers keep them apart).
    if (keep.has(run.runId)) throw new Error(`run ${run.runId} is both kept and added`);
    addRun(rows, run, byteStrings);
  }
  return rows.sorted();
}

/**
 * Rewrites the history with the rows of the runs in `keep` it already holds plus the rows of `add`,
 * runs ordered by run id (run ids start with a sortable timestamp, so merged shards land in place).
 * `add` is read one run at a time (pass a generator that reads each run file when asked, e.g. with
 * `readRunFileForHistory`), so the
 * memory used is the history's compact rows plus one run, however many runs are added.
 * Skipped and todo tests are left out: they have no duration worth trending.
 * `sources` are the stamps of the runs' files, stored for {@link History.sources}. Returns the history
 * written (what {@link readHistory} reads back).
 * @throws JestPerfError when the existing history is corrupt.
 */
export function rewriteHistory(
  file: string,
  keep: ReadonlySet<string>,
  add: Iterable<RunFile | HistoryRunRead>,
  sources?: ReadonlyMap<string, SourceStamp>,
): History {
  const sorted = collectRows(file, keep, add);
  const stamps = sources
    ? Object.fromEntries(
        sorted.runs.flatMap((r) => {
          const stamp = sources.get(r.runId);
          return stamp ? [[r.runId, stamp]] : [];
        }),
      )
    : null;
  writeFileAtomic(file, encodeRows(arrow(), sorted, stamps));
  const history = historyFromRows(sorted);
  if (stamps) history.sources = new Map(Object.entries(stamps));
  return history;
}

/** The history the rows make, as {@link readHistory} would read it back from their file. */
function historyFromRows(rows: SortedRows): History {
  const width = rows.runs.length;
  const pool = new Float64Array(rows.testIds.length * width).fill(Number.NaN);
  const tests = new Map<string, TestSeries>();
  const series = rows.testIds.map((id, t) => {
    const one: TestSeries = {
      file: rows.testFiles[t] as string,
      durationsMs: pool.subarray(t * width, (t + 1) * width),
      statuses: new Array<TestStatus | null>(width).fill(null),
    };
    tests.set(id, one);
    return one;
  });
  for (let i = 0; i < rows.run.length; i += 1) {
    const one = series[rows.test[i] as number] as TestSeries;
    const run = rows.run[i] as number;
    one.durationsMs[run] = rows.duration[i] as number;
    one.statuses[run] = STATUS_WORDS[rows.status[i] as number] as TestStatus;
  }
  return { runs: rows.runs, tests };
}
