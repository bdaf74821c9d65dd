import { compareRuns, defaultRows, metricValue } from '../compare/compareRuns';
import { formatSpeedup, renderComparison } from '../compare/renderComparison';
import { after, before } from './helpers/comparedRuns';
import { squeezed } from './helpers/tables';

describe('compareRuns', () => {
  it('defaults to wall, test and hook time plus every timed counter of either run', () => {
    expect(defaultRows([before, after]).map((row) => row.name)).toEqual([
      'wall time',
      'test time (sum, hooks included)',
      'hook time',
      'datasets.loadMs',
      'llmMock.callMs',
      'llmMock.realCallMs',
    ]);
  });

  it('sums each row’s metrics per run, a counter a run never reported counting 0', () => {
    const [llm, datasets] = compareRuns(before, after, [
      { name: 'LLM calls', metrics: ['counters.llmMock.realCallMs', 'counters.llmMock.callMs'] },
      { name: 'dataset loading', metrics: ['counters.datasets.loadMs'] },
    ]);
    expect(llm).toMatchObject({ before: 24_000, after: 24, speedup: 1000 });
    expect(datasets).toMatchObject({ before: 6000, after: 3000, speedup: 2 });
  });

  it('reads summary fields and rejects an unknown metric with the valid forms', () => {
    expect(metricValue(before, 'summary.totalDurationMs')).toBe(10_000);
    expect(() => metricValue(before, 'summary.nope')).toThrow('"summary.nope" is not a metric');
    expect(() => metricValue(before, 'counters.llmMock')).toThrow('counters.<group>.<name>');
  });

  it('has no speedup when the after value is 0', () => {
    const [row] = compareRuns(before, after, [{ name: 'real calls', metrics: ['counters.llmMock.realCallMs'] }]);
    expect(row?.speedup).toBeNull();
    expect(formatSpeedup(row as NonNullable<typeof row>)).toBe('all removed');
    expect(formatSpeedup({ before: 0, after: 0, speedup: null })).toBe('—');
    expect(formatSpeedup({ before: 0, after: 24, speedup: 0 })).toBe('new');
  });
});

describe('renderComparison', () => {
  it('prints seconds, counts and speedups, with the notes under the table', () => {
    const text = renderComparison(
      compareRuns(before, after, [
        { name: 'test time', metrics: ['summary.totalDurationMs'], note: 'sum of the tests' },
        { name: 'dataset loads', metrics: ['counters.datasets.loads'] },
      ]),
    );
    expect(squeezed(text)).toContain('| test time | 10.0 s | 500 ms | 20.0× |');
    expect(squeezed(text)).toContain('| dataset loads | 30 | 2 | 15.0× |');
    expect(text).toContain('- **test time**: sum of the tests');
  });
});
