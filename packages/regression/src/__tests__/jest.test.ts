import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type DataPaths,
  dataPaths,
  type FileRecord,
  loadConfig,
  type RunFile,
  type RunLoad,
  saveRun,
} from '@jest-perf/core';
import { writeBaseline } from '../baselineStore';
import { buildBaseline } from '../buildBaseline';
import { describePerformanceRegression, type JestGlobals, SKIP_NO_BASELINE, SKIP_NO_RUN_DATA } from '../jest';
import { makeRun, makeRuns } from './helpers/runs';

interface Declared {
  name: string;
  fn: (() => void) | undefined;
  skipped: boolean;
}

/** Fake Jest globals that record what the helper declares at collection time. */
function capture(): { globals: JestGlobals; declared: Declared[]; describes: string[] } {
  const declared: Declared[] = [];
  const describes: string[] = [];
  const it = Object.assign((name: string, fn: () => void) => declared.push({ name, fn, skipped: false }), {
    skip: (name: string, fn?: () => void) => declared.push({ name, fn, skipped: true }),
  });
  const describe = (name: string, fn: () => void) => {
    describes.push(name);
    fn();
  };
  return { globals: { describe, it }, declared, describes };
}

/** Runs a declared test body; returns its error message, or null when it passed. */
function outcome(test: Declared | undefined): string | null {
  try {
    test?.fn?.();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const MAPPER = 'tests/core/mapper.test.ts › ColumnMapper › loads config';
let root: string;
let paths: DataPaths;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-helper-'));
  paths = dataPaths(loadConfig(root));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const QUIET: RunLoad = { othersCpuShare: 0.02, loadPerCore: 0.5, cpuPressure: null, busy: false };
const BUSY: RunLoad = { othersCpuShare: 0.6, loadPerCore: 2, cpuPressure: 40, busy: true };

/** The run with a file record per test file, as the reporter writes it: its tests plus 200 ms of start-up. */
function withFiles(run: RunFile): RunFile {
  const testsMs = new Map<string, number>();
  for (const test of run.tests) testsMs.set(test.file, (testsMs.get(test.file) ?? 0) + test.durationMs);
  const files = [...testsMs].map(
    ([file, ms]): FileRecord => ({
      path: file,
      runtimeMs: ms + 200,
      setupMs: 0,
      loadEnvironmentMs: 0,
      hookMs: 0,
      tags: [],
      worker: 1,
      execError: false,
      hooks: [],
    }),
  );
  return { ...run, files };
}

function withBaseline(): void {
  const config = loadConfig(root);
  const runs = makeRuns(10, { [MAPPER]: 1200, 'tests/ui/b.test.ts › b': 300 }).map(withFiles);
  writeBaseline(paths.baseline, buildBaseline(runs, config));
}

/** Tracks a run in which the mapper test took `mapperMs` on a machine as busy as `load` says. */
function track(mapperMs: number, runId = 'now', load: RunLoad = QUIET): void {
  const run = makeRun(runId, [
    [MAPPER, mapperMs],
    ['tests/ui/b.test.ts › b', 300],
  ]);
  saveRun(paths, { ...withFiles(run), load }, 50);
}

describe('describePerformanceRegression', () => {
  it('skips with a clear message when the baseline is missing', () => {
    const { globals, declared, describes } = capture();
    describePerformanceRegression({ rootDir: root }, globals);
    expect(describes).toEqual(['performance regression']);
    expect(declared).toEqual([{ name: SKIP_NO_BASELINE, fn: expect.any(Function), skipped: true }]);
    expect(SKIP_NO_BASELINE).toBe('Baseline not found. Run `npx jest-perf baseline` to create one.');
    expect(outcome(declared[0])).toBeNull();
  });

  it('skips with a clear message when no run was tracked yet', () => {
    withBaseline();
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root }, globals);
    expect(declared.map((d) => [d.name, d.skipped])).toEqual([[SKIP_NO_RUN_DATA, true]]);
    expect(SKIP_NO_RUN_DATA).toBe('No performance data. Run `npx jest-perf track` first.');
  });

  it('declares checks of tests, suites and the slow count that fail with before/after messages', () => {
    withBaseline();
    track(1800, 'n1');
    track(1790, 'n2');
    track(1820, 'n3');
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root, title: 'perf', current: { fromHistory: 3 } }, globals);
    expect(declared.map((d) => [d.name, d.skipped])).toEqual([
      ['no test is slower than its baseline', false],
      ['no suite is slower than its baseline', false],
      ['the slow-test count did not grow', false],
    ]);
    expect(outcome(declared[0])).toMatch(
      /^1 test slower than the baseline:\n {2}tests\/core\/mapper\.test\.ts › ColumnMapper › loads config: 1\.20 s → 1\.80 s \(\+600 ms, \+50\.0 %; threshold 20 %, noise ±\d+ ms\)$/,
    );
    // Neither the mapper's file nor the whole run is named again: the mapper's 600 ms explains both.
    expect(outcome(declared[1])).toBeNull();
    expect(outcome(declared[2])).toBeNull();
  });

  it('does not fail on a wall-time slowdown of the latest run alone: a stall looks the same', () => {
    withBaseline();
    track(1800);
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root }, globals);
    expect(declared.map(outcome)).toEqual([null, null, null]);
  });

  it('does not fail on a large slowdown measured on a busy machine: wall time alone cannot confirm it', () => {
    withBaseline();
    track(1800, 'now', BUSY);
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root }, globals);
    expect(declared.map(outcome)).toEqual([null, null, null]);
  });

  it('passes when nothing regressed', () => {
    withBaseline();
    track(1210);
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root }, globals);
    expect(declared.map(outcome)).toEqual([null, null, null]);
  });

  it('fails the slow-count check when more tests pass slowTestMs', () => {
    fs.writeFileSync(path.join(root, 'jest-perf.config.json'), JSON.stringify({ slowTestMs: 1500 }));
    withBaseline();
    track(1600);
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root, thresholds: { test: 5, suite: 5 } }, globals);
    expect(outcome(declared[2])).toBe(`The slow-test count grew:\n  slow tests (over 1.50 s): 0 → 1 (+1): ${MAPPER}`);
  });

  it('declares one check per test and suite with granularity each', () => {
    withBaseline();
    track(1800, 'n1');
    track(1790, 'n2');
    track(1820, 'n3');
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root, granularity: 'each', current: { fromHistory: 3 } }, globals);
    expect(declared.map((d) => [d.name, outcome(d) !== null])).toEqual([
      [`test ${MAPPER} is not slower`, true],
      ['test tests/ui/b.test.ts › b is not slower', false],
      ['suite tests/core/mapper.test.ts is not slower', false],
      ['suite tests/core/mapper.test.ts › start-up is not slower', false],
      ['suite tests/ui/b.test.ts is not slower', false],
      ['suite tests/ui/b.test.ts › start-up is not slower', false],
      ['suite whole run is not slower', false],
      ['the slow-test count did not grow', false],
    ]);
  });

  it('can take the median of the newest history runs as the current value', () => {
    withBaseline();
    track(1800, 'r1');
    track(1190, 'r2');
    track(1210, 'r3');
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root, current: { fromHistory: 3 } }, globals);
    expect(declared.map(outcome)).toEqual([null, null, null]);
  });

  it('declares a failing test when the data cannot be read', () => {
    withBaseline();
    fs.writeFileSync(paths.baseline, '{ half');
    const { globals, declared } = capture();
    describePerformanceRegression({ rootDir: root }, globals);
    expect(declared.map((d) => d.name)).toEqual(['reads the performance data']);
    expect(outcome(declared[0])).toContain('baseline is not valid JSON');
  });

  it('refuses to run outside a Jest test file', () => {
    const saved = globalThis.describe;
    (globalThis as { describe: unknown }).describe = undefined;
    try {
      expect(() => describePerformanceRegression({ rootDir: root })).toThrow(TypeError);
    } finally {
      globalThis.describe = saved;
    }
  });
});

describe('with the real Jest globals', () => {
  // Declared at collection time like a user's file: shows up as one skipped test, proving the globals fit.
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-helper-real-'));
  describePerformanceRegression({ rootDir: empty, title: 'a project without a baseline' });
  afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

  it('accepts the Jest globals passed explicitly (e.g. from @jest/globals)', () => {
    const explicit: JestGlobals = { describe, it };
    expect(explicit.it.skip).toBe(it.skip);
  });
});
