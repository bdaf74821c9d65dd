import { BASELINE_RUNS, BUILD_BASELINE, JEST_PERF_CLI } from '@jest-perf/core/recording';
/** What the end of a run knows about the project, to pick the one command worth running next. */
export interface NextContext {
  /** The run went to a side file (`JEST_PERF_OUTPUT`), outside the history: its path from the cwd. */
  sideRunFile: string | null;
  hasBaseline: boolean;
  /**
   * Run files stored in `runs/`, this one included. Not checked one by one (reading a big suite's run files took
   * 150-190 ms at the end of a run): an earlier failing run in the window is named by `baseline` itself.
   */
  storedRuns: number;
  /** Tests that failed in this run (a baseline is not built from a failing run). */
  failed: number;
  /** This run is incomplete (a file failed to run, an interruption): a baseline is not built from it either. */
  incomplete: boolean;
}

export interface NextCommand {
  command: string;
  why: string;
}

/** The one most useful command after this run. */
export function nextCommand(context: NextContext): NextCommand {
  if (context.sideRunFile !== null) {
    return { command: `${JEST_PERF_CLI} report --run ${context.sideRunFile}`, why: 'the full report of this run' };
  }
  if (context.hasBaseline) return { command: `${JEST_PERF_CLI} check`, why: 'compare this run with the baseline' };
  if (context.failed > 0 || context.incomplete) {
    return {
      command: `${JEST_PERF_CLI} report`,
      why: 'where the time goes (a baseline is built from complete, passing runs)',
    };
  }
  const toGo = BASELINE_RUNS - context.storedRuns;
  if (toGo > 0) {
    return { command: `${JEST_PERF_CLI} report`, why: `where the time goes; a baseline after ${toGo} more run(s)` };
  }
  return {
    command: BUILD_BASELINE,
    why: 'no baseline yet: record what normal is, then `check` gates on it',
  };
}
