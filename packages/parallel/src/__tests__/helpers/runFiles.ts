import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunFile } from '@jest-perf/core';

/** A schema-valid run file whose only content is its files' runtimes (what shard planning reads). */
export function runWithFiles(files: Record<string, number>, shard: RunFile['shard'] = null): RunFile {
  return {
    schemaVersion: 1,
    runId: 'r1',
    startedAt: '2026-11-24T10:00:00.000Z',
    endedAt: '2026-11-24T10:00:01.000Z',
    jestVersion: '30',
    nodeVersion: 'v20',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'x', cores: 2, totalMemoryMb: 1 },
    git: null,
    shard,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30000,
    tests: [],
    files: Object.entries(files).map(([file, runtimeMs]) => ({
      path: file,
      runtimeMs,
      setupMs: 0,
      loadEnvironmentMs: 0,
      hookMs: 0,
      tags: [],
      worker: 1,
      execError: false,
      hooks: [],
    })),
    summary: {
      total: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      slowCount: 0,
      totalDurationMs: 0,
      averageDurationMs: 0,
      hookMs: 0,
      wallMs: 0,
    },
    counters: {},
  };
}

/** Writes `run` to `<root>/.jest-perf/<file>` (default latest.json), folders created. */
export function writeRun(root: string, run: RunFile, file = 'latest.json'): void {
  const target = path.join(root, '.jest-perf', file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(run));
}
