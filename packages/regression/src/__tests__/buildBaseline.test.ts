import { baselineSchema, type History, type JestPerfError, validateWith } from '@jest-perf/core';
import { buildBaseline } from '../buildBaseline';
import { hook, withFiles } from './helpers/files';
import { makeRun, makeRuns } from './helpers/runs';

const config = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 1000 };
const now = new Date('2026-02-03T04:05:06.000Z');

describe('buildBaseline from runs', () => {
  const runs = makeRuns(5, { 'p/b.test.ts › slow': 1200, 'p/a.test.ts › quick': 10.123456, 'q/c.test.ts › c': 40 });
  const baseline = buildBaseline(runs, config, { now });

  it('stores per test the median as durationMs and the statistics of the runs, and no threshold', () => {
    expect(baseline.tests['p/b.test.ts › slow']).toEqual({
      file: 'p/b.test.ts',
      durationMs: 1200,
      stats: { median: 1200, mad: 30, samples: 5, min: 1140, max: 1260 },
    });
  });

  it('groups suites by folder with the median of their per-run sums', () => {
    expect(baseline.suites.p).toEqual({ durationMs: 1210.123, stats: expect.anything(), tests: 2 });
    expect(baseline.suites.q?.stats.samples).toBe(5);
  });

  it('records the source runs, empty overrides, slow limit, median slow count and time', () => {
    expect(baseline).not.toHaveProperty('thresholds');
    expect(baseline).toMatchObject({
      schemaVersion: 2,
      createdAt: '2026-02-03T04:05:06.000Z',
      source: { runIds: ['r0', 'r1', 'r2', 'r3', 'r4'], commit: 'c-r4' },
      overrides: { tests: {}, files: {} },
      slowTestMs: 1000,
      slowCount: 1,
    });
  });

  it('sorts keys and rounds to microseconds so the committed file diffs cleanly', () => {
    expect(Object.keys(baseline.tests)).toEqual(['p/a.test.ts › quick', 'p/b.test.ts › slow', 'q/c.test.ts › c']);
    expect(baseline.tests['p/a.test.ts › quick']?.durationMs).toBe(10.123);
  });

  it('keeps the overrides of the baseline it replaces for the tests and files it still has', () => {
    const overrides = {
      tests: { 'p/b.test.ts › slow': 0.5, 'p/gone.test.ts › removed': 0.9 },
      files: { 'q/c.test.ts': 0.4, 'q/gone.test.ts': 0.9 },
    };
    expect(buildBaseline(runs, config, { now, overrides }).overrides).toEqual({
      tests: { 'p/b.test.ts › slow': 0.5 },
      files: { 'q/c.test.ts': 0.4 },
    });
  });

  it('passes the core baseline schema', () => {
    expect(() => validateWith(baselineSchema, baseline, { what: 'baseline', fix: '' })).not.toThrow();
  });

  it('builds from the latest run alone, leaving out failed tests', () => {
    const single = buildBaseline(
      [
        makeRun(
          'only',
          [
            ['a › ok', 50],
            ['a › bad', 10, 'failed'],
          ],
          null,
        ),
      ],
      config,
      { now },
    );
    expect(Object.keys(single.tests)).toEqual(['a › ok']);
    expect(single.source).toEqual({ runIds: ['only'], commit: null });
    expect(single.tests['a › ok']?.stats).toEqual({ median: 50, mad: 0, samples: 1, min: 50, max: 50 });
  });
});

describe('buildBaseline from history', () => {
  it('uses the newest fromHistory runs', () => {
    const history: History = {
      runs: ['h0', 'h1', 'h2'].map((runId) => ({ runId, startedAt: '2026-01-01T00:00:00.000Z', commit: runId })),
      tests: new Map([
        [
          'a › t',
          { file: 'a', durationsMs: Float64Array.from([100, 10, 20]), statuses: ['passed', 'passed', 'passed'] },
        ],
      ]),
    };
    const baseline = buildBaseline({ history, fromHistory: 2 }, config);
    expect(baseline.source).toEqual({ runIds: ['h1', 'h2'], commit: 'h2' });
    expect(baseline.tests['a › t']?.stats.median).toBe(15);
    expect(baseline.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses an empty history with the run-data error', () => {
    const empty: History = { runs: [], tests: new Map() };
    expect(() => buildBaseline({ history: empty, fromHistory: 10 }, config)).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_NO_RUN_DATA' }) as JestPerfError,
    );
  });
});

describe('files in the baseline (the gate and the shard sequencer)', () => {
  const file = (path: string, runtimeMs: number, execError = false) => ({
    path,
    runtimeMs,
    setupMs: 0,
    loadEnvironmentMs: 0,
    hookMs: 0,
    tags: [],
    worker: 1,
    execError,
    hooks: [],
  });
  const runWith = (id: string, files: ReturnType<typeof file>[]) => ({
    ...makeRun(id, [['a.test.ts › t', 10]], null),
    files,
  });
  const runs = [
    runWith('r0', [file('a.test.ts', 900), file('b.test.ts', 100)]),
    runWith('r1', [file('a.test.ts', 1000), file('b.test.ts', 5000, true)]),
    runWith('r2', [file('a.test.ts', 1300)]),
  ];

  const stats = (median: number, mad: number, samples: number, min: number, max: number) => ({
    median,
    mad,
    samples,
    min,
    max,
  });

  it('stores per file its runtime, tests and start-up statistics over the runs it ran in, failed loads left out', () => {
    expect(buildBaseline(runs, config, { now }).files).toEqual({
      'a.test.ts': {
        runtimeMs: 1000,
        samples: 3,
        runtime: stats(1000, 100, 3, 900, 1300),
        tests: stats(10, 0, 3, 10, 10),
        // Start-up is the runtime outside tests: 900 − 10, 1000 − 10, 1300 − 10.
        startup: stats(990, 100, 3, 890, 1290),
      },
      'b.test.ts': {
        runtimeMs: 100,
        samples: 1,
        runtime: stats(100, 0, 1, 100, 100),
        startup: stats(100, 0, 1, 100, 100),
      },
    });
  });

  it('stores the whole run total over the files that ran, and the testbed of the newest run', () => {
    const baseline = buildBaseline(runs, config, { now });
    // Totals 1000, 1000 (b failed to load in r1) and 1300.
    expect(baseline.run).toEqual({ totalMs: stats(1000, 0, 3, 1000, 1300) });
    expect(baseline.testbed).toMatchObject({ cpuModel: 'cpu', cores: 2, memoryGb: 1, nodeMajor: 20, jestMajor: 30 });
    expect(() => validateWith(baselineSchema, baseline, { what: 'baseline', fix: '' })).not.toThrow();
  });

  it('stores CPU time of tests, files and the whole run, and each hook, when the runs measured them', () => {
    const hooks = {
      'h.test.ts': [{ ...hook('beforeAll', 200, ['Outer', 'Inner']), cpuMs: 150 }, hook('beforeEach', 30)],
    };
    const measured = [100, 110, 90].map((ms, r) =>
      withFiles(makeRun(`r${r}`, [['h.test.ts › t', ms]]), { startupMs: 40, cpuShare: 0.5, hooks }),
    );
    const baseline = buildBaseline(measured, config, { now });
    expect(baseline.tests['h.test.ts › t']?.cpu).toEqual(stats(50, 5, 3, 45, 55));
    const file = baseline.files?.['h.test.ts'];
    // Runtime = test + beforeAll + start-up; the beforeEach is inside the test's time.
    expect(file?.runtime).toEqual(stats(340, 10, 3, 330, 350));
    expect(file?.startup).toEqual(stats(40, 0, 3, 40, 40));
    // CPU time of the file's tests; the whole run's adds the once-hooks' (start-up left out of both).
    expect(file?.cpu).toEqual(stats(50, 5, 3, 45, 55));
    expect(file?.hooks).toEqual({
      'beforeAll (Outer › Inner)': stats(200, 0, 3, 200, 200),
      beforeEach: stats(30, 0, 3, 30, 30),
    });
    expect(baseline.run).toEqual({ totalMs: stats(340, 10, 3, 330, 350), cpuMs: stats(200, 5, 3, 195, 205) });
    expect(() => validateWith(baselineSchema, baseline, { what: 'baseline', fix: '' })).not.toThrow();
  });

  it('takes them from fileRuns when built from the history, and leaves them out without', () => {
    const history: History = {
      runs: ['r0', 'r1', 'r2'].map((runId) => ({ runId, startedAt: '2026-01-01T00:00:00.000Z', commit: null })),
      tests: new Map([
        [
          'a › t',
          { file: 'a', durationsMs: Float64Array.from([10, 10, 10]), statuses: ['passed', 'passed', 'passed'] },
        ],
      ]),
    };
    const withRuns = buildBaseline({ history, fromHistory: 3 }, config, { now, fileRuns: runs });
    expect(withRuns.files?.['a.test.ts']).toMatchObject({ runtimeMs: 1000, samples: 3, runtime: { median: 1000 } });
    expect(withRuns.testbed?.cpuModel).toBe('cpu');
    expect(() => validateWith(baselineSchema, withRuns, { what: 'baseline', fix: '' })).not.toThrow();
    const testsOnly = buildBaseline({ history, fromHistory: 3 }, config, { now });
    expect(testsOnly).not.toHaveProperty('files');
    expect(testsOnly).not.toHaveProperty('run');
    expect(testsOnly).not.toHaveProperty('testbed');
  });
});
