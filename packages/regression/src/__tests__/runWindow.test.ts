import type { History, JestPerfError } from '@jest-perf/core';
import { assertHasRuns, windowFromHistory, windowFromRuns } from '../runWindow';
import { makeRun } from './helpers/runs';

describe('windowFromRuns', () => {
  it('aligns each passed test on the runs, NaN where it did not pass', () => {
    const window = windowFromRuns([
      makeRun('r0', [
        ['a.test.ts › x', 10],
        ['a.test.ts › y', 5, 'failed'],
      ]),
      makeRun(
        'r1',
        [
          ['a.test.ts › x', 12],
          ['a.test.ts › y', 6],
        ],
        null,
      ),
    ]);
    expect(window.runs).toEqual([
      { runId: 'r0', startedAt: '2026-01-01T00:00:00.000Z', commit: 'c-r0' },
      { runId: 'r1', startedAt: '2026-01-01T00:00:00.000Z', commit: null },
    ]);
    expect([...(window.tests.get('a.test.ts › x')?.durationsMs ?? [])]).toEqual([10, 12]);
    expect([...(window.tests.get('a.test.ts › y')?.durationsMs ?? [])]).toEqual([Number.NaN, 6]);
  });
});

describe('windowFromHistory', () => {
  const history: History = {
    runs: ['h0', 'h1', 'h2'].map((runId) => ({ runId, startedAt: '2026-01-01T00:00:00.000Z', commit: null })),
    tests: new Map([
      ['a › ok', { file: 'a', durationsMs: Float64Array.from([1, 2, 3]), statuses: ['passed', 'passed', 'passed'] }],
      ['a › broke', { file: 'a', durationsMs: Float64Array.from([1, 2, 3]), statuses: ['passed', 'failed', 'failed'] }],
      [
        'a › gone',
        { file: 'a', durationsMs: Float64Array.from([1, Number.NaN, Number.NaN]), statuses: ['passed', null, null] },
      ],
    ]),
  };

  it('keeps the newest runs and drops failed durations and tests absent from them', () => {
    const window = windowFromHistory(history, 2);
    expect(window.runs.map((run) => run.runId)).toEqual(['h1', 'h2']);
    expect([...(window.tests.get('a › ok')?.durationsMs ?? [])]).toEqual([2, 3]);
    expect(window.tests.has('a › broke')).toBe(false);
    expect(window.tests.has('a › gone')).toBe(false);
  });

  it('takes every run when no count is given, without changing the history', () => {
    expect(windowFromHistory(history).runs).toHaveLength(3);
    expect(windowFromHistory(history, 10).runs).toHaveLength(3);
    expect(history.tests.get('a › broke')?.durationsMs[1]).toBe(2);
  });

  it.each([0, -1, 1.5])('rejects fromHistory %p', (last) => {
    expect(() => windowFromHistory(history, last)).toThrow('The option fromHistory should be a positive integer');
  });
});

describe('assertHasRuns', () => {
  it('throws JEST_PERF_NO_RUN_DATA for an empty window', () => {
    expect(() => assertHasRuns({ runs: [], tests: new Map() }, 'compare')).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_NO_RUN_DATA' }) as JestPerfError,
    );
  });
});
