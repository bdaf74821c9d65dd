import { buildBaseline } from '../buildBaseline';
import { compareRun } from '../compareRun';
import { gateSeries } from '../gateSeries';
import { machineSpeed, SPEED_MIN_MS, SPEED_MIN_TESTS } from '../machineSpeed';
import { type FileOptions, load, withFiles } from './helpers/files';
import { makeRun, makeRuns, type TestRow } from './helpers/runs';

const config = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 }, slowTestMs: 30_000 };

/** `count` tests of `baseMs` (1 s), one per file, spread over 5 suites, each scaled by `scale(index)`. */
function rows(count: number, scale: (index: number) => number = () => 1, baseMs = 1000): TestRow[] {
  return Array.from({ length: count }, (_, i): TestRow => [`tests/s${i % 5}/f${i}.test.ts › t${i}`, baseMs * scale(i)]);
}

/** One current run ("now") of {@link rows}, with its file records. */
function currentRun(count: number, scale?: (index: number) => number, options: FileOptions = {}) {
  return withFiles(makeRun('now', rows(count, scale)), options);
}

/** `runs` current runs ("now0"…) of {@link rows}: a median of several runs, which a single stall cannot make. */
function currentRuns(runs: number, count: number, scale?: (index: number) => number, options: FileOptions = {}) {
  return Array.from({ length: runs }, (_, r) => withFiles(makeRun(`now${r}`, rows(count, scale)), options));
}

/** 8 runs of 40 tests of 1 s (± 5 %), each in its own file with 50 ms of start-up. */
const baseline = buildBaseline(
  makeRuns(8, Object.fromEntries(rows(40))).map((run) => withFiles(run)),
  config,
);

function kindOf(result: ReturnType<typeof compareRun>, index: number): string | undefined {
  return result.tests.find((verdict) => verdict.id === `tests/s${index % 5}/f${index}.test.ts › t${index}`)?.kind;
}

describe('machineSpeed', () => {
  it('is the median ratio of current to baseline over the tests both sides timed', () => {
    const speed = machineSpeed(baseline, gateSeries([currentRun(40, (i) => (i < 30 ? 1.1 : 2))]));

    expect(speed?.factor).toBeCloseTo(1.1, 10);
    expect(speed).toMatchObject({ tests: 40, applied: true, cpuFactor: null });
  });

  it(`leaves out tests under ${SPEED_MIN_MS} ms in the baseline and tests it has no baseline for`, () => {
    const fast = buildBaseline(makeRuns(8, Object.fromEntries(rows(40, () => 1, SPEED_MIN_MS / 2))), config);
    const fastNow = makeRun(
      'now',
      rows(40, () => 1.1, SPEED_MIN_MS / 2),
    );

    expect(machineSpeed(fast, gateSeries([fastNow]))).toBeNull();
    const unknown = makeRun('now', [['tests/other/x.test.ts › x', 500]]);
    expect(machineSpeed(baseline, gateSeries([unknown]))).toBeNull();
  });

  it(`estimates nothing from fewer than ${SPEED_MIN_TESTS} comparable tests and too few files`, () => {
    const testsOnly = buildBaseline(makeRuns(8, Object.fromEntries(rows(40))), config);

    expect(
      machineSpeed(
        testsOnly,
        gateSeries([
          makeRun(
            'now',
            rows(SPEED_MIN_TESTS - 1, () => 1.1),
          ),
        ]),
      ),
    ).toBeNull();
    // Four files of 100 ms or more are not enough either.
    expect(machineSpeed(baseline, gateSeries([currentRun(4, () => 1.1)]))).toBeNull();
  });

  it(`falls back on the files' runtimes when fewer than ${SPEED_MIN_TESTS} tests compare`, () => {
    const speed = machineSpeed(baseline, gateSeries([currentRun(SPEED_MIN_TESTS - 1, () => 1.1)]));

    // Files: (1100 + 50) / (1000 + 50).
    expect(speed?.factor).toBeCloseTo(1150 / 1050, 10);
    expect(speed?.tests).toBe(SPEED_MIN_TESTS - 1);
  });

  it('is never taken beyond 0.5× or 3×', () => {
    expect(machineSpeed(baseline, gateSeries([currentRun(40, () => 5)]))?.factor).toBe(3);
    expect(machineSpeed(baseline, gateSeries([currentRun(40, () => 0.2)]))?.factor).toBe(0.5);
  });

  it('measures the CPU speed apart, when both sides measured CPU time', () => {
    const cpuBaseline = buildBaseline(
      makeRuns(8, Object.fromEntries(rows(40))).map((run) => withFiles(run, { cpuShare: 0.8 })),
      config,
    );
    // Wall 1.5× but each test's CPU time 1.5 × 0.4 / 0.8 = 0.75× of the baseline's.
    const speed = machineSpeed(cpuBaseline, gateSeries([currentRun(40, () => 1.5, { cpuShare: 0.4 })]));

    expect(speed?.factor).toBeCloseTo(1.5, 10);
    expect(speed?.cpuFactor).toBeCloseTo(0.75, 10);
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

  it('still flags a test that got slower than the rest by more than its threshold, impact and noise', () => {
    const slowSeventh = (i: number) => (i === 7 ? 1.45 : 1.1);
    // From one run, its wall time cannot fail the check: a stall looks the same.
    const single = compareRun(baseline, currentRun(40, slowSeventh));
    expect(single.tests.find((verdict) => verdict.id.endsWith('› t7'))).toMatchObject({
      kind: 'unconfirmed',
      reason: 'one-run',
    });
    expect(single.regressed).toBe(false);
    const result = compareRun(baseline, currentRuns(3, 40, slowSeventh));

    // 1.45 s against 1.10 s expected: +350 ms, +32 %.
    const seventh = result.tests.find((verdict) => verdict.id.endsWith('› t7'));
    expect(seventh).toMatchObject({ kind: 'regressed', evidence: 'wall' });
    expect(seventh && 'deltaMs' in seventh ? seventh.deltaMs : null).toBeCloseTo(350, 6);
    expect(result.summary.tests.regressed).toBe(1);
    expect(result.regressed).toBe(true);
  });

  it('judges the whole run unscaled: a slowdown of everything is taken for a busy machine when the run does not say', () => {
    const result = compareRun(
      baseline,
      currentRun(40, () => 2.5),
    );

    expect(result.speed?.factor).toBeCloseTo(2.5, 10);
    expect(result.summary.tests.regressed).toBe(0);
    expect(result.context.busy).toEqual({ busy: true, how: 'inferred', othersCpuShare: null });
    expect(result.suites.find((verdict) => verdict.scope === 'run')).toMatchObject({
      kind: 'unconfirmed',
      reason: 'busy',
    });
    expect(result.regressed).toBe(false);
  });

  it('fails a slowdown of everything when the runs measured a quiet machine', () => {
    const single = compareRun(
      baseline,
      currentRun(40, () => 2.5, { load: load(false) }),
    );
    expect(single.suites.find((verdict) => verdict.scope === 'run')).toMatchObject({
      kind: 'unconfirmed',
      reason: 'one-run',
    });
    expect(single.regressed).toBe(false);
    const result = compareRun(
      baseline,
      currentRuns(3, 40, () => 2.5, { load: load(false) }),
    );

    expect(result.context.busy).toMatchObject({ busy: false, how: 'measured' });
    expect(result.suites.find((verdict) => verdict.scope === 'run')).toMatchObject({
      kind: 'regressed',
      suite: 'whole run',
      file: null,
    });
    expect(result.regressed).toBe(true);
  });

  it('compares as measured with normalizeSpeed: false', () => {
    const result = compareRun(
      baseline,
      currentRuns(3, 40, (i) => (i === 7 ? 1.3 : 1.1)),
      {
        normalizeSpeed: false,
        thresholds: { test: 0.25 },
      },
    );

    expect(result.speed).toBeNull();
    // 1.30 s against 1.00 s: +300 ms, +30 %, beyond the noise.
    expect(kindOf(result, 7)).toBe('regressed');
    expect(kindOf(result, 8)).toBe('unchanged');
  });
});
