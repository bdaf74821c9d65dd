import type { CounterGroups, FileRecord, RunSummary, TestRecord } from './types';

/** A run's summary from its tests and files; `wallMs` is the caller's (one run, or the longest shard). */
export function summarizeRun(
  tests: readonly TestRecord[],
  hookMs: number,
  slowTestMs: number,
  wallMs: number,
): RunSummary {
  const ran = tests.filter((t) => t.status === 'passed' || t.status === 'failed');
  const totalDurationMs = ran.reduce((sum, t) => sum + t.durationMs, 0);
  return {
    total: tests.length,
    passed: tests.filter((t) => t.status === 'passed').length,
    failed: tests.filter((t) => t.status === 'failed').length,
    skipped: tests.filter((t) => t.status === 'skipped' || t.status === 'todo').length,
    slowCount: ran.filter((t) => t.durationMs > slowTestMs).length,
    totalDurationMs,
    averageDurationMs: ran.length > 0 ? totalDurationMs / ran.length : 0,
    hookMs,
    wallMs,
  };
}

/** Sum of the files' hook time. */
export function totalHookMs(files: readonly FileRecord[]): number {
  return files.reduce((sum, f) => sum + f.hookMs, 0);
}

/** Adds every counter of `from` into `into` (workers of one run, or shards of one CI build). */
export function addCounters(into: CounterGroups, from: CounterGroups): void {
  for (const [group, values] of Object.entries(from)) {
    const target = (into[group] ??= {});
    for (const [name, value] of Object.entries(values)) target[name] = (target[name] ?? 0) + value;
  }
}

/** Each file's summed test durations (Jest's, `beforeEach`/`afterEach` included), by file path. */
export function testTimeByFile(tests: readonly TestRecord[]): Map<string, number> {
  const byFile = new Map<string, number>();
  for (const test of tests) byFile.set(test.file, (byFile.get(test.file) ?? 0) + test.durationMs);
  return byFile;
}

/**
 * A file's start-up: its runtime outside its tests and `beforeAll`/`afterAll` hooks (environment, setup
 * files, transform, module loading); `testsMs` is its tests' summed durations ({@link testTimeByFile}).
 * The regression gate's per-file series uses the same rule.
 */
export function fileStartupMs(file: FileRecord, testsMs: number): number {
  let onceHooksMs = 0;
  for (const hook of file.hooks) {
    if (hook.type === 'beforeAll' || hook.type === 'afterAll') onceHooksMs += hook.totalMs;
  }
  return Math.max(0, file.runtimeMs - testsMs - onceHooksMs);
}
