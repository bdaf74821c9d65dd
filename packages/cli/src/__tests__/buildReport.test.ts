import type { ChangePoint, TrendReport } from '@jest-perf/regression';
import { buildBaseline, compareRun } from '@jest-perf/regression';
import { buildReport } from '../report/buildReport';
import { makeRun, makeTest } from './helpers/runs';

const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };

function point(runIndex: number, change: number): ChangePoint {
  return {
    index: runIndex,
    runIndex,
    runId: `r${runIndex}`,
    commit: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    before: { meanMs: 100, samples: 10 },
    after: { meanMs: 100 * (1 + change), samples: 10 },
    change,
    pValue: 1e-6,
    direction: change >= 0 ? 'slower' : 'faster',
  };
}

const run = makeRun({
  tests: [
    makeTest({ title: 'a', durationMs: 500 }),
    makeTest({ title: 'b', durationMs: 40_000, tags: ['slow'] }),
    makeTest({ title: 'c', durationMs: 35_000, status: 'failed' }),
    makeTest({ title: 'skipped', durationMs: 90_000, status: 'skipped' }),
  ],
});

describe('buildReport', () => {
  it('ranks the tests that ran by duration, leaving skipped ones out', () => {
    const report = buildReport({ run, comparison: null, trends: null });

    expect(report.slowest.map((t) => t.id)).toEqual(['src/a.test.ts › b', 'src/a.test.ts › c', 'src/a.test.ts › a']);
    expect(report.summary.slowCount).toBe(2);
    expect(report.trends).toBeNull();
    expect(report.regressions).toBeNull();
  });

  it('recounts slow tests and the untagged ones for its own threshold', () => {
    const report = buildReport({ run, comparison: null, trends: null, slowTestMs: 100 });

    expect(report.summary).toMatchObject({ slowCount: 3, slowTestMs: 100 });
    expect(report.uncategorizedSlow.map((t) => t.id)).toEqual([
      'src/a.test.ts › skipped',
      'src/a.test.ts › c',
      'src/a.test.ts › a',
    ]);
  });

  it('lists the newest change points first, the biggest first within a run, up to top', () => {
    const trends: TrendReport = {
      analysed: 3,
      tests: [
        { id: 'x', file: 'x.test.ts', changePoints: [point(10, 0.5), point(30, -0.2)] },
        { id: 'y', file: 'y.test.ts', changePoints: [point(30, 0.9)] },
        { id: 'z', file: 'z.test.ts', changePoints: [point(20, 0.1)] },
      ],
    };

    const report = buildReport({ run, comparison: null, trends, top: 3 });

    expect(report.trends?.analysed).toBe(3);
    expect(report.trends?.changes.map((c) => [c.id, c.runIndex, c.change])).toEqual([
      ['y', 30, 0.9],
      ['x', 30, -0.2],
      ['z', 20, 0.1],
    ]);
  });

  it('keeps only the verdicts that are not unchanged', () => {
    const base = makeRun({
      tests: [makeTest({ title: 'a', durationMs: 500 }), makeTest({ title: 'd', durationMs: 9 })],
    });
    const comparison = compareRun(buildBaseline([base], CONFIG), run);

    const report = buildReport({ run, comparison, trends: null });

    expect(report.regressions?.tests.map((v) => [v.id, v.kind])).toEqual([
      ['src/a.test.ts › b', 'new'],
      ['src/a.test.ts › d', 'missing'],
    ]);
    expect(report.regressions?.summary.tests.unchanged).toBe(1);
  });
});
