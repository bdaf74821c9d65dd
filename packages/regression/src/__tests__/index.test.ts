import * as api from '../index';
import * as jestEntry from '../jest';

describe('public entries', () => {
  it('export the engine from the main entry and the Jest helper from ./jest only', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BASELINE_FIX',
      'COMPUTES_SHARE',
      'buildBaseline',
      'compareRun',
      'countVerdicts',
      'describeVerdict',
      'detectTrends',
      'durationStats',
      'findChangePoints',
      'formatChange',
      'formatCounts',
      'formatDuration',
      'formatPercent',
      'formatSlowCount',
      'formatVerdict',
      'hookKey',
      'median',
      'newestRuns',
      'readBaseline',
      'suiteOf',
      'windowFromHistory',
      'windowFromRuns',
      'writeBaseline',
    ]);
    expect(Object.keys(jestEntry).sort()).toEqual([
      'SKIP_NO_BASELINE',
      'SKIP_NO_RUN_DATA',
      'describePerformanceRegression',
    ]);
  });
});
