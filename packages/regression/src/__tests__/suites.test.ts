import { windowFromRuns } from '../runWindow';
import { slowCounts, suiteOf, suiteSeries } from '../suites';
import { makeRun } from './helpers/runs';

describe('suiteOf', () => {
  it('is the folder of the test file, or . at the root', () => {
    expect(suiteOf('packages/x/src/__tests__/a.test.ts')).toBe('packages/x/src/__tests__');
    expect(suiteOf('a.test.ts')).toBe('.');
  });
});

describe('suiteSeries', () => {
  it('sums the durations of the tests of each folder per run', () => {
    const window = windowFromRuns([
      makeRun('r0', [
        ['s/a.test.ts › 1', 10],
        ['s/b.test.ts › 2', 5],
        ['t/c.test.ts › 3', 7],
      ]),
      makeRun('r1', [['s/a.test.ts › 1', 12]]),
    ]);
    const suites = suiteSeries(window);
    expect([...(suites.get('s')?.durationsMs ?? [])]).toEqual([15, 12]);
    expect(suites.get('s')?.tests.size).toBe(2);
    expect([...(suites.get('t')?.durationsMs ?? [])]).toEqual([7, Number.NaN]);
  });
});

describe('slowCounts', () => {
  it('counts the tests over the limit in each run', () => {
    const window = windowFromRuns([
      makeRun('r0', [
        ['a › 1', 100],
        ['a › 2', 300],
        ['a › 3', 301],
      ]),
      makeRun('r1', [['a › 1', 400]]),
    ]);
    expect(slowCounts(window, 300)).toEqual([1, 1]);
  });
});
