import { resolveVerdictOptions, VERDICT_DEFAULTS } from '../verdictOptions';

describe('resolveVerdictOptions', () => {
  it('fills in the documented defaults, thresholds included (the default config’s)', () => {
    expect(resolveVerdictOptions()).toEqual({
      ...VERDICT_DEFAULTS,
      testThreshold: 0.2,
      suiteThreshold: 0.15,
      minAbsoluteMs: 100,
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
    expect(resolveVerdictOptions({ confirmed: true }).confirmed).toBe(true);
  });

  it('takes each threshold the caller gives, and the default for the others', () => {
    expect(resolveVerdictOptions({ thresholds: { suite: 0.5 } })).toMatchObject({
      testThreshold: 0.2,
      suiteThreshold: 0.5,
      minAbsoluteMs: 100,
    });
    const resolved = resolveVerdictOptions({ thresholds: { test: 0.3, suite: 0.25, minAbsoluteMs: 5 } });
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
    expect(() => resolveVerdictOptions(options)).toThrow(
      expect.objectContaining({
        code: 'JEST_PERF_USAGE',
        message: expect.stringContaining(`The option ${name} should be`),
      }),
    );
  });
});
