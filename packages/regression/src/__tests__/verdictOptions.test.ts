import { buildBaseline } from '../buildBaseline';
import { resolveVerdictOptions, VERDICT_DEFAULTS } from '../verdictOptions';
import { makeRuns } from './helpers/runs';

const baseline = buildBaseline(makeRuns(1, { 'a › t': 10 }), {
  thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 },
  slowTestMs: 30_000,
});

describe('resolveVerdictOptions', () => {
  it('fills in the documented defaults and takes minAbsoluteMs from the baseline', () => {
    expect(resolveVerdictOptions(baseline)).toEqual({
      ...VERDICT_DEFAULTS,
      testThreshold: undefined,
      suiteThreshold: undefined,
      minAbsoluteMs: 25,
    });
    expect(VERDICT_DEFAULTS).toEqual({
      noiseK: 4,
      assumedCv: 0.15,
      minCv: 0.02,
      slowCountTolerance: 0,
      normalizeSpeed: true,
      confirmed: false,
    });
  });

  it('passes confirmed through (the current values are a run and its confirming reruns)', () => {
    expect(resolveVerdictOptions(baseline, { confirmed: true }).confirmed).toBe(true);
  });

  it('lets the caller override every threshold', () => {
    const resolved = resolveVerdictOptions(baseline, { thresholds: { test: 0.3, suite: 0.25, minAbsoluteMs: 5 } });
    expect(resolved).toMatchObject({ testThreshold: 0.3, suiteThreshold: 0.25, minAbsoluteMs: 5 });
  });

  it.each([
    [{ noiseK: -1 }, 'noiseK'],
    [{ assumedCv: -0.1 }, 'assumedCv'],
    [{ minCv: Number.NaN }, 'minCv'],
    [{ slowCountTolerance: -1 }, 'slowCountTolerance'],
    [{ thresholds: { test: 0 } }, 'thresholds.test'],
    [{ thresholds: { suite: -1 } }, 'thresholds.suite'],
    [{ thresholds: { minAbsoluteMs: -5 } }, 'thresholds.minAbsoluteMs'],
  ])('rejects %j naming the option', (options, name) => {
    expect(() => resolveVerdictOptions(baseline, options)).toThrow(
      expect.objectContaining({
        code: 'JEST_PERF_USAGE',
        message: expect.stringContaining(`The option ${name} should be`),
      }),
    );
  });
});
