import type { RunFile } from '@jest-perf/core';
import { buildBaseline, compareRun } from '@jest-perf/regression';
import { buildReport } from '../report/buildReport';
import { makeFile, makeHook, makeRun, makeTest } from './helpers/runs';

const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };

/** The recommendations of a report on `run`, compared with a baseline of `baselineRun` when given. */
function advise(run: RunFile, baselineRun?: RunFile): string[] {
  const comparison = baselineRun ? compareRun(buildBaseline([baselineRun], CONFIG), run) : null;
  return buildReport({ run, comparison, trends: null }).recommendations;
}

const quiet = (ms = 100) => makeRun({ tests: [makeTest({ title: 'a', durationMs: ms })] });

describe('recommend', () => {
  it('has nothing to say about a healthy suite with a baseline', () => {
    expect(advise(quiet(), quiet())).toEqual([]);
  });

  it('asks for a baseline when there is none', () => {
    expect(advise(quiet())).toEqual(['No baseline to compare with: create one with `npx jest-perf baseline`.']);
  });

  it('warns first that an incomplete run may miss tests', () => {
    const run = makeRun({ tests: [], incompleteReasons: ['worker 1 was killed', 'shard 2/2 is missing'] });

    expect(advise(run, quiet())[0]).toBe(
      'The run is incomplete (worker 1 was killed; shard 2/2 is missing): numbers may be missing tests.',
    );
  });

  it('suggests confirming regressions with check --confirm', () => {
    expect(advise(quiet(400), quiet(100))).toEqual([
      '1 test(s) regressed: confirm on a quiet machine with `jest-perf check --confirm 3`.',
    ]);
  });

  it('suggests a baseline from more runs for noisy verdicts', () => {
    const baseline = buildBaseline(
      [60, 140, 100, 70, 130].map((ms, i) =>
        makeRun({ runId: `b${i}`, tests: [makeTest({ title: 'a', durationMs: ms })] }),
      ),
      CONFIG,
    );
    const comparison = compareRun(baseline, quiet(150));

    expect(comparison.tests[0]?.kind).toBe('noisy');
    expect(buildReport({ run: quiet(150), comparison, trends: null }).recommendations).toEqual([
      '1 test(s) are too noisy to judge: rebuild the baseline from more runs (`jest-perf baseline --from-history 10`).',
    ]);
  });

  it('suggests tagging slow tests so test:fast can skip them', () => {
    expect(advise(quiet(45_000), quiet(45_000))).toEqual([
      '1 test(s) are over 30.00 s without a `slow` tag: `jest-perf categorize --apply` tags them so `pnpm test:fast` can skip them.',
    ]);
  });

  it('passes on the scope advice of at most five hooks', () => {
    const files = Array.from({ length: 6 }, (_, i) =>
      makeFile({
        path: `src/h${i}.test.ts`,
        hooks: [makeHook({ type: 'beforeEach', calls: 2, totalMs: 3_000 + i, line: i + 1 })],
      }),
    );
    const run = makeRun({ tests: [makeTest({ title: 'a', durationMs: 100 })], files });

    const advice = advise(run, quiet());

    expect(advice).toHaveLength(5);
    expect(advice[0]).toBe(
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
