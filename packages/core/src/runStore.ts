import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { TRACK_FIRST_FIX, TRACK_RUN } from './command';
import { JestPerfError } from './errors';
import { assertMeaning, runFileProblem } from './meaning';
import type { DataPaths } from './paths';
import { runFileHistorySchema, runFileSchema } from './schemas/runFile.schema';
import type { RunFile } from './types';
import { readValidatedJson } from './validate';

const RUN_FIX = `record a fresh run with \`${TRACK_RUN}\` (or delete the file)`;

/** Reads and validates a run file. @throws JestPerfError naming the file and the field. */
export function readRunFile(file: string): RunFile {
  const run = readValidatedJson<RunFile>(file, runFileSchema, { what: 'run file', fix: RUN_FIX });
  assertMeaning(runFileProblem(run), 'run file', file, RUN_FIX);
  return run;
}

/** A run file read for the history index (see {@link readRunFileForHistory}). */
export interface HistoryRunRead {
  run: RunFile;
  /**
   * True when its strings are byte strings: each character one byte of the UTF-8 text (see
   * `HistoryRows`), false when they are ordinary strings.
   */
  byteStrings: boolean;
}

/**
 * Reads the part of a run file the history index uses (see `runFileHistorySchema`): the other fields
 * are not checked, so use {@link readRunFile} for anything else. Test ids hold ` › `, so decoding a
 * run file as UTF-8 makes a two-byte string of megabytes, slow to make and to parse (half the time of
 * building the index); read as Latin-1 each byte is one character, and the few strings the index keeps
 * are decoded once each (`HistoryRows`). A file with `\u` escapes is read as UTF-8: an escaped
 * character must not be taken for a byte. @throws JestPerfError naming the field.
 */
export function readRunFileForHistory(file: string): HistoryRunRead {
  let byteStrings = false;
  const decode = (bytes: Buffer): string => {
    byteStrings = !bytes.includes('\\u');
    return bytes.toString(byteStrings ? 'latin1' : 'utf8');
  };
  const run = readValidatedJson<RunFile>(file, runFileHistorySchema, { what: 'run file', fix: RUN_FIX, decode });
  return { run, byteStrings };
}

/**
 * Reads `latest.json`.
 * @throws JestPerfError `JEST_PERF_NO_RUN_DATA` when no run was tracked yet.
 */
export function readLatestRun(paths: DataPaths): RunFile {
  if (!fs.existsSync(paths.latest)) {
    throw new JestPerfError('JEST_PERF_NO_RUN_DATA', 'No performance data', {
      file: paths.latest,
      fix: TRACK_FIRST_FIX,
    });
  }
  return readRunFile(paths.latest);
}

/** Run files in `runs/`, oldest first (run ids start with a sortable timestamp). */
export function listRunFiles(paths: DataPaths): string[] {
  if (!fs.existsSync(paths.runsDir)) return [];
  return fs
    .readdirSync(paths.runsDir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(paths.runsDir, name));
}

export interface SaveRunResult {
  runFile: string;
}

/**
 * A run file's text: compact JSON, serialised once for both files it goes to. A run of 5,000 tests is
 * ~1.2 MB this way against ~1.8 MB indented, and indenting took longer than writing; the files are
 * read by jest-perf (`jest-perf report` shows them), not by hand.
 */
export function serializeRun(run: RunFile): string {
  return `${JSON.stringify(run)}\n`;
}

const COMMA = Buffer.from(',');

/**
 * {@link serializeRun}'s text as UTF-8, with `run.tests` taken from `testsJson`: the UTF-8 JSON of the
 * tests without brackets, in pieces to join with commas, which the caller encoded earlier and which must
 * match `run.tests`. The reporter encodes each test file's records as its results arrive, so the end of a
 * run, which every user waits for, copies bytes instead of serialising and encoding thousands of tests
 * (~90 % of the text: 15-40 ms for 5,000 tests).
 */
export function encodeRun(run: RunFile, testsJson: readonly Uint8Array[]): Buffer {
  const parts: Uint8Array[] = [];
  let text = '{';
  let members = 0;
  // What JSON.stringify does with a plain object, member by member: a key whose value has no JSON is left out.
  for (const [key, value] of Object.entries(run)) {
    const json = key === 'tests' ? '' : (JSON.stringify(value) as string | undefined);
    if (json === undefined) continue;
    const prefix = `${members > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    members += 1;
    if (key !== 'tests') {
      text += `${prefix}${json}`;
      continue;
    }
    parts.push(Buffer.from(`${text}${prefix}[`, 'utf8'));
    testsJson.forEach((piece, index) => {
      if (index > 0) parts.push(COMMA);
      parts.push(piece);
    });
    text = ']';
  }
  parts.push(Buffer.from(`${text}}\n`, 'utf8'));
  return Buffer.concat(parts);
}

/**
 * Stores a finished run: `runs/<runId>.json` and `latest.json`, each written atomically, and keeps the
 * newest `historySize` run files. It does not touch `history.arrow`: that columnar index is derived
 * from `runs/` by {@link syncHistory} when something reads it, so a tracked run pays only for its own
 * JSON, however long the history. `testsJson`: the tests already encoded (see {@link encodeRun}).
 */
export function saveRun(
  paths: DataPaths,
  run: RunFile,
  historySize: number,
  testsJson?: readonly Uint8Array[],
): SaveRunResult {
  // Encoded once for both files (a big run's JSON is megabytes).
  const data = testsJson ? encodeRun(run, testsJson) : Buffer.from(serializeRun(run), 'utf8');
  if (isA(paths.runsDir, 'file')) {
    // Nothing lost: the run goes beside the misplaced file, and the error says where.
    const kept = path.join(paths.dataDir, `run-${run.runId}.json`);
    writeFileAtomic(kept, data);
    if (!isA(paths.latest, 'folder')) writeFileAtomic(paths.latest, data);
    throw new JestPerfError(
      'JEST_PERF_FILE_INVALID',
      'runs is a file, where jest-perf keeps its run files (a folder)',
      {
        file: paths.runsDir,
        fix: `move or delete that file, then move ${path.basename(kept)} into the new runs/ folder as ${run.runId}.json (the run was saved to ${kept})`,
      },
    );
  }
  const runFile = path.join(paths.runsDir, `${run.runId}.json`);
  writeFileAtomic(runFile, data);
  if (isA(paths.latest, 'folder')) {
    throw new JestPerfError(
      'JEST_PERF_FILE_INVALID',
      'latest.json is a folder, where jest-perf writes the latest run (a file)',
      {
        file: paths.latest,
        fix: `move or delete that folder; the next tracked run writes latest.json again (the run was saved to ${runFile})`,
      },
    );
  }
  writeFileAtomic(paths.latest, data);
  pruneRuns(paths, historySize);
  return { runFile };
}

/** Deletes all but the newest `historySize` run files of `runs/` (by run id: its timestamp) and returns their ids. */
export function pruneRuns(paths: DataPaths, historySize: number): string[] {
  const runs = listRunFiles(paths);
  const old = runs.slice(0, Math.max(0, runs.length - historySize));
  for (const file of old) fs.rmSync(file, { force: true });
  return old.map((file) => path.basename(file, '.json'));
}

/** Whether `target` exists and is a file / a folder (the wrong kind for where jest-perf writes). */
function isA(target: string, kind: 'file' | 'folder'): boolean {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return false;
  return kind === 'folder' ? stat.isDirectory() : !stat.isDirectory();
}

/**
 * A sortable, file-name-safe run id: `2026-11-24T11-07-35-123Z-4f2a`. The suffix is random, or, for a run
 * made of other runs (merged shards), derived from their ids: merging the same shards again (a retried CI
 * job) gives the same id, so the history holds that run once.
 */
export function newRunId(now: Date = new Date(), from?: readonly string[]): string {
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-');
  // node:crypto only for a merged run: loading it cost the reporter's construction 5 ms, before any test ran.
  const suffix = from
    ? (require('node:crypto') as typeof import('node:crypto'))
        .createHash('sha1')
        .update([...from].sort().join('\n'))
        .digest('hex')
        .slice(0, 4)
    : Math.random().toString(16).slice(2, 6);
  return `${stamp}-${suffix}`;
}
