import type { HistoryRun } from './historyTypes';

/** Statuses as one-byte codes; the history keeps passed and failed rows only, older files may hold others. */
export const STATUS_WORDS = ['passed', 'failed', 'skipped', 'todo'] as const;

/**
 * A character that may not be ASCII: anything but printable ASCII (control characters take the slow
 * path too, which converts them unchanged).
 */
const NON_ASCII = /[^\x20-\x7e]/;

/** A string as a byte string: each character one byte of its UTF-8 encoding (ASCII stays as it is). */
export function toByteString(text: string): string {
  return !NON_ASCII.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

/** The string a byte string holds the UTF-8 bytes of (see {@link toByteString}). */
export function fromByteString(bytes: string): string {
  return !NON_ASCII.test(bytes) ? bytes : Buffer.from(bytes, 'latin1').toString('utf8');
}

const decodeRun = (run: HistoryRun): HistoryRun => ({
  runId: fromByteString(run.runId),
  startedAt: fromByteString(run.startedAt),
  commit: run.commit === null ? null : fromByteString(run.commit),
});

/** A typed array that grows by doubling: rows are appended one by one without a JS array of 2M numbers. */
class Column<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    public values: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = this.make(Math.max(1024, this.values.length * 2));
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
}

/**
 * The history's rows while it is rebuilt: one (run, test, duration, status) row per test of each run,
 * in typed arrays (17 bytes a row), test ids and files stored once each. 10,000 tests × 200 runs is
 * ~35 MB here, where JS arrays of strings and numbers took over 1 GB.
 * Strings go in as byte strings ({@link toByteString}): run files are read as Latin-1, which is far
 * faster than UTF-8 (see `readRunFileForHistory`), and only the distinct strings kept are decoded, once,
 * by {@link HistoryRows.sorted}.
 */
export class HistoryRows {
  readonly runs: HistoryRun[] = [];
  readonly testIds: string[] = [];
  readonly testFiles: string[] = [];
  private readonly runIndex = new Map<string, number>();
  private readonly testIndex = new Map<string, number>();
  readonly run = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly test = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly duration = new Column(new Float64Array(0), (n) => new Float64Array(n));
  readonly status = new Column(new Uint8Array(0), (n) => new Uint8Array(n));

  /** The index of the run with this id, added with `meta` the first time. */
  runOf(meta: HistoryRun): number {
    let index = this.runIndex.get(meta.runId);
    if (index === undefined) {
      index = this.runs.length;
      this.runIndex.set(meta.runId, index);
      this.runs.push(meta);
    }
    return index;
  }

  add(run: number, testId: string, file: string, durationMs: number, status: number): void {
    let test = this.testIndex.get(testId);
    if (test === undefined) {
      test = this.testIds.length;
      this.testIndex.set(testId, test);
      this.testIds.push(testId);
      this.testFiles.push(file);
    }
    this.run.push(run);
    this.test.push(test);
    this.duration.push(durationMs);
    this.status.push(status);
  }

  get length(): number {
    return this.run.length;
  }

  /**
   * The rows ordered by run id (run ids start with a sortable timestamp), each run's rows in the order
   * they were added, with the runs and tests renumbered in that order (tests of dropped runs leave),
   * and the strings decoded from byte strings.
   */
  sorted(): SortedRows {
    const order = this.runs.map((_, i) => i).sort((a, b) => compare(this.runs[a]!.runId, this.runs[b]!.runId));
    const position = new Int32Array(this.runs.length);
    order.forEach((run, at) => {
      position[run] = at;
    });
    // Counting sort by run position: stable, and linear in the rows.
    const starts = new Int32Array(this.runs.length + 1);
    for (let i = 0; i < this.length; i += 1) starts[position[this.run.values[i]!]! + 1]! += 1;
    for (let r = 0; r < this.runs.length; r += 1) starts[r + 1]! += starts[r]!;
    const n = this.length;
    const run = new Int32Array(n);
    const test = new Int32Array(n);
    const duration = new Float64Array(n);
    const status = new Uint8Array(n);
    const newTest = new Int32Array(this.testIds.length).fill(-1);
    const testIds: string[] = [];
    const testFiles: string[] = [];
    const next = starts.slice(0, this.runs.length);
    for (let i = 0; i < n; i += 1) {
      const at = position[this.run.values[i]!]!;
      const to = next[at]!;
      next[at] = to + 1;
      run[to] = at;
      duration[to] = this.duration.values[i]!;
      status[to] = this.status.values[i]!;
      test[to] = this.test.values[i]!;
    }
    // Tests numbered in order of first appearance in the sorted rows.
    for (let i = 0; i < n; i += 1) {
      const old = test[i]!;
      if (newTest[old] === -1) {
        newTest[old] = testIds.length;
        testIds.push(fromByteString(this.testIds[old]!));
        testFiles.push(fromByteString(this.testFiles[old]!));
      }
      test[i] = newTest[old]!;
    }
    return { runs: order.map((i) => decodeRun(this.runs[i]!)), testIds, testFiles, run, test, duration, status };
  }
}

export interface SortedRows {
  runs: HistoryRun[];
  testIds: string[];
  testFiles: string[];
  run: Int32Array;
  test: Int32Array;
  duration: Float64Array;
  status: Uint8Array;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
