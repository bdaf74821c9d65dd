import type { RunFile } from '@jest-perf/core';
import {
  buildBaseline,
  type CompareResult,
  compareRun,
  type SuiteVerdict,
  type TestVerdict,
} from '@jest-perf/regression';
import { makeFile, makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { confirmRegressions, filesToConfirm } from '../analysis/confirm';

const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 }, slowTestMs: 30_000 };
const FILES = { a: 'src/x/a.test.ts', a2: 'src/x/a2.test.ts', b: 'src/y/b.test.ts', c: 'src/z/c.test.ts' } as const;
type Name = keyof typeof FILES;
/** `b` is four tests of the same time (`b1`…`b4`): each too small to matter alone, their file is not. */
const B_TESTS = ['b1', 'b2', 'b3', 'b4'];

function run(runId: string, durations: Partial<Record<Name, number>>, load?: RunFile['load']): RunFile {
  const tests = Object.entries(durations).flatMap(([name, durationMs]) =>
    (name === 'b' ? B_TESTS : [name]).map((title) => makeTest({ file: FILES[name as Name], title, durationMs })),
  );
  // Each file's runtime is its tests plus a 50 ms start-up, so the whole run moves with its tests.
  const files = [...new Set(tests.map((t) => t.file))].map((path) =>
    makeFile({ path, runtimeMs: 50 + tests.filter((t) => t.file === path).reduce((sum, t) => sum + t.durationMs, 0) }),
  );
  return { ...makeRun({ runId, tests, files }), ...(load ? { load } : {}) };
}

/** Five quiet baseline runs (±1 %): `a` and `a2` 1 s, each `b` test 100 ms, `c` 29 s (just under slowTestMs). */
const baseline = buildBaseline(
  [0, 1, -1, 0.5, -0.5].map((jitter, i) => {
    const j = 1 + jitter / 100;
    return run(`b${i}`, { a: 1000 * j, a2: 1000, b: 100 * j, c: 29_000 * j });
  }),
  CONFIG,
);
/**
 * A quiet machine, as the run measured it: without a measured load, two slowed files of four would pass for
 * a busy machine (the median file is what says how busy it was).
 */
const QUIET: RunFile['load'] = { othersCpuShare: 0.02, loadPerCore: 0.3, cpuPressure: null, busy: false };
/** `a` doubled, each `b` test +40 ms (its file +160 ms), and `c` crossed the 30 s slow threshold. */
const latest = run('latest', { a: 2000, a2: 1000, b: 140, c: 31_000 }, QUIET);
const original = compareRun(baseline, latest);
/** The load a run measures when other processes took much of the CPU. */
const BUSY: RunFile['load'] = { othersCpuShare: 0.6, loadPerCore: 1.5, cpuPressure: 40, busy: true };

/** Verdict kinds by test id, by suite label (a file's path, `… › start-up`, `whole run`) and of the slow count. */
function kinds(result: CompareResult): Record<string, string> {
  return Object.fromEntries([
    ...result.tests.map((v) => [v.id, v.kind]),
    ...result.suites.map((v) => [v.suite, v.kind]),
    ['slowCount', result.slowCount.kind],
  ]);
}

/** What `check --confirm` does: compare the latest run and its reruns as confirmed (the minimum, wall trusted). */
function confirmWith(...reruns: RunFile[]): CompareResult {
  const runs = [latest, ...reruns.map((rerun) => (rerun.load ? rerun : { ...rerun, load: QUIET }))];
  return confirmRegressions(original, compareRun(baseline, runs, { confirmed: true }), runs);
}

describe('filesToConfirm', () => {
  it('reruns the files of slowed tests, of slowed files and of newly slow tests', () => {
    // Wall time of one run does not fail alone: the slowed test and file are unconfirmed until rerun.
    expect(kinds(original)).toMatchObject({
      'src/x/a.test.ts › a': 'unconfirmed',
      // Already named through its test: not named again.
      'src/x/a.test.ts': 'unchanged',
      'src/y/b.test.ts › b1': 'minor',
      'src/y/b.test.ts': 'unconfirmed',
      'whole run': 'unchanged',
      slowCount: 'regressed',
    });

    expect(original.tests.find((v) => v.id === 'src/x/a.test.ts › a')).toMatchObject({ reason: 'one-run' });
    expect(original.suites.find((v) => v.suite === FILES.b)).toMatchObject({ reason: 'one-run' });
    expect(filesToConfirm(original, latest)).toEqual([FILES.a, FILES.b, FILES.c]);
  });

  it('reruns the files of unconfirmed changes too (a busy machine)', () => {
    const busyRun = run('busy', { a: 2000, a2: 1000, b: 100, c: 29_000 }, BUSY);
    const busy = compareRun(baseline, busyRun);

    expect(kinds(busy)['src/x/a.test.ts › a']).toBe('unconfirmed');
    expect(busy.regressed).toBe(false);
    expect(filesToConfirm(busy, busyRun)).toEqual([FILES.a]);
  });

  it('reruns every file when the whole run changed', () => {
    const [whole] = original.suites.filter((v) => v.scope === 'run');
    const wholeRun: CompareResult = {
      ...original,
      tests: original.tests.map((v) => ({ ...v, kind: 'unchanged' }) as TestVerdict),
      suites: [{ ...(whole as SuiteVerdict), kind: 'regressed' } as SuiteVerdict],
      slowCount: { ...original.slowCount, kind: 'unchanged' },
    };

    expect(filesToConfirm(wholeRun, latest)).toEqual([FILES.a, FILES.a2, FILES.b, FILES.c]);
  });

  it('reruns nothing when nothing regressed', () => {
    const quiet = compareRun(baseline, run('quiet', { a: 1000, a2: 1000, b: 100, c: 29_000 }));

    expect(filesToConfirm(quiet, latest)).toEqual([]);
  });
});

describe('confirmRegressions', () => {
  it('confirms what stays slow over the latest run and the reruns', () => {
    const confirmed = confirmWith(
      run('r1', { a: 2010, a2: 1000, b: 140, c: 31_000 }),
      run('r2', { a: 1990, a2: 1000, b: 141, c: 30_500 }),
    );

    expect(confirmed.regressed).toBe(true);
    expect(kinds(confirmed)).toMatchObject({
      'src/x/a.test.ts › a': 'regressed',
      'src/y/b.test.ts': 'regressed',
      slowCount: 'regressed',
    });
    // The fastest of the three runs: noise only adds time.
    expect(confirmed.tests.find((v) => v.id === 'src/x/a.test.ts › a')).toMatchObject({ currentMs: 1990 });
    expect(confirmed.slowCount.newlySlow).toEqual(['src/z/c.test.ts › c']);
    expect(confirmed.summary.tests).toMatchObject({ regressed: 1, minor: 4, unchanged: 2 });
    expect(confirmed.current.runIds).toEqual(['latest', 'r1', 'r2']);
  });

  it('drops regressions the reruns do not show (noise)', () => {
    const confirmed = confirmWith(
      run('r1', { a: 1000, a2: 1000, b: 100, c: 29_000 }),
      run('r2', { a: 1010, a2: 1000, b: 101, c: 28_000 }),
    );

    expect(confirmed.regressed).toBe(false);
    expect(kinds(confirmed)).toMatchObject({
      'src/x/a.test.ts › a': 'unchanged',
      'src/y/b.test.ts': 'unchanged',
      slowCount: 'unchanged',
    });
    expect(confirmed.summary.tests.regressed).toBe(0);
  });

  it('turns an unconfirmed change on a busy machine into a regression when the reruns hold it', () => {
    const busyRun = run('busy', { a: 2000, a2: 1000, b: 100, c: 29_000 }, BUSY);
    const busy = compareRun(baseline, busyRun);
    const runs = [busyRun, run('r1', { a: 2005 }), run('r2', { a: 1995 })];

    const confirmed = confirmRegressions(busy, compareRun(baseline, runs, { confirmed: true }), runs);

    expect(kinds(confirmed)['src/x/a.test.ts › a']).toBe('regressed');
    expect(confirmed.regressed).toBe(true);
  });

  it('never adds a regression the first comparison did not see', () => {
    const confirmed = confirmWith(
      run('r1', { a: 1000, a2: 2000, b: 100, c: 29_000 }),
      run('r2', { a: 1000, a2: 2000, b: 100, c: 29_000 }),
    );

    expect(kinds(confirmed)['src/x/a2.test.ts › a2']).toBe('unchanged');
    expect(confirmed.regressed).toBe(false);
  });

  it('keeps the slow count regressed only while enough newly slow tests stay slow', () => {
    const twoNewlySlow: CompareResult = {
      ...original,
      slowCount: { ...original.slowCount, current: 2, newlySlow: ['src/y/b.test.ts › b1', 'src/z/c.test.ts › c'] },
    };
    const runs = [latest, run('r1', { b: 100, c: 31_000 })];

    const confirmed = confirmRegressions(twoNewlySlow, compareRun(baseline, runs, { confirmed: true }), runs);

    expect(confirmed.slowCount.kind).toBe('unchanged');
  });

  it('ignores failed reruns of a newly slow test', () => {
    const failedRerun = makeRun({
      runId: 'r1',
      tests: [makeTest({ file: FILES.c, title: 'c', durationMs: 1, status: 'failed' })],
    });

    const confirmed = confirmWith(failedRerun);

    expect(confirmed.slowCount.kind).toBe('regressed');
  });
});
