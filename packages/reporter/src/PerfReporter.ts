import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Reporter, ReporterContext } from '@jest/reporters';
import type { AggregatedResult, TestResult } from '@jest/test-result';
import type { Config } from '@jest/types';
import type { DataPaths, ResolvedConfig, RunFile } from '@jest-perf/core';
import { readEnv, WORKER_DIR_ENV } from '@jest-perf/core/env';
import type { MergedFile } from './buildRunFile';
import { isTrackingEnabled, type ReporterOptions, validateOptions } from './isEnabled';
import { type InterruptSignal, onInterrupt } from './onInterrupt';
import type { WorkerRecordReader } from './readWorkerRecords';
import type { EndOfRunOutput } from './summary/summarySettings';

function machineLoadSince(start: import('./machineLoad').CpuSnapshot): import('@jest-perf/core').RunLoad {
  const { cpuSnapshot, machineLoad } = require('./machineLoad') as typeof import('./machineLoad');
  return machineLoad(start, cpuSnapshot());
}

/**
 * File results merged together, with one read of the worker files: reading them for every file result
 * (a stat per worker file, then an open, read and close) cost more than merging the file.
 */
export const MERGE_BATCH = 16;

interface ActiveRun {
  config: ResolvedConfig;
  paths: DataPaths;
  runId: string;
  workerDir: string;
  startedAt: Date;
  /** CPU counters when the run started, for how busy the machine was (see machineLoad). */
  cpuStart: import('./machineLoad').CpuSnapshot | undefined;
  shard: { index: number; count: number } | null;
  exclude: RegExp[];
  /** Files merged as their results came in, by absolute test path (see {@link PerfReporter.onTestFileResult}). */
  merged: Map<string, MergedFile>;
  /** File results waiting for the next batch (see {@link MERGE_BATCH}). */
  pending: TestResult[];
  /** Every file result so far, in arrival order: what an interrupted run is written from. */
  received: TestResult[];
  /** Test files Jest planned to run (from `onRunStart`), for an interrupted run's reason. */
  plannedFiles: number | null;
  /** Removes the SIGINT/SIGTERM handlers (see {@link onInterrupt}). */
  stopListening: () => void;
  reader: WorkerRecordReader;
  /** Modules loaded once, when tracking is on: a `require` per file result costs a module lookup each. */
  core: typeof import('@jest-perf/core/recording');
  merge: typeof import('./buildRunFile');
  /** What to print at the end: settled at the start, so a bad `JEST_PERF_SUMMARY` fails before the tests run. */
  output: EndOfRunOutput;
}

/**
 * Workers append only into a folder that exists (see the environment's `appendWorkerRecord`): made here
 * for the run's lifetime, removed at its end. A failure is left to the end of the run, which reports why
 * the data folder is unusable (see {@link PerfReporter.onRunComplete}).
 */
function makeWorkerDir(workerDir: string): void {
  try {
    fs.mkdirSync(workerDir, { recursive: true });
  } catch {
    // e.g. the data folder is a file: workers drop their records, the run file write says what is wrong.
  }
}

/**
 * Removes this run's worker folder, and `tmp/` itself when no other run is using it: nothing of a run
 * survives under `tmp/`. Errors are ignored: an unreachable folder (e.g. the data dir is a file) has
 * nothing to clean, and the error worth reporting is the one that made the run file unwritable.
 */
function removeWorkerFiles(run: ActiveRun): void {
  try {
    fs.rmSync(run.workerDir, { recursive: true, force: true });
    fs.rmdirSync(run.paths.workerDir);
  } catch {
    // ENOTEMPTY: another run in progress still has its folder there.
  }
}

/**
 * Jest prints a reporter constructor's error with its stack. A config error is the user's to fix, not
 * ours to debug: its message (file, field, fix) is all they need, so the stack shows only that message.
 */
function loadConfigForJest(core: typeof import('@jest-perf/core/recording'), rootDir: string): ResolvedConfig {
  try {
    return core.loadConfig(rootDir);
  } catch (error) {
    if (core.isJestPerfError(error)) {
      // A getter: Jest prefixes the message ("An error occurred while adding the reporter...") after this.
      Object.defineProperty(error, 'stack', { get: () => `${error.name}: ${error.message}`, configurable: true });
    }
    throw error;
  }
}

/**
 * Jest reporter that writes one run file per run (`<dataDir>/runs/<runId>.json`, `latest.json`) and
 * keeps the newest `historySize` run files (the history index, `history.arrow`, is derived from them
 * by the CLI). Opt-in: disabled, it loads nothing and writes nothing.
 */
export class PerfReporter
  implements Pick<Reporter, 'onRunStart' | 'onTestFileResult' | 'onRunComplete' | 'getLastError'>
{
  private readonly run: ActiveRun | null;
  private readonly options: ReporterOptions;
  private lastError: Error | undefined;

  constructor(globalConfig: Config.GlobalConfig, options?: unknown, _context?: ReporterContext) {
    this.options = validateOptions(options);
    if (!isTrackingEnabled(this.options)) {
      // A nested Jest (e.g. a test that spawns Jest) must not write into an outer run's folder.
      delete process.env[WORKER_DIR_ENV];
      this.run = null;
      return;
    }
    // Loaded only when tracking is on: a disabled reporter costs one require of this file. The narrow entry:
    // the reporter is built before any test starts (see core's recording.ts).
    const core = require('@jest-perf/core/recording') as typeof import('@jest-perf/core/recording');
    const config = loadConfigForJest(core, globalConfig.rootDir);
    const paths = core.dataPaths(config);
    const runId = core.newRunId();
    const workerDir = path.join(paths.workerDir, runId);
    makeWorkerDir(workerDir);
    // Set before Jest spawns its workers, which inherit the environment.
    process.env[WORKER_DIR_ENV] = workerDir;
    const shard = globalConfig.shard
      ? { index: globalConfig.shard.shardIndex, count: globalConfig.shard.shardCount }
      : null;
    const { WorkerRecordReader } = require('./readWorkerRecords') as typeof import('./readWorkerRecords');
    this.run = {
      config,
      paths,
      runId,
      workerDir,
      startedAt: new Date(),
      cpuStart: undefined,
      shard,
      exclude: config.exclude.map((pattern) => new RegExp(pattern)),
      merged: new Map(),
      pending: [],
      received: [],
      plannedFiles: null,
      stopListening: () => {},
      reader: new WorkerRecordReader(workerDir),
      core,
      merge: require('./buildRunFile') as typeof import('./buildRunFile'),
      output: (require('./summary/summarySettings') as typeof import('./summary/summarySettings')).endOfRunOutput(
        this.options,
        process.env,
      ),
    };
    const run = this.run;
    run.stopListening = onInterrupt((signal) => this.saveInterrupted(run, signal));
  }

  onRunStart(results?: Pick<AggregatedResult, 'numTotalTestSuites'>): void {
    if (!this.run) return;
    this.run.startedAt = new Date();
    this.run.plannedFiles = results?.numTotalTestSuites ?? null;
    this.run.cpuStart = (require('./machineLoad') as typeof import('./machineLoad')).cpuSnapshot();
  }

  /**
   * Merges the files as their results arrive, {@link MERGE_BATCH} at a time (each worker appended a
   * file's record before reporting it), so that the end of the run, which every user waits for, only
   * merges the last few files, then assembles and writes the run file.
   */
  onTestFileResult(_test: unknown, result: TestResult): void {
    const run = this.run;
    if (!run) return;
    run.received.push(result);
    run.pending.push(result);
    if (run.pending.length >= MERGE_BATCH) this.mergePending(run);
  }

  /** A failure here only costs the head start: {@link onRunComplete} merges whatever is missing. */
  private mergePending(run: ActiveRun): void {
    const pending = run.pending.splice(0);
    try {
      const records = run.reader.read().byTestPath;
      for (const result of pending) {
        const workerRecord = records.get(result.testFilePath);
        const file = run.core.relativePosix(run.config.rootDir, result.testFilePath);
        if (!workerRecord || run.exclude.some((pattern) => pattern.test(file))) continue;
        run.merged.set(result.testFilePath, run.merge.mergeFile(result, workerRecord, file));
      }
    } catch {
      // onRunComplete reads and merges everything again, and reports what goes wrong there.
    }
  }

  onRunComplete(_contexts: Set<unknown>, results: AggregatedResult): void {
    if (!this.run) return;
    this.run.stopListening();
    this.finish(this.run, () => this.writeRun(this.run as ActiveRun, results));
  }

  /**
   * Ctrl-C or SIGTERM before the end: what the workers recorded so far is written as a run marked
   * incomplete (reason `interrupted by <signal>`), instead of nothing and worker files left behind.
   */
  private saveInterrupted(run: ActiveRun, signal: InterruptSignal): void {
    const done = run.received.length;
    const planned = run.plannedFiles === null ? '' : ` of ${run.plannedFiles}`;
    const reason = `interrupted by ${signal}: ${done}${planned} test file(s) finished`;
    if (run.output.kind !== 'nothing') process.stderr.write(`\njest-perf: ${reason}; saving what was recorded\n`);
    this.finish(run, () =>
      this.writeRun(run, { testResults: run.received, wasInterrupted: false }, { reason, finalRead: false }),
    );
  }

  /** Runs `write`, reporting its error, then removes the worker files whatever happened. */
  private finish(run: ActiveRun, write: () => void): void {
    try {
      write();
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      process.stderr.write(`jest-perf: could not write the run file: ${this.lastError.message}\n`);
    } finally {
      delete process.env[WORKER_DIR_ENV];
      removeWorkerFiles(run);
    }
  }

  /** Jest fails the run when a reporter reports an error: losing the run must not pass silently. */
  getLastError(): Error | undefined {
    return this.lastError;
  }

  private writeRun(
    run: ActiveRun,
    results: Pick<AggregatedResult, 'testResults' | 'wasInterrupted'>,
    interrupted: { reason: string; finalRead: boolean } | null = null,
  ): void {
    const { core } = run;
    const { buildRun } = run.merge;
    const runContext = require('./runContext') as typeof import('./runContext');
    const { rootDir } = run.config;
    const context = {
      runId: run.runId,
      rootDir,
      startedAt: run.startedAt,
      endedAt: new Date(),
      jestVersion: runContext.jestVersion(rootDir),
      machine: runContext.machineInfo(),
      git: runContext.gitInfo(rootDir),
      shard: run.shard,
      slowTestMs: run.config.slowTestMs,
      exclude: run.exclude,
      load: run.cpuStart ? machineLoadSince(run.cpuStart) : undefined,
    };
    // Every worker is done: read the lines left, a last half-written one included. Interrupted, workers
    // may still be writing: only complete lines count.
    const built = buildRun(results, run.reader.read(interrupted?.finalRead ?? true), context, run.merged);
    const runFile = built.run;
    if (interrupted) {
      runFile.incomplete = true;
      runFile.incompleteReasons.unshift(interrupted.reason);
    }
    // JEST_PERF_OUTPUT=<file>: a side run (check --confirm reruns, the serial lanes, the demo's runs)
    // written only there, leaving latest.json and the history to the project's real runs.
    const output = readEnv('JEST_PERF_OUTPUT');
    let written: string;
    if (output) {
      // Compact, like saveRun's run files: indenting a big run costs more than writing it.
      core.writeFileAtomic(output, core.encodeRun(runFile, built.testsJson));
      written = output;
    } else {
      written = core.saveRun(run.paths, runFile, run.config.historySize, built.testsJson).runFile;
    }
    if (run.output.kind !== 'nothing') this.printEnd(run, runFile, written, Boolean(output));
  }

  /** The untimed-files note when there is one, then the summary (or its one line), to stderr like Jest's own. */
  private printEnd(run: ActiveRun, runFile: RunFile, written: string, sideRun: boolean): void {
    const { readSourceHead, untimedFilesNote } = require('./untimedFiles') as typeof import('./untimedFiles');
    const untimed = untimedFilesNote(runFile.files, (file) => readSourceHead(path.join(run.config.rootDir, file)));
    if (untimed) process.stderr.write(`${untimed}\n`);
    const where = run.core.pathFromCwd(process.cwd(), written);
    const summary = require('./summary/summaryText') as typeof import('./summary/summaryText');
    process.stderr.write(
      run.output.kind === 'summary'
        ? summary.summaryText({ run: runFile, where, sideRun, paths: run.paths }, run.output.top)
        : summary.summaryLine(runFile, where),
    );
  }
}
