import type { History, HistoryRun, TestSeries } from '@jest-perf/core';
import { median } from '@jest-perf/regression';

/** A run of a baseline window that sits far outside the others. */
export interface OutlierRun {
  runId: string;
  /** Tests of the run outside their usual range over the window, of the tests timed in 3+ window runs. */
  testsOutside: number;
  testsCompared: number;
  /** The run's summed test time over the other runs' median, when that is itself far off; else null. */
  wholeRatio: number | null;
}

/**
 * Raw MADs beyond which a value is far off (7.5 ≈ 5 standard deviations of normal data), with a relative
 * floor so tight series do not flag ordinary noise.
 */
const MADS = 7.5;
const RELATIVE_FLOOR = 0.5;
const MIN_MS = 5;
/** A run is named when at least this share (and 3) of its tests are far off, or its whole time is. */
const SHARE = 0.25;

/** Whether `value` is far from the rest of `values` (median/MAD, with floors). */
function farOff(value: number, values: readonly number[]): boolean {
  const mid = median(values);
  const mad = median(values.map((v) => Math.abs(v - mid)));
  return Math.abs(value - mid) > Math.max(MADS * mad, RELATIVE_FLOOR * mid, MIN_MS);
}

/**
 * The runs of the newest `window` runs of the history that a baseline should not silently absorb: an
 * injected slowdown or a busy machine in one run would otherwise widen every test's noise band and
 * shift its median. Needs 3 runs to tell; robust (median/MAD), so one odd run cannot hide itself.
 */
export function outlierRuns(history: History, window: number): OutlierRun[] {
  const first = Math.max(0, history.runs.length - window);
  const runs = history.runs.slice(first);
  if (runs.length < 3) return [];
  const outside = new Array<number>(runs.length).fill(0);
  const compared = new Array<number>(runs.length).fill(0);
  const totals = new Array<number>(runs.length).fill(0);
  for (const series of history.tests.values()) {
    const values = Array.from(series.durationsMs.subarray(first));
    const present = values.filter(Number.isFinite);
    values.forEach((value, j) => {
      if (!Number.isFinite(value)) return;
      totals[j] = (totals[j] as number) + value;
      if (present.length < 3) return;
      compared[j] = (compared[j] as number) + 1;
      if (farOff(value, present)) outside[j] = (outside[j] as number) + 1;
    });
  }
  return runs.flatMap((run, j) => {
    const others = totals.filter((_, k) => k !== j);
    const total = totals[j] as number;
    const whole = farOff(total, totals) ? total / median(others) : null;
    const tests = outside[j] as number;
    const many = tests >= 3 && tests >= SHARE * (compared[j] as number);
    if (!many && whole === null) return [];
    return [{ runId: run.runId, testsOutside: tests, testsCompared: compared[j] as number, wholeRatio: whole }];
  });
}

/** The history without the runs in `exclude` (each test's series narrowed to the runs kept). */
export function historyWithout(history: History, exclude: ReadonlySet<string>): History {
  if (exclude.size === 0) return history;
  const kept = history.runs.flatMap((run, i) => (exclude.has(run.runId) ? [] : [i]));
  const tests = new Map<string, TestSeries>();
  for (const [id, series] of history.tests) {
    tests.set(id, {
      file: series.file,
      durationsMs: Float64Array.from(kept, (i) => series.durationsMs[i] as number),
      statuses: kept.map((i) => series.statuses[i] ?? null),
    });
  }
  return { runs: kept.map((i) => history.runs[i] as HistoryRun), tests };
}
