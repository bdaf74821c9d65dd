import type { Baseline, RunFile, RunLoad } from '@jest-perf/core';
import { buildBaseline } from '@jest-perf/regression';

/** The default thresholds: a regression adds at least 100 ms. */
export const GATE_CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 }, slowTestMs: 30_000 };

/** What the reporter measures on a quiet machine. */
export const QUIET_LOAD: RunLoad = { othersCpuShare: 0.02, loadPerCore: 0.5, cpuPressure: null, busy: false };

/** The run on a quiet machine, each file's runtime its tests plus 200 ms of start-up (as Jest reports it). */
export function tracked(run: RunFile): RunFile {
  const files = run.files.map((file) => {
    const testsMs = run.tests.filter((t) => t.file === file.path).reduce((sum, t) => sum + t.durationMs, 0);
    return { ...file, runtimeMs: testsMs + 200 };
  });
  return { ...run, files, load: QUIET_LOAD };
}

/** A baseline of three runs of `run` in which every test took 99 %, 100 % and 101 % of its time. */
export function baselineOf(run: RunFile, config = GATE_CONFIG): Baseline {
  const runs = [0.99, 1, 1.01].map((scale, i) =>
    tracked({
      ...run,
      runId: `b${i}`,
      tests: run.tests.map((test) => ({ ...test, durationMs: test.durationMs * scale })),
    }),
  );
  return buildBaseline(runs, config);
}
