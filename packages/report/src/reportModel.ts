import type { CounterGroups, RunFile } from '@jest-perf/core';
import type { ChangePoint, CompareResult, SuiteVerdict, TestVerdict } from '@jest-perf/regression';
import type { StartupReport } from './fileStartup';
import type { HookProfile } from './profileFixtures';
import type { TimeKind } from './timeKind';

/* The report model: what `buildReport` returns and every renderer (and `recommend`) reads. */

export interface SlowTest {
  id: string;
  file: string;
  durationMs: number;
  setupMs: number;
  tags: string[];
  /** CPU time of the test and its `beforeEach`/`afterEach`; null when not measured. */
  cpuMs: number | null;
  /** Whether it computes or waits, with advice; null when its CPU time was not measured. */
  time: TimeKind | null;
}

/** Everything a report shows; `--format json` prints exactly this. */
export interface Report {
  summary: {
    runId: string;
    startedAt: string;
    commit: string | null;
    branch: string | null;
    shard: RunFile['shard'];
    jestVersion: string;
    machine: string;
    incomplete: boolean;
    incompleteReasons: string[];
    slowTestMs: number;
  } & RunFile['summary'];
  slowest: SlowTest[];
  hooks: { totalMs: number; top: HookProfile[] };
  /** Each file's time outside its tests and hooks (setup files, transform, module loading). */
  startup: StartupReport;
  trends: { analysed: number; changes: (ChangePoint & { id: string })[] } | null;
  regressions: {
    regressed: boolean;
    tests: TestVerdict[];
    suites: SuiteVerdict[];
    slowCount: CompareResult['slowCount'];
    summary: CompareResult['summary'];
    speed: CompareResult['speed'];
    context: CompareResult['context'];
  } | null;
  uncategorizedSlow: SlowTest[];
  counters: CounterGroups;
  recommendations: string[];
}
