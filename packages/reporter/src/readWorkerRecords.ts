import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkerFileRecord } from '@jest-perf/core';
import { checkWorkerFileRecord } from '@jest-perf/core/recording';

export interface WorkerRecords {
  /** Keyed by absolute test path; the last record wins (a file re-run after a worker crash). */
  byTestPath: Map<string, WorkerFileRecord>;
  /** Lines that could not be used (a worker killed mid-write leaves a half line). */
  badLines: number;
  /** Where the first bad line is and what is wrong with it: `worker-1-42.jsonl line 3: not valid JSON`. */
  firstBadLine?: string;
}

const NEWLINE = 0x0a;

/** Where one worker file has been read up to. */
interface Position {
  bytes: number;
  lines: number;
}

/**
 * Reads the per-worker JSON-lines files while the workers still append to them, so the reporter can
 * merge the test files as their results arrive instead of all of them after the last test. Each call
 * takes the lines completed since the last one; a line still being written waits for the next call.
 */
export class WorkerRecordReader {
  readonly records: WorkerRecords = { byTestPath: new Map(), badLines: 0 };
  private readonly positions = new Map<string, Position>();

  constructor(private readonly workerDir: string) {}

  /**
   * Reads what the workers appended since the last call. With `final` (every worker is done), a last
   * line without its newline is read too: a worker stopped mid-write, and it counts as a bad line.
   */
  read(final = false): WorkerRecords {
    let names: string[];
    try {
      names = fs.readdirSync(this.workerDir).sort();
    } catch {
      return this.records; // no worker wrote anything (yet)
    }
    for (const name of names) if (name.endsWith('.jsonl')) this.readFile(name, final);
    return this.records;
  }

  private readFile(name: string, final: boolean): void {
    const position = this.positions.get(name) ?? { bytes: 0, lines: 0 };
    this.positions.set(name, position);
    const file = path.join(this.workerDir, name);
    // Most reads find one file grown (the worker that just reported): stat the others, open only that one.
    const size = fs.statSync(file).size;
    if (size <= position.bytes) return;
    const fd = fs.openSync(file, 'r');
    let chunk = Buffer.allocUnsafe(size - position.bytes);
    try {
      chunk = chunk.subarray(0, fs.readSync(fd, chunk, 0, chunk.length, position.bytes));
    } finally {
      fs.closeSync(fd);
    }
    // Up to the last newline: a newline byte never occurs inside a multi-byte UTF-8 character.
    const end = final ? chunk.length : chunk.lastIndexOf(NEWLINE) + 1;
    if (end === 0) return;
    position.bytes += end;
    for (const line of chunk.toString('utf8', 0, end).split('\n')) {
      if (line.trim() !== '') this.readLine(name, position.lines, line);
      position.lines += 1;
    }
    // The text ends with a newline, whose empty remainder is no line of the file.
    if (chunk[end - 1] === NEWLINE) position.lines -= 1;
  }

  private readLine(name: string, index: number, line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.bad(name, index, 'not valid JSON (a worker stopped mid-write?)');
      return;
    }
    // Core's schema, compiled to plain JavaScript at build time: no ajv to load, no schema to compile.
    const check = checkWorkerFileRecord(value);
    if (check.valid) this.records.byTestPath.set(check.record.testPath, check.record);
    else this.bad(name, index, check.problem);
  }

  private bad(name: string, index: number, problem: string): void {
    this.records.badLines += 1;
    this.records.firstBadLine ??= `${name} line ${index + 1}: ${problem}`;
  }
}

/** Reads every per-worker JSON-lines file in `workerDir` at once, validating each line. */
export function readWorkerRecords(workerDir: string): WorkerRecords {
  return new WorkerRecordReader(workerDir).read(true);
}
