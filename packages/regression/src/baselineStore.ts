import * as fs from 'node:fs';
import {
  assertMeaning,
  type Baseline,
  BUILD_BASELINE,
  baselineProblem,
  JestPerfError,
  readBaselineFile,
  writeJsonAtomic,
} from '@jest-perf/core';

/** What the user runs to (re)create the baseline. */
export const BASELINE_FIX = `Create one from tracked runs: ${BUILD_BASELINE}`;

/** Options of {@link readBaseline}. */
export interface ReadBaselineOptions {
  /** Receives the one-line note read for a baseline of an older format (migrated in memory). Default: stderr. */
  onNote?: (note: string) => void;
}

/**
 * Reads and validates the committed baseline; one of an older format is migrated in memory, with a note.
 * @throws JestPerfError `JEST_PERF_BASELINE_MISSING` when the file does not exist; `JEST_PERF_FILE_CORRUPT`,
 * `JEST_PERF_FILE_INVALID` or `JEST_PERF_VERSION_UNSUPPORTED` naming the file (and field) otherwise.
 */
export function readBaseline(file: string, options: ReadBaselineOptions = {}): Baseline {
  if (!fs.existsSync(file)) {
    throw new JestPerfError('JEST_PERF_BASELINE_MISSING', 'Baseline not found', { file, fix: BASELINE_FIX });
  }
  const fix = `recreate it with \`${BUILD_BASELINE}\` (or restore it from git)`;
  const { baseline, migrated } = readBaselineFile(file, fix);
  assertMeaning(baselineProblem(baseline), 'baseline', file, fix);
  if (migrated) (options.onNote ?? ((note) => process.stderr.write(`jest-perf: ${note}\n`)))(migrated);
  return baseline;
}

/**
 * Writes the baseline atomically (readers see the old file or the new one, never half of it). A baseline its
 * reader would refuse (no tests, absurd numbers) is not written.
 * @throws JestPerfError `JEST_PERF_FILE_INVALID` naming the field.
 */
export function writeBaseline(file: string, baseline: Baseline): void {
  assertMeaning(baselineProblem(baseline), 'baseline', file, 'build it from tracked runs that time tests');
  writeJsonAtomic(file, baseline);
}
