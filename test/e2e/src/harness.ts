import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type DataPaths, dataPaths, listRunFiles, type RunFile, readRunFile, type TestRecord } from '@jest-perf/core';

const E2E_DIR = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
const JEST_BIN = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const PRESET_DIR = path.join(REPO_ROOT, 'packages', 'preset');
const FIXTURES_DIR = path.join(E2E_DIR, 'fixtures');

/** A Jest child that runs longer than this is hung: kill it so the test fails instead of timing out. */
const CHILD_TIMEOUT_MS = 90_000;

/**
 * Timeout for hooks and tests that run Jest children. Pass it explicitly: Jest reads `testTimeout`
 * only from the global config, so the root config's per-project `testTimeout` does not apply.
 */
export const E2E_TIMEOUT_MS = 120_000;
/** Jest children at once: each spawns 2 workers, and this machine has 2 cores. */
const MAX_CHILDREN = 2;

/** The Jest version the children run, as `jest --version` would print it. */
export const JEST_VERSION = (
  require(path.join(REPO_ROOT, 'node_modules', 'jest', 'package.json')) as { version: string }
).version;

/** One `assertionResults` entry of Jest's `--json` output (the fields these tests read). */
export interface JestAssertion {
  ancestorTitles: string[];
  title: string;
  status: 'passed' | 'failed' | 'pending' | 'todo' | 'skipped' | 'disabled' | 'focused';
  duration?: number | null;
  invocations?: number;
  location?: { line: number; column: number } | null;
}

/** Jest's `--json --outputFile` report (the fields these tests read). */
export interface JestJson {
  success: boolean;
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: {
    name: string;
    status: string;
    message: string;
    startTime: number;
    endTime: number;
    assertionResults: JestAssertion[];
  }[];
}

/** A Jest assertion with its root-relative file, for matching against run-file records. */
export interface JestTest extends JestAssertion {
  file: string;
}

export interface JestRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Jest's own report of the same run; null when Jest failed before testing. */
  json: JestJson | null;
}

export interface RunOptions {
  /** `JEST_PERF=1` (default true). */
  tracked?: boolean;
  /** Extra environment variables (after every inherited `JEST_PERF*`/`JEST_WORKER_ID` was removed). */
  env?: Record<string, string>;
  /** Extra Jest CLI arguments. */
  args?: string[];
}

export interface ProjectOptions {
  /** Files written over the fixture's (path relative to the project → content). */
  files?: Record<string, string>;
  /** Packages of test/e2e's own node_modules the project needs too (e.g. jest-environment-jsdom). */
  link?: string[];
}

const tempRoots = new Set<string>();

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `task` once fewer than {@link MAX_CHILDREN} children are running in this process. */
async function limited<T>(task: () => Promise<T>): Promise<T> {
  // A finishing task hands its slot straight to the next waiter, so `running` never overshoots.
  if (running < MAX_CHILDREN) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** Removes every project this process created (call from `afterAll`); `E2E_KEEP_TMP=1` keeps them. */
export function removeProjects(): void {
  if (process.env.E2E_KEEP_TMP) return;
  for (const root of tempRoots) fs.rmSync(root, { recursive: true, force: true });
  tempRoots.clear();
}

function symlinkDir(target: string, link: string): void {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(target, link, 'dir');
}

/**
 * `env` without any JEST_PERF* variable: a child process of this test must not inherit the outer run's
 * tracking (its worker folder, output file, switches), only what the test gives it.
 */
export function withoutJestPerfEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('JEST_PERF')));
}

/** Environment of a Jest child: ours minus anything that would leak an outer (tracked) Jest run into it. */
function childEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env = withoutJestPerfEnv();
  delete env.JEST_WORKER_ID;
  // pnpm's bin shims set NODE_PATH to the store's hoisted packages: the project must resolve only what it links.
  delete env.NODE_PATH;
  env.FORCE_COLOR = '0';
  if (options.tracked ?? true) env.JEST_PERF = '1';
  return { ...env, ...options.env };
}

/** A fixture project copied into a fresh temp dir, with the jest-perf preset linked into its node_modules. */
export class Project {
  /** The temp dir: holds the project, Jest's cache and the JSON reports. */
  private readonly root: string;
  /** The project's root (Jest's rootDir and cwd). */
  readonly dir: string;
  private runs = 0;

  constructor(fixture: string, options: ProjectOptions = {}) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-e2e-'));
    tempRoots.add(this.root);
    this.dir = path.join(this.root, 'project');
    fs.cpSync(path.join(FIXTURES_DIR, fixture), this.dir, { recursive: true });
    // Jest resolves `preset` as a package name from the project; an absolute directory does not work.
    symlinkDir(PRESET_DIR, path.join(this.dir, 'node_modules', '@jest-perf', 'preset'));
    for (const name of options.link ?? []) {
      symlinkDir(fs.realpathSync(path.join(E2E_DIR, 'node_modules', name)), path.join(this.dir, 'node_modules', name));
    }
    for (const [file, content] of Object.entries(options.files ?? {})) this.write(file, content);
  }

  write(file: string, content: string): void {
    const target = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }

  /** `<project>/.jest-perf`, jest-perf's default data folder. */
  get perfDir(): string {
    return path.join(this.dir, '.jest-perf');
  }

  get paths(): DataPaths {
    return dataPaths({ rootDir: this.dir, dataDir: '.jest-perf', baselinePath: '.jest-perf/baseline.json' });
  }

  /** `latest.json`, validated against the run-file schema. */
  latest(): RunFile {
    return readRunFile(this.paths.latest);
  }

  /** Files in `runs/`, oldest first. */
  runFiles(): string[] {
    return listRunFiles(this.paths);
  }

  /** Runs real Jest on the project in a child process (2 workers, `--ci`, Jest's JSON report on). */
  runJest(options: RunOptions = {}): Promise<JestRun> {
    return limited(() => this.spawnJest(options));
  }

  private spawnJest(options: RunOptions): Promise<JestRun> {
    return this.startJest(options).done;
  }

  /**
   * Starts real Jest like {@link runJest} but hands back the child at once, for tests that act on a
   * running Jest (send it a signal). Not limited to {@link MAX_CHILDREN}: such tests start one child.
   */
  startJest(options: RunOptions = {}): RunningJest {
    this.runs += 1;
    const jsonFile = path.join(this.root, `jest-report-${this.runs}.json`);
    const args = [
      JEST_BIN,
      '--ci',
      '--maxWorkers=2',
      // A fresh cache per project: no timings from an earlier run make Jest choose to run in band.
      `--cacheDirectory=${path.join(this.root, 'jest-cache')}`,
      '--json',
      `--outputFile=${jsonFile}`,
      ...(options.args ?? []),
    ];
    // Its own process group, so a test can signal Jest and its workers at once, as Ctrl-C in a terminal does.
    const child = spawn(process.execPath, args, {
      cwd: this.dir,
      env: childEnv(options),
      stdio: 'pipe',
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    const watchers: { pattern: RegExp; count: number; resolve: () => void }[] = [];
    const notify = () => {
      for (const watcher of [...watchers]) {
        if ((stderr.match(new RegExp(watcher.pattern.source, 'gm')) ?? []).length < watcher.count) continue;
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      notify();
    });
    const done = new Promise<JestRun>((resolve, reject) => {
      const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), CHILD_TIMEOUT_MS);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        const json = fs.existsSync(jsonFile) ? (JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as JestJson) : null;
        resolve({ exitCode, signal, stdout, stderr, json });
      });
    });
    const stderrMatches = (pattern: RegExp, count = 1) =>
      new Promise<void>((resolve, reject) => {
        watchers.push({ pattern, count, resolve });
        notify();
        done.then((run) => reject(new Error(`Jest ended before stderr matched ${pattern}\n${run.stderr}`)), reject);
      });
    return { child, done, stderrMatches };
  }
}

/** A Jest child started by {@link Project.startJest}. */
export interface RunningJest {
  child: ChildProcess;
  /** Settles when the child has exited and its output is closed. */
  done: Promise<JestRun>;
  /** Resolves once Jest's stderr holds `count` lines matching `pattern` (rejects if Jest ends first). */
  stderrMatches(pattern: RegExp, count?: number): Promise<void>;
}

/** Resolves one of jest-perf's packages the way a project using the preset gets it (through the preset). */
export function resolveFromPreset(request: string): string {
  return require.resolve(request, { paths: [PRESET_DIR] });
}

/** Root-relative POSIX path, as the run file writes test files. */
export function relativeFile(rootDir: string, file: string): string {
  return path.relative(rootDir, file).split(path.sep).join('/');
}

/** Every test of Jest's JSON report, with root-relative POSIX file paths like the run file's. */
export function jestTests(json: JestJson, rootDir: string): JestTest[] {
  return json.testResults.flatMap((result) => {
    const file = relativeFile(rootDir, result.name);
    return result.assertionResults.map((assertion) => ({ ...assertion, file }));
  });
}

/** Key of a test by file and titles, identical for a run-file record and a Jest assertion. */
export function testKey(test: { file: string; ancestorTitles: string[]; title: string }): string {
  return JSON.stringify([test.file, ...test.ancestorTitles, test.title]);
}

/** The run file's status for a Jest assertion status. */
export function expectedStatus(status: JestAssertion['status']): TestRecord['status'] {
  if (status === 'passed' || status === 'failed' || status === 'todo') return status;
  return status === 'focused' ? 'passed' : 'skipped';
}

/** The one test record with this title; throws when there is none or more than one. */
export function testTitled(run: RunFile, title: string): TestRecord {
  const found = run.tests.filter((test) => test.title === title);
  if (found.length !== 1) throw new Error(`expected one test titled "${title}", found ${found.length}`);
  return found[0] as TestRecord;
}

/** 1-based line of the first line of a fixture file containing `needle`. */
export function lineOf(fixture: string, file: string, needle: string): number {
  const lines = fs.readFileSync(path.join(FIXTURES_DIR, fixture, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found in fixtures/${fixture}/${file}`);
  return index + 1;
}

/** Fails with Jest's whole output when a child did not exit as expected (a bare exit code explains nothing). */
export function expectExitCode(run: JestRun, code: number): void {
  if (run.exitCode === code) return;
  throw new Error(
    `expected Jest to exit with ${code}, got ${run.exitCode} (signal ${run.signal})\n` +
      `--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`,
  );
}
