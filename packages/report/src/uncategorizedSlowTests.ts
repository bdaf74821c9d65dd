import type { RunFile, TestRecord } from '@jest-perf/core';

/** Tests over the slow threshold that carry no `slow` tag, slowest first. */
export function uncategorizedSlowTests(run: RunFile, slowTestMs = run.slowTestMs): TestRecord[] {
  return run.tests
    .filter((test) => test.durationMs > slowTestMs && !test.tags.includes('slow'))
    .sort((a, b) => b.durationMs - a.durationMs);
}
