import * as api from '../index';
import * as jestEntry from '../jest';

describe('public entries', () => {
  it('export the engine from the main entry and the Jest helper from ./jest only', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BASELINE_FIX',
      'CHANGE_POINT_DEFAULTS',
      'SPEED_MIN_MS',
      'SPEED_MIN_TESTS',
      'VERDICT_DEFAULTS',
      'buildBaseline',
      'compareRun',
      'computeVerdict',
      'detectTrends',
      'durationStats',
      'fileRuntimes',
      'findChangePoints',
      'formatChange',
      'formatChangePoint',
      'formatDuration',
      'formatPercent',
      'formatSlowCount',
      'formatVerdict',
      'machineSpeed',
      'median',
      'noiseBand',
      'readBaseline',
      'samplesNeeded',
      'scaleStats',
      'suiteOf',
      'tCdf',
      'tTwoSidedP',
      'welchTTest',
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
