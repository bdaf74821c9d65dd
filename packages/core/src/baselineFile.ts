import { JEST_PERF_CLI } from './command';
import { baselineSchema, baselineV1Schema } from './schemas/baseline.schema';
import {
  BASELINE_VERSION,
  type Baseline,
  type BaselineOverrides,
  type BaselineSuite,
  type BaselineTest,
} from './types';
import { readVersionedJson, validateWith } from './validate';

/** A version-1 baseline: the config's thresholds copied globally and into every test and suite. */
export interface BaselineV1 extends Omit<Baseline, 'schemaVersion' | 'overrides' | 'tests' | 'suites'> {
  schemaVersion: 1;
  thresholds: { test: number; suite: number; minAbsoluteMs: number };
  tests: Record<string, BaselineTest & { threshold: number }>;
  suites: Record<string, BaselineSuite & { threshold: number }>;
}

/** What {@link readBaselineFile} returns: the baseline, and a one-line note when it was migrated on read. */
export interface ReadBaseline {
  baseline: Baseline;
  /** Set when the file is of an older format: what was kept and how to save the new format. */
  migrated: string | null;
}

/**
 * Turns a version-1 baseline into the current format. Version 1 copied the config's thresholds into every
 * entry, so only a test threshold that differs from the file's global one can have been set by hand: it
 * becomes an override; the others are dropped (the current config applies, as it did). Suite thresholds are
 * dropped: the check never read them.
 */
export function migrateBaselineV1(old: BaselineV1): { baseline: Baseline; handSet: number } {
  const overrides: BaselineOverrides = { tests: {}, files: {} };
  const tests: Record<string, BaselineTest> = {};
  for (const [id, { threshold, ...test }] of Object.entries(old.tests)) {
    tests[id] = test;
    if (threshold !== old.thresholds.test) overrides.tests[id] = threshold;
  }
  const suites: Record<string, BaselineSuite> = {};
  for (const [name, { threshold: _threshold, ...suite }] of Object.entries(old.suites)) suites[name] = suite;
  const { thresholds: _thresholds, schemaVersion: _version, tests: _tests, suites: _suites, ...rest } = old;
  const baseline: Baseline = { schemaVersion: BASELINE_VERSION, ...rest, overrides, tests, suites };
  return { baseline, handSet: Object.keys(overrides.tests).length };
}

/**
 * Reads a baseline file of any supported version and validates it against its version's schema; an older
 * one is migrated in memory (the file is not touched: it is committed, and changing it is the user's call).
 * @throws JestPerfError naming the file (and field) when it is unreadable, invalid or too new.
 */
export function readBaselineFile(file: string, fix: string): ReadBaseline {
  const what = 'baseline';
  const value = readVersionedJson(file, { what, fix, newestVersion: BASELINE_VERSION });
  if ((value as { schemaVersion?: unknown } | null)?.schemaVersion !== 1) {
    return { baseline: validateWith<Baseline>(baselineSchema, value, { what, fix, file }), migrated: null };
  }
  const { baseline, handSet } = migrateBaselineV1(
    validateWith<BaselineV1>(baselineV1Schema, value, { what, fix, file }),
  );
  const kept =
    handSet > 0 ? `its ${handSet} hand-set test threshold(s) kept as overrides` : 'no hand-set threshold in it';
  return {
    baseline,
    migrated:
      `Baseline ${file} is in format 1 (thresholds copied into every test): read as format ${BASELINE_VERSION}, ` +
      `${kept}. Save it in the new format: ${JEST_PERF_CLI} baseline --migrate`,
  };
}
