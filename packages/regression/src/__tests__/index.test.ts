import * as api from '../index';
import * as jestEntry from '../jest';

describe('public entries', () => {
  it('export the engine from the main entry and the Jest helper from ./jest only', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BASELINE_FIX',
      'CHANGE_POINT_DEFAULTS',
      'COMPUTES_SHARE',
      'SPEED_MIN_MS',
      'SPEED_MIN_TESTS',
      'VERDICT_DEFAULTS',
      'buildBaseline',
      'compareRun',
      'countVerdicts',
      'describeVerdict',
      'detectTrends',
      'durationStats',
      'emptyCounts',
      'findChangePoints',
      'formatChange',
      'formatCounts',
      'formatDuration',
      'formatPercent',
      'formatSlowCount',
      'formatVerdict',
      'gateSeries',
      'hookKey',
      'machineSpeed',
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
