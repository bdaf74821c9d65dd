import { after, before } from '../../../report/src/__tests__/helpers/comparedRuns';
import { squeezed } from '../../../report/src/__tests__/helpers/tables';
import { compareCommand } from '../commands/compare';
import { cli, createProject, type TempProject } from './helpers/project';

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

  it('says to track runs first when latest~1 is compared in a project that tracked nothing', async () => {
    const result = await cli(['compare', 'latest~1', 'latest'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `jest-perf: no run latest~1: no run is tracked yet (${project.paths.runsDir})\n  Fix: track a run first: npx jest-perf track`,
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
