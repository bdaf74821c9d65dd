import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AggregatedResult, AssertionResult, TestResult } from '@jest/test-result';
import type { Config } from '@jest/types';
import { isJestPerfError, readRunFile, type WorkerFileRecord } from '@jest-perf/core';
import { MERGE_BATCH, PerfReporter } from '../PerfReporter';
import { UNTIMED_FIX } from '../untimedFiles';

const WORKER_DIR_ENV = 'JEST_PERF_WORKER_DIR';
const ENV_KEYS = [WORKER_DIR_ENV, 'JEST_PERF', 'JEST_PERF_SUMMARY', 'JEST_PERF_SILENT', 'JEST_PERF_OUTPUT'] as const;

let root: string;
let savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>>;
let stderr: jest.SpyInstance;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let signalListeners: Map<string, unknown[]>;

beforeEach(() => {
  signalListeners = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
  savedEnv = {};
  for (const key of ENV_KEYS) {
    savedEnv[key] = process.env[key];
    delete process.env[key];
  }
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  // Reporters whose run never completed in a test still listen for SIGINT/SIGTERM: stop them.
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  for (const key of ENV_KEYS) {
    const value = savedEnv[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  jest.useRealTimers();
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

function globalConfig(overrides: Partial<Config.GlobalConfig> = {}): Config.GlobalConfig {
  return { rootDir: root, shard: undefined, ...overrides } as unknown as Config.GlobalConfig;
}

const TEST_FILE = 'src/math.test.ts';

function results(): AggregatedResult {
  const assertions = [
    { ancestorTitles: [], title: 'adds', status: 'passed', duration: 12 },
    { ancestorTitles: [], title: 'divides', status: 'failed', duration: 3 },
  ] as unknown as AssertionResult[];
  const file = {
    testFilePath: path.join(root, TEST_FILE),
    testResults: assertions,
    perfStats: { runtime: 40 },
  } as unknown as TestResult;
  return { testResults: [file], wasInterrupted: false } as unknown as AggregatedResult;
}

function workerDir(): string {
  const dir = process.env[WORKER_DIR_ENV];
  if (!dir) throw new Error(`${WORKER_DIR_ENV} is not set`);
  return dir;
}

function writeWorkerRecord(record: Partial<WorkerFileRecord>): void {
  fs.mkdirSync(workerDir(), { recursive: true });
  const full: WorkerFileRecord = {
    kind: 'file',
    testPath: path.join(root, TEST_FILE),
    worker: 2,
    fileTags: [],
    hookMs: 0,
    hooks: [],
    testSetupMs: [],
    counters: {},
    ...record,
  };
  fs.appendFileSync(path.join(workerDir(), 'worker-2-1.jsonl'), `${JSON.stringify(full)}\n`);
}

function stderrText(): string {
  return stderr.mock.calls.map((call) => String(call[0])).join('');
}

describe('PerfReporter disabled', () => {
  it('writes nothing and reports no error', () => {
    const reporter = new PerfReporter(globalConfig());

    reporter.onRunStart();
    reporter.onRunComplete(new Set(), results());

    expect(fs.readdirSync(root)).toEqual([]);
    expect(reporter.getLastError()).toBeUndefined();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('removes a JEST_PERF_WORKER_DIR inherited from an outer run', () => {
    process.env[WORKER_DIR_ENV] = path.join(root, 'outer');

    new PerfReporter(globalConfig());

    expect(process.env[WORKER_DIR_ENV]).toBeUndefined();
  });

  it('stays off with enabled: false even when JEST_PERF=1', () => {
    process.env.JEST_PERF = '1';

    new PerfReporter(globalConfig(), { enabled: false });

    expect(process.env[WORKER_DIR_ENV]).toBeUndefined();
  });

  it('rejects bad options, naming the option', () => {
    expect(() => new PerfReporter(globalConfig(), { enabled: 'yes' })).toThrow(
      'the option enabled should be a boolean',
    );
  });
});

describe('PerfReporter enabled', () => {
  it('points workers at a per-run folder under the data dir', () => {
    new PerfReporter(globalConfig(), { enabled: true });

    expect(path.dirname(workerDir())).toBe(path.join(root, '.jest-perf', 'tmp'));
    expect(path.basename(workerDir())).toMatch(/^\d{4}-\d{2}-\d{2}T[\w-]+$/);
  });

  it('fails with the config error alone, its stack reduced to the message, when the config is invalid', () => {
    fs.writeFileSync(path.join(root, 'jest-perf.config.json'), JSON.stringify({ historySize: 'many' }));
    let error: unknown;

    try {
      new PerfReporter(globalConfig(), { enabled: true });
    } catch (caught) {
      error = caught;
    }

    expect(isJestPerfError(error)).toBe(true);
    const { message, stack } = error as Error;
    expect(message).toContain('field /historySize must be integer');
    expect(stack).toBe(`JestPerfError: ${message}`);
    expect(process.env[WORKER_DIR_ENV]).toBeUndefined();
  });

  it('turns on with JEST_PERF=1', () => {
    process.env.JEST_PERF = '1';

    new PerfReporter(globalConfig());

    expect(process.env[WORKER_DIR_ENV]).toBeDefined();
  });

  it('writes latest.json and the run file, merging the workers’ records, then removes the worker folder', () => {
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
    const dir = workerDir();
    writeWorkerRecord({ testSetupMs: [4, 0], hookMs: 4 });

    reporter.onRunComplete(new Set(), results());

    const latest = readRunFile(path.join(root, '.jest-perf', 'latest.json'));
    expect(latest.tests.map((t) => [t.id, t.status, t.setupMs, t.worker])).toEqual([
      ['src/math.test.ts › adds', 'passed', 4, 2],
      ['src/math.test.ts › divides', 'failed', 0, 2],
    ]);
    expect(latest.summary).toMatchObject({ total: 2, passed: 1, failed: 1, hookMs: 4 });
    expect(latest.incomplete).toBe(false);
    expect(readRunFile(path.join(root, '.jest-perf', 'runs', `${latest.runId}.json`))).toEqual(latest);
    expect(fs.existsSync(path.join(root, '.jest-perf', 'history.arrow'))).toBe(false);
    expect(fs.existsSync(dir)).toBe(false);
    expect(process.env[WORKER_DIR_ENV]).toBeUndefined();
    expect(reporter.getLastError()).toBeUndefined();
    expect(stderr).not.toHaveBeenCalled();
  });

  describe('interrupted by a signal', () => {
    // Another listener (as in watch mode) keeps the reporter from raising the signal again in this process.
    const other = () => {};
    beforeEach(() => {
      for (const signal of SIGNALS) process.on(signal, other);
    });
    afterEach(() => {
      for (const signal of SIGNALS) process.removeListener(signal, other);
    });

    it.each(SIGNALS)('writes the files finished so far as a run marked incomplete on %s', (signal) => {
      const reporter = new PerfReporter(globalConfig(), { enabled: true });
      const dir = workerDir();
      reporter.onRunStart({ numTotalTestSuites: 3 });
      writeWorkerRecord({ testSetupMs: [4, 0], hookMs: 4 });
      reporter.onTestFileResult(undefined, results().testResults[0] as TestResult);

      process.emit(signal);

      const latest = readRunFile(path.join(root, '.jest-perf', 'latest.json'));
      expect(latest.incomplete).toBe(true);
      expect(latest.incompleteReasons).toEqual([`interrupted by ${signal}: 1 of 3 test file(s) finished`]);
      expect(latest.tests.map((t) => [t.id, t.setupMs, t.worker])).toEqual([
        ['src/math.test.ts › adds', 4, 2],
        ['src/math.test.ts › divides', 0, 2],
      ]);
      expect(fs.existsSync(dir)).toBe(false);
      expect(fs.existsSync(path.join(root, '.jest-perf', 'tmp'))).toBe(false);
      expect(stderrText()).toContain(`jest-perf: interrupted by ${signal}: 1 of 3 test file(s) finished`);
      expect(stderrText()).toContain('(incomplete: 1 problem(s))');
    });

    it('stops listening once the run completed', () => {
      const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
      const before = process.listenerCount('SIGINT');

      reporter.onRunComplete(new Set(), results());

      expect(process.listenerCount('SIGINT')).toBe(before - 1);
    });
  });

  it('prints a summary of the run: slowest tests and files, the run file and the next command', () => {
    const reporter = new PerfReporter(globalConfig(), { enabled: true });
    writeWorkerRecord({ testSetupMs: [0, 0], testCpuMs: [6, 3], cpuMs: 30 });

    reporter.onRunComplete(new Set(), results());

    const text = stderrText();
    expect(text).toMatch(/^jest-perf: 2 tests tracked, 0 slow \(over [\d.]+ s\)\n/);
    expect(text).toMatch(/ {2}src\/math\.test\.ts › adds +12 ms +50% +50%\n/);
    expect(text).toMatch(/ {2}src\/math\.test\.ts +40 ms +0% +63% +75% +25%\n/);
    expect(text).toMatch(/ {2}run file\s+\S*\.jest-perf\/runs\/.+\.json\n/);
    expect(text).toContain('next     npx jest-perf report\n');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('prints only where the run went with summary: false, or JEST_PERF_SUMMARY=0', () => {
    for (const [options, env] of [
      [{ enabled: true, summary: false }, undefined],
      [{ enabled: true }, '0'],
    ] as const) {
      stderr.mockClear();
      if (env === undefined) delete process.env.JEST_PERF_SUMMARY;
      else process.env.JEST_PERF_SUMMARY = env;
      const reporter = new PerfReporter(globalConfig(), options);
      writeWorkerRecord({ testSetupMs: [0, 0] });

      reporter.onRunComplete(new Set(), results());

      expect(stderrText()).toMatch(/^jest-perf: 2 tests tracked, 0 slow → .*\.jest-perf\/runs\/.+\.json\n$/);
    }
  });

  it('prints nothing with JEST_PERF_SILENT=1', () => {
    process.env.JEST_PERF_SILENT = '1';
    const reporter = new PerfReporter(globalConfig(), { enabled: true });
    writeWorkerRecord({ testSetupMs: [0, 0] });

    reporter.onRunComplete(new Set(), results());

    expect(stderrText()).toBe('');
    expect(fs.readdirSync(path.join(root, '.jest-perf', 'runs'))).toHaveLength(1);
  });

  it('refuses a JEST_PERF_SUMMARY that is not a switch before the tests run', () => {
    process.env.JEST_PERF_SUMMARY = 'short';

    expect(() => new PerfReporter(globalConfig(), { enabled: true })).toThrow(
      'JEST_PERF_SUMMARY="short" is not a switch: use 1 or 0 (or unset it)',
    );
  });

  it('points the next command at a side run written to JEST_PERF_OUTPUT', () => {
    process.env.JEST_PERF_OUTPUT = path.join(root, 'side.json');
    const reporter = new PerfReporter(globalConfig(), { enabled: true });
    writeWorkerRecord({ testSetupMs: [0, 0] });

    reporter.onRunComplete(new Set(), results());

    expect(stderrText()).toContain(`npx jest-perf report --run ${path.join(root, 'side.json')}`);
  });

  it("says once, with the fix, when files ran without jest-perf's environment", () => {
    const reporter = new PerfReporter(globalConfig(), { enabled: true });

    reporter.onRunComplete(new Set(), results());

    const lines = stderrText().trim().split('\n');
    expect(lines.filter((line) => line.includes('without jest-perf'))).toHaveLength(1);
    expect(lines[0]).toBe(
      `jest-perf: 1 of 1 test file(s) ran without jest-perf's environment (e.g. ${TEST_FILE}), so their hook time is not recorded. Fix: ${UNTIMED_FIX}.`,
    );
    expect(lines[0]).toContain('withJestPerf');
  });

  it('notes an incomplete run in its notice', () => {
    const reporter = new PerfReporter(globalConfig(), { enabled: true });
    const interrupted = { ...results(), wasInterrupted: true };

    reporter.onRunComplete(new Set(), interrupted);

    expect(stderrText()).toContain('(incomplete: 1 problem(s))');
  });

  it('uses the project config: dataDir, slowTestMs and exclude', () => {
    fs.writeFileSync(
      path.join(root, 'jest-perf.config.json'),
      JSON.stringify({ dataDir: 'perf', slowTestMs: 10, exclude: ['^e2e/'] }),
    );
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });

    reporter.onRunComplete(new Set(), results());

    const latest = readRunFile(path.join(root, 'perf', 'latest.json'));
    expect(latest.slowTestMs).toBe(10);
    expect(latest.summary.slowCount).toBe(1);
    expect(fs.existsSync(path.join(root, '.jest-perf'))).toBe(false);
  });

  it('records the shard from the global config', () => {
    const reporter = new PerfReporter(globalConfig({ shard: { shardIndex: 2, shardCount: 3 } }), {
      enabled: true,
      silent: true,
    });

    reporter.onRunComplete(new Set(), results());

    expect(readRunFile(path.join(root, '.jest-perf', 'latest.json')).shard).toEqual({ index: 2, count: 3 });
  });

  it('times the run from onRunStart to onRunComplete', () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00.000Z') });
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
    jest.setSystemTime(new Date('2026-03-01T10:00:05.000Z'));
    reporter.onRunStart();
    jest.setSystemTime(new Date('2026-03-01T10:00:07.250Z'));

    reporter.onRunComplete(new Set(), results());

    const latest = readRunFile(path.join(root, '.jest-perf', 'latest.json'));
    expect(latest.startedAt).toBe('2026-03-01T10:00:05.000Z');
    expect(latest.summary.wallMs).toBe(2250);
  });

  it('writes the run without touching an unreadable history (the CLI rebuilds it from the run files)', () => {
    fs.mkdirSync(path.join(root, '.jest-perf'));
    fs.writeFileSync(path.join(root, '.jest-perf', 'history.arrow'), 'garbage');
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });

    reporter.onRunComplete(new Set(), results());

    expect(fs.existsSync(path.join(root, '.jest-perf', 'latest.json'))).toBe(true);
    expect(fs.readFileSync(path.join(root, '.jest-perf', 'history.arrow'), 'utf8')).toBe('garbage');
    expect(reporter.getLastError()).toBeUndefined();
  });

  it('merges the files as their results arrive, a batch at a time, with the records their workers wrote before', () => {
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
    const aggregated = results();
    writeWorkerRecord({ testSetupMs: [4, 0], hookMs: 4 });
    reporter.onRunStart();

    for (let i = 0; i < MERGE_BATCH; i += 1) reporter.onTestFileResult({}, aggregated.testResults[0]!);
    // Merged already: the end of the run finds no worker record to read.
    fs.rmSync(workerDir(), { recursive: true });
    reporter.onRunComplete(new Set(), aggregated);

    const latest = readRunFile(path.join(root, '.jest-perf', 'latest.json'));
    expect(latest.tests.map((t) => [t.title, t.setupMs])).toEqual([
      ['adds', 4],
      ['divides', 0],
    ]);
    expect(latest.summary.hookMs).toBe(4);
  });

  it('writes the same run whether or not it saw the file results one by one', () => {
    const runTests = (incremental: boolean) => {
      jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00.000Z') });
      const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
      writeWorkerRecord({ testSetupMs: [0, 2], hookMs: 2 });
      const aggregated = results();
      if (incremental) {
        for (let i = 0; i < MERGE_BATCH; i += 1) reporter.onTestFileResult({}, aggregated.testResults[0]!);
      }
      reporter.onRunComplete(new Set(), aggregated);
      const { runId: _runId, ...run } = readRunFile(path.join(root, '.jest-perf', 'latest.json'));
      return run;
    };

    expect(runTests(true)).toEqual(runTests(false));
  });

  it('leaves a file result of a batch to the end of the run until its worker record is there', () => {
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
    const aggregated = results();

    for (let i = 0; i < MERGE_BATCH; i += 1) reporter.onTestFileResult({}, aggregated.testResults[0]!);
    writeWorkerRecord({ testSetupMs: [0, 3], hookMs: 3 });
    reporter.onRunComplete(new Set(), aggregated);

    const latest = readRunFile(path.join(root, '.jest-perf', 'latest.json'));
    expect(latest.tests.map((t) => [t.title, t.setupMs, t.worker])).toEqual([
      ['adds', 0, 2],
      ['divides', 3, 2],
    ]);
  });

  it('leaves an excluded file to the end of the run, which leaves it out', () => {
    fs.writeFileSync(path.join(root, 'jest-perf.config.json'), JSON.stringify({ exclude: ['^src/'] }));
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
    const aggregated = results();

    writeWorkerRecord({});
    for (let i = 0; i < MERGE_BATCH; i += 1) reporter.onTestFileResult({}, aggregated.testResults[0]!);
    reporter.onRunComplete(new Set(), aggregated);

    const latest = readRunFile(path.join(root, '.jest-perf', 'latest.json'));
    expect(latest.tests).toEqual([]);
    expect(reporter.getLastError()).toBeUndefined();
  });

  it('ignores a file result it cannot merge yet and merges it at the end', () => {
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });
    writeWorkerRecord({});
    // A folder where a worker file should be: reading it fails (EISDIR).
    const unreadable = path.join(workerDir(), 'worker-9-9.jsonl');
    fs.mkdirSync(unreadable);
    const aggregated = results();

    for (let i = 0; i < MERGE_BATCH; i += 1) {
      expect(() => reporter.onTestFileResult({}, aggregated.testResults[0]!)).not.toThrow();
    }
    fs.rmdirSync(unreadable);
    reporter.onRunComplete(new Set(), aggregated);

    expect(reporter.getLastError()).toBeUndefined();
    expect(readRunFile(path.join(root, '.jest-perf', 'latest.json')).tests[0]?.worker).toBe(2);
  });

  it('does nothing with file results when disabled', () => {
    const reporter = new PerfReporter(globalConfig());

    for (let i = 0; i < MERGE_BATCH; i += 1) reporter.onTestFileResult({}, results().testResults[0]!);

    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('reports through getLastError, without throwing, when the run cannot be written', () => {
    fs.writeFileSync(path.join(root, '.jest-perf'), 'a file where the data folder should be');
    const reporter = new PerfReporter(globalConfig(), { enabled: true, silent: true });

    expect(() => reporter.onRunComplete(new Set(), results())).not.toThrow();

    expect(reporter.getLastError()).toBeInstanceOf(Error);
    expect(reporter.getLastError()?.message).toContain('ENOTDIR');
    expect(stderrText()).toContain('jest-perf: could not write the run file: ');
    expect(process.env[WORKER_DIR_ENV]).toBeUndefined();
  });
});
