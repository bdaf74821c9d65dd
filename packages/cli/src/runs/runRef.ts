import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type DataPaths,
  JEST_PERF_CLI,
  JestPerfError,
  listRunFiles,
  readLatestRun,
  TRACK_FIRST_FIX,
  TRACK_RUN,
} from '@jest-perf/core';

/** How to see the ids a run reference can name, said by every error of {@link resolveRunRef}. */
export const SEE_RUN_IDS = `see the stored runs and their ids with: ${JEST_PERF_CLI} runs`;

const LATEST_BACK = /^latest~(\d+)$/;

/**
 * The run file a command-line reference names: `latest` (the latest tracked run), `latest~N` (the run
 * N runs before it in `runs/`), a path to a run file, or a stored run's id (or the start of one, when
 * only one id starts so). `paths` is a thunk: a plain file path needs no project config.
 * @throws JestPerfError naming the reference and how to see the stored runs.
 */
export function resolveRunRef(ref: string, cwd: string, paths: () => DataPaths): string {
  if (ref === 'latest') return latestFile(paths());
  const back = LATEST_BACK.exec(ref);
  if (back) return nthBeforeLatest(Number(back[1]), paths());
  const file = path.resolve(cwd, ref);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
  // A reference with a path separator is a path: never matched against ids, so it cannot leave runs/.
  if (/[\\/]/.test(ref) || ref.endsWith('.json')) {
    throw new JestPerfError('JEST_PERF_USAGE', `no run file at ${ref}`, {
      fix: `give a run file, \`latest\`, \`latest~N\` or a run id (${SEE_RUN_IDS})`,
    });
  }
  return storedRun(ref, paths());
}

function latestFile(paths: DataPaths): string {
  // readLatestRun throws "No performance data" with its fix when nothing was tracked yet.
  if (!fs.existsSync(paths.latest)) readLatestRun(paths);
  return paths.latest;
}

/**
 * The run `back` runs before the latest. Past the oldest stored run, the fix depends on what is stored: with
 * none, track one; with only the latest, track more (older refs do not exist yet); else use the refs there are.
 */
function nthBeforeLatest(back: number, paths: DataPaths): string {
  if (back === 0) return latestFile(paths);
  const runs = listRunFiles(paths);
  const file = runs[runs.length - 1 - back];
  if (file !== undefined) return file;
  if (runs.length === 0) {
    throw new JestPerfError('JEST_PERF_NO_RUN_DATA', `no run latest~${back}: no run is tracked yet`, {
      file: paths.runsDir,
      fix: TRACK_FIRST_FIX,
    });
  }
  const more = back + 1 - runs.length;
  const trackMore = `track ${more === 1 ? 'one more run' : `${more} more runs`}: ${TRACK_RUN}`;
  const stored = runs.length === 1 ? 'only 1 run is stored, the latest' : `${runs.length} run(s) are stored`;
  throw new JestPerfError('JEST_PERF_USAGE', `no run latest~${back}: ${stored}`, {
    file: paths.runsDir,
    fix: runs.length === 1 ? trackMore : `use latest~0 to latest~${runs.length - 1} (${SEE_RUN_IDS}), or ${trackMore}`,
  });
}

/** The run in `runs/` whose id is `id`, or the only one whose id starts with it. */
function storedRun(id: string, paths: DataPaths): string {
  const ids = listRunFiles(paths).map((file) => path.basename(file, '.json'));
  const matches = ids.includes(id) ? [id] : ids.filter((candidate) => candidate.startsWith(id));
  if (matches.length === 1) return path.join(paths.runsDir, `${matches[0]}.json`);
  if (matches.length > 1) {
    const shown = matches.slice(-3).join(', ');
    throw new JestPerfError('JEST_PERF_USAGE', `run id "${id}" matches ${matches.length} runs (e.g. ${shown})`, {
      fix: `give more of the id (${SEE_RUN_IDS})`,
    });
  }
  throw new JestPerfError('JEST_PERF_USAGE', `no run "${id}": not a run file, and no stored run has that id`, {
    file: paths.runsDir,
    fix: `${SEE_RUN_IDS}; or give \`latest\`, \`latest~N\` or a run file's path`,
  });
}
