import * as fs from 'node:fs';
import * as path from 'node:path';
import { JestPerfError } from './errors';
import { type History, readHistory, rewriteHistory, type SourceStamp } from './history';
import type { DataPaths } from './paths';
import { type HistoryRunRead, listRunFiles, readRunFileForHistory } from './runStore';

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

const runIdOf = (file: string): string => path.basename(file, '.json');

function stampOf(file: string): SourceStamp {
  const { size, mtimeMs } = fs.statSync(file);
  return { size, mtimeMs };
}

const sameStamp = (a: SourceStamp | undefined, b: SourceStamp): boolean =>
  a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * The history of the runs in `runs/`, bringing `history.arrow` up to date first: runs that left `runs/`
 * are dropped, new run files are added, and run files edited since they were indexed (another size or
 * mtime than the index recorded) are read again. The run files are the source of truth, so a corrupt
 * history is moved aside and rebuilt from them — nothing is lost — and a corrupt run file is skipped
 * and named. Run files are read one at a time: memory holds the compact index plus one run.
 */
export function syncHistory(paths: DataPaths): SyncedHistory {
  const { history, recovered } = readOrRecover(paths);
  const stamps = new Map(listRunFiles(paths).map((file) => [runIdOf(file), { file, stamp: stampOf(file) }]));
  const indexed = new Set(history.runs.map((run) => run.runId));
  const keep = new Set(
    [...indexed].filter((id) => {
      const current = stamps.get(id);
      return current !== undefined && sameStamp(history.sources?.get(id), current.stamp);
    }),
  );
  const toRead = [...stamps.keys()].filter((id) => !keep.has(id));
  if (toRead.length === 0 && keep.size === indexed.size) return { history, recovered, skipped: [] };
  const skipped: string[] = [];
  const sources = new Map([...stamps].map(([id, { stamp }]) => [id, stamp]));
  function* added(): Generator<HistoryRunRead> {
    for (const id of toRead) {
      try {
        yield readRunFileForHistory((stamps.get(id) as { file: string }).file);
      } catch (error) {
        if (!(error instanceof JestPerfError)) throw error;
        skipped.push(error.message.split('\n')[0] ?? id);
      }
    }
  }
  return { history: rewriteHistory(paths.history, keep, added(), sources), recovered, skipped };
}
