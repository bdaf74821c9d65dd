import type { RunFile } from '@jest-perf/core';
import { buildBaseline, compareRun } from '@jest-perf/regression';
import { buildReport } from '../buildReport';
import { baselineOf, GATE_CONFIG, tracked } from './helpers/gateRuns';
import { makeFile, makeHook, makeRun, makeTest } from './helpers/runs';

/**
 * The recommendations of a report on `run` (tracked on a quiet machine), compared with a baseline of
 * `baselineRun`, as if `run` had been measured `runs` times (`check --last N`: wall time of one run never fails).
 */
function advise(run: RunFile, baselineRun?: RunFile, runs = 1): string[] {
  const current = Array.from({ length: runs }, () => tracked(run));
  const comparison = baselineRun ? compareRun(baselineOf(baselineRun), current) : null;
  return buildReport({ run, comparison, trends: null }).recommendations;
}

const quiet = (ms = 100) => makeRun({ tests: [makeTest({ title: 'a', durationMs: ms })] });

describe('recommend', () => {
  it('has nothing to say about a healthy suite with a baseline', () => {
    expect(advise(quiet(), quiet())).toEqual([]);
  });

  it('asks for a baseline once 5 runs are tracked when there is none', () => {
    expect(advise(quiet())).toEqual([
      'No baseline to compare with: once 5 runs are tracked, create one with `npx jest-perf baseline --from-history 5`.',
    ]);
  });

  it('warns first that an incomplete run may miss tests', () => {
    const run = makeRun({ tests: [], incompleteReasons: ['worker 1 was killed', 'shard 2/2 is missing'] });

    expect(advise(run, quiet())[0]).toBe(
      'The run is incomplete (worker 1 was killed; shard 2/2 is missing): numbers may be missing tests.',
    );
  });

  it('suggests rerunning a slowdown seen in the wall time of one run', () => {
    expect(advise(quiet(1000), quiet(100))).toEqual([
      "1 large change(s) are unconfirmed: rerun them with `npx jest-perf check --confirm 3` (reruns the files, keeps each one's fastest time).",
    ]);
  });

  it('suggests confirming regressions with check --confirm', () => {
    expect(advise(quiet(1000), quiet(100), 2)).toEqual([
      'Regressed: 1 test(s). Confirm on a quiet machine with `npx jest-perf check --confirm 3`.',
    ]);
  });

  it('suggests rerunning large changes it could not confirm with check --confirm', () => {
    const baseline = buildBaseline(
      [60, 140, 100, 70, 130].map((ms, i) =>
        tracked(makeRun({ runId: `b${i}`, tests: [makeTest({ title: 'a', durationMs: ms })] })),
      ),
      GATE_CONFIG,
    );
    const run = tracked(quiet(250));
    const comparison = compareRun(baseline, run);

    // The test is large but inside its noise; its file and the whole run are named by it, not again.
    expect(comparison.tests[0]).toMatchObject({ kind: 'unconfirmed', reason: 'noise' });
    expect(comparison.suites.find((v) => v.scope === 'run')).toMatchObject({ kind: 'unchanged' });
    expect(comparison.regressed).toBe(false);
    expect(buildReport({ run, comparison, trends: null }).recommendations).toEqual([
      "1 large change(s) are unconfirmed: rerun them with `npx jest-perf check --confirm 3` (reruns the files, keeps each one's fastest time).",
    ]);
  });

  it('suggests tagging slow tests so a run can skip them, with commands the project has', () => {
    expect(advise(quiet(45_000), quiet(45_000))).toEqual([
      '1 test(s) are over 30.00 s without a `slow` tag: `npx jest-perf categorize --apply` tags them so `JEST_PERF_SKIP_TAGS=slow npx jest` can skip them.',
    ]);
  });

  it('passes on the scope advice of at most five hooks', () => {
    const files = Array.from({ length: 6 }, (_, i) =>
      makeFile({
        path: `src/h${i}.test.ts`,
        hooks: [makeHook({ type: 'beforeEach', calls: 2, totalMs: 3_000 + i, line: i + 1 })],
      }),
    );
    // Each file's runtime is its test's time (which includes its beforeEach): no start-up advice here.
    const tests = files.map((f) => makeTest({ file: f.path, title: 't', durationMs: f.runtimeMs }));
    const run = makeRun({ tests: [makeTest({ title: 'a', durationMs: 100 }), ...tests], files });

    // Six new files make the whole run regress: that advice comes first, then five hooks.
    const advice = advise(run, quiet(), 2);

    expect(advice).toHaveLength(6);
    expect(advice[0]).toBe(
      'Regressed: 1 file, hook or whole-run verdict(s). Confirm on a quiet machine with `npx jest-perf check --confirm 3`.',
    );
    expect(advice[1]).toBe(
      'beforeEach at src/h5.test.ts:6 takes 1.50 s per test: if what it builds is immutable, move it to beforeAll (file scope) or workerFixture (worker scope).',
    );
  });

  it.each([
    [199, 300, false],
    [200, 400, false],
    [201, 400, true],
    [5_000, 6_000, true],
  ])('flags a test spending %p of %p ms in hooks: %p', (setupMs, durationMs, flagged) => {
    const run = makeRun({ tests: [makeTest({ title: 'a', durationMs, setupMs })] });

    const advice = advise(run, run);

    expect(advice.some((line) => line.includes('in hooks: share or cache its fixtures.'))).toBe(flagged);
  });
});
