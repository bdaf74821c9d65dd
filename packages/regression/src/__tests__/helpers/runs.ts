import type { RunFile, TestRecord, TestStatus } from '@jest-perf/core';

/** `[id, durationMs, status?]`; the file is the id's first segment. */
export type TestRow = [id: string, durationMs: number, status?: TestStatus];

/** A schema-valid run file holding the given tests. */
export function makeRun(runId: string, rows: readonly TestRow[], commit: string | null = `c-${runId}`): RunFile {
  const tests: TestRecord[] = rows.map(([id, durationMs, status = 'passed']) => {
    const parts = id.split(' › ');
    return {
      id,
      file: parts[0] as string,
      ancestorTitles: parts.slice(1, -1),
      title: parts[parts.length - 1] as string,
      durationMs,
      setupMs: 0,
      status,
      tags: [],
      retries: 0,
      worker: 1,
    };
  });
  const total = tests.reduce((sum, test) => sum + test.durationMs, 0);
  return {
    schemaVersion: 1,
    runId,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:01.000Z',
    jestVersion: '30.5.2',
    nodeVersion: 'v20.0.0',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, totalMemoryMb: 1024 },
    git: commit === null ? null : { commit, branch: 'main' },
    shard: null,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30_000,
    tests,
    files: [],
    summary: {
      total: tests.length,
      passed: tests.filter((test) => test.status === 'passed').length,
      failed: tests.filter((test) => test.status === 'failed').length,
      skipped: 0,
      slowCount: 0,
      totalDurationMs: total,
      averageDurationMs: tests.length > 0 ? total / tests.length : 0,
      hookMs: 0,
      wallMs: total,
    },
    counters: {},
  };
}

/** `count` runs `r0…` in which every test takes `ms × (1 + jitter)`, jitter cycling through ±`spread`. */
export function makeRuns(count: number, tests: Record<string, number>, spread = 0.05): RunFile[] {
  const jitter = [0, 1, -1, 0.5, -0.5];
  return Array.from({ length: count }, (_, r) =>
    makeRun(
      `r${r}`,
      Object.entries(tests).map(([id, ms]): TestRow => [id, ms * (1 + spread * (jitter[r % jitter.length] as number))]),
    ),
  );
}
