import * as path from 'node:path';
import { RUN_FILE_VERSION, type RunFile, writeJsonAtomic } from '@jest-perf/core';

/** A seeded PRNG (mulberry32, Box–Muller for normals) so every run of the bench prints the same numbers. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal. */
  normal(): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** `<rootDir>/.jest-perf/latest.json` with these file runtimes: what the sequencer splits by when no baseline exists. */
export function writeLatestRun(rootDir: string, durations: ReadonlyMap<string, number>): void {
  writeJsonAtomic(path.join(rootDir, '.jest-perf', 'latest.json'), runWithFiles(durations));
}

/** A schema-valid run whose only content is its files' runtimes: what shard planning reads. */
export function runWithFiles(durations: ReadonlyMap<string, number>, shard: RunFile['shard'] = null): RunFile {
  return {
    schemaVersion: RUN_FILE_VERSION,
    runId: '2026-11-24T00-00-00-000Z-0000',
    startedAt: '2026-11-24T00:00:00.000Z',
    endedAt: '2026-11-24T00:00:00.000Z',
    jestVersion: '30.5.2',
    nodeVersion: process.version,
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'bench', cores: 1, totalMemoryMb: 1 },
    git: null,
    shard,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30_000,
    tests: [],
    files: [...durations].map(([file, runtimeMs]) => ({
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

export interface Balance {
  totals: number[];
  max: number;
  mean: number;
  min: number;
}

/** Each shard's total time, and the largest, mean and smallest of them. */
export function balance(totals: number[]): Balance {
  const mean = totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length);
  return { totals, max: Math.max(...totals), mean, min: Math.min(...totals) };
}

export const seconds = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1));
export const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : '∞');
export const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
