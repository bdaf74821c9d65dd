import { type FileRecord, fileStartupMs, type HookRecord, type RunFile } from '@jest-perf/core';

/** Per run, one value (`NaN` where the run has none). */
export type Samples = Float64Array;

/** One test file over several runs: everything the gate judges besides single tests. */
export interface FileSeries {
  /** Sum of its passed tests' durations (each with its `beforeEach`/`afterEach`). */
  tests: Samples;
  /** Time outside tests and `beforeAll`/`afterAll`: environment, module loading, transform. */
  startup: Samples;
  runtime: Samples;
  /**
   * CPU time of its passed tests: the same work as {@link tests}. Start-up is left out: its CPU time swings
   * with whether the worker process was fresh (cold code), which Jest decides run by run (in band or not).
   */
  cpu: Samples;
  /** Each hook's total time, keyed by {@link hookKey}. */
  hooks: Map<string, Samples>;
  /** Ids of the passed tests seen. */
  testIds: Set<string>;
}

/** One test over several runs. */
export interface TestSeries {
  file: string;
  wall: Samples;
  cpu: Samples;
}

/** Several runs, as aligned series of every test, file, hook and the whole run. */
export interface GateSeries {
  runs: number;
  tests: Map<string, TestSeries>;
  files: Map<string, FileSeries>;
  /** Per run, the sum of its files' runtimes. */
  total: Samples;
  /**
   * Per run, the CPU time of every test and `beforeAll`/`afterAll` hook (NaN when not measured); start-up is
   * left out, as for {@link FileSeries.cpu}.
   */
  totalCpu: Samples;
}

/** `beforeAll (Outer › Inner)`, `afterEach` at file level: a hook's key within its file. */
export function hookKey(hook: Pick<HookRecord, 'type' | 'describePath'>): string {
  return hook.describePath.length > 0 ? `${hook.type} (${hook.describePath.join(' › ')})` : hook.type;
}

function empty(runs: number): Samples {
  return new Float64Array(runs).fill(Number.NaN);
}

function add(samples: Samples, run: number, value: number): void {
  const sum = samples[run] as number;
  samples[run] = Number.isNaN(sum) ? value : sum + value;
}

function fileSeries(map: Map<string, FileSeries>, path: string, runs: number): FileSeries {
  let series = map.get(path);
  if (!series) {
    series = {
      tests: empty(runs),
      startup: empty(runs),
      runtime: empty(runs),
      cpu: empty(runs),
      hooks: new Map(),
      testIds: new Set(),
    };
    map.set(path, series);
  }
  return series;
}

/** Adds one file's record; returns the CPU time of its once-hooks (0 when not measured). */
function addFile(series: FileSeries, file: FileRecord, allTestsMs: number, run: number, runs: number): number {
  series.runtime[run] = file.runtimeMs;
  let onceHooksCpuMs = 0;
  for (const hook of file.hooks) {
    const key = hookKey(hook);
    let samples = series.hooks.get(key);
    if (!samples) {
      samples = empty(runs);
      series.hooks.set(key, samples);
    }
    add(samples, run, hook.totalMs);
    if (hook.type === 'beforeAll' || hook.type === 'afterAll') onceHooksCpuMs += hook.cpuMs ?? 0;
  }
  series.startup[run] = fileStartupMs(file, allTestsMs);
  return onceHooksCpuMs;
}

/** Aligns the runs (oldest first) into per-thing series. Files that failed to run are left out. */
export function gateSeries(runs: readonly RunFile[]): GateSeries {
  const n = runs.length;
  const result: GateSeries = { runs: n, tests: new Map(), files: new Map(), total: empty(n), totalCpu: empty(n) };
  runs.forEach((run, index) => {
    const allTestsMs = new Map<string, number>();
    for (const test of run.tests) {
      allTestsMs.set(test.file, (allTestsMs.get(test.file) ?? 0) + test.durationMs);
      if (test.cpuMs !== undefined) add(result.totalCpu, index, test.cpuMs);
      if (test.status !== 'passed') continue;
      let series = result.tests.get(test.id);
      if (!series) {
        series = { file: test.file, wall: empty(n), cpu: empty(n) };
        result.tests.set(test.id, series);
      }
      series.wall[index] = test.durationMs;
      const file = fileSeries(result.files, test.file, n);
      if (test.cpuMs !== undefined) {
        series.cpu[index] = test.cpuMs;
        add(file.cpu, index, test.cpuMs);
      }
      add(file.tests, index, test.durationMs);
      file.testIds.add(test.id);
    }
    for (const file of run.files) {
      if (file.execError) continue;
      const onceHooksCpuMs = addFile(
        fileSeries(result.files, file.path, n),
        file,
        allTestsMs.get(file.path) ?? 0,
        index,
        n,
      );
      add(result.total, index, file.runtimeMs);
      if (onceHooksCpuMs > 0) add(result.totalCpu, index, onceHooksCpuMs);
    }
  });
  return result;
}
