import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { JEST_PERF_CLI } from './command';
import { JestPerfError } from './errors';
import { type ExportedRun, encodeHistoryExport, readHistoryExport, unzipRun, zipRun } from './historyExport';
import { assertMeaning, runFileProblem } from './meaning';
import type { DataPaths } from './paths';
import { listRunFiles, pruneRuns, readRunFile, serializeRun } from './runStore';
import { runFileSchema } from './schemas/runFile.schema';
import type { RunFile } from './types';
import { validateWith } from './validate';

export interface HistoryExportResult {
  /** Ids of the runs written, oldest first. */
  runIds: string[];
  /** Run files left out because they could not be read, with why. */
  skipped: string[];
}

/**
 * Writes the newest `historySize` runs of `runs/` to one export file (see `encodeHistoryExport`),
 * atomically. A run file that cannot be read is left out and named, as the history index does.
 */
export function exportHistory(
  paths: DataPaths,
  out: string,
  historySize: number,
  now: Date = new Date(),
): HistoryExportResult {
  const runs: ExportedRun[] = [];
  const skipped: string[] = [];
  const files = listRunFiles(paths);
  for (const file of files.slice(Math.max(0, files.length - historySize))) {
    let run: RunFile;
    try {
      run = readRunFile(file);
    } catch (error) {
      if (!(error instanceof JestPerfError)) throw error;
      skipped.push(error.message.split('\n')[0] ?? file);
      continue;
    }
    runs.push({ runId: run.runId, startedAt: run.startedAt, gzipped: zipRun(serializeRun(run)) });
  }
  writeFileAtomic(out, encodeHistoryExport(runs, now));
  return { runIds: runs.map((run) => run.runId), skipped };
}

export interface HistoryImportResult {
  /** Runs of the export now in `runs/`, oldest first. */
  imported: string[];
  /** Runs of the export that were here already (the same run id): the local file is kept. */
  alreadyHere: string[];
  /** Runs deleted to keep the newest `historySize` (imported or local), oldest first. */
  pruned: string[];
}

const RUN_FIX = `export it again with \`${JEST_PERF_CLI} history export --out <file>\` from a project whose runs are intact`;

/** One row's run, parsed and checked like a run file on disk. @throws JestPerfError naming the run and field. */
function checkedRun(row: ExportedRun, file: string): void {
  const what = `run ${row.runId} of the history export`;
  let value: unknown;
  try {
    value = JSON.parse(unzipRun(row, file).toString('utf8'));
  } catch (cause) {
    if (cause instanceof JestPerfError) throw cause;
    throw new JestPerfError('JEST_PERF_FILE_CORRUPT', `${what} is not valid JSON`, { file, fix: RUN_FIX, cause });
  }
  const run = validateWith<RunFile>(runFileSchema, value, { what, file, fix: RUN_FIX });
  assertMeaning(runFileProblem(run), what, file, RUN_FIX);
  // The row's id names the file written: it must be the run's own, and a plain file name in runs/.
  if (run.runId !== row.runId || run.startedAt !== row.startedAt) {
    throw new JestPerfError('JEST_PERF_FILE_INVALID', `${what} holds run ${run.runId} (${run.startedAt})`, {
      file,
      fix: RUN_FIX,
    });
  }
  if (row.runId.startsWith('.')) {
    throw new JestPerfError('JEST_PERF_FILE_INVALID', `${what}: a run id may not start with '.'`, {
      file,
      fix: RUN_FIX,
    });
  }
}

/**
 * Merges an export file into `runs/`: every run is checked first (nothing is written from a damaged or
 * foreign file), then each run not here yet is written atomically as `runs/<runId>.json`, and the newest
 * `historySize` runs are kept. Importing the same file twice changes nothing; an interrupted import
 * leaves whole run files only, and running it again completes it. `history.arrow` is derived from `runs/`,
 * so the next command that reads the history indexes the imported runs.
 * @throws JestPerfError saying what is wrong with the file and how to fix it.
 */
export function importHistory(paths: DataPaths, file: string, historySize: number): HistoryImportResult {
  const { runs } = readHistoryExport(file);
  for (const row of runs) checkedRun(row, file);
  const here = new Set(listRunFiles(paths).map((name) => path.basename(name, '.json')));
  const alreadyHere: string[] = [];
  const written: string[] = [];
  for (const row of runs) {
    if (here.has(row.runId)) {
      alreadyHere.push(row.runId);
      continue;
    }
    writeFileAtomic(path.join(paths.runsDir, `${row.runId}.json`), unzipRun(row, file));
    written.push(row.runId);
  }
  const pruned = pruneRuns(paths, historySize);
  const gone = new Set(pruned);
  return { imported: written.filter((id) => !gone.has(id)).sort(), alreadyHere: alreadyHere.sort(), pruned };
}
