import { buildBaseline } from '../buildBaseline';
import { compareRun } from '../compareRun';
import { machineSpeed, SPEED_MIN_MS, SPEED_MIN_TESTS, scaleStats } from '../machineSpeed';
import { windowFromRuns } from '../runWindow';
import { makeRun, makeRuns, type TestRow } from './helpers/runs';

const config = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };

/** `count` tests of 200 ms spread over 5 suites, each scaled by `scale(index)`. */
function rows(count: number, scale: (index: number) => number = () => 1, baseMs = 200): TestRow[] {
  return Array.from({ length: count }, (_, i): TestRow => [`tests/s${i % 5}/f${i}.test.ts › t${i}`, baseMs * scale(i)]);
}

/** One current run ("now") of {@link rows}. */
function currentRun(...args: Parameters<typeof rows>): ReturnType<typeof makeRun> {
  return makeRun('now', rows(...args));
}

const baseline = buildBaseline(makeRuns(8, Object.fromEntries(rows(40))), config);

function kindOf(result: ReturnType<typeof compareRun>, index: number): string | undefined {
  return result.tests.find((verdict) => verdict.id === `tests/s${index % 5}/f${index}.test.ts › t${index}`)?.kind;
}

describe('machineSpeed', () => {
  it('is the median ratio of current to baseline over the tests both sides timed', () => {
    const window = windowFromRuns([currentRun(40, (i) => (i < 30 ? 1.1 : 2))]);

    const speed = machineSpeed(baseline, window, 0.15);

    expect(speed?.factor).toBeCloseTo(1.1, 10);
    expect(speed?.tests).toBe(40);
    expect(speed?.applied).toBe(true);
  });

  it(`leaves out tests under ${SPEED_MIN_MS} ms in the baseline and tests it has no baseline for`, () => {
    const fast = buildBaseline(makeRuns(8, Object.fromEntries(rows(40, () => 1, SPEED_MIN_MS / 2))), config);
    const window = windowFromRuns([currentRun(40, () => 1.1, SPEED_MIN_MS / 2)]);

    expect(machineSpeed(fast, window, 0.15)).toBeNull();
    const unknown = windowFromRuns([makeRun('now', [['tests/other/x.test.ts › x', 500]])]);
    expect(machineSpeed(baseline, unknown, 0.15)).toBeNull();
  });

  it(`estimates nothing from fewer than ${SPEED_MIN_TESTS} comparable tests`, () => {
    const window = windowFromRuns([currentRun(SPEED_MIN_TESTS - 1, () => 1.1)]);

    expect(machineSpeed(baseline, window, 0.15)).toBeNull();
  });

  it('is not applied beyond the suite threshold, either way', () => {
    const slower = windowFromRuns([currentRun(40, () => 1.2)]);
    const faster = windowFromRuns([currentRun(40, () => 0.8)]);

    expect(machineSpeed(baseline, slower, 0.15)).toMatchObject({ applied: false });
    expect(machineSpeed(baseline, faster, 0.15)).toMatchObject({ applied: false });
    expect(machineSpeed(baseline, slower, 0.25)).toMatchObject({ applied: true });
  });

  it('scales every time of the statistics, not their sample count', () => {
    expect(scaleStats({ median: 100, mad: 4, samples: 8, min: 90, max: 120 }, 1.5)).toEqual({
      median: 150,
      mad: 6,
      samples: 8,
      min: 135,
      max: 180,
    });
  });
});

describe('compareRun on a machine slower across the board', () => {
  // Every test 10 % slower (the host), one 30 % slower: 18 % more than the rest, under the 20 % threshold.
  const slowerMachine = currentRun(40, (i) => (i === 7 ? 1.3 : 1.1));

  it('compares each test with its baseline scaled by the machine’s speed, and says so', () => {
    const result = compareRun(baseline, slowerMachine);

    expect(result.speed).toMatchObject({ tests: 40, applied: true });
    expect(result.speed?.factor).toBeCloseTo(1.1, 10);
    expect(kindOf(result, 7)).toBe('unchanged');
    expect(result.summary.tests.regressed).toBe(0);
  });

  it('still flags a test that got slower than the rest by more than its threshold', () => {
    const result = compareRun(
      baseline,
      currentRun(40, (i) => (i === 7 ? 1.45 : 1.1)),
    );

    expect(kindOf(result, 7)).toBe('regressed');
    expect(result.summary.tests.regressed).toBe(1);
  });

  it('compares suites as measured, so a slowdown of everything past the suite threshold still fails', () => {
    const result = compareRun(
      baseline,
      currentRun(40, () => 1.3),
    );

    expect(result.speed).toMatchObject({ applied: false });
    expect(result.suites.every((verdict) => verdict.kind === 'regressed')).toBe(true);
    expect(result.summary.tests.regressed).toBe(40);
  });

  it('compares as measured with normalizeSpeed: false', () => {
    const result = compareRun(baseline, slowerMachine, { normalizeSpeed: false });

    expect(result.speed).toBeNull();
    expect(kindOf(result, 7)).toBe('regressed');
  });
});
