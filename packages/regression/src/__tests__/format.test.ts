import { formatChange, formatCounts, formatDuration, formatPercent, formatSlowCount, formatVerdict } from '../format';
import type { Measurement, SuiteVerdict, TestVerdict, UnconfirmedReason, VerdictKind } from '../types';

const measured: Measurement = {
  baselineMs: 1200,
  currentMs: 1800,
  change: 0.5,
  deltaMs: 600,
  threshold: 0.2,
  noiseMs: 45,
  baselineSamples: 10,
  currentSamples: 3,
  evidence: 'wall',
  cpuShare: 0.8,
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
  it('prints a regression exactly as the spec shows: before, after, the time it adds, threshold and noise', () => {
    const verdict: TestVerdict = { kind: 'regressed', ...measured, ...subject };
    expect(formatVerdict(verdict)).toBe(
      'tests/core/mapper.test.ts › ColumnMapper › loads config: 1.20 s → 1.80 s (+600 ms, +50.0 %; threshold 20 %, noise ±45 ms, computes)',
    );
  });

  it('says a thing waits below half of its time on the CPU, and nothing when CPU time was not measured', () => {
    expect(formatVerdict({ kind: 'minor', ...measured, cpuShare: 0.49, ...subject })).toMatch(/noise ±45 ms, waits\)$/);
    expect(formatVerdict({ kind: 'minor', ...measured, cpuShare: 0.5, ...subject })).toMatch(
      /noise ±45 ms, computes\)$/,
    );
    expect(formatVerdict({ kind: 'minor', ...measured, cpuShare: null, ...subject })).toMatch(/noise ±45 ms\)$/);
  });

  it('marks a verdict judged on CPU time and signs a change that saves time', () => {
    expect(formatVerdict({ kind: 'regressed', ...measured, evidence: 'cpu', ...subject })).toBe(
      `${subject.id}: CPU 1.20 s → 1.80 s (+600 ms, +50.0 %; threshold 20 %, noise ±45 ms, computes)`,
    );
    const faster = { ...measured, currentMs: 600, deltaMs: -600, change: -0.5 };
    expect(formatVerdict({ kind: 'improved', ...faster, ...subject })).toBe(
      `${subject.id}: 1.20 s → 600 ms (-600 ms, -50.0 %; threshold 20 %, noise ±45 ms, computes)`,
    );
  });

  it('names file, start-up, hook and whole-run verdicts by their label', () => {
    const suite = (scope: SuiteVerdict['scope'], label: string, file: string | null): SuiteVerdict => ({
      kind: 'unchanged',
      ...measured,
      threshold: 0.15,
      scope,
      suite: label,
      file,
      tests: { baseline: 3, current: 3 },
    });
    const detail = '1.20 s → 1.80 s (+600 ms, +50.0 %; threshold 15 %, noise ±45 ms, computes)';
    expect(formatVerdict(suite('file', 'tests/core/a.test.ts', 'tests/core/a.test.ts'))).toBe(
      `tests/core/a.test.ts: ${detail}`,
    );
    expect(formatVerdict(suite('startup', 'tests/core/a.test.ts › start-up', 'tests/core/a.test.ts'))).toBe(
      `tests/core/a.test.ts › start-up: ${detail}`,
    );
    expect(formatVerdict(suite('hook', 'tests/core/a.test.ts › beforeAll (Mapper)', 'tests/core/a.test.ts'))).toBe(
      `tests/core/a.test.ts › beforeAll (Mapper): ${detail}`,
    );
    expect(formatVerdict(suite('run', 'whole run', null))).toBe(`whole run: ${detail}`);
  });

  it.each<[UnconfirmedReason, string]>([
    ['busy', 'unconfirmed, the machine was busy: wall time alone does not fail the check'],
    ['testbed', 'unconfirmed, the baseline comes from another testbed: wall time alone does not fail the check'],
    ['noise', 'unconfirmed, inside its noise'],
    ['cpu-unchanged', 'unconfirmed, it mostly computes and its CPU time did not move'],
  ])('says why a large change is unconfirmed (%s)', (reason, why) => {
    expect(formatVerdict({ kind: 'unconfirmed', reason, ...measured, ...subject })).toBe(
      `${subject.id}: 1.20 s → 1.80 s (+600 ms, +50.0 %; threshold 20 %, noise ±45 ms, computes): ${why}`,
    );
  });

  it('says a test whose baseline is too short is not judged alone', () => {
    expect(formatVerdict({ kind: 'unjudged', ...measured, baselineSamples: 2, ...subject })).toMatch(
      /noise ±45 ms, computes\): baseline too short to judge it alone$/,
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

describe('formatCounts', () => {
  const counts: Record<VerdictKind, number> = {
    regressed: 2,
    unconfirmed: 1,
    minor: 4,
    improved: 0,
    unchanged: 880,
    new: 3,
    missing: 5,
    unjudged: 0,
  };

  it('lists every kind in a fixed order, failures first, and leaves unjudged out when there is none', () => {
    expect(formatCounts(counts)).toBe(
      '2 regressed, 1 unconfirmed, 4 minor, 0 improved, 880 unchanged, 3 new, 5 missing',
    );
  });

  it('adds the unjudged count last when some tests were judged through their files', () => {
    expect(formatCounts({ ...counts, unjudged: 7 })).toBe(
      '2 regressed, 1 unconfirmed, 4 minor, 0 improved, 880 unchanged, 3 new, 5 missing, 7 unjudged',
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
