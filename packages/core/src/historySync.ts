import * as fs from 'node:fs';
import * as path from 'node:path';
import { JestPerfError } from './errors';
import { type History, readHistory, rewriteHistory } from './history';
import type { DataPaths } from './paths';
import { listRunFiles, readRunFile } from './runStore';
import type { RunFile } from './types';

export interface SyncedHistory {
  history: History;
  /** Where an unreadable history was moved before it was rebuilt from the run files, else null. */
  recovered: string | null;
  /** Run files that could not be read (left out of the history), with why. */
  skipped: string[];
}

function readOrRecover(paths: DataPaths): { history: History; recovered: string | null } {
  try {
    return { history: readHistory(paths.history), recovered: null };
  } catch (error) {
    if (!(error instanceof JestPerfError)) throw error;
    const recovered = `${paths.history}.corrupt-${Date.now()}`;
    fs.renameSync(paths.history, recovered);
    return { history: { runs: [], tests: new Map() }, recovered };
  }
}

/**
 * The history of the runs in `runs/`, bringing `history.arrow` up to date first: runs that left `runs/`
 * are dropped, new run files are added. The run files are the source of truth, so a corrupt history is
 * moved aside and rebuilt from them — nothing is lost — and a corrupt run file is skipped and named.
 */
export function syncHistory(paths: DataPaths): SyncedHistory {
  const { history, recovered } = readOrRecover(paths);
  const files = listRunFiles(paths);
  const wanted = new Set(files.map((file) => path.basename(file, '.json')));
  const have = new Set(history.runs.map((run) => run.runId));
  const upToDate = have.size === wanted.size && [...wanted].every((id) => have.has(id));
  if (upToDate) return { history, recovered, skipped: [] };
  const skipped: string[] = [];
  const added: RunFile[] = [];
  for (const file of files) {
    if (have.has(path.basename(file, '.json'))) continue;
    try {
      added.push(readRunFile(file));
    } catch (error) {
      if (!(error instanceof JestPerfError)) throw error;
      skipped.push(error.message.split('\n')[0] ?? file);
      wanted.delete(path.basename(file, '.json'));
    }
  }
  rewriteHistory(paths.history, wanted, added);
  return { history: readHistory(paths.history), recovered, skipped };
}
