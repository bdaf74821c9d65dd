import type { FileRecord, HookRecord, RunFile, RunLoad } from '@jest-perf/core';

/** What {@link withFiles} adds to a run besides one file record per test file. */
export interface FileOptions {
  /** Time of each file outside its tests (environment, module loading). Default 50 ms. */
  startupMs?: number;
  /** Share of each test's and file's wall time spent on the CPU; leave out for a run that did not measure it. */
  cpuShare?: number;
  /** Hooks per file path. */
  hooks?: Record<string, HookRecord[]>;
  /** The machine's load as the reporter measured it. */
  load?: RunLoad;
}

/**
 * The run with one file record per test file (runtime = its tests + its `beforeAll`/`afterAll` hooks +
 * `startupMs`), as the reporter writes them, and CPU times when `cpuShare` is given.
 */
export function withFiles(run: RunFile, options: FileOptions = {}): RunFile {
  const { startupMs = 50, cpuShare, hooks = {}, load } = options;
  const testsMs = new Map<string, number>();
  for (const test of run.tests) testsMs.set(test.file, (testsMs.get(test.file) ?? 0) + test.durationMs);
  const files = [...testsMs].map(([path, ms]): FileRecord => {
    const fileHooks = hooks[path] ?? [];
    const onceMs = fileHooks
      .filter((hook) => hook.type === 'beforeAll' || hook.type === 'afterAll')
      .reduce((sum, hook) => sum + hook.totalMs, 0);
    const runtimeMs = ms + onceMs + startupMs;
    return {
      path,
      runtimeMs,
      setupMs: 0,
      loadEnvironmentMs: 0,
      hookMs: fileHooks.reduce((sum, hook) => sum + hook.totalMs, 0),
      tags: [],
      worker: 1,
      execError: false,
      hooks: fileHooks,
      ...(cpuShare === undefined ? {} : { cpuMs: runtimeMs * cpuShare }),
    };
  });
  const tests =
    cpuShare === undefined ? run.tests : run.tests.map((test) => ({ ...test, cpuMs: test.durationMs * cpuShare }));
  return { ...run, tests, files, ...(load ? { load } : {}) };
}

/** A hook record taking `totalMs` in one call. */
export function hook(type: HookRecord['type'], totalMs: number, describePath: string[] = []): HookRecord {
  return { type, describePath, calls: 1, totalMs, maxMs: totalMs };
}

/** A run's load: `busy` with other processes using `othersCpuShare` of the CPU. */
export function load(busy: boolean, othersCpuShare: number | null = busy ? 0.6 : 0.05): RunLoad {
  return { othersCpuShare, loadPerCore: busy ? 2 : 0.5, cpuPressure: null, busy };
}
