import * as fs from 'node:fs';
import type { RunFile } from '@jest-perf/core';
import { E2E_TIMEOUT_MS, type JestRun, Project, removeProjects } from './harness';

interface Interrupted {
  project: Project;
  jestRun: JestRun;
}

/**
 * Starts Jest on the `interrupt` fixture (three quick files, one that waits to be interrupted), waits
 * until the quick files have passed, then sends `signal` to Jest's main process alone or, like Ctrl-C
 * in a terminal, to its whole process group (workers included).
 */
async function interrupt(signal: NodeJS.Signals, target: 'main' | 'group'): Promise<Interrupted> {
  const project = new Project('interrupt');
  const running = project.startJest();
  await running.stderrMatches(/^PASS .*quick-\d\.test\.js/, 3);
  const pid = running.child.pid as number;
  process.kill(target === 'group' ? -pid : pid, signal);
  const jestRun = await running.done;
  return { project, jestRun };
}

let sigint: Interrupted;
let sigterm: Interrupted;

beforeAll(async () => {
  [sigint, sigterm] = await Promise.all([interrupt('SIGINT', 'group'), interrupt('SIGTERM', 'main')]);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

function onlyRunFile(project: Project): RunFile {
  const files = project.runFiles();
  expect(files).toHaveLength(1);
  return project.latest();
}

describe.each([
  ['Ctrl-C (SIGINT to the process group)', () => sigint, 'SIGINT'],
  ['SIGTERM to the main process', () => sigterm, 'SIGTERM'],
])('a run interrupted by %s', (_name, interrupted, signal) => {
  it('ends Jest the way the signal would have', () => {
    const { jestRun } = interrupted();
    expect(jestRun.signal).toBe(signal);
  });

  it('writes what the workers recorded as a run marked incomplete, reason interrupted', () => {
    const run = onlyRunFile(interrupted().project);
    expect(run.incomplete).toBe(true);
    expect(run.incompleteReasons).toEqual([expect.stringMatching(new RegExp(`^interrupted by ${signal}`))]);
    expect(run.tests.map((test) => test.id).sort()).toEqual([
      'quick-1.test.js › quick 1 › finishes',
      'quick-2.test.js › quick 2 › finishes',
      'quick-3.test.js › quick 3 › finishes',
    ]);
    expect(run.tests.every((test) => test.status === 'passed' && test.worker !== null)).toBe(true);
    expect(interrupted().jestRun.stderr).toContain('jest-perf: interrupted');
  });

  it('removes its worker files: nothing is left under tmp/', () => {
    const { project } = interrupted();
    const tmp = project.paths.workerDir;
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });
});

describe('a run that finishes', () => {
  it(
    'leaves no tmp/ folder behind',
    async () => {
      const project = new Project('simple');
      const jestRun = await project.runJest();
      expect(jestRun.exitCode).toBe(0);
      expect(project.latest().incomplete).toBe(false);
      expect(fs.existsSync(project.paths.workerDir)).toBe(false);
    },
    E2E_TIMEOUT_MS,
  );
});
