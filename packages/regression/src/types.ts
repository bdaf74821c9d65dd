import type { CheckVerdictKind, JestPerfConfig, Testbed } from '@jest-perf/core';

/**
 * Every state a verdict can be in:
 * - `regressed`: adds at least the minimum impact, beyond the threshold and the noise, on evidence the check
 *   trusts (CPU time, wall time on a quiet machine of the baseline's testbed, or confirming reruns): fails;
 * - `unconfirmed`: as large, but the evidence cannot fail the check (busy machine, another testbed, inside
 *   the noise, a computing test whose CPU time did not move, or wall time from a single run): printed with the
 *   command that settles it;
 * - `minor`: slower beyond the threshold and the noise, but adds less than the minimum impact: information;
 * - `improved`, `unchanged`, `new` (no baseline), `missing` (not in the current runs);
 * - `unjudged`: the baseline has too few runs to judge it alone; its file is judged instead.
 * Declared in core: `check --format json` prints them.
 */
export type VerdictKind = CheckVerdictKind;

/** Which time a verdict rests on. */
export type Evidence = 'wall' | 'cpu';

/** Why a large change was not taken as a regression. */
export type UnconfirmedReason = 'busy' | 'testbed' | 'noise' | 'cpu-unchanged' | 'one-run';

/** What a verdict compared, when both a baseline and a current value exist. */
export interface Measurement {
  /** The baseline's median, scaled by the run's speed (see {@link GateContext.speed}). */
  baselineMs: number;
  /** The current value: one run's, the median of several, or the minimum of confirming reruns. */
  currentMs: number;
  /** `currentMs / baselineMs − 1` (+0.5 = 50 % slower). */
  change: number;
  /** `currentMs − baselineMs`: the time the change adds to the suite. */
  deltaMs: number;
  /** Relative threshold applied (0.2 = 20 %). */
  threshold: number;
  /** Changes smaller than this (ms) are inside the noise: k robust standard errors of the difference. */
  noiseMs: number;
  baselineSamples: number;
  currentSamples: number;
  /** The time judged: CPU for a test that mostly computes (when measured), else wall. */
  evidence: Evidence;
  /** Share of the baseline's wall time spent on the CPU (null when not measured). */
  cpuShare: number | null;
}

/** The verdict on one thing, keyed on `kind`. */
export type Verdict =
  | ({ kind: 'regressed' } & Measurement)
  | ({ kind: 'unconfirmed'; reason: UnconfirmedReason } & Measurement)
  | ({ kind: 'minor' } & Measurement)
  | ({ kind: 'improved' } & Measurement)
  | ({ kind: 'unchanged' } & Measurement)
  | ({ kind: 'unjudged' } & Measurement)
  | { kind: 'new'; currentMs: number; currentSamples: number }
  | { kind: 'missing'; baselineMs: number; baselineSamples: number };

/** A verdict on one test. */
export type TestVerdict = Verdict & {
  id: string;
  file: string;
  /** The folder of the test file. */
  suite: string;
};

/** What a {@link SuiteVerdict} is about. */
export type SuiteScope = 'file' | 'startup' | 'hook' | 'run';

/**
 * A verdict on something larger than a test: a test file's tests together (`file`), its time outside tests
 * and hooks (`startup`), one of its hooks (`hook`), or the whole run (`run`).
 */
export type SuiteVerdict = Verdict & {
  scope: SuiteScope;
  /** `path/to/a.test.ts`, `path/to/a.test.ts › start-up`, `path/to/a.test.ts › beforeAll (Describe)`, `whole run`. */
  suite: string;
  /** The test file, except for the whole run. */
  file: string | null;
  tests: { baseline: number; current: number };
};

/** How the number of slow tests moved. */
export interface SlowCountVerdict {
  kind: 'regressed' | 'improved' | 'unchanged';
  baseline: number;
  /** Median over the current runs. */
  current: number;
  slowTestMs: number;
  /** Tests over `slowTestMs` now whose baseline median was not, sorted. */
  newlySlow: string[];
}

/** What the check compared with what, and how far it trusts wall time. */
export interface GateContext {
  /** Testbed of the baseline (null when it predates testbeds) and of the newest current run. */
  testbed: { baseline: Testbed | null; current: Testbed; same: boolean };
  /**
   * Whether the machine was busy during the current runs: `measured` from the run file's load, `inferred`
   * when the run does not say (an older jest-perf) and the whole run was slower than the suite threshold.
   */
  busy: { busy: boolean; how: 'measured' | 'inferred' | 'unknown'; othersCpuShare: number | null };
  /** Wall-time evidence can fail the check: same (or unrecorded) testbed and a machine not busy (for confirming reruns: while they ran). */
  wallTrusted: boolean;
  /** True when the current values are the minimum over confirming reruns. */
  confirmed: boolean;
  /** Baseline runs: below 3, tests are judged through their files. */
  baselineRuns: number;
  /** Plain sentences saying what was compared with what. */
  notes: string[];
}

/** Knobs of the verdicts beyond the core config; every one has a documented default. */
export interface VerdictOptions {
  /**
   * This invocation's thresholds: the config's, with any given for this run on top (missing ones: the
   * defaults). The baseline's `overrides` win over them for the tests and files they name.
   */
  thresholds?: Partial<JestPerfConfig['thresholds']>;
  /** Width of the noise band in robust standard errors. Default 4. */
  noiseK?: number;
  /** Relative spread assumed when the baseline has fewer than 3 runs. Default 0.15. */
  assumedCv?: number;
  /** Floor of the relative spread of one run. Default 0.02. */
  minCv?: number;
  /** Extra slow tests tolerated before the slow count regresses. Default 0. */
  slowCountTolerance?: number;
  /**
   * Compare each test with its baseline scaled by how much slower or faster the whole run was (the median
   * ratio over the tests that take long enough to say). Default true; false compares as measured.
   */
  normalizeSpeed?: boolean;
  /**
   * The current runs are one run and its confirming reruns: take each value's minimum (noise only adds
   * time) and trust wall time whatever the machine's load. Default false.
   */
  confirmed?: boolean;
}
