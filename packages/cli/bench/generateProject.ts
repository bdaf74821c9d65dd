import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONFIG_FILE,
  type DataPaths,
  dataPaths,
  loadConfig,
  type RunFile,
  type TestRecord,
  writeJsonAtomic,
} from '@jest-perf/core';
import { buildBaseline, writeBaseline } from '@jest-perf/regression';

/** mulberry32: every bench run generates the same project. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchProject {
  root: string;
  paths: DataPaths;
  remove(): void;
}

/**
 * A project with `runs` tracked runs of `tests` tests, as the reporter leaves it: one run file per run in
 * `runs/` (written one at a time, never all in memory), latest.json (the newest run), a baseline from
 * the 10 runs before it, and no history index yet (the first command builds it: the cold case).
 * 2 % of the tests get 50 % slower 50 runs before the end (trends to find), 0.5 % regress in the latest
 * run (verdicts to print).
 */
export function generateProject(tests: number, runs: number, seed = 20_261_124): BenchProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cli-bench-'));
  fs.writeFileSync(path.join(root, CONFIG_FILE), JSON.stringify({ historySize: runs }));
  const config = loadConfig(root);
  const paths = dataPaths(config);
  const next = random(seed);
  const files = Array.from({ length: tests }, (_, t) => `src/module${t % 50}/feature${t % 500}.test.ts`);
  const ids = files.map((file, t) => `${file} › group ${t % 7} › does thing ${t}`);
  const base = ids.map(() => 5 + 995 * next() ** 2);
  const step = ids.map(() => (next() < 0.02 ? 1.5 : 1));
  const regressed = ids.map(() => (next() < 0.005 ? 2 : 1));
  const duration = (t: number, r: number): number => {
    const factor = (r >= runs - 50 ? (step[t] as number) : 1) * (r === runs - 1 ? (regressed[t] as number) : 1);
    return Math.round((base[t] as number) * factor * (0.9 + 0.2 * next()) * 1000) / 1000;
  };
  const runIds = Array.from({ length: runs }, (_, r) => `2026-01-01T00-00-00-000Z-${String(r).padStart(4, '0')}`);
  const startedAt = runIds.map((_, r) => new Date(Date.UTC(2026, 0, 1) + r * 3_600_000).toISOString());
  const recent: RunFile[] = [];
  for (let r = 0; r < runs; r += 1) {
    const durations = ids.map((_, t) => duration(t, r));
    const run = runFile(runIds[r] as string, startedAt[r] as string, ids, files, durations);
    run.git = { commit: `${r.toString(16).padStart(7, '0')}abc`, branch: 'main' };
    fs.mkdirSync(paths.runsDir, { recursive: true });
    fs.writeFileSync(path.join(paths.runsDir, `${run.runId}.json`), `${JSON.stringify(run)}\n`);
    if (r >= runs - 11) recent.push(run);
  }
  writeJsonAtomic(paths.latest, recent[recent.length - 1]);
  writeBaseline(paths.baseline, buildBaseline(recent.slice(0, -1), config));
  return { root, paths, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

function runFile(runId: string, startedAt: string, ids: string[], files: string[], durations: number[]): RunFile {
  const tests = ids.map(
    (id, t): TestRecord => ({
      id,
      file: files[t] as string,
      ancestorTitles: [id.split(' › ')[1] as string],
      title: id.split(' › ')[2] as string,
      durationMs: durations[t] as number,
      setupMs: 0,
      status: 'passed',
      tags: [],
      retries: 0,
      worker: 1 + (t % 4),
      line: 10 + (t % 40),
    }),
  );
  const totalDurationMs = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    schemaVersion: 1,
    runId,
    startedAt,
    endedAt: startedAt,
    jestVersion: '30.5.2',
    nodeVersion: process.version,
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'bench', cores: 4, totalMemoryMb: 8192 },
    git: { commit: 'abc1234', branch: 'main' },
    shard: null,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30_000,
    tests,
    files: [...new Set(files)].map((file) => ({
      path: file,
      runtimeMs: 1000,
      setupMs: 10,
      loadEnvironmentMs: 5,
      hookMs: 0,
      tags: [],
      worker: 1,
      execError: false,
      hooks: [],
    })),
    summary: {
      total: tests.length,
      passed: tests.length,
      failed: 0,
      skipped: 0,
      slowCount: 0,
      totalDurationMs,
      averageDurationMs: totalDurationMs / tests.length,
      hookMs: 0,
      wallMs: totalDurationMs / 4,
    },
    counters: {},
  };
}
