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
