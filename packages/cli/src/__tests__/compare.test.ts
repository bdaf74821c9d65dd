import { compareCommand } from '../commands/compare';
import { compareRuns, defaultRows, metricValue } from '../compare/compareRuns';
import { formatSpeedup, renderComparison } from '../compare/renderComparison';
import { cli, createProject, type TempProject } from './helpers/project';
import { makeRun, makeTest } from './helpers/runs';
import { squeezed } from './helpers/tables';

const before = makeRun({
  runId: 'before',
  tests: [makeTest({ title: 'a', durationMs: 9000 }), makeTest({ title: 'b', durationMs: 1000 })],
  counters: { llmMock: { realCalls: 12, realCallMs: 24_000 }, datasets: { loads: 30, loadMs: 6000 } },
});
const after = makeRun({
  runId: 'after',
  tests: [makeTest({ title: 'a', durationMs: 400 }), makeTest({ title: 'b', durationMs: 100 })],
  counters: { llmMock: { calls: 12, callMs: 24 }, datasets: { loads: 2, loadMs: 3000 } },
});

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

describe('jest-perf compare', () => {
  let project: TempProject;
  beforeEach(() => {
    project = createProject();
    project.write('before.json', JSON.stringify(before));
    project.write('after.json', JSON.stringify(after));
  });
  afterEach(() => project.remove());

  it('prints the default comparison', async () => {
    const result = await cli(['compare', 'before.json', 'after.json'], project.root);
    expect(result.code).toBe(0);
    expect(squeezed(result.out)).toContain('| datasets.loadMs | 6.0 s | 3.0 s | 2.00× |');
  });

  it('uses a rows file and writes a marked section, leaving the rest of the document', async () => {
    project.write('rows.json', JSON.stringify([{ name: 'LLM', metrics: ['counters.llmMock.realCallMs'] }]));
    project.write('PERF.md', '# Results\n\nkept\n');
    const args = ['compare', 'before.json', 'after.json', '--rows', 'rows.json', '--update-docs', 'PERF.md'];

    const result = await cli([...args, '--section', 'demo'], project.root);

    expect(result.code).toBe(0);
    expect(project.read('PERF.md')).toBe(
      '# Results\n\nkept\n\n<!-- jest-perf:demo:start -->\n|     | before | after | speedup     |\n| --- | ------ | ----- | ----------- |\n| LLM | 24.0 s | 0 ms  | all removed |\n<!-- jest-perf:demo:end -->\n',
    );
  });

  it('prints JSON, or writes to --out', async () => {
    const json = await cli(['compare', 'before.json', 'after.json', '--format', 'json'], project.root);
    expect(JSON.parse(json.out).rows[0]).toMatchObject({ name: 'wall time' });
    const out = await cli(['compare', 'before.json', 'after.json', '--out', 'cmp.md'], project.root);
    expect(out.out).toBe('Comparison → cmp.md');
    expect(squeezed(project.read('cmp.md'))).toContain('| wall time | 10.0 s | 500 ms | 20.0× |');
  });

  it('says what is wrong with a rows file', async () => {
    project.write('rows.json', JSON.stringify([{ name: 'x', metrics: ['wallMs'] }]));
    const result = await cli(['compare', 'before.json', 'after.json', '--rows', 'rows.json'], project.root);
    expect(result.code).toBe(2);
    expect(result.err).toContain('The comparison rows file');
  });

  it('rejects --update-docs with JSON and a section that is not a word', () => {
    const base = { before: 'a', after: 'b', format: 'markdown', section: 'compare' };
    expect(() => compareCommand.parse({ ...base, format: 'json', 'update-docs': 'x.md' })).toThrow('--update-docs');
    expect(() => compareCommand.parse({ ...base, section: 'no spaces' })).toThrow('--section must be a word');
  });
});
