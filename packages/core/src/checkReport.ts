import type { Testbed } from './types';

/** Version of `npx jest-perf check --format json`; bump on breaking changes. */
export const CHECK_REPORT_VERSION = 1;

/** Every state a verdict can be in (see `VerdictKind` in @jest-perf/regression for what each means). */
export type CheckVerdictKind =
  | 'regressed'
  | 'unconfirmed'
  | 'minor'
  | 'improved'
  | 'unchanged'
  | 'new'
  | 'missing'
  | 'unjudged';

/** One verdict as the check prints it. Measurement fields are absent for `new` and `missing`. */
export interface CheckReportEntry {
  kind: CheckVerdictKind;
  /** A test, a test file's tests together, its start-up, one of its hooks, or the whole run. */
  scope: 'test' | 'file' | 'startup' | 'hook' | 'run';
  /** Test id, or `path/to/a.test.ts`, `… › start-up`, `… › beforeAll (Describe)`, `whole run`. */
  subject: string;
  /** The test file; null for the whole run. */
  file: string | null;
  /** Why a large change could not fail the check (`unconfirmed` only). */
  reason?: string;
  /** The time judged: CPU time or wall time. */
  evidence?: 'wall' | 'cpu';
  baselineMs?: number;
  currentMs?: number;
  /** `currentMs / baselineMs − 1`; null when the baseline was 0 ms (an infinite change). */
  change?: number | null;
  deltaMs?: number;
  /** Relative threshold applied: the baseline's override, else `--threshold`, else the config's. */
  threshold?: number;
  noiseMs?: number;
  baselineSamples?: number;
  currentSamples?: number;
  cpuShare?: number | null;
}

/** The largest verdicts of one kind (at most `top`), and how many there are in all. */
export interface CheckReportList {
  kind: CheckVerdictKind;
  total: number;
  entries: CheckReportEntry[];
}

type Counts = Record<CheckVerdictKind, number>;

/** What `npx jest-perf check --format json` prints: everything the text and markdown formats show. */
export type CheckReport =
  | { schemaVersion: typeof CHECK_REPORT_VERSION; status: 'skipped'; reason: string }
  | {
      schemaVersion: typeof CHECK_REPORT_VERSION;
      /** `failed`: something regressed (exit 1). */
      status: 'passed' | 'failed';
      /** `covers 3 of 3 baseline tests`. */
      coverage: string;
      baseline: { runs: number; testbed: Testbed | null };
      current: { runIds: string[]; testbed: Testbed };
      /** True when the current values are the fastest of confirming reruns (`--confirm`). */
      confirmed: boolean;
      /** Plain sentences: testbeds, load, what could not fail the check and why. */
      notes: string[];
      /** How much slower (> 1) the machine ran than the baseline's across the board; null when not estimated. */
      speed: { factor: number; cpuFactor: number | null; tests: number; applied: boolean } | null;
      /** The thresholds of this invocation; a baseline override wins over them for its test or file. */
      thresholds: { test: number; suite: number; minAbsoluteMs: number };
      /** Entries listed per kind at most (`--top`). */
      top: number;
      /** Complete counts, whatever `top` lists. */
      counts: { tests: Counts; suites: Counts };
      slowCount: {
        kind: 'regressed' | 'improved' | 'unchanged';
        baseline: number;
        current: number;
        slowTestMs: number;
        newlySlow: string[];
      };
      /** Regressed, unconfirmed, minor, improved, new and missing, in that order, largest first. */
      verdicts: CheckReportList[];
    };
