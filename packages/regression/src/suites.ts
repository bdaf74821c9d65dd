import type { RunWindow } from './runWindow';

/** The suite of a test file: its folder (`packages/x/src/__tests__/a.test.ts` → `packages/x/src/__tests__`). */
export function suiteOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

/** One suite over the runs of a window. */
export interface SuiteSeries {
  /** Per run, the sum of its tests' durations (`NaN` when none of them ran). */
  durationsMs: Float64Array;
  /** Ids of the tests seen in the window. */
  tests: Set<string>;
}

/** Groups a window's tests by folder and sums their durations per run. */
export function suiteSeries(window: RunWindow): Map<string, SuiteSeries> {
  const suites = new Map<string, SuiteSeries>();
  for (const [id, test] of window.tests) {
    const name = suiteOf(test.file);
    let suite = suites.get(name);
    if (!suite) {
      suite = { durationsMs: new Float64Array(window.runs.length).fill(Number.NaN), tests: new Set() };
      suites.set(name, suite);
    }
    suite.tests.add(id);
    test.durationsMs.forEach((ms, run) => {
      if (Number.isNaN(ms)) return;
      const sum = suite.durationsMs[run] as number;
      suite.durationsMs[run] = Number.isNaN(sum) ? ms : sum + ms;
    });
  }
  return suites;
}

/** Per run, how many tests took longer than `slowTestMs`. */
export function slowCounts(window: RunWindow, slowTestMs: number): number[] {
  const counts = new Array<number>(window.runs.length).fill(0);
  for (const test of window.tests.values()) {
    test.durationsMs.forEach((ms, run) => {
      if (ms > slowTestMs) counts[run] = (counts[run] as number) + 1;
    });
  }
  return counts;
}
