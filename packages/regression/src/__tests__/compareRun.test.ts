import type { JestPerfError } from '@jest-perf/core';
import { buildBaseline } from '../buildBaseline';
import { compareRun } from '../compareRun';
import { formatVerdict } from '../format';
import { windowFromRuns } from '../runWindow';
import { makeRun, makeRuns, type TestRow } from './helpers/runs';

const config = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 1500 };
const baseline = buildBaseline(
  makeRuns(10, {
    'tests/core/mapper.test.ts › ColumnMapper › loads config': 1200,
    'tests/core/mapper.test.ts › ColumnMapper › maps': 400,
    'tests/core/old.test.ts › removed': 300,
    'tests/ui/button.test.ts › renders': 2,
  }),
  config,
);

const current = (mapperMs: number, extra: TestRow[] = []): TestRow[] => [
  ['tests/core/mapper.test.ts › ColumnMapper › loads config', mapperMs],
  ['tests/core/mapper.test.ts › ColumnMapper › maps', 400],
  ['tests/ui/button.test.ts › renders', 3],
  ...extra,
];

describe('compareRun', () => {
  it('flags a test over threshold, band and absolute minimum, with the before/after message', () => {
    const result = compareRun(baseline, makeRun('now', current(1800)));
    const mapper = result.tests.find((v) => v.id.endsWith('loads config'));
    expect(mapper?.kind).toBe('regressed');
    expect(formatVerdict(mapper!)).toMatch(
      /^tests\/core\/mapper\.test\.ts › ColumnMapper › loads config: 1\.20 s → 1\.80 s \(\+50\.0 %, threshold 20 %, noise band ±\d+(\.\d)? %\)$/,
    );
    expect(result.regressed).toBe(true);
    expect(result.current.runIds).toEqual(['now']);
  });

  it('gives every test and suite one verdict, sorted, with counts by kind', () => {
    const result = compareRun(baseline, makeRun('now', current(1200, [['tests/api/new.test.ts › added', 50]])));
    expect(result.tests.map((v) => [v.id, v.kind])).toEqual([
      ['tests/api/new.test.ts › added', 'new'],
      ['tests/core/mapper.test.ts › ColumnMapper › loads config', 'unchanged'],
      ['tests/core/mapper.test.ts › ColumnMapper › maps', 'unchanged'],
      ['tests/core/old.test.ts › removed', 'missing'],
      ['tests/ui/button.test.ts › renders', 'unchanged'],
    ]);
    expect(result.summary.tests).toEqual({ regressed: 0, improved: 0, unchanged: 3, noisy: 0, new: 1, missing: 1 });
    expect(result.suites.map((v) => [v.suite, v.kind, v.tests])).toEqual([
      ['tests/api', 'new', { baseline: 0, current: 1 }],
      ['tests/core', 'improved', { baseline: 3, current: 2 }],
      ['tests/ui', 'unchanged', { baseline: 1, current: 1 }],
    ]);
    expect(result.regressed).toBe(false);
  });

  it('uses the suite threshold for folders', () => {
    // +19 % on the suite: over its 15 % threshold, while no single test passes 20 %.
    const rows = current(1200).map(([id, ms]): TestRow => [id, id.includes('mapper') ? ms * 1.19 : ms]);
    const result = compareRun(baseline, makeRun('now', [...rows, ['tests/core/old.test.ts › removed', 300 * 1.19]]));
    expect(result.suites.find((v) => v.suite === 'tests/core')).toMatchObject({ kind: 'regressed', threshold: 0.15 });
    expect(result.summary.tests.regressed).toBe(0);
    expect(result.regressed).toBe(true);
  });

  it('takes the median of several current runs', () => {
    const runs = [makeRun('a', current(1800)), makeRun('b', current(1210)), makeRun('c', current(1190))];
    const result = compareRun(baseline, runs);
    expect(result.tests.find((v) => v.id.endsWith('loads config'))).toMatchObject({
      kind: 'unchanged',
      currentMs: 1210,
      currentSamples: 3,
    });
    expect(compareRun(baseline, windowFromRuns(runs)).current.runIds).toEqual(['a', 'b', 'c']);
  });

  it('applies threshold overrides from the current config, except a threshold edited by hand in the baseline', () => {
    const loose = compareRun(baseline, makeRun('now', current(1800)), { thresholds: { test: 0.6, suite: 0.6 } });
    expect(loose.summary.tests.regressed).toBe(0);
    const tuned = structuredClone(baseline);
    const id = 'tests/core/mapper.test.ts › ColumnMapper › loads config';
    tuned.tests[id]!.threshold = 0.1;
    const result = compareRun(tuned, makeRun('now', current(1400)), { thresholds: { test: 0.6 } });
    expect(result.tests.find((v) => v.id === id)).toMatchObject({ kind: 'regressed', threshold: 0.1 });
  });

  it('compares the slow-test count and names the newly slow tests', () => {
    const result = compareRun(baseline, makeRun('now', current(1600)), { thresholds: { test: 5, suite: 5 } });
    expect(result.slowCount).toEqual({
      kind: 'regressed',
      baseline: 0,
      current: 1,
      slowTestMs: 1500,
      newlySlow: ['tests/core/mapper.test.ts › ColumnMapper › loads config'],
    });
    expect(result.regressed).toBe(true);
    expect(compareRun(baseline, makeRun('now', current(1600)), { slowCountTolerance: 1 }).slowCount.kind).toBe(
      'unchanged',
    );
  });

  it('reports fewer slow tests as an improvement', () => {
    const slowBaseline = buildBaseline(makeRuns(3, { 'a › slow': 2000 }), config);
    expect(compareRun(slowBaseline, makeRun('now', [['a › slow', 1000]])).slowCount).toMatchObject({
      kind: 'improved',
      baseline: 1,
      current: 0,
    });
  });

  it('refuses an empty current side and bad options', () => {
    expect(() => compareRun(baseline, [])).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_NO_RUN_DATA' }) as JestPerfError,
    );
    expect(() => compareRun(baseline, makeRun('now', []), { noiseK: 0 })).toThrow(
      'The option noiseK should be a number > 0',
    );
  });
});
