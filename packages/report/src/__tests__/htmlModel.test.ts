import type { History, RunFile, TestStatus } from '@jest-perf/core';
import { buildBaseline, compareRun, detectTrends } from '@jest-perf/regression';
import { buildReport } from '../buildReport';
import { buildHtmlModel, type HtmlReportInput } from '../html/model';
import { makeFile, makeHook, makeRun, makeTest } from './helpers/runs';

const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };

function history(series: Record<string, (number | null)[]>, statuses: Record<string, TestStatus[]> = {}): History {
  const length = Math.max(...Object.values(series).map((values) => values.length));
  return {
    runs: Array.from({ length }, (_, i) => ({ runId: `r${i}`, startedAt: '2026-01-01T00:00:00.000Z', commit: null })),
    tests: new Map(
      Object.entries(series).map(([id, values]) => [
        id,
        {
          file: id.split(' › ')[0] as string,
          durationsMs: Float64Array.from(values, (v) => v ?? Number.NaN),
          statuses: values.map((v, i) => (v === null ? null : (statuses[id]?.[i] ?? 'passed'))),
        },
      ]),
    ),
  };
}

function input(run: RunFile, fields: Partial<HtmlReportInput> = {}): HtmlReportInput {
  return {
    report: buildReport({ run, comparison: null, trends: null }),
    run,
    history: null,
    trends: null,
    flaky: null,
    generatedAt: '2026-01-02T00:00:00.000Z',
    ...fields,
  };
}

const run = makeRun({
  tests: [
    makeTest({ title: 'fast', durationMs: 12.345, tags: ['db', 'unit'] }),
    makeTest({ file: 'src/b.test.ts', ancestorTitles: ['group'], title: 'slow', durationMs: 4000, setupMs: 800 }),
    makeTest({ title: 'broken', durationMs: 50, status: 'failed' }),
    makeTest({ title: 'later', durationMs: 0, status: 'skipped' }),
  ],
  files: [
    makeFile({ path: 'src/a.test.ts', hooks: [makeHook({ type: 'beforeAll', calls: 1, totalMs: 300 })] }),
    makeFile({ path: 'src/b.test.ts', hooks: [makeHook({ type: 'beforeEach', calls: 1, totalMs: 800 })] }),
    makeFile({ path: 'src/c.test.ts' }),
  ],
});

describe('buildHtmlModel', () => {
  it('turns every test into a compact table row, the file named once', () => {
    const { table } = buildHtmlModel(input(run));

    expect(table.files).toEqual(['src/a.test.ts', 'src/b.test.ts']);
    expect(table.statuses).toEqual(['passed', 'failed', 'skipped', 'todo']);
    expect(table.rows).toEqual([
      ['fast', 0, 12.3, 0, 0, 'db unit', ''],
      ['group › slow', 1, 4000, 800, 0, '', ''],
      ['broken', 0, 50, 0, 1, '', ''],
      ['later', 0, 0, 0, 2, '', ''],
    ]);
  });

  it('bins only the tests that ran into the histogram', () => {
    const model = buildHtmlModel(input(run));

    expect(model.ranCount).toBe(3);
    expect(model.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(3);
  });

  it('ranks the files by hook time, leaving out files without hooks', () => {
    expect(buildHtmlModel(input(run)).hookFiles).toEqual([
      { file: 'src/b.test.ts', hookMs: 800 },
      { file: 'src/a.test.ts', hookMs: 300 },
    ]);
    expect(buildHtmlModel(input(run, { top: 1 })).hookFiles).toHaveLength(1);
  });

  it('reads the fixture-cache hit rate from the run counters', () => {
    const cached = makeRun({ tests: run.tests, counters: { fixtureCache: { hits: 9, misses: 1, timeSavedMs: 500 } } });
    const unused = makeRun({ tests: run.tests, counters: { fixtureCache: { evictions: 2 } } });

    expect(buildHtmlModel(input(cached)).cache).toEqual({
      hits: 9,
      misses: 1,
      memoryHits: 0,
      hitRate: 0.9,
      timeSavedMs: 500,
      buildMs: 0,
      rebuilds: 0,
    });
    expect(buildHtmlModel(input(unused)).cache?.hitRate).toBeNull();
    expect(buildHtmlModel(input(run)).cache).toBeNull();
  });

  it('has no trend lines without a history', () => {
    expect(buildHtmlModel(input(run)).trends).toEqual({ state: 'no-history' });
    expect(buildHtmlModel(input(run, { history: history({}) })).trends).toEqual({ state: 'no-history' });
  });

  describe('with a history shorter than three runs', () => {
    // One run in the history and a baseline that says the test tripled: a one-dot chart says nothing.
    const before = makeRun({ tests: [makeTest({ title: 'fast', durationMs: 300, cpuMs: 300 })] });
    const current = makeRun({ tests: [makeTest({ title: 'fast', durationMs: 900, cpuMs: 900 })] });
    const comparison = compareRun(buildBaseline([before, before, before], CONFIG), current);
    const report = buildReport({ run: current, comparison, trends: null });

    it.each([1, 2])('draws no trend line with %i run(s), and says how many it needs', (runs) => {
      const h = history({ 'src/a.test.ts › fast': Array.from({ length: runs }, () => 900) });
      expect(report.regressions?.tests.map((v) => v.kind)).toEqual(['regressed']);

      expect(buildHtmlModel({ ...input(current), report, history: h }).trends).toEqual({ state: 'too-short', runs });
    });
  });

  it('leaves out a changed test measured in fewer than three runs of a longer history', () => {
    const before = makeRun({ tests: [makeTest({ title: 'new-ish', durationMs: 300, cpuMs: 300 })] });
    const current = makeRun({ tests: [makeTest({ title: 'new-ish', durationMs: 900, cpuMs: 900 })] });
    const comparison = compareRun(buildBaseline([before, before, before], CONFIG), current);
    const report = buildReport({ run: current, comparison, trends: null });
    const h = history({ 'src/a.test.ts › new-ish': [null, null, null, 300, 900] });

    const model = buildHtmlModel({ ...input(current), report, history: h });

    expect(model.trends).toMatchObject({ state: 'drawn', series: [] });
  });

  it('draws the tests whose change moved the most time first, with gaps where a test did not pass', () => {
    const steady = Array.from({ length: 20 }, (_, i) => 100 + (i % 3));
    const stepped = steady.map((ms, i) => (i < 10 ? ms : ms * 2));
    const h = history(
      {
        'src/a.test.ts › stepped': stepped,
        'src/a.test.ts › fast': [...steady.slice(0, 19), null],
        'src/a.test.ts › broken': steady,
      },
      { 'src/a.test.ts › broken': steady.map((_, i) => (i === 3 ? 'failed' : 'passed')) },
    );
    const baselineRun = makeRun({
      tests: [
        makeTest({ title: 'fast', durationMs: 10 }),
        makeTest({ title: 'broken', durationMs: 50 }),
        makeTest({ title: 'gone', durationMs: 50 }),
      ],
    });
    const current = makeRun({
      tests: [
        makeTest({ title: 'fast', durationMs: 200 }),
        makeTest({ title: 'broken', durationMs: 500 }),
        makeTest({ title: 'gone', durationMs: 500 }),
      ],
    });
    // Two runs as slow (wall time of a single run does not fail alone).
    const comparison = compareRun(buildBaseline([baselineRun, baselineRun, baselineRun], CONFIG), [current, current]);
    const trends = detectTrends(h);
    const report = buildReport({ run: current, comparison, trends });

    const model = buildHtmlModel({ ...input(current), report, history: h, trends });

    // 'gone' regressed too, but has no history to draw.
    expect(report.regressions?.tests.filter((v) => v.kind === 'regressed')).toHaveLength(3);

    if (model.trends.state !== 'drawn') throw new Error(`expected trend lines, got ${model.trends.state}`);
    // broken adds 450 ms, fast 190 ms, stepped 100 ms (a change point of +100 %).
    expect(model.trends.series.map((s) => [s.id, s.reason])).toEqual([
      ['src/a.test.ts › broken', 'regressed'],
      ['src/a.test.ts › fast', 'regressed'],
      ['src/a.test.ts › stepped', 'change point'],
    ]);
    const [brokenSeries, fastSeries, stepSeries] = model.trends.series;
    expect(stepSeries?.changePoints.map((p) => p.runIndex)).toEqual([10]);
    expect(fastSeries?.valuesMs[19]).toBeNull();
    expect(brokenSeries?.valuesMs[3]).toBeNull();
    expect(brokenSeries?.valuesMs[4]).toBe(101);
    expect(model.table.rows.map((r) => r[6])).toEqual(['regressed', 'regressed', 'regressed']);
    expect(buildHtmlModel({ ...input(current), report, history: h, trends, top: 1 }).trends).toMatchObject({
      series: [{ id: 'src/a.test.ts › broken' }],
    });
  });
});
