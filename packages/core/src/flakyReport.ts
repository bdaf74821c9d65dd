import { writeJsonAtomic } from './atomicWrite';
import { JEST_PERF_CLI } from './command';
import { flakyReportSchema } from './schemas/flakyReport.schema';
import { readValidatedJson } from './validate';

/** Current version of the flaky report format (`.jest-perf/flaky.json`); bump on breaking changes. */
export const FLAKY_REPORT_VERSION = 1;

/**
 * How a test (or a file) behaved over the randomized runs: `flaky` passed in some runs and failed in
 * others, `broken` failed in every run it ran, `stable` never failed.
 */
export type FlakyStatus = 'flaky' | 'broken' | 'stable';

/** One test over all runs of `jest-perf flaky`. */
export interface FlakyTest {
  /** Same id as in the run files: `file › ancestor titles › title` (tags stripped). */
  id: string;
  /** Root-relative POSIX path of the test file. */
  file: string;
  passed: number;
  failed: number;
  /** Runs in which the test was skipped, pending or todo. */
  skipped: number;
  /** Seed of each failed run, in run order: `jest --randomize --seed=<seed> <file>` reproduces it. */
  failingSeeds: number[];
  /** First line of the first failure message; absent when the test never failed. */
  firstFailure?: string;
  status: FlakyStatus;
}

/**
 * A test file that failed outside its tests in at least one run (it did not load, or a hook outside
 * the tests threw). Its tests have no result in those runs, so such failures are counted here, not
 * in the test counts.
 */
export interface FlakyFile {
  file: string;
  /** Runs that included the file. */
  runs: number;
  failedRuns: number;
  failingSeeds: number[];
  firstFailure: string;
  status: Exclude<FlakyStatus, 'stable'>;
}

export interface FlakySummary {
  /** Distinct test ids seen. */
  tests: number;
  /** (test, run) pairs in which the test passed or failed (skips excluded). */
  executions: number;
  /** Executions that failed, flaky and broken tests alike. */
  failedExecutions: number;
  /** Failed executions of flaky tests: failures that another run of the same test contradicts. */
  flakyExecutions: number;
  flakyTests: number;
  brokenTests: number;
  /** `flakyExecutions / executions` (0..1; 0 when nothing ran). Broken tests fail for sure, not by chance. */
  flakeRate: number;
  /** Runs with at least one failed test or a file that failed to run. */
  runsWithFailures: number;
  filesFailedToRun: number;
}

/** What `jest-perf flaky` found over N runs of `jest --randomize`, saved as `.jest-perf/flaky.json`. */
export interface FlakyReport {
  schemaVersion: typeof FLAKY_REPORT_VERSION;
  createdAt: string;
  runs: number;
  /** Seed of each run, in run order. */
  seeds: number[];
  /** Jest arguments the user passed after `--`. */
  jestArgs: string[];
  /** Every test seen, flaky and broken ones first. */
  tests: FlakyTest[];
  /** Files that failed to run at least once. */
  files: FlakyFile[];
  summary: FlakySummary;
}

const FLAKY_FIX = `run \`${JEST_PERF_CLI} flaky\` again to rebuild it (or delete the file)`;

/** Reads and validates a flaky report. @throws JestPerfError naming the file and the field. */
export function readFlakyReport(file: string): FlakyReport {
  return readValidatedJson<FlakyReport>(file, flakyReportSchema, { what: 'flaky report', fix: FLAKY_FIX });
}

/** Writes a flaky report atomically (readers never see half of it). */
export function writeFlakyReport(file: string, report: FlakyReport): void {
  writeJsonAtomic(file, report);
}
