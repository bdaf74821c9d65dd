import type { TestStatus } from './types';

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
  /**
   * Size and modification time of each run's file when it was indexed (by run id), so a run file edited
   * since is noticed and read again. Absent in histories written before jest-perf recorded it.
   */
  sources?: Map<string, SourceStamp>;
}

/** What identifies one version of a run file cheaply: an edit changes its size or its mtime. */
export interface SourceStamp {
  size: number;
  mtimeMs: number;
}
