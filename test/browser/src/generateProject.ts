import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONFIG_FILE,
  type DataPaths,
  dataPaths,
  type FileRecord,
  type FlakyReport,
  type FlakyStatus,
  type FlakyTest,
  type HookRecord,
  loadConfig,
  type RunFile,
  saveRun,
  type TestRecord,
  type TestStatus,
  writeFlakyReport,
} from '@jest-perf/core';

/** mulberry32: the same project on every run of the test. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The tests the assertions look for. */
export const STEPPED_ID = 'src/checkout/cart.test.ts › cart › totals the basket';
export const REGRESSED_ID = 'src/orders/orders.test.ts › orders › lists open orders';
export const XSS_TITLE = '</script><script>alert(1)</script> <!-- renders as text';
export const XSS_ID = `src/security/escape.test.ts › ${XSS_TITLE}`;
/** Run index (0-based) of the first run after the stepped test doubled. */
export const STEP_AT = 15;
export const REGRESSED_BEFORE_MS = 300;
export const REGRESSED_AFTER_MS = 900;

interface TestSpec {
  id: string;
  file: string;
  ancestorTitles: string[];
  title: string;
  baseMs: number;
  status: TestStatus;
  tags: string[];
  setupMs: number;
}

export interface GeneratedProject {
  root: string;
  paths: DataPaths;
  /** The newest run (the one the report shows). */
  latest: RunFile;
  flaky: FlakyReport;
  /** Saves the run with this index (0-based) as runs/<id>.json and latest.json. */
  saveRun(index: number): RunFile;
  remove(): void;
}

function specs(count: number, next: () => number): TestSpec[] {
  const tests: TestSpec[] = [];
  for (let t = 0; tests.length < count - 3; t += 1) {
    const file = `src/module${t % 50}/feature${t % 500}.test.ts`;
    const group = `group ${t % 7}`;
    const title = `does thing ${t}`;
    const status: TestStatus = t % 500 === 3 ? 'failed' : t % 250 === 7 ? 'skipped' : 'passed';
    const tags = [...(t % 25 === 0 ? ['db'] : []), ...(t % 40 === 0 ? ['slow'] : [])];
    // Heavy-tailed like real suites: most tests take milliseconds, a few take seconds.
    const baseMs = 2 + 4000 * next() ** 4;
    const setupMs = (t % 500) % 10 === 0 ? 50 : 0;
    tests.push({
      id: `${file} › ${group} › ${title}`,
      file,
      ancestorTitles: [group],
      title,
      baseMs,
      status,
      tags,
      setupMs,
    });
  }
  const special = (id: string, baseMs: number): TestSpec => {
    const [file, ...rest] = id.split(' › ');
    const title = rest.pop() as string;
    return { id, file: file as string, ancestorTitles: rest, title, baseMs, status: 'passed', tags: [], setupMs: 0 };
  };
  tests.push(special(STEPPED_ID, 100), special(REGRESSED_ID, REGRESSED_BEFORE_MS), special(XSS_ID, 40));
  return tests;
}

function hooksOf(file: string, index: number): HookRecord[] {
  const hooks: HookRecord[] = [];
  if (index % 10 === 0)
    hooks.push({ type: 'beforeEach', describePath: [], line: 4, calls: 20, totalMs: 1000, maxMs: 70 });
  if (index % 25 === 0) {
    hooks.push({ type: 'beforeAll', describePath: [], line: 2, calls: 1, totalMs: 800 + index, maxMs: 800 + index });
  }
  return file.startsWith('src/module') ? hooks : [];
}

function makeRun(index: number, runs: number, tests: TestSpec[], next: () => number): RunFile {
  const startedAt = new Date(Date.UTC(2026, 0, 1, index)).toISOString();
  const records = tests.map((spec, t): TestRecord => {
    // ±2 % noise: inside the change-point detector's 5 % floor, so only the injected step is a change point.
    let durationMs = spec.baseMs * (0.98 + 0.04 * next());
    if (spec.id === STEPPED_ID && index >= STEP_AT) durationMs *= 2;
    if (spec.id === REGRESSED_ID && index === runs - 1) durationMs = REGRESSED_AFTER_MS;
    const ran = spec.status !== 'skipped';
    return {
      id: spec.id,
      file: spec.file,
      ancestorTitles: spec.ancestorTitles,
      title: spec.title,
      durationMs: ran ? Math.round(durationMs * 1000) / 1000 : 0,
      setupMs: ran ? spec.setupMs : 0,
      status: spec.status,
      tags: spec.tags,
      retries: 0,
      worker: 1 + (t % 2),
      line: 10 + (t % 40),
      // The injected regression computes: its CPU time moves with it, which fails the check from one run (wall
      // time of one run alone does not).
      ...(spec.id === REGRESSED_ID && ran ? { cpuMs: Math.round(durationMs * 1000) / 1000 } : {}),
    };
  });
  const fileNames = [...new Set(tests.map((spec) => spec.file))];
  const files = fileNames.map((file, i): FileRecord => {
    const hooks = hooksOf(file, i);
    return {
      path: file,
      runtimeMs: 1000,
      setupMs: 10,
      loadEnvironmentMs: 5,
      hookMs: hooks.reduce((sum, hook) => sum + hook.totalMs, 0),
      tags: [],
      worker: 1 + (i % 2),
      execError: false,
      hooks,
    };
  });
  const ran = records.filter((r) => r.status === 'passed' || r.status === 'failed');
  const totalDurationMs = ran.reduce((sum, r) => sum + r.durationMs, 0);
  return {
    schemaVersion: 1,
    runId: `2026-01-01T00-00-00-000Z-${String(index).padStart(4, '0')}`,
    startedAt,
    endedAt: startedAt,
    jestVersion: '30.5.2',
    nodeVersion: process.version,
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'Browser Test CPU', cores: 2, totalMemoryMb: 24_000 },
    git: { commit: `${index.toString(16).padStart(7, '0')}c0ffee`, branch: 'main' },
    shard: null,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 3000,
    tests: records,
    files,
    summary: {
      total: records.length,
      passed: records.filter((r) => r.status === 'passed').length,
      failed: records.filter((r) => r.status === 'failed').length,
      skipped: records.filter((r) => r.status === 'skipped').length,
      slowCount: ran.filter((r) => r.durationMs > 3000).length,
      totalDurationMs,
      averageDurationMs: totalDurationMs / ran.length,
      hookMs: files.reduce((sum, f) => sum + f.hookMs, 0),
      wallMs: totalDurationMs / 2,
    },
    counters: { fixtureCache: { hits: 45, misses: 5, memoryHits: 20, timeSavedMs: 12_000, buildMs: 3_000 } },
  };
}

/** A flaky report of 10 randomized runs: one flaky test (3 failures), one broken, the rest stable. */
function flakyReport(tests: TestSpec[]): FlakyReport {
  const seeds = Array.from({ length: 10 }, (_, i) => 1000 + i);
  const sample = tests.slice(0, 50).map((spec, i): FlakyTest => {
    const status: FlakyStatus = i === 0 ? 'flaky' : i === 1 ? 'broken' : 'stable';
    const failed = status === 'flaky' ? 3 : status === 'broken' ? 10 : 0;
    return {
      id: spec.id,
      file: spec.file,
      passed: 10 - failed,
      failed,
      skipped: 0,
      failingSeeds: seeds.slice(0, failed),
      ...(failed > 0 ? { firstFailure: 'expect(received).toBe(expected)' } : {}),
      status,
    };
  });
  return {
    schemaVersion: 1,
    createdAt: '2026-01-02T00:00:00.000Z',
    runs: 10,
    seeds,
    jestArgs: [],
    tests: sample,
    files: [],
    summary: {
      tests: 50,
      executions: 500,
      failedExecutions: 13,
      flakyExecutions: 3,
      flakyTests: 1,
      brokenTests: 1,
      flakeRate: 3 / 500,
      runsWithFailures: 10,
      filesFailedToRun: 0,
    },
  };
}

/**
 * A project with `runs` runs of `count` tests (the runs are generated up front; `saveRun` stores them one at a
 * time so a baseline can be built before the last one): a test that doubles at run {@link STEP_AT} (a change
 * point), one that triples in the last run (a regression), a title full of HTML, hooks, cache counters and a
 * flaky report.
 */
export function generateProject(count: number, runs: number): GeneratedProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-browser-'));
  fs.writeFileSync(path.join(root, CONFIG_FILE), JSON.stringify({ historySize: runs, slowTestMs: 3000 }));
  const config = loadConfig(root);
  const paths = dataPaths(config);
  const next = random(20_261_124);
  const tests = specs(count, next);
  const all = Array.from({ length: runs }, (_, i) => makeRun(i, runs, tests, next));
  const flaky = flakyReport(tests);
  writeFlakyReport(paths.flaky, flaky);
  return {
    root,
    paths,
    latest: all[runs - 1] as RunFile,
    flaky,
    saveRun: (index) => {
      const run = all[index] as RunFile;
      saveRun(paths, run, runs);
      return run;
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
