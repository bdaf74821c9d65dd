import {
  formatChange,
  formatChangePoint,
  formatDuration,
  formatPercent,
  formatSlowCount,
  formatVerdict,
} from '../format';
import type { ChangePoint } from '../trends';
import type { Measurement, SuiteVerdict, TestVerdict } from '../types';

const measured: Measurement = {
  baselineMs: 1200,
  currentMs: 1800,
  change: 0.5,
  threshold: 0.2,
  noiseBand: 0.06,
  baselineSamples: 10,
  currentSamples: 3,
  assumedNoise: false,
};
const subject = {
  id: 'tests/core/mapper.test.ts › ColumnMapper › loads config',
  file: 'tests/core/mapper.test.ts',
  suite: 'tests/core',
};

describe('formatDuration', () => {
  it('shows milliseconds under a second and seconds with two decimals above', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(999.6)).toBe('1.00 s');
    expect(formatDuration(1200)).toBe('1.20 s');
  });
});

describe('percentages', () => {
  it('drops a trailing .0 from thresholds and bands, and signs changes with one decimal', () => {
    expect(formatPercent(0.2)).toBe('20 %');
    expect(formatPercent(0.125)).toBe('12.5 %');
    expect(formatChange(0.5)).toBe('+50.0 %');
    expect(formatChange(-0.25)).toBe('-25.0 %');
    expect(formatChange(Number.POSITIVE_INFINITY)).toBe('+∞ %');
    expect(formatChange(Number.NEGATIVE_INFINITY)).toBe('-∞ %');
  });
});

describe('formatVerdict', () => {
  it('prints a regression exactly as the spec shows', () => {
    const verdict: TestVerdict = { kind: 'regressed', ...measured, ...subject };
    expect(formatVerdict(verdict)).toBe(
      'tests/core/mapper.test.ts › ColumnMapper › loads config: 1.20 s → 1.80 s (+50.0 %, threshold 20 %, noise band ±6 %)',
    );
  });

  it('names suites by folder and marks an assumed band', () => {
    const verdict: SuiteVerdict = {
      kind: 'unchanged',
      ...measured,
      assumedNoise: true,
      suite: 'tests/core',
      tests: { baseline: 3, current: 3 },
    };
    expect(formatVerdict(verdict)).toBe(
      'tests/core/: 1.20 s → 1.80 s (+50.0 %, threshold 20 %, noise band ±6 % assumed)',
    );
  });

  it('tells how to settle a noisy verdict', () => {
    expect(formatVerdict({ kind: 'noisy', samplesNeeded: 7, ...measured, noiseBand: 0.6, ...subject })).toMatch(
      /noise band ±60 %\): too noisy to judge, rerun with 7 samples \(jest-perf check --confirm 7\)$/,
    );
    expect(formatVerdict({ kind: 'noisy', samplesNeeded: null, ...measured, ...subject })).toMatch(
      /too noisy to judge, rebuild the baseline from more runs$/,
    );
  });

  it('shows new and missing tests with their one known duration', () => {
    expect(formatVerdict({ kind: 'new', currentMs: 850, currentSamples: 1, ...subject })).toBe(
      `${subject.id}: new, 850 ms`,
    );
    expect(formatVerdict({ kind: 'missing', baselineMs: 1200, baselineSamples: 10, ...subject })).toBe(
      `${subject.id}: missing, was 1.20 s`,
    );
  });
});

describe('formatSlowCount', () => {
  it('shows the count before and after and names the newly slow tests', () => {
    const line = formatSlowCount({
      kind: 'regressed',
      baseline: 2,
      current: 4,
      slowTestMs: 30_000,
      newlySlow: ['a', 'b'],
    });
    expect(line).toBe('slow tests (over 30.00 s): 2 → 4 (+2): a, b');
    expect(formatSlowCount({ kind: 'improved', baseline: 2, current: 1, slowTestMs: 500, newlySlow: [] })).toBe(
      'slow tests (over 500 ms): 2 → 1 (-1)',
    );
    expect(formatSlowCount({ kind: 'unchanged', baseline: 2, current: 2, slowTestMs: 500, newlySlow: [] })).toBe(
      'slow tests (over 500 ms): 2 → 2',
    );
  });
});

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
