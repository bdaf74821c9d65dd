import type { HistoryRun } from '@jest-perf/core';
import type { ChangePoint } from '@jest-perf/regression';
import { barChart } from '../html/barChart';
import { histogramChart } from '../html/histogramChart';
import type { TrendSeries } from '../html/model';
import { formatEdge } from '../html/svg';
import { trendChart } from '../html/trendChart';

const all = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => m[1]);

function changeAt(runIndex: number, beforeMs: number, afterMs: number): ChangePoint {
  return {
    index: runIndex,
    runIndex,
    runId: `r${runIndex}`,
    commit: 'abcdef123456',
    startedAt: '2026-01-01T00:00:00.000Z',
    before: { meanMs: beforeMs, samples: runIndex },
    after: { meanMs: afterMs, samples: 5 },
    change: afterMs / beforeMs - 1,
    pValue: 1e-6,
    direction: afterMs >= beforeMs ? 'slower' : 'faster',
  };
}

const runs = (n: number): HistoryRun[] =>
  Array.from({ length: n }, (_, i) => ({
    runId: `r${i}`,
    startedAt: '2026-01-01T00:00:00.000Z',
    commit: `c${i}ffffff`,
  }));

describe('barChart', () => {
  const html = barChart(
    'chart-x',
    'Slowest',
    [
      { label: 'src/a.test.ts › <b>big</b>', value: 2000 },
      { label: 'src/b.test.ts › small', value: 500 },
    ],
    (ms) => `${ms} ms`,
  );

  it('draws one bar per item, in order, each with its full label and a title tooltip', () => {
    expect(all(html, /<li class="bar" data-label="([^"]*)"/g)).toEqual([
      'src/a.test.ts › &lt;b&gt;big&lt;/b&gt;',
      'src/b.test.ts › small',
    ]);
    expect(all(html, /<li class="bar"[^>]* title="([^"]*)"/g)).toEqual([
      'src/a.test.ts › &lt;b&gt;big&lt;/b&gt;: 2000 ms',
      'src/b.test.ts › small: 500 ms',
    ]);
    expect(html).toContain('<figure id="chart-x" class="bar-chart" aria-label="Slowest">');
  });

  it('shows the whole label, breakable after each folder, never cut', () => {
    const id = 'src/module/feature/deeply/nested/path.test.ts › a group › returns the right thing';
    const long = barChart('c', 'long', [{ label: id, value: 1 }], String);
    const shown = /<span class="bar-label">(.*?)<\/span>/.exec(long)?.[1];

    expect(shown).toBe(
      'src/<wbr>module/<wbr>feature/<wbr>deeply/<wbr>nested/<wbr>path.test.ts › a group › returns the right thing',
    );
    expect(shown?.replaceAll('<wbr>', '')).toBe(id);
  });

  it('scales the bars to the largest value', () => {
    expect(all(html, /<span class="bar-fill" style="width:([\d.]+)%"/g).map(Number)).toEqual([100, 25]);
  });

  it('draws an empty chart for no bars', () => {
    expect(barChart('c', 'none', [], String)).not.toContain('class="bar"');
  });
});

describe('histogramChart', () => {
  it('draws one bin per histogram bin with its count, and labels the edges', () => {
    const svg = histogramChart('chart-h', [
      { fromMs: 0, toMs: 1, count: 3 },
      { fromMs: 1, toMs: 2, count: 0 },
      { fromMs: 2, toMs: 5, count: 12 },
    ]);

    expect(all(svg, /<g class="bin"[^>]*data-count="(\d+)"/g)).toEqual(['3', '0', '12']);
    expect(svg).toContain('<title>under 1 ms: 3 tests</title>');
    expect(svg).toContain('<title>2 ms to 5 ms: 12 tests</title>');
    expect(all(svg, /<text class="axis"[^>]*text-anchor="middle">([^<]*)<\/text>/g)).toEqual([
      '0 ms',
      '1 ms',
      '2 ms',
      '5 ms',
      'test duration (log scale)',
    ]);
  });

  it('labels every other edge when the bins are narrow', () => {
    const bins = Array.from({ length: 24 }, (_, i) => ({ fromMs: i, toMs: i + 1, count: 1 }));
    const svg = histogramChart('chart-h', bins);

    expect(all(svg, /<g class="bin"[^>]*data-count="(\d+)"/g)).toHaveLength(24);
    expect(all(svg, /text-anchor="middle">(\d+ ms)<\/text>/g)).toHaveLength(13);
  });
});

describe('trendChart', () => {
  const series: TrendSeries = {
    id: 'src/a.test.ts › <stepped>',
    reason: 'change point',
    valuesMs: [100, 101, null, 99, 100, 200, 201, 199, 200, 202],
    changePoints: [changeAt(5, 100, 200)],
  };
  const svg = trendChart('trend-0', runs(10), series);

  it('draws a point for every run the test passed in', () => {
    expect(all(svg, /<circle class="point[^"]*" data-run-index="(\d+)"/g)).toEqual([
      '0',
      '1',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(svg).toContain('<title>run 1 (r0, commit c0fffff): 100 ms</title>');
  });

  it('breaks the line where the test did not run', () => {
    const d = /<path class="trend-line" d="([^"]*)"/.exec(svg)?.[1] ?? '';

    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('marks the change point with a line, a highlighted point and the segment means', () => {
    expect(all(svg, /<line class="change-point" data-run-index="(\d+)"/g)).toEqual(['5']);
    expect(svg).toMatch(/<circle class="point change" data-run-index="5"[^>]*r="4">/);
    expect(svg).toContain('got slower at run 6 (r5, commit abcdef1): 100 ms → 200 ms (+100.0 %)');
    expect(all(svg, /<line class="(segment-mean)"/g)).toHaveLength(2);
  });

  it('escapes the test id in its accessible title', () => {
    expect(svg).toContain('Duration of src/a.test.ts › &lt;stepped&gt; over 10 runs');
  });

  it('draws one mean per segment with several change points and places a lone run in the middle', () => {
    const two = trendChart('t', runs(15), {
      ...series,
      valuesMs: Array.from({ length: 15 }, (_, i) => (i < 5 ? 100 : i < 10 ? 200 : 100)),
      changePoints: [changeAt(5, 100, 200), changeAt(10, 200, 100)],
    });
    const lone = trendChart('t', [], { ...series, valuesMs: [50], changePoints: [] });

    expect(all(two, /<line class="(segment-mean)"/g)).toHaveLength(3);
    expect(all(two, /<line class="change-point" data-run-index="(\d+)"/g)).toEqual(['5', '10']);
    expect(lone).toMatch(/<circle class="point" data-run-index="0" cx="(\d+(\.\d)?)"/);
    expect(lone).toContain('<title>run 1: 50 ms</title>');
  });
});

describe('svg helpers', () => {
  it('labels edges in ms under a second and in s above', () => {
    expect([formatEdge(0), formatEdge(500), formatEdge(2000), formatEdge(1500)]).toEqual([
      '0 ms',
      '500 ms',
      '2 s',
      '1.5 s',
    ]);
  });
});
