import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReportSchema, type JestPerfError, type RunFile, validateWith } from '@jest-perf/core';
import { readBaseline } from '@jest-perf/regression';
import { formatSpeed } from '@jest-perf/report';
import { makeFile, makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { checkCommand } from '../commands/check';
import { cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

const runId = (i: number) => `r${String(i).padStart(3, '0')}`;

/** The load a run measures when other processes took much of the CPU. */
const BUSY: RunFile['load'] = { othersCpuShare: 0.6, loadPerCore: 1.5, cpuPressure: 40, busy: true };

interface RunExtras {
  /** CPU time of `slow` (it computes); absent: not measured. */
  slowCpuMs?: number;
  load?: RunFile['load'];
}

/**
 * `slow` (line 12) and `steady` (line 20, 1 s) in src/a.test.ts, and `other` (10 s) in src/b.test.ts; only
 * `slow` changes between runs. Each file's runtime is its tests plus a 50 ms start-up, as a real run reports.
 * (With `other`, a 1 s slowdown of `slow` leaves the whole run under its 15 % threshold: a run much slower
 * as a whole without a measured load is taken as a busy machine.)
 */
function run(slowMs: number, i = 0, extras: RunExtras = {}): RunFile {
  const tests = [
    makeTest({ title: 'slow', durationMs: slowMs, line: 12, ...(extras.slowCpuMs ? { cpuMs: extras.slowCpuMs } : {}) }),
    makeTest({ title: 'steady', durationMs: 1000, line: 20 }),
    makeTest({ file: 'src/b.test.ts', title: 'other', durationMs: 10_000, line: 5 }),
  ];
  const files = [
    makeFile({ path: 'src/a.test.ts', runtimeMs: 50 + slowMs + 1000 }),
    makeFile({ path: 'src/b.test.ts', runtimeMs: 50 + 10_000 }),
  ];
  return { ...makeRun({ runId: runId(i), minute: i, tests, files }), ...(extras.load ? { load: extras.load } : {}) };
}

/** Stores the runs and builds the baseline from them as a user does (`npx jest-perf baseline --from-history N`). */
async function baselineOf(runs: RunFile[]): Promise<void> {
  project.save(...runs);
  const built = await cli(['baseline', '--from-history', String(runs.length)], project.root);
  expect(built.code).toBe(0);
}

/** A 3-run baseline with `slow` at 990/1000/1010 ms, then a latest run with `slow` at `latestMs`. */
async function withBaseline(latestMs: number, extras: RunExtras = {}): Promise<void> {
  const cpu = (ms: number) => (extras.slowCpuMs ? { slowCpuMs: ms * 0.95 } : {});
  await baselineOf([990, 1000, 1010].map((ms, i) => run(ms, i, cpu(ms))));
  project.save(run(latestMs, 3, extras));
}

/** The one line check prints on stderr when it fails. */
const FAILED =
  'Performance check FAILED. If the slowdown is intended, update the baseline: npx jest-perf baseline --from-history 5';

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
      baseline: undefined,
      allowPartial: false,
      format: 'text',
      top: 10,
      thresholds: undefined,
    });
  });

  it('reads --format, --top and --threshold', () => {
    expect(
      checkCommand.parse({ root: '/p', format: 'markdown', top: 0, threshold: ['test=30%,minImpact=1s', 'suite=5%'] }),
    ).toMatchObject({ format: 'markdown', top: 0, thresholds: { test: 0.3, minAbsoluteMs: 1000, suite: 0.05 } });
  });

  it.each([
    [{ format: 'html' }, '--format must be one of text, json, markdown (got html)'],
    [{ top: -1 }, '--top must be a whole number of at least 0 (got -1)'],
    [{ threshold: 'test=20' }, '--threshold test=20: give a percentage above 0, such as test=20%'],
  ])('refuses %j with a usage error and an example', (args, message) => {
    expect(() => checkCommand.parse({ root: '/p', ...args })).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_USAGE', message: expect.stringContaining(message) }) as JestPerfError,
    );
  });

  it('compares as measured with --no-normalize-speed', () => {
    expect(checkCommand.parse({ root: '/p', 'normalize-speed': false }).normalizeSpeed).toBe(false);
  });

  it('passes nothing to Jest without --', () => {
    expect(checkCommand.parse({ root: '/p' }).jestArgs).toEqual([]);
  });

  it('refuses --confirm with --last', () => {
    expect(() => checkCommand.parse({ root: '/p', confirm: 3, last: 3 })).toThrow(
      '--confirm reruns the latest run’s regressions; --last reads history: use one\nExample: npx jest-perf check --confirm 3',
    );
  });

  it.each([
    [{ confirm: 0 }, '--confirm must be a whole number of at least 1 (got 0)'],
    [{ last: 1.5 }, '--last must be a whole number of at least 1 (got 1.5)\nExample: npx jest-perf check --last 3'],
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
    await withBaseline(1000);

    const result = await cli(['check', '--', '--maxWorkers=2'], project.root);

    expect(result.code).toBe(0);
  });
});

describe('jest-perf check on a machine slower across the board', () => {
  /** 30 steady tests of 1 s and one `suspect`, at `factor` × their baseline time (suspect at `suspect` ×). */
  function machineRun(i: number, factor: number, suspect: number): RunFile {
    const tests = [
      ...Array.from({ length: 30 }, (_, t) => makeTest({ title: `steady ${t}`, durationMs: 1000 * factor })),
      makeTest({ title: 'suspect', durationMs: 1000 * suspect }),
    ];
    const files = [
      makeFile({ path: 'src/a.test.ts', runtimeMs: 50 + tests.reduce((sum, t) => sum + t.durationMs, 0) }),
    ];
    return makeRun({ runId: runId(i), minute: i, tests, files });
  }

  beforeEach(async () => {
    await baselineOf(Array.from({ length: 5 }, (_, i) => machineRun(i, 1, 1)));
    // Everything 10 % slower (the host), the suspect 30 %: 18 % more than the rest, under the 20 % threshold.
    project.save(machineRun(9, 1.1, 1.3));
  });

  it('says how much slower the machine was and judges each test relative to it', async () => {
    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'machine: this run was 10.0 % slower than the baseline across 31 tests; each test is compared with its baseline × 1.100 (--no-normalize-speed: as measured)',
    );
    expect(result.out).not.toContain('regressed    ');
  });

  it('compares as measured with --no-normalize-speed', async () => {
    // One run's wall time alone does not fail; the median of two such runs does.
    const oneRun = await cli(['check', '--no-normalize-speed'], project.root);
    project.save(machineRun(10, 1.1, 1.3));
    const result = await cli(['check', '--no-normalize-speed', '--last', '2'], project.root);

    expect(oneRun.code).toBe(0);
    expect(oneRun.out).toMatch(
      /^ {2}unconfirmed {2}src\/a\.test\.ts › suspect: 1\.00 s → 1\.30 s \(.*\): unconfirmed, wall time of one run/m,
    );
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^ {2}regressed {4}src\/a\.test\.ts › suspect: 1\.00 s → 1\.30 s \(\+300 ms, \+30\.0 %/m,
    );
    expect(result.out).not.toContain('machine:');
    expect(result.err).toBe(FAILED);
  });
});

describe('formatSpeed', () => {
  it('says nothing under 1 %, and that tests were compared as measured past the suite threshold', () => {
    expect(formatSpeed(null)).toBeNull();
    expect(formatSpeed({ factor: 1.005, cpuFactor: null, tests: 40, applied: true })).toBeNull();
    expect(formatSpeed({ factor: 0.9, cpuFactor: null, tests: 40, applied: true })).toBe(
      'machine: this run was 10.0 % faster than the baseline across 40 tests; each test is compared with its baseline × 0.900 (--no-normalize-speed: as measured)',
    );
    expect(formatSpeed({ factor: 1.3, cpuFactor: null, tests: 40, applied: false })).toBe(
      'machine: this run was 30.0 % slower than the baseline across 40 tests, past the suite threshold: tests compared as measured',
    );
  });
});

describe('jest-perf check', () => {
  it('skips with exit 0 and "Baseline not found" when there is no baseline', async () => {
    project.save(run(1000));

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `Skipped: Baseline not found (${project.paths.baseline}). Create one from tracked runs: npx jest-perf baseline --from-history 5`,
    );
  });

  it('skips with exit 0 and says to track runs first when there is neither a baseline nor a run', async () => {
    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `Skipped: Baseline not found (${project.paths.baseline}), and no run is tracked yet: track 5 runs first ` +
        '(npx jest-perf track, once per run), then create the baseline from them: npx jest-perf baseline --from-history 5',
    );
  });

  it('fails with exit 2 and the track-first fix under --require-baseline when no run is stored', async () => {
    const result = await cli(['check', '--require-baseline'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `jest-perf: Baseline not found (${project.paths.baseline})\n  Fix: no run is tracked yet: track 5 runs first ` +
        '(npx jest-perf track, once per run), then create the baseline from them: npx jest-perf baseline --from-history 5',
    );
  });

  it('fails with exit 2 without a baseline under --require-baseline', async () => {
    project.save(run(1000));

    const result = await cli(['check', '--require-baseline'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `jest-perf: Baseline not found (${project.paths.baseline})\n  Fix: Create one from tracked runs: npx jest-perf baseline --from-history 5`,
    );
  });

  it('fails with exit 1, the before/after line on stdout and only the FAILED line on stderr', async () => {
    await withBaseline(2000);
    project.save(run(2000, 4));

    // The median of the two newest runs: wall time seen twice fails.
    const result = await cli(['check', '--last', '2'], project.root);

    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^ {2}regressed {4}src\/a\.test\.ts › slow: 1\.00 s → 2\.00 s \(\+1\.00 s, \+100\.0 %; threshold 20 %, noise ±\d+ ms\)$/m,
    );
    expect(result.out).toContain(
      'tests: 1 regressed, 0 unconfirmed, 0 minor, 0 improved, 2 unchanged, 0 new, 0 missing',
    );
    expect(result.err).toBe(FAILED);
    expect(result.out).not.toContain('::error');
  });

  it('passes with exit 0 and prints the context and the counts when the run is within the thresholds', async () => {
    await withBaseline(1050);

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('This check covers 3 of 3 baseline tests.');
    expect(lines[1]).toMatch(/^baseline: 3 run\(s\) on (.+); this run: \1$/);
    expect(lines.slice(2)).toEqual([
      'tests: 0 regressed, 0 unconfirmed, 0 minor, 0 improved, 3 unchanged, 0 new, 0 missing',
      'files, start-up, hooks, whole run: 0 regressed, 0 unconfirmed, 0 minor, 0 improved, 5 unchanged, 0 new, 0 missing',
      'Performance check passed.',
    ]);
  });

  it('checks against a format-1 baseline, its hand-set threshold kept, with a one-line note on stderr', async () => {
    await withBaseline(1500);
    const { overrides: _overrides, ...current } = readBaseline(project.paths.baseline);
    const slowId = 'src/a.test.ts › slow';
    const v1 = {
      ...current,
      schemaVersion: 1,
      thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 },
      tests: Object.fromEntries(
        Object.entries(current.tests).map(([id, t]) => [id, { ...t, threshold: id === slowId ? 0.01 : 0.2 }]),
      ),
      suites: Object.fromEntries(Object.entries(current.suites).map(([k, v]) => [k, { ...v, threshold: 0.15 }])),
    };
    fs.writeFileSync(project.paths.baseline, JSON.stringify(v1));

    const result = await cli(['check'], project.root);

    expect(result.err.split('\n')).toEqual([
      expect.stringMatching(
        /^jest-perf: Baseline .+ is in format 1 .+ its 1 hand-set test threshold\(s\) kept as overrides\. Save it in the new format: npx jest-perf baseline --migrate$/,
      ),
    ]);
    expect(result.out).toContain(`${slowId}: 1.00 s → 1.50 s (+500 ms, +50.0 %; threshold 1 %`);
  });

  it('prints only the JSON report on stdout with --format json, and the FAILED line on stderr', async () => {
    await withBaseline(1500, { slowCpuMs: 1500 });

    const result = await cli(['check', '--format', 'json'], project.root);

    expect(result.code).toBe(1);
    expect(result.err).toBe(FAILED);
    const report = JSON.parse(result.out);
    expect(() => validateWith(checkReportSchema, report, { what: 'check report', fix: '' })).not.toThrow();
    expect(report).toMatchObject({ status: 'failed', coverage: 'covers 3 of 3 baseline tests', top: 10 });
    expect(report.verdicts[0]).toMatchObject({
      kind: 'regressed',
      entries: [expect.objectContaining({ subject: 'src/a.test.ts › slow', scope: 'test', evidence: 'cpu' })],
    });
  });

  it('prints a markdown report with --format markdown', async () => {
    await withBaseline(1050);

    const result = await cli(['check', '--format', 'markdown'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out.split('\n')[0]).toBe('### Performance check passed');
    expect(result.out).toContain(
      'Tests: 0 regressed, 0 unconfirmed, 0 minor, 0 improved, 3 unchanged, 0 new, 0 missing.',
    );
  });

  it('says it skipped in the chosen format when there is no baseline', async () => {
    project.save(run(1000));

    const result = await cli(['check', '--format', 'json'], project.root);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      schemaVersion: 1,
      status: 'skipped',
      reason: expect.stringContaining('Baseline not found'),
    });
  });

  it('applies --threshold over the config for this check, and a baseline override over both', async () => {
    await withBaseline(1500, { slowCpuMs: 1500 });

    const loose = await cli(['check', '--threshold', 'test=80%,suite=80%'], project.root);
    expect(loose.code).toBe(0);
    expect(loose.out).toContain('tests: 0 regressed');

    const tuned = readBaseline(project.paths.baseline);
    tuned.overrides.tests['src/a.test.ts › slow'] = 0.3;
    fs.writeFileSync(project.paths.baseline, JSON.stringify(tuned));
    const overridden = await cli(['check', '--threshold', 'test=80%,suite=80%'], project.root);
    expect(overridden.code).toBe(1);
    expect(overridden.out).toMatch(/^ {2}regressed {4}src\/a\.test\.ts › slow: .*threshold 30 %/m);

    const bad = await cli(['check', '--threshold', 'test=0.2'], project.root);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--threshold test=0.2: give a percentage above 0, such as test=20%');
  });

  it('refuses with exit 2 a run that timed no test, which would pass by checking nothing', async () => {
    await baselineOf([990, 1000, 1010].map((ms, i) => run(ms, i)));
    const skipped = makeRun({
      runId: runId(3),
      minute: 3,
      tests: [makeTest({ title: 'slow', durationMs: 100, status: 'skipped' })],
    });
    project.save(skipped);

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('The latest run timed no test: a check of it would pass by checking nothing');
    expect(result.err).toContain('or pass --allow-partial');
  });

  it('refuses an incomplete run, and with --allow-partial judges it and says what it covers', async () => {
    await baselineOf([990, 1000, 1010].map((ms, i) => run(ms, i)));
    const partial = makeRun({
      runId: runId(3),
      minute: 3,
      tests: [makeTest({ title: 'slow', durationMs: 1000, line: 12 })],
      incompleteReasons: ['src/b.test.ts: worker killed'],
    });
    project.save(partial);

    const refused = await cli(['check'], project.root);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('The run is incomplete (r003: src/b.test.ts: worker killed)');

    const allowed = await cli(['check', '--allow-partial'], project.root);
    expect(allowed.code).toBe(0);
    expect(allowed.out.split('\n')[0]).toBe('This check covers 1 of 3 baseline tests (2 not timed in this run).');
  });

  it('lists a change beyond its threshold and noise but under the minimum impact as minor, and passes', async () => {
    const small = (ms: number, i: number) =>
      makeRun({
        runId: runId(i),
        minute: i,
        tests: [makeTest({ title: 'tiny', durationMs: ms, line: 30 })],
        files: [makeFile({ path: 'src/a.test.ts', runtimeMs: 50 + ms })],
      });
    await baselineOf([99, 100, 101].map((ms, i) => small(ms, i)));
    project.save(small(160, 3));

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ {2}minor {8}src\/a\.test\.ts › tiny: 100 ms → 160 ms \(\+60 ms, \+60\.0 %/m);
    expect(result.err).toBe('');
  });

  it('fails the slow-test count when a test crosses slowTestMs', async () => {
    await baselineOf([28_900, 29_000, 29_100].map((ms, i) => run(ms, i)));
    project.save(run(31_000, 3));

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(1);
    expect(result.out).toContain('  regressed    slow tests (over 30.00 s): 0 → 1 (+1): src/a.test.ts › slow');
    expect(result.err).toBe(FAILED);
  });

  it('fails with exit 2 when a baseline exists but no run was recorded', async () => {
    await withBaseline(1000);
    fs.rmSync(project.paths.latest);

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('No performance data');
  });

  it('compares the median of the newest N stored run files with --last N', async () => {
    await baselineOf([1000, 990, 1010, 1005, 995].map((ms, i) => run(ms, i)));
    project.save(run(2000, 5), run(2000, 6), run(1000, 7));

    const latestOnly = await cli(['check'], project.root);
    const lastTwo = await cli(['check', '--last', '2'], project.root);
    const lastThree = await cli(['check', '--last', '3'], project.root);

    expect(latestOnly.code).toBe(0);
    // The newest two: 2000 and 1000 ms, median 1.5 s.
    expect(lastTwo.out).toContain('src/a.test.ts › slow: 1.00 s → 1.50 s (+500 ms, +50.0 %');
    expect(lastThree.code).toBe(1);
    expect(lastThree.out).toContain('src/a.test.ts › slow: 1.00 s → 2.00 s (+1.00 s, +100.0 %');
  });

  it('takes a wall-time slowdown of one run as unconfirmed: exit 0 and the --confirm hint', async () => {
    await withBaseline(2000);

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(
      /^ {2}unconfirmed {2}src\/a\.test\.ts › slow: 1\.00 s → 2\.00 s \(\+1\.00 s, \+100\.0 %; threshold 20 %, noise ±\d+ ms\): unconfirmed, wall time of one run \(a stall looks the same\): confirm with reruns$/m,
    );
    expect(result.out).toMatch(
      /→ rerun the files of the \d+ unconfirmed change\(s\): npx jest-perf check --confirm 3$/m,
    );
    expect(result.out).not.toContain('regressed    ');
    expect(result.out).toContain('Performance check passed.');
  });

  it('takes a wall-time regression on a busy machine as unconfirmed: exit 0 and the --confirm hint', async () => {
    await withBaseline(2000, { load: BUSY });

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain(
      'The machine was busy during the run (other processes used 60 % of the CPU): wall time alone does not fail the check, nor CPU time that grew less than twofold (contention for cores and caches); larger CPU growth, and reruns confirmed on a quiet machine (--confirm), do.',
    );
    expect(result.out).toMatch(
      /^ {2}unconfirmed {2}src\/a\.test\.ts › slow: 1\.00 s → 2\.00 s \(.*\): unconfirmed, the machine was busy: wall time alone does not fail the check$/m,
    );
    expect(result.out).toContain('  → rerun the files of the 1 unconfirmed change(s): npx jest-perf check --confirm 3');
    expect(result.out).toContain('Performance check passed.');
  });

  it('still fails on a busy machine when the CPU time grew beyond what contention adds (2×)', async () => {
    await withBaseline(3000, { slowCpuMs: 2900, load: BUSY });

    const result = await cli(['check'], project.root);

    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^ {2}regressed {4}src\/a\.test\.ts › slow: CPU 950 ms → 2\.90 s \(\+1\.95 s, \+205\.3 %;.*, computes\)$/m,
    );
    expect(result.err).toBe(FAILED);
  });

  it('prints ::error annotations pointing at the test line under GITHUB_ACTIONS=true', async () => {
    // CPU time that rose fails from one run.
    await withBaseline(2000, { slowCpuMs: 1900 });

    const result = await cli(['check'], project.root, { GITHUB_ACTIONS: 'true' });

    expect(result.code).toBe(1);
    const annotations = result.out.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(
      /^::error file=src\/a\.test\.ts,line=12,title=Performance regression::src\/a\.test\.ts › slow: CPU 950 ms → 1\.90 s \(\+950 ms, \+100\.0 %/,
    );
  });

  it('appends the markdown report to GITHUB_STEP_SUMMARY', async () => {
    // CPU time that rose fails from one run.
    await withBaseline(2000, { slowCpuMs: 1900 });
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

  async function setup(
    rerunSlowMs: number | null,
    extras: RunExtras = {},
  ): Promise<{ jestBin: string; env: NodeJS.ProcessEnv; argsLog: string }> {
    await withBaseline(2000, extras);
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
    const { jestBin, env, argsLog } = await setup(2000);

    const result = await cli(
      ['check', '--confirm', '2', '--jest-bin', jestBin, '--', '--maxWorkers=1'],
      project.root,
      env,
    );

    expect(result.code).toBe(1);
    // Progress is a diagnostic (stderr); stdout holds the result alone.
    expect(result.err.split('\n')).toEqual([
      'Regression seen in 1 file(s); rerunning them 2 time(s) to confirm…',
      '  rerun 1/2',
      '  rerun 2/2',
      FAILED,
    ]);
    expect(result.out).not.toContain('Not confirmed');
    expect(result.out).toContain('Current values are the fastest of the run and its reruns (noise only adds time).');
    expect(result.out).toMatch(/^ {2}regressed {4}src\/a\.test\.ts › slow: 1\.00 s → 2\.00 s/m);
    expect(loggedArgs(argsLog)).toEqual([
      ['--ci', '--maxWorkers=1', '--runTestsByPath', 'src/a.test.ts'],
      ['--ci', '--maxWorkers=1', '--runTestsByPath', 'src/a.test.ts'],
    ]);
  });

  it('passes a one-run wall slowdown as unconfirmed, and fails it when reruns confirm it', async () => {
    const { jestBin, env } = await setup(2000);

    const oneRun = await cli(['check'], project.root, env);
    const confirmed = await cli(['check', '--confirm', '3', '--jest-bin', jestBin], project.root, env);

    expect(oneRun.code).toBe(0);
    expect(oneRun.out).toMatch(
      /^ {2}unconfirmed {2}src\/a\.test\.ts › slow: 1\.00 s → 2\.00 s \(.*\): unconfirmed, wall time of one run \(a stall looks the same\): confirm with reruns$/m,
    );
    expect(oneRun.out).toContain('npx jest-perf check --confirm 3');
    expect(confirmed.code).toBe(1);
    expect(confirmed.err).toContain('rerun 1/3\n  rerun 2/3\n  rerun 3/3');
    expect(confirmed.out).toMatch(/^ {2}regressed {4}src\/a\.test\.ts › slow: 1\.00 s → 2\.00 s/m);
    expect(confirmed.out).not.toContain('unconfirmed  ');
    expect(confirmed.err.split('\n').at(-1)).toBe(FAILED);
  });

  it('passes with exit 0 and "Not confirmed" when the reruns are back to normal', async () => {
    const { jestBin, env } = await setup(1000);

    const result = await cli(['check', '--confirm', '2', '--jest-bin', jestBin], project.root, env);

    expect(result.code).toBe(0);
    expect(result.out).toContain('Not confirmed: the fastest of the reruns was within the thresholds (noise).');
    expect(result.out).toContain('Performance check passed.');
    expect(result.err).not.toContain('FAILED');
  });

  it('fails with exit 2 and Jest’s last words when a rerun writes no run file', async () => {
    const { jestBin, env } = await setup(null);

    const result = await cli(['check', '--confirm', '2', '--jest-bin', jestBin], project.root, env);

    expect(result.code).toBe(2);
    expect(result.err).toContain('rerun 1 wrote no run file (Jest exit 3)');
    expect(result.err).toContain('Error: preset @jest-perf/preset not found');
  });

  it('reruns the files of an unconfirmed change on a busy machine and fails when the minimum holds it', async () => {
    const { jestBin, env } = await setup(2000, { load: BUSY });

    const result = await cli(['check', '--confirm', '2', '--jest-bin', jestBin], project.root, env);

    expect(result.code).toBe(1);
    expect(result.err).toContain('Regression seen in 1 file(s); rerunning them 2 time(s) to confirm…');
    expect(result.out).toMatch(/^ {2}regressed {4}src\/a\.test\.ts › slow: 1\.00 s → 2\.00 s/m);
    expect(result.out).not.toContain('unconfirmed  ');
    expect(result.err.split('\n').at(-1)).toBe(FAILED);
  });

  it('does not rerun anything when there is no regression', async () => {
    await withBaseline(1000);

    const result = await cli(['check', '--confirm', '2', '--jest-bin', '/does/not/exist.js'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).not.toContain('rerun');
  });
});
