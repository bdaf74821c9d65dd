import type { ChangePoint, TrendReport } from '@jest-perf/regression';
import { buildBaseline, compareRun } from '@jest-perf/regression';
import { buildReport } from '../buildReport';
import { baselineOf, GATE_CONFIG, tracked } from './helpers/gateRuns';
import { makeRun, makeTest } from './helpers/runs';

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

  it('keeps only the verdicts worth a look: not unchanged, not unjudged', () => {
    const base = makeRun({
      tests: [makeTest({ title: 'a', durationMs: 500 }), makeTest({ title: 'd', durationMs: 9 })],
    });
    const comparison = compareRun(baselineOf(base), tracked(run));

    const report = buildReport({ run, comparison, trends: null });

    expect(report.regressions?.tests.map((v) => [v.id, v.kind])).toEqual([
      ['src/a.test.ts › b', 'new'],
      ['src/a.test.ts › d', 'missing'],
    ]);
    expect(report.regressions?.summary.tests).toMatchObject({ unchanged: 1, new: 1, missing: 1, unjudged: 0 });
    expect(report.regressions?.suites.every((v) => v.kind !== 'unchanged' && v.kind !== 'unjudged')).toBe(true);
    expect(report.regressions?.context).toBe(comparison.context);
  });

  it('leaves out tests too briefly measured to judge alone, and says why in the context', () => {
    const base = makeRun({ tests: [makeTest({ title: 'a', durationMs: 500 })] });
    const comparison = compareRun(buildBaseline([base], GATE_CONFIG), run);

    const report = buildReport({ run, comparison, trends: null });

    expect(report.regressions?.summary.tests.unjudged).toBe(1);
    expect(report.regressions?.tests.map((v) => v.kind)).not.toContain('unjudged');
    expect(report.regressions?.context.notes).toContain(
      'The baseline comes from 1 run(s): too few to judge single tests, so tests are judged through their files (build it from 3 or more runs).',
    );
  });
});
