import type { FileRecord } from '@jest-perf/core';

/** What to do when a test file ran outside jest-perf's environment: said once per run, with the fix. */
export const UNTIMED_FIX =
  "wrap your Jest config: module.exports = withJestPerf(config) (const { withJestPerf } = require('@jest-perf/preset')), " +
  "or set testEnvironment: '@jest-perf/environment' with testEnvironmentOptions: { jestPerf: { base: '<your environment>' } }";

/**
 * One line naming the test files whose environment wrote no record (not jest-perf's: a `testEnvironment`
 * of the project's own overrode the preset's, or a `@jest-environment` docblock), so their hook time is
 * missing; `undefined` when every file that ran was timed. Files that failed to run are reported as such.
 */
export function untimedFilesNote(files: readonly FileRecord[]): string | undefined {
  const untimed = files.filter((file) => file.worker === null && !file.execError);
  if (untimed.length === 0) return undefined;
  const example = untimed[0]?.path;
  return (
    `jest-perf: ${untimed.length} of ${files.length} test file(s) ran without jest-perf's environment (e.g. ${example}), ` +
    `so their hook time is not recorded. Fix: ${UNTIMED_FIX}.`
  );
}
