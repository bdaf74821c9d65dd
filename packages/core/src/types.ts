/** Current version of the run file format; bump on breaking changes. */
export const RUN_FILE_VERSION = 1;
/**
 * Current version of the baseline format. 2: thresholds live in `overrides` only (1 copied the config's into
 * every entry); a version-1 file is still read, and migrated in memory.
 */
export const BASELINE_VERSION = 2;
/** Current version of the history export file (`jest-perf history export`). */
export const HISTORY_EXPORT_VERSION = 1;

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'todo';

/** Hook kinds jest-circus runs. */
export type HookType = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

/** One test as the run file records it. */
export interface TestRecord {
  /** `file › ancestor titles › title`, tags stripped so adding a tag keeps the history. */
  id: string;
  /** Root-relative POSIX path of the test file. */
  file: string;
  ancestorTitles: string[];
  title: string;
  /** Jest's own duration for the test (includes its `beforeEach`/`afterEach` hooks). */
  durationMs: number;
  /** Time spent in this test's `beforeEach` + `afterEach` hooks (0 when unknown). */
  setupMs: number;
  status: TestStatus;
  tags: string[];
  /** Extra attempts under `jest.retryTimes` (0 when the first try counted). */
  retries: number;
  /** `JEST_WORKER_ID` of the worker that ran it (1 when run in band), null when unknown. */
  worker: number | null;
  /** 1-based line of the test in its file, when Jest reports it (`testLocationInResults`). */
  line?: number;
  /**
   * CPU time (user + system) of the worker while the test and its `beforeEach`/`afterEach` hooks ran; absent
   * when not measured (an older environment, or a project whose environment jest-perf does not wrap).
   */
  cpuMs?: number;
}

/** One hook, aggregated over every time it ran in a file. */
export interface HookRecord {
  type: HookType;
  /** Titles of the describe blocks that define the hook (empty at file level). */
  describePath: string[];
  /** 1-based line of the hook in the test file when known. */
  line?: number;
  calls: number;
  totalMs: number;
  maxMs: number;
  /** CPU time over every call of a beforeAll/afterAll hook; absent when not measured (and for beforeEach/afterEach, whose time counts for their test). */
  cpuMs?: number;
}

/** One test file. */
export interface FileRecord {
  /** Root-relative POSIX path. */
  path: string;
  /** Jest's `perfStats.runtime`: the whole file, from environment setup to teardown. */
  runtimeMs: number;
  /**
   * Time in the project's setup files: Jest's `setupFiles` span plus its `setupFilesAfterEnv` span (perfStats).
   * `null` when Jest does not report it (Jest 29): not measured, which is not 0.
   */
  setupMs: number | null;
  /** Jest's `perfStats.loadTestEnvironmentEnd - loadTestEnvironmentStart`; `null` when Jest does not report it (Jest 29). */
  loadEnvironmentMs: number | null;
  /** Sum of all hook time in the file (beforeAll/afterAll included). */
  hookMs: number;
  /** File-level tags from the `@tags` docblock pragma. */
  tags: string[];
  worker: number | null;
  /** True when the file failed to run (syntax error, killed worker...). */
  execError: boolean;
  hooks: HookRecord[];
  /** CPU time of the worker from the environment's setup to its teardown; absent when not measured. */
  cpuMs?: number;
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Tests over `slowTestMs`. */
  slowCount: number;
  /** Sum of test durations. */
  totalDurationMs: number;
  averageDurationMs: number;
  /** Sum of hook time over all files. */
  hookMs: number;
  /** Wall-clock time of the whole run. */
  wallMs: number;
}

export interface MachineInfo {
  platform: string;
  arch: string;
  cpuModel: string;
  cores: number;
  totalMemoryMb: number;
  /** `os.release()`: the kernel or OS version; absent in run files written before it was recorded. */
  osRelease?: string;
}

/**
 * How busy the machine was while the run went on, besides the run itself. Absent in run files written
 * before it was measured.
 */
export interface RunLoad {
  /**
   * Share of the machine's CPU (0–1 of all cores) that other processes used during the run: the machine's
   * busy CPU time (`/proc/stat`) minus this run's own (Jest's process and its workers), over wall time ×
   * cores. Null where `/proc/stat` does not exist.
   */
  othersCpuShare: number | null;
  /** One-minute load average per core at the end of the run (it counts the run's own workers too). */
  loadPerCore: number;
  /** `/proc/pressure/cpu` "some" avg60 at the end of the run, in %, where the kernel exposes it. */
  cpuPressure: number | null;
  /** True when other processes used a share of the CPU that slows a run ({@link BUSY_OTHERS_SHARE}). */
  busy: boolean;
}

export interface GitInfo {
  commit: string;
  branch: string | null;
}

/** Counters a fix-side library reports (cache hits, mock calls...), summed over workers. */
export type CounterGroups = Record<string, Record<string, number>>;

/** A run file: `<dataDir>/runs/<runId>.json` and `<dataDir>/latest.json`. */
export interface RunFile {
  schemaVersion: typeof RUN_FILE_VERSION;
  runId: string;
  startedAt: string;
  endedAt: string;
  jestVersion: string;
  nodeVersion: string;
  machine: MachineInfo;
  git: GitInfo | null;
  shard: { index: number; count: number } | null;
  /** True when some files could not report (killed worker, interrupted run). */
  incomplete: boolean;
  incompleteReasons: string[];
  slowTestMs: number;
  tests: TestRecord[];
  files: FileRecord[];
  summary: RunSummary;
  counters: CounterGroups;
  /** How busy the machine was during the run; absent when not measured. */
  load?: RunLoad;
}

/** The shape of jest-perf's configuration (`package.json#jestPerf` or `jest-perf.config.json`). */
export interface JestPerfConfig {
  /** Folder for runs, history and temp files, relative to the root. */
  dataDir: string;
  /** Committed baseline, relative to the root. */
  baselinePath: string;
  /** How many runs the history keeps. */
  historySize: number;
  /** Tests slower than this are "slow". */
  slowTestMs: number;
  thresholds: {
    /** Relative slowdown that fails a test (0.2 = 20 %). */
    test: number;
    /** Relative slowdown that fails a suite (folder). */
    suite: number;
    /** Smaller absolute changes never count as regressions. */
    minAbsoluteMs: number;
  };
  /** Regexes (like Jest's testPathIgnorePatterns) of test files not to track. */
  exclude: string[];
}

/** Config plus where it was found. */
export interface ResolvedConfig extends JestPerfConfig {
  rootDir: string;
  /** File the config came from, or null for defaults. */
  source: string | null;
}

/** What a worker's environment appends (one JSON line per test file) to its per-worker file. */
export interface WorkerFileRecord {
  kind: 'file';
  /** Absolute path of the test file. */
  testPath: string;
  worker: number | null;
  fileTags: string[];
  hookMs: number;
  hooks: HookRecord[];
  /**
   * Each test's `beforeEach`/`afterEach` time, in the order of Jest's results for the file (jest-circus's
   * describe tree, walked as its `makeTestResults` walks it, after any `--randomize` shuffle). By position,
   * not by title: the reporter has every test's titles from Jest, and repeating them here was most of the
   * record's size and of the cost of tracking.
   */
  testSetupMs: number[];
  /** Each test's CPU time (test function + its `beforeEach`/`afterEach`), in the order of `testSetupMs`. */
  testCpuMs?: number[];
  /** CPU time of the worker from the environment's setup to its teardown. */
  cpuMs?: number;
  counters: CounterGroups;
}

/** Robust statistics of one duration over several runs. */
export interface DurationStats {
  median: number;
  /** Median absolute deviation (raw, not scaled). */
  mad: number;
  /** Number of runs the statistics come from. */
  samples: number;
  min: number;
  max: number;
}

export interface BaselineTest {
  file: string;
  /** Median duration. */
  durationMs: number;
  stats: DurationStats;
  /** Statistics of the test's CPU time, when the source runs measured it. */
  cpu?: DurationStats;
}

export interface BaselineSuite {
  /** Median of the suite's summed test durations. */
  durationMs: number;
  stats: DurationStats;
  tests: number;
}

/** The committed baseline (`baselinePath`). */
export interface Baseline {
  schemaVersion: typeof BASELINE_VERSION;
  createdAt: string;
  /** Runs it was computed from. */
  source: { runIds: string[]; commit: string | null };
  /** Thresholds set by hand for one test or one test file: they win over `--threshold` and the config. */
  overrides: BaselineOverrides;
  /** The slow limit `slowCount` was counted with. */
  slowTestMs: number;
  /** Median slow-test count over the source runs. */
  slowCount: number;
  tests: Record<string, BaselineTest>;
  /** Keyed by suite (the test file's folder). */
  suites: Record<string, BaselineSuite>;
  /** The testbed of the source runs (the newest one's); absent in baselines built before it was recorded. */
  testbed?: Testbed;
  /** The whole run: sum of file runtimes, and its CPU time when measured. */
  run?: { totalMs: DurationStats; cpuMs?: DurationStats };
  /**
   * Median runtime of each test file (Jest's `perfStats.runtime`: environment, imports, hooks, tests),
   * keyed by root-relative path. The shard sequencer plans with it. Absent in baselines built before it
   * existed, or from a history whose run files are gone.
   */
  files?: Record<string, BaselineFile>;
}

/**
 * Relative thresholds (0.5 = 50 %) a user set for one thing, edited in the committed baseline and kept when it
 * is rebuilt. The threshold of a thing is its override, else the invocation's (`--threshold`), else the
 * config's, else the default.
 */
export interface BaselineOverrides {
  /** By test id: the test's threshold. */
  tests: Record<string, number>;
  /** By root-relative test file: the threshold of the file's tests together, its start-up and its hooks. */
  files: Record<string, number>;
}

export interface BaselineFile {
  runtimeMs: number;
  /** Runs the median is over. */
  samples: number;
  /** The file's whole runtime over the source runs. */
  runtime?: DurationStats;
  /** Sum of the file's passed test durations (each test with its `beforeEach`/`afterEach`). */
  tests?: DurationStats;
  /** Time outside tests and `beforeAll`/`afterAll` hooks: environment, module loading, transform. */
  startup?: DurationStats;
  /** Each `beforeAll`/`afterAll`/`beforeEach`/`afterEach` hook's total time, keyed by {@link hookKey}. */
  hooks?: Record<string, DurationStats>;
  /** The worker's CPU time for the whole file, when measured. */
  cpu?: DurationStats;
}

/**
 * What a run was measured on: runs on different testbeds are not comparable on wall time. The key joins
 * every field, so two testbeds are the same when their keys are.
 */
export interface Testbed {
  key: string;
  cpuModel: string;
  cores: number;
  /** Total memory, rounded to GiB. */
  memoryGb: number;
  /** `platform-arch`, with the OS release when known. */
  os: string;
  nodeMajor: number;
  jestMajor: number;
}

/**
 * The header of a history export file (`jest-perf history export --out <file>`): one Arrow IPC file a CI
 * cache or artifact carries from run to run, one row per run (`runId`, `startedAt`, and `run`, the run
 * file's JSON gzipped). This header is the JSON of the file's schema metadata key `jest-perf:history-export`.
 */
export interface HistoryExportHeader {
  format: 'jest-perf-history';
  version: typeof HISTORY_EXPORT_VERSION;
  exportedAt: string;
  /** Rows the file holds: a file with fewer was cut short. */
  runs: number;
}
