import {
  type FileRecord,
  type HookRecord,
  type RunFile,
  summarizeRun,
  type TestRecord,
  totalHookMs,
} from '@jest-perf/core';

/** A schema-valid test record; the id is `file › ...ancestorTitles › title`. */
export function makeTest(fields: Partial<TestRecord> & { title: string; durationMs: number }): TestRecord {
  const file = fields.file ?? 'src/a.test.ts';
  const ancestorTitles = fields.ancestorTitles ?? [];
  return {
    id: [file, ...ancestorTitles, fields.title].join(' › '),
    file,
    ancestorTitles,
    setupMs: 0,
    status: 'passed',
    tags: [],
    retries: 0,
    worker: 1,
    ...fields,
  };
}

export function makeHook(fields: Partial<HookRecord> & Pick<HookRecord, 'type' | 'calls' | 'totalMs'>): HookRecord {
  return { describePath: [], maxMs: fields.calls > 0 ? fields.totalMs / fields.calls : 0, ...fields };
}

export function makeFile(fields: Partial<FileRecord> & { path: string }): FileRecord {
  const hooks = fields.hooks ?? [];
  return {
    runtimeMs: 1000,
    setupMs: 10,
    loadEnvironmentMs: 5,
    hookMs: hooks.reduce((sum, hook) => sum + hook.totalMs, 0),
    tags: [],
    worker: 1,
    execError: false,
    hooks,
    ...fields,
  };
}

export interface RunOptions {
  /** Also the run's sort key: `r000`, `r001`... keep them sortable. */
  runId?: string;
  /** Minutes after 2026-01-01T00:00Z, so runs made in a loop get increasing start times. */
  minute?: number;
  tests: TestRecord[];
  files?: FileRecord[];
  commit?: string | null;
  shard?: RunFile['shard'];
  incompleteReasons?: string[];
  counters?: RunFile['counters'];
  slowTestMs?: number;
}

/** A schema-valid run file whose summary agrees with its tests and files. */
export function makeRun(options: RunOptions): RunFile {
  const { tests } = options;
  const ran = tests.filter((t) => t.status === 'passed' || t.status === 'failed');
  const totalDurationMs = ran.reduce((sum, t) => sum + t.durationMs, 0);
  const slowTestMs = options.slowTestMs ?? 30_000;
  const files =
    options.files ?? [...new Set(tests.map((t) => t.file))].map((file) => makeFile({ path: file, hooks: [] }));
  const start = new Date(Date.UTC(2026, 0, 1, 0, options.minute ?? 0));
  const reasons = options.incompleteReasons ?? [];
  return {
    schemaVersion: 1,
    runId: options.runId ?? 'r000',
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + 30_000).toISOString(),
    jestVersion: '30.5.2',
    nodeVersion: 'v20.19.0',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'Test CPU', cores: 4, totalMemoryMb: 8192 },
    git: options.commit === null ? null : { commit: options.commit ?? 'abcdef1234567890', branch: 'main' },
    shard: options.shard ?? null,
    incomplete: reasons.length > 0,
    incompleteReasons: reasons,
    slowTestMs,
    tests,
    files,
    summary: summarizeRun(tests, totalHookMs(files), slowTestMs, totalDurationMs),
    counters: options.counters ?? {},
  };
}

/** A run of tests given as `{ title: durationMs }`, all in `src/a.test.ts`. */
export function runOf(durations: Record<string, number>, options: Omit<RunOptions, 'tests'> = {}): RunFile {
  return makeRun({
    ...options,
    tests: Object.entries(durations).map(([title, durationMs]) => makeTest({ title, durationMs })),
  });
}
