import * as fs from 'node:fs';
import type { FileRecord } from '@jest-perf/core';

/** The first 4 KiB of a file (its leading docblock), or null when it cannot be read. */
export function readSourceHead(file: string): string | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(4096);
    return buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** What to do when a test file ran outside jest-perf's environment: said once per run, with the fix. */
export const UNTIMED_FIX =
  "wrap your Jest config: module.exports = withJestPerf(config) (const { withJestPerf } = require('@jest-perf/preset')), " +
  "or set testEnvironment: '@jest-perf/environment' with testEnvironmentOptions: { jestPerf: { base: '<your environment>' } }";

/** The `@jest-environment` of a file's leading docblock (where jest-docblock reads it), else null. */
export function environmentDocblock(source: string): string | null {
  const docblock = /^\s*(\/\*\*?[\s\S]*?\*\/)/.exec(source)?.[1];
  return docblock ? (/@jest-environment\s+(\S+)/.exec(docblock)?.[1] ?? null) : null;
}

/** The fix for a file whose docblock picks its environment: a docblock that keeps jest-perf's around it. */
function docblockFix(environment: string): string {
  const known: Record<string, string> = {
    node: '@jest-perf/environment/node',
    'jest-environment-node': '@jest-perf/environment/node',
    jsdom: '@jest-perf/environment/jsdom',
    'jest-environment-jsdom': '@jest-perf/environment/jsdom',
  };
  const same = known[environment];
  return same
    ? `write \`@jest-environment ${same}\` instead`
    : `write \`@jest-environment @jest-perf/environment\` with \`@jest-environment-options {"jestPerf":{"base":"${environment}"}}\``;
}

/**
 * One line naming the test files whose environment wrote no record (not jest-perf's: a `testEnvironment`
 * of the project's own overrode the preset's, or a `@jest-environment` docblock), so their hook time is
 * missing; `undefined` when every file that ran was timed. Files that failed to run are reported as such.
 */
export function untimedFilesNote(
  files: readonly FileRecord[],
  readSource: (path: string) => string | null = () => null,
): string | undefined {
  const untimed = files.filter((file) => file.worker === null && !file.execError);
  const example = untimed[0]?.path;
  if (example === undefined) return undefined;
  const head = `jest-perf: ${untimed.length} of ${files.length} test file(s) ran without jest-perf's environment (e.g. ${example}), so their hook time is not recorded.`;
  const source = readSource(example);
  const environment = source === null ? null : environmentDocblock(source);
  if (environment === null) return `${head} Fix: ${UNTIMED_FIX}.`;
  return `${head} ${example}: its \`@jest-environment ${environment}\` docblock replaces the configured environment; ${docblockFix(environment)}.`;
}
