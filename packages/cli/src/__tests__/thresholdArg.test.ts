import type { JestPerfError } from '@jest-perf/core';
import { parseThresholdArg } from '../check/thresholdArg';

describe('parseThresholdArg', () => {
  it('is undefined without the flag', () => {
    expect(parseThresholdArg(undefined)).toBeUndefined();
  });

  it('reads percentages and durations, comma-separated or repeated', () => {
    expect(parseThresholdArg('test=20%,suite=12.5%')).toEqual({ test: 0.2, suite: 0.125 });
    expect(parseThresholdArg(['minImpact=250ms', 'test=50%'])).toEqual({ minAbsoluteMs: 250, test: 0.5 });
    expect(parseThresholdArg('minImpact=1.5s')).toEqual({ minAbsoluteMs: 1500 });
  });

  it.each([
    ['test=20', '--threshold test=20: give a percentage above 0, such as test=20%'],
    ['test=0%', '--threshold test=0%: give a percentage above 0, such as test=20%'],
    ['suite=-5%', '--threshold suite=-5%: give a percentage above 0, such as suite=20%'],
    ['minImpact=100', '--threshold minImpact=100: give a duration such as minImpact=100ms or minImpact=1s'],
    ['tset=20%', '--threshold tset=20%: unknown key "tset"; the keys are test, suite, minImpact'],
    ['test', '--threshold test: test needs a value; the keys are test, suite, minImpact'],
    ['test=20%,test=30%', '--threshold sets test twice'],
    ['constructor=1%', 'unknown key "constructor"'],
  ])('refuses %s saying what is wrong, with an example', (value, message) => {
    let error: JestPerfError | undefined;
    try {
      parseThresholdArg(value);
    } catch (caught) {
      error = caught as JestPerfError;
    }
    expect(error?.code).toBe('JEST_PERF_USAGE');
    expect(error?.message).toContain(message);
    expect(error?.message).toContain('Example: npx jest-perf check --threshold test=20%,suite=15%,minImpact=100ms');
  });
});
