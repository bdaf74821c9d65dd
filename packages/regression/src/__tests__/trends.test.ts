import type { History, TestStatus } from '@jest-perf/core';
import { detectTrends } from '../trends';

const noise = [0, 0.03, -0.02, 0.01, -0.03, 0.02, -0.01, 0.025, -0.015, 0.005];

function history(
  series: Record<string, { ms: (run: number) => number; status?: (run: number) => TestStatus }>,
): History {
  const runs = Array.from({ length: 30 }, (_, i) => ({
    runId: `run-${i}`,
    startedAt: `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
    commit: i === 15 ? null : `commit-${i}`,
  }));
  const tests: History['tests'] = new Map();
  for (const [id, spec] of Object.entries(series)) {
    tests.set(id, {
      file: id.split(' › ')[0] as string,
      durationsMs: Float64Array.from(runs, (_, i) => spec.ms(i) * (1 + (noise[i % noise.length] as number))),
      statuses: runs.map((_, i) => spec.status?.(i) ?? 'passed'),
    });
  }
  return { runs, tests };
}

describe('detectTrends', () => {
  it('says at which run and commit a test got slower, with before/after means', () => {
    const report = detectTrends(
      history({
        'b.test.ts › slows': { ms: (i) => (i >= 20 ? 1800 : 1200) },
        'a.test.ts › steady': { ms: () => 500 },
      }),
    );
    expect(report.analysed).toBe(2);
    expect(report.tests).toHaveLength(1);
    const [trend] = report.tests;
    expect(trend).toMatchObject({ id: 'b.test.ts › slows', file: 'b.test.ts' });
    expect(trend?.changePoints[0]).toMatchObject({
      runIndex: 20,
      runId: 'run-20',
      commit: 'commit-20',
      startedAt: '2026-01-21T00:00:00.000Z',
      direction: 'slower',
    });
    expect(trend?.changePoints[0]?.before.meanMs).toBeCloseTo(1200, -1);
  });

  it('reports speed-ups as faster and a run without a commit as null, sorted by id', () => {
    const report = detectTrends(
      history({
        'z.test.ts › faster': { ms: (i) => (i >= 15 ? 600 : 1200) },
        'c.test.ts › slower': { ms: (i) => (i >= 15 ? 2400 : 1200) },
      }),
    );
    expect(report.tests.map((t) => t.id)).toEqual(['c.test.ts › slower', 'z.test.ts › faster']);
    expect(report.tests[1]?.changePoints[0]).toMatchObject({ direction: 'faster', commit: null, runIndex: 15 });
  });

  it('ignores the durations of failed runs', () => {
    const report = detectTrends(
      history({
        'a.test.ts › fails fast': { ms: (i) => (i >= 20 ? 5 : 1000), status: (i) => (i >= 20 ? 'failed' : 'passed') },
      }),
    );
    expect(report.tests).toEqual([]);
  });
});
