import type { JestPerfConfig } from '@jest-perf/core';

/** Every state a verdict can be in. */
export type VerdictKind = 'regressed' | 'improved' | 'unchanged' | 'noisy' | 'new' | 'missing';

/** What a verdict compared, when both a baseline and a current value exist. */
export interface Measurement {
  /** The baseline's median. */
  baselineMs: number;
  /** Median of the current samples. */
  currentMs: number;
  /** `currentMs / baselineMs − 1` (+0.5 = 50 % slower). */
  change: number;
  /** Relative threshold applied (0.2 = 20 %). */
  threshold: number;
  /** Relative half-width of the noise band (0.06 = ±6 %): changes inside it are indistinguishable from noise. */
  noiseBand: number;
  baselineSamples: number;
  currentSamples: number;
  /** True when the baseline had too few runs to measure its spread, so `assumedCv` stood in for it. */
  assumedNoise: boolean;
}

/** The verdict on one test or suite, keyed on `kind`. */
export type Verdict =
  | ({ kind: 'regressed' } & Measurement)
  | ({ kind: 'improved' } & Measurement)
  | ({ kind: 'unchanged' } & Measurement)
  | ({
      kind: 'noisy';
      /** Current samples whose noise band would be narrower than this change; null when no count would. */
      samplesNeeded: number | null;
    } & Measurement)
  | { kind: 'new'; currentMs: number; currentSamples: number }
  | { kind: 'missing'; baselineMs: number; baselineSamples: number };

/** A verdict on one test. */
export type TestVerdict = Verdict & {
  id: string;
  file: string;
  /** The folder of the test file. */
  suite: string;
};

/** A verdict on one suite (the folder of its test files, durations summed per run). */
export type SuiteVerdict = Verdict & {
  suite: string;
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

/** Knobs of the verdicts beyond the core config; every one has a documented default. */
export interface VerdictOptions {
  /** Overrides of the baseline's stored thresholds (pass the current config's to apply it). */
  thresholds?: Partial<JestPerfConfig['thresholds']>;
  /** Width of the noise band in standard errors of the compared medians. Default 3. */
  noiseK?: number;
  /** Relative spread assumed when the baseline has fewer than 3 runs. Default 0.1. */
  assumedCv?: number;
  /** Floor of the relative spread, for baselines whose runs happened to agree exactly. Default 0.01. */
  minCv?: number;
  /** Extra slow tests tolerated before the slow count regresses. Default 0. */
  slowCountTolerance?: number;
  /**
   * Compare each test with its baseline scaled by how much slower or faster the whole run was (the median
   * ratio over the tests: a shared machine's load). Default true; false compares as measured.
   */
  normalizeSpeed?: boolean;
}
