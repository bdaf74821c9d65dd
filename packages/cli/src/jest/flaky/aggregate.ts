import {
  FLAKY_REPORT_VERSION,
  type FlakyFile,
  type FlakyReport,
  type FlakyStatus,
  type FlakySummary,
  type FlakyTest,
} from '@jest-perf/core';
import type { RunOutcome } from './jestResults';

const STATUS_ORDER: Record<FlakyStatus, number> = { flaky: 0, broken: 1, stable: 2 };

/** `flaky` passed and failed, `broken` failed whenever it ran, `stable` never failed. */
export function classify(passed: number, failed: number): FlakyStatus {
  if (failed === 0) return 'stable';
  return passed > 0 ? 'flaky' : 'broken';
}

function byConcern<T extends { status: FlakyStatus }>(key: (item: T) => string, failed: (item: T) => number) {
  return (a: T, b: T) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || failed(b) - failed(a) || key(a).localeCompare(key(b));
}

function aggregateTests(outcomes: RunOutcome[]): FlakyTest[] {
  const tests = new Map<string, FlakyTest>();
  for (const run of outcomes) {
    for (const outcome of run.tests) {
      let test = tests.get(outcome.id);
      if (!test) {
        test = {
          id: outcome.id,
          file: outcome.file,
          passed: 0,
          failed: 0,
          skipped: 0,
          failingSeeds: [],
          status: 'stable',
        };
        tests.set(outcome.id, test);
      }
      test[outcome.status] += 1;
      if (outcome.status === 'failed') {
        test.failingSeeds.push(run.seed);
        test.firstFailure ??= outcome.failure;
      }
    }
  }
  const list = [...tests.values()];
  for (const test of list) test.status = classify(test.passed, test.failed);
  return list.sort(
    byConcern(
      (t) => t.id,
      (t) => t.failed,
    ),
  );
}

function aggregateFiles(outcomes: RunOutcome[]): FlakyFile[] {
  const files = new Map<string, { runs: number; failingSeeds: number[]; firstFailure?: string }>();
  for (const run of outcomes) {
    for (const outcome of run.files) {
      const file = files.get(outcome.file) ?? { runs: 0, failingSeeds: [] };
      files.set(outcome.file, file);
      file.runs += 1;
      if (outcome.failure !== undefined) {
        file.failingSeeds.push(run.seed);
        file.firstFailure ??= outcome.failure;
      }
    }
  }
  const failed: FlakyFile[] = [];
  for (const [file, { runs, failingSeeds, firstFailure }] of files) {
    if (firstFailure === undefined) continue;
    const status = failingSeeds.length === runs ? 'broken' : 'flaky';
    failed.push({ file, runs, failedRuns: failingSeeds.length, failingSeeds, firstFailure, status });
  }
  return failed.sort(
    byConcern(
      (f) => f.file,
      (f) => f.failedRuns,
    ),
  );
}

function summarize(outcomes: RunOutcome[], tests: FlakyTest[], files: FlakyFile[]): FlakySummary {
  const flaky = tests.filter((t) => t.status === 'flaky');
  const executions = tests.reduce((sum, t) => sum + t.passed + t.failed, 0);
  const flakyExecutions = flaky.reduce((sum, t) => sum + t.failed, 0);
  return {
    tests: tests.length,
    executions,
    failedExecutions: tests.reduce((sum, t) => sum + t.failed, 0),
    flakyExecutions,
    flakyTests: flaky.length,
    brokenTests: tests.filter((t) => t.status === 'broken').length,
    flakeRate: executions === 0 ? 0 : flakyExecutions / executions,
    runsWithFailures: outcomes.filter(
      (run) => run.tests.some((t) => t.status === 'failed') || run.files.some((f) => f.failure !== undefined),
    ).length,
    filesFailedToRun: files.length,
  };
}

/**
 * Folds the randomized runs into the flaky report. A test's failures count as flakes only when the
 * same test also passed in another run; a test failing every time is broken, not flaky.
 */
export function aggregateFlaky(outcomes: RunOutcome[], meta: { jestArgs: string[]; createdAt?: Date }): FlakyReport {
  const tests = aggregateTests(outcomes);
  const files = aggregateFiles(outcomes);
  return {
    schemaVersion: FLAKY_REPORT_VERSION,
    createdAt: (meta.createdAt ?? new Date()).toISOString(),
    runs: outcomes.length,
    seeds: outcomes.map((run) => run.seed),
    jestArgs: meta.jestArgs,
    tests,
    files,
    summary: summarize(outcomes, tests, files),
  };
}

/** True when a test flaked or broke, or a file failed to run: the command then exits 1. */
export function hasFailures(report: FlakyReport): boolean {
  const { flakyTests, brokenTests, filesFailedToRun } = report.summary;
  return flakyTests + brokenTests + filesFailedToRun > 0;
}
