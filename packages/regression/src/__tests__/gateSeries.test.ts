import { gateSeries, hookKey } from '../gateSeries';
import { hook, withFiles } from './helpers/files';
import { makeRun } from './helpers/runs';

describe('hookKey', () => {
  it('names a hook by type and describe path', () => {
    expect(hookKey({ type: 'afterEach', describePath: [] })).toBe('afterEach');
    expect(hookKey({ type: 'beforeAll', describePath: ['Outer', 'Inner'] })).toBe('beforeAll (Outer › Inner)');
  });
});

describe('gateSeries', () => {
  const hooks = {
    'a.test.ts': [{ ...hook('beforeAll', 100), cpuMs: 10 }, hook('beforeEach', 5, ['D']), hook('beforeEach', 7, ['D'])],
  };
  const first = withFiles(
    makeRun('r0', [
      ['a.test.ts › D › one', 40],
      ['a.test.ts › D › two', 60, 'failed'],
      ['b.test.ts › three', 30],
    ]),
    { startupMs: 20, cpuShare: 0.5, hooks },
  );
  const second = withFiles(makeRun('r1', [['a.test.ts › D › one', 50]]), { startupMs: 10 });
  // b.test.ts failed to load in the second run.
  second.files.push({ ...(first.files[1] as (typeof first.files)[number]), execError: true, runtimeMs: 999 });
  const series = gateSeries([first, second]);

  it('aligns every passed test over the runs, NaN where a run has none', () => {
    expect(series.runs).toBe(2);
    expect([...series.tests.keys()]).toEqual(['a.test.ts › D › one', 'b.test.ts › three']);
    expect([...(series.tests.get('a.test.ts › D › one')?.wall ?? [])]).toEqual([40, 50]);
    // CPU time measured in the first run only.
    expect([...(series.tests.get('a.test.ts › D › one')?.cpu ?? [])]).toEqual([20, Number.NaN]);
    expect([...(series.tests.get('b.test.ts › three')?.wall ?? [])]).toEqual([30, Number.NaN]);
  });

  it('sums a file’s passed tests and its hooks by key, and counts its start-up outside every test and once-hook', () => {
    const a = series.files.get('a.test.ts');
    expect([...(a?.tests ?? [])]).toEqual([40, 50]);
    // Runtime r0: tests 40 + 60 (the failed one took time too) + beforeAll 100 + start-up 20.
    expect([...(a?.runtime ?? [])]).toEqual([220, 60]);
    expect([...(a?.startup ?? [])]).toEqual([20, 10]);
    expect([...(a?.hooks.get('beforeEach (D)') ?? [])]).toEqual([12, Number.NaN]);
    expect([...(a?.hooks.get('beforeAll') ?? [])]).toEqual([100, Number.NaN]);
    // CPU time of its passed tests (the work its wall series holds): start-up's CPU swings with whether the
    // worker process was fresh, which Jest decides run by run (in band or not).
    expect([...(a?.cpu ?? [])]).toEqual([20, Number.NaN]);
    expect([...(a?.testIds ?? [])]).toEqual(['a.test.ts › D › one']);
  });

  it('leaves out files that failed to load and sums the whole run over the files that ran', () => {
    expect([...(series.files.get('b.test.ts')?.runtime ?? [])]).toEqual([50, Number.NaN]);
    expect([...series.total]).toEqual([270, 60]);
    // Every test's CPU time (failed ones too) and the once-hooks' (10 ms of the beforeAll): no start-up.
    expect([...series.totalCpu]).toEqual([75, Number.NaN]);
  });
});
