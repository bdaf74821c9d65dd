import type { ChangePoint } from '@jest-perf/regression';
import { formatChangePoint } from '../formatChangePoint';

describe('formatChangePoint', () => {
  it('says at which run and commit the test got slower', () => {
    const point: ChangePoint = {
      index: 12,
      runIndex: 12,
      runId: 'run-12',
      commit: '1a2b3c4d5e6f',
      startedAt: '',
      direction: 'slower',
      before: { meanMs: 1200, samples: 12 },
      after: { meanMs: 1800, samples: 8 },
      change: 0.5,
      pValue: 0.0000213,
    };
    expect(formatChangePoint('a › b', point)).toBe(
      'a › b: got slower at run run-12 (commit 1a2b3c4): 1.20 s → 1.80 s (+50.0 %, p = 2.1e-5)',
    );
    expect(formatChangePoint('a', { ...point, commit: null })).toBe(
      'a: got slower at run run-12: 1.20 s → 1.80 s (+50.0 %, p = 2.1e-5)',
    );
  });
});
