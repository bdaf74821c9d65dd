import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunFile } from '@jest-perf/core';
import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, Project, removeProjects } from './harness';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI_BIN = path.join(REPO_ROOT, 'packages', 'cli', 'dist', 'bin.js');
const JEST_BIN = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

const SERIAL = [
  'mixed.test.js › binds the shared port',
  'mixed.test.js › shared folder › writes it',
  'serial.test.js › changes the working directory',
  'serial.test.js › sets a global',
];
const PARALLEL = [
  'a.test.js › a one',
  'a.test.js › a two',
  'b.test.js › b one',
  'b.test.js › b two',
  'c.test.js › c one',
  'c.test.js › c two',
  'mixed.test.js › is parallel-safe',
];

interface LogLine {
  name: string;
  pid: number;
}

let project: Project;
let cli: JestRun;
let log: LogLine[];

beforeAll(() => {
  project = new Project('lanes');
  const logFile = path.join(project.dir, 'lanes.log');
  // Nothing of the outer (tracked) Jest run may leak into the lanes.
  const result = runCliIn(project.dir, { LANES_LOG: logFile });
  cli = { exitCode: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, json: null };
  log = fs
    .readFileSync(logFile, { encoding: 'utf8', flag: 'a+' })
    .trim()
    .split('\n')
    .map((line) => {
      const [name, pid] = line.split('\t');
      return { name: name as string, pid: Number(pid) };
    });
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

/** `jest-perf test` in the project, tracked, with the outer run's JEST_PERF* variables removed. */
function runCliIn(dir: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^JEST_PERF|^JEST_WORKER_ID$|^NODE_PATH$/.test(key)),
  );
  Object.assign(env, { JEST_PERF: '1', FORCE_COLOR: '0' }, extraEnv);
  const cache = `--cacheDirectory=${path.join(dir, '.jest-cache')}`;
  return spawnSync(process.execPath, [CLI_BIN, 'test', '--jest-bin', JEST_BIN, '--', '--ci', '--maxWorkers=2', cache], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 90_000,
  });
}

function latest(): RunFile {
  return project.latest();
}

describe('jest-perf test (serial lane)', () => {
  it('passes and stores exactly one run file for the two lanes', () => {
    expectExitCode(cli, 0);
    expect(project.runFiles()).toHaveLength(1);
    expect(cli.stderr).toContain(`11 tests from 2 lanes → one run .jest-perf/runs/${latest().runId}.json`);
  });

  it('says what runs in which lane, with paths from the cwd and no temp folder', () => {
    expect(cli.stderr).toContain('jest-perf: parallel lane: the tests without @serial, on all workers');
    expect(cli.stderr).toMatch(
      /jest-perf: serial lane: the @serial tests of 2 file\(s\): (mixed|serial)\.test\.js, (mixed|serial)\.test\.js, in band/,
    );
    expect(cli.stderr).not.toContain('jest-perf-lanes-');
    expect(cli.stderr).not.toContain('tests tracked');
  });

  it('records every test once, each as run (none left skipped by the other lane)', () => {
    const run = latest();
    expect(run.tests.map((t) => t.id).sort()).toEqual([...SERIAL, ...PARALLEL].sort());
    expect(run.tests.filter((t) => t.status !== 'passed')).toEqual([]);
    expect(run.summary).toMatchObject({ total: 11, passed: 11, skipped: 0 });
  });

  it('runs each test once, the serial ones after every parallel one, in a single process', () => {
    expect(log).toHaveLength(11);
    const serialLines = log.filter((line) => /shared port|writes it|working directory|sets a global/.test(line.name));
    expect(serialLines).toHaveLength(SERIAL.length);
    expect(log.slice(-SERIAL.length)).toEqual(serialLines);
    expect(new Set(serialLines.map((line) => line.pid)).size).toBe(1);
    const parallelPids = new Set(log.slice(0, PARALLEL.length).map((line) => line.pid));
    expect(parallelPids.has(serialLines[0]?.pid as number)).toBe(false);
  });
});

describe('jest-perf test without serial tests', () => {
  it('runs one lane on all workers, starting no empty serial lane', () => {
    const simple = new Project('simple');

    const result = runCliIn(simple.dir);

    expect(result.status).toBe(0);
    expect(result.stderr).toContain('jest-perf: no @serial tests: one run, on all workers');
    expect(result.stderr).not.toContain('serial lane');
    expect(result.stderr).not.toContain('No tests found');
    expect(result.stderr).toContain(`from one lane → one run .jest-perf/runs/${simple.latest().runId}.json`);
  });
});
