import type { RunFile } from '@jest-perf/core';
import { buildBaseline, type CompareResult, compareRun } from '@jest-perf/regression';
import { confirmRegressions, filesToConfirm } from '../analysis/confirm';
import { makeRun, makeTest } from './helpers/runs';

const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };
const FILES = { a: 'src/x/a.test.ts', a2: 'src/x/a2.test.ts', b: 'src/y/b.test.ts', c: 'src/z/c.test.ts' } as const;
type Name = keyof typeof FILES;

function run(runId: string, durations: Partial<Record<Name, number>>): RunFile {
  return makeRun({
    runId,
    tests: Object.entries(durations).map(([name, durationMs]) =>
      makeTest({ file: FILES[name as Name], title: name, durationMs }),
    ),
  });
}

/** Five quiet baseline runs (±1 %), so the noise band is narrow enough for suites to regress. */
const baseline = buildBaseline(
  [0, 1, -1, 0.5, -0.5].map((jitter, i) =>
    run(`b${i}`, { a: 100 * (1 + jitter / 100), a2: 1000, b: 100, c: 29_000 * (1 + jitter / 100) }),
  ),
  CONFIG,
);
/** `a` tripled (its suite src/x too) and `c` crossed the 30 s slow threshold. */
const latest = run('latest', { a: 300, a2: 1000, b: 100, c: 31_000 });
const original = compareRun(baseline, latest);

function kinds(result: CompareResult): Record<string, string> {
  return Object.fromEntries([
    ...result.tests.map((v) => [v.id, v.kind]),
    ...result.suites.map((v) => [`${v.suite}/`, v.kind]),
    ['slowCount', result.slowCount.kind],
  ]);
}

function confirmWith(...reruns: RunFile[]): CompareResult {
  const runs = [latest, ...reruns];
  return confirmRegressions(original, compareRun(baseline, runs), runs);
}

describe('filesToConfirm', () => {
  it('reruns the files of regressed tests, of every test of a regressed suite and of newly slow tests', () => {
    expect(kinds(original)).toMatchObject({
      'src/x/a.test.ts › a': 'regressed',
      'src/x/': 'regressed',
      slowCount: 'regressed',
    });

    expect(filesToConfirm(original, latest)).toEqual([FILES.a, FILES.a2, FILES.c]);
  });

  it('reruns nothing when nothing regressed', () => {
    const quiet = compareRun(baseline, run('quiet', { a: 100, a2: 1000, b: 100, c: 29_000 }));

    expect(filesToConfirm(quiet, latest)).toEqual([]);
  });
});

describe('confirmRegressions', () => {
  it('confirms what stays slow over the latest run and the reruns', () => {
    const confirmed = confirmWith(
      run('r1', { a: 310, a2: 1000, c: 31_000 }),
      run('r2', { a: 290, a2: 1000, c: 30_500 }),
    );

    expect(confirmed.regressed).toBe(true);
    expect(kinds(confirmed)).toMatchObject({
      'src/x/a.test.ts › a': 'regressed',
      'src/x/': 'regressed',
      slowCount: 'regressed',
    });
    expect(confirmed.slowCount.newlySlow).toEqual(['src/z/c.test.ts › c']);
    expect(confirmed.summary.tests).toMatchObject({ regressed: 1, unchanged: 3 });
    expect(confirmed.current.runIds).toEqual(['latest', 'r1', 'r2']);
  });

  it('drops regressions the reruns do not show (noise)', () => {
    const confirmed = confirmWith(
      run('r1', { a: 100, a2: 1000, c: 29_000 }),
      run('r2', { a: 101, a2: 1000, c: 28_000 }),
    );

    expect(confirmed.regressed).toBe(false);
    expect(kinds(confirmed)).toMatchObject({
      'src/x/a.test.ts › a': 'unchanged',
      'src/x/': 'unchanged',
      slowCount: 'unchanged',
    });
    expect(confirmed.summary.tests.regressed).toBe(0);
  });

  it('never adds a regression the first comparison did not see', () => {
    const confirmed = confirmWith(
      run('r1', { a: 100, a2: 1000, b: 900, c: 29_000 }),
      run('r2', { a: 100, a2: 1000, b: 900, c: 29_000 }),
    );

    expect(kinds(confirmed)['src/y/b.test.ts › b']).toBe('unchanged');
    expect(confirmed.regressed).toBe(false);
  });

  it('keeps the slow count regressed only while enough newly slow tests stay slow', () => {
    const twoNewlySlow: CompareResult = {
      ...original,
      slowCount: { ...original.slowCount, current: 2, newlySlow: ['src/y/b.test.ts › b', 'src/z/c.test.ts › c'] },
    };
    const runs = [latest, run('r1', { b: 100, c: 31_000 })];

    const confirmed = confirmRegressions(twoNewlySlow, compareRun(baseline, runs), runs);

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
