import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JestPerfError, RunFile } from '@jest-perf/core';
import { checkCommand } from '../commands/check';
import { formatSpeed } from '../report/formatSpeed';
import { cli, createProject, type TempProject } from './helpers/project';
import { makeRun, makeTest } from './helpers/runs';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

const runId = (i: number) => `r${String(i).padStart(3, '0')}`;

/** `slow` (line 12) and `steady` (line 20) in src/a.test.ts; only `slow` changes between runs. */
function run(slowMs: number, i = 0): RunFile {
  return makeRun({
    runId: runId(i),
    minute: i,
    tests: [
      makeTest({ title: 'slow', durationMs: slowMs, line: 12 }),
      makeTest({ title: 'steady', durationMs: 1000, line: 20 }),
    ],
  });
}

/** Baseline from one run with `slow` at 100 ms, then a latest run with `slow` at `latestMs`. */
function withBaseline(latestMs: number): void {
  project.save(run(100, 0));
  project.baseline();
  project.save(run(latestMs, 1));
}

describe('check parse', () => {
  it('reads the flags and the arguments after -- for Jest', () => {
    expect(
      checkCommand.parse({
        root: '/p',
        confirm: 3,
        'require-baseline': true,
        'jest-bin': 'node_modules/jest/bin/jest.js',
        '--': ['--maxWorkers', 2],
      }),
    ).toEqual({
      root: '/p',
      confirm: 3,
      last: undefined,
      requireBaseline: true,
      normalizeSpeed: true,
      jestBin: 'node_modules/jest/bin/jest.js',
      jestArgs: ['--maxWorkers', '2'],
    });
  });

  it('compares as measured with --no-normalize-speed', () => {
    expect(checkCommand.parse({ root: '/p', 'normalize-speed': false }).normalizeSpeed).toBe(false);
  });

  it('passes nothing to Jest without --', () => {
    expect(checkCommand.parse({ root: '/p' }).jestArgs).toEqual([]);
  });

  it('refuses --confirm with --last', () => {
    expect(() => checkCommand.parse({ root: '/p', confirm: 3, last: 3 })).toThrow(
      '--confirm reruns the latest run’s regressions; --last reads history: use one\nExample: jest-perf check --confirm 3',
    );
  });

  it.each([
    [{ confirm: 0 }, '--confirm must be a whole number of at least 1 (got 0)'],
    [{ last: 1.5 }, '--last must be a whole number of at least 1 (got 1.5)\nExample: jest-perf check --last 3'],
  ])('refuses %p', (args, message) => {
    let error: JestPerfError | undefined;
    try {
      checkCommand.parse({ root: '/p', ...args });
    } catch (caught) {
      error = caught as JestPerfError;
    }
    expect(error?.message).toContain(message);
  });

  it('accepts Jest flags after -- instead of calling them unknown', async () => {
    withBaseline(100);

    const result = await cli(['check', '--', '--maxWorkers=2'], project.root);

    expect(result.code).toBe(0);
  });
});

describe('jest-perf check on a machine slower across the board', () => {
  /** 30 steady tests of 200 ms and one `suspect`, at `factor` × their baseline time (suspect at `suspect` ×). */
  function machineRun(i: number, factor: number, suspect: number): RunFile {
    return makeRun({
      runId: runId(i),
      minute: i,
      tests: [
        ...Array.from({ length: 30 }, (_, t) => makeTest({ title: `steady ${t}`, durationMs: 200 * factor })),
        makeTest({ title: 'suspect', durationMs: 200 * suspect }),
      ],
    });
  }

  beforeEach(() => {
    for (let i = 0; i < 5; i += 1) project.save(machineRun(i, 1, 1));
    project.baseline();
    // Everything 10 % slower (the host), the suspect 30 %: 18 % more than the rest.
    project.save(machineRun(9, 1.1, 1.3));
  });

  it('says how much slower the machine was and judges each test relative to it', async () => {
    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'machine: this run was 10.0 % slower than the baseline across 31 tests; each test is compared with its baseline × 1.100 (--no-normalize-speed: as measured)',
    );
  });

  it('compares as measured with --no-normalize-speed', async () => {
    const result = await cli(['check', '--no-normalize-speed'], project.root);

    expect(result.code).toBe(1);
    expect(result.err).toMatch(/regressed {2}src\/a\.test\.ts › suspect: 200 ms → 260 ms/);
    expect(result.out).not.toContain('machine:');
  });
});

describe('formatSpeed', () => {
  it('says nothing under 1 %, and that tests were compared as measured past the suite threshold', () => {
    expect(formatSpeed(null)).toBeNull();
    expect(formatSpeed({ factor: 1.005, tests: 40, applied: true })).toBeNull();
    expect(formatSpeed({ factor: 0.9, tests: 40, applied: true })).toBe(
      'machine: this run was 10.0 % faster than the baseline across 40 tests; each test is compared with its baseline × 0.900 (--no-normalize-speed: as measured)',
    );
    expect(formatSpeed({ factor: 1.3, tests: 40, applied: false })).toBe(
      'machine: this run was 30.0 % slower than the baseline across 40 tests, past the suite threshold: tests compared as measured',
    );
  });
});

describe('jest-perf check', () => {
  it('skips with exit 0 and "Baseline not found" when there is no baseline', async () => {
    project.save(run(100));

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `Skipped: Baseline not found (${project.paths.baseline}). Run \`pnpm perf:baseline\` to create one.`,
    );
  });

  it('fails with exit 2 without a baseline under --require-baseline', async () => {
    project.save(run(100));

    const result = await cli(['check', '--require-baseline'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `jest-perf: Baseline not found (${project.paths.baseline})\n  Fix: Run \`pnpm perf:baseline\` to create one.`,
    );
  });

  it('fails with exit 1 and a before/after line on a regression', async () => {
    withBaseline(300);

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^ {2}regressed {2}src\/a\.test\.ts › slow: 100 ms → 300 ms \(\+200\.0 %, threshold 20 %, noise band ±\d+(\.\d)? % assumed\)$/m,
    );
    expect(result.err).toContain('Performance check FAILED. If the slowdown is intended, update the baseline');
    expect(result.out).toContain('tests: 1 regressed, 0 improved, 1 unchanged, 0 noisy, 0 new, 0 missing');
    expect(result.out).not.toContain('::error');
  });

  it('passes with exit 0 when the run is within the thresholds', async () => {
    withBaseline(110);

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out.split('\n')).toEqual([
      'tests: 0 regressed, 0 improved, 2 unchanged, 0 noisy, 0 new, 0 missing',
      'Performance check passed.',
    ]);
  });

  it('fails the slow-test count when a test crosses slowTestMs', async () => {
    project.save(run(29_000, 0));
    project.baseline();
    project.save(run(31_000, 1));

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(1);
    expect(result.err).toContain('regressed  slow tests (over 30.00 s): 0 → 1 (+1): src/a.test.ts › slow');
  });

  it('fails with exit 2 when a baseline exists but no run was recorded', async () => {
    project.save(run(100));
    project.baseline();
    fs.rmSync(project.paths.latest);

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('No performance data');
  });

  it('compares the median of the newest N history runs with --last N', async () => {
    project.save(...[100, 100, 100, 100, 100].map((ms, i) => run(ms, i)));
    project.baseline();
    project.save(run(300, 5), run(300, 6), run(100, 7));

    const latestOnly = await cli(['check'], project.root);
    const lastThree = await cli(['check', '--last', '3'], project.root);

    expect(latestOnly.code).toBe(0);
    expect(lastThree.code).toBe(1);
    expect(lastThree.err).toContain('src/a.test.ts › slow: 100 ms → 300 ms (+200.0 %');
  });

  it('prints ::error annotations pointing at the test line under GITHUB_ACTIONS=true', async () => {
    withBaseline(300);

    const result = await cli(['check'], project.root, { GITHUB_ACTIONS: 'true' });

    expect(result.code).toBe(1);
    const annotations = result.out.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(
      /^::error file=src\/a\.test\.ts,line=12,title=Performance regression::src\/a\.test\.ts › slow: 100 ms → 300 ms \(\+200\.0 %/,
    );
  });

  it('appends the markdown report to GITHUB_STEP_SUMMARY', async () => {
    withBaseline(300);
    const summary = project.write('step-summary.md', 'earlier step\n');

    const result = await cli(['check'], project.root, { GITHUB_STEP_SUMMARY: summary });

    expect(result.code).toBe(1);
    const text = fs.readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n# jest-perf report\n')).toBe(true);
    expect(text).toContain('**REGRESSED**');
    expect(text).toContain('## Trends');
  });
});

describe('jest-perf check --confirm', () => {
  /** A stand-in for Jest: logs its arguments and copies $FAKE_RUN to $JEST_PERF_OUTPUT, or fails like Jest. */
  const FAKE_JEST = `
const fs = require('node:fs');
fs.appendFileSync(process.env.FAKE_ARGS_LOG, JSON.stringify(process.argv.slice(2)) + '\\n');
if (process.env.FAKE_RUN) {
  fs.copyFileSync(process.env.FAKE_RUN, process.env.JEST_PERF_OUTPUT);
} else {
  process.stderr.write('Error: preset @jest-perf/preset not found\\n');
  process.exitCode = 3;
}
`;

  function setup(rerunSlowMs: number | null): { jestBin: string; env: NodeJS.ProcessEnv; argsLog: string } {
    withBaseline(300);
    const jestBin = project.write('fake-jest.js', FAKE_JEST);
    const argsLog = path.join(project.root, 'args.log');
    const env: NodeJS.ProcessEnv = { FAKE_ARGS_LOG: argsLog };
    if (rerunSlowMs !== null) env.FAKE_RUN = project.write('rerun.json', JSON.stringify(run(rerunSlowMs, 9)));
    return { jestBin, env, argsLog };
  }

  const loggedArgs = (file: string): string[][] =>
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);

  it('fails with exit 1 when the reruns confirm the regression', async () => {
    const { jestBin, env, argsLog } = setup(300);

    const result = await cli(
      ['check', '--confirm', '2', '--jest-bin', jestBin, '--', '--maxWorkers=1'],
      project.root,
      env,
    );

    expect(result.code).toBe(1);
    expect(result.out).toContain('Regression seen in 1 file(s); rerunning them 2 time(s) to confirm…');
    expect(result.out).toContain('  rerun 1/2\n  rerun 2/2');
    expect(result.out).not.toContain('Not confirmed');
    expect(result.err).toContain('src/a.test.ts › slow: 100 ms → 300 ms');
    expect(loggedArgs(argsLog)).toEqual([
      ['--ci', '--maxWorkers=1', '--runTestsByPath', 'src/a.test.ts'],
      ['--ci', '--maxWorkers=1', '--runTestsByPath', 'src/a.test.ts'],
    ]);
  });

  it('passes with exit 0 and "Not confirmed" when the reruns are back to normal', async () => {
    const { jestBin, env } = setup(100);

    const result = await cli(['check', '--confirm', '2', '--jest-bin', jestBin], project.root, env);

    expect(result.code).toBe(0);
    expect(result.out).toContain('Not confirmed: the reruns were within the thresholds (noise).');
    expect(result.out).toContain('Performance check passed.');
    expect(result.err).toBe('');
  });

  it('fails with exit 2 and Jest’s last words when a rerun writes no run file', async () => {
    const { jestBin, env } = setup(null);

    const result = await cli(['check', '--confirm', '2', '--jest-bin', jestBin], project.root, env);

    expect(result.code).toBe(2);
    expect(result.err).toContain('rerun 1 wrote no run file (Jest exit 3)');
    expect(result.err).toContain('Error: preset @jest-perf/preset not found');
  });

  it('does not rerun anything when there is no regression', async () => {
    withBaseline(100);

    const result = await cli(['check', '--confirm', '2', '--jest-bin', '/does/not/exist.js'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).not.toContain('rerun');
  });
});
