import { IMPORT_ADVICE, startupReport } from '../fileStartup';
import { makeFile, makeHook, makeRun, makeTest } from './helpers/runs';

const tests = [
  makeTest({ file: 'src/heavy.test.ts', title: 'a', durationMs: 1_000 }),
  makeTest({ file: 'src/heavy.test.ts', title: 'b', durationMs: 1_500, status: 'failed' }),
  makeTest({ file: 'src/light.test.ts', title: 'c', durationMs: 900 }),
  makeTest({ file: 'src/setup.test.ts', title: 'd', durationMs: 100 }),
];
const files = [
  // 29.2 s of runtime, 2.5 s of tests, 0.7 s of beforeAll/afterAll: 26 s start-up.
  makeFile({
    path: 'src/heavy.test.ts',
    runtimeMs: 29_200,
    setupMs: 50,
    hooks: [
      makeHook({ type: 'beforeAll', calls: 1, totalMs: 500 }),
      makeHook({ type: 'afterAll', calls: 1, totalMs: 200 }),
      // Inside the tests' durations already: not subtracted again.
      makeHook({ type: 'beforeEach', calls: 2, totalMs: 800 }),
    ],
  }),
  makeFile({ path: 'src/light.test.ts', runtimeMs: 1_000, setupMs: null }),
  makeFile({ path: 'src/setup.test.ts', runtimeMs: 2_100, setupMs: 1_500 }),
  makeFile({ path: 'src/broken.test.ts', runtimeMs: 9_000, execError: true }),
];
const run = makeRun({ tests, files });

describe('startupReport', () => {
  it('takes every test (failed too) and the beforeAll/afterAll hooks out of the runtime, most start-up first', () => {
    const report = startupReport(run, 10);

    expect(report.files.map((f) => [f.file, f.startupMs, f.runtimeMs])).toEqual([
      ['src/heavy.test.ts', 26_000, 29_200],
      ['src/setup.test.ts', 2_000, 2_100],
      ['src/light.test.ts', 100, 1_000],
    ]);
    expect(report.files[0]?.share).toBeCloseTo(26_000 / 29_200);
    expect(report.totalMs).toBe(28_100);
    expect(report.runtimeMs).toBe(32_300);
  });

  it('leaves out files that failed to run and files with no start-up, and keeps the top N', () => {
    const tight = makeRun({
      tests: [makeTest({ file: 'src/tight.test.ts', title: 't', durationMs: 1_200 }), ...tests],
      files: [makeFile({ path: 'src/tight.test.ts', runtimeMs: 1_000 }), ...files],
    });

    expect(startupReport(tight, 10).files.map((f) => f.file)).not.toContain('src/tight.test.ts');
    expect(startupReport(tight, 10).files.map((f) => f.file)).not.toContain('src/broken.test.ts');
    expect(startupReport(tight, 1).files.map((f) => f.file)).toEqual(['src/heavy.test.ts']);
  });

  it('points at the setup files when they are most of the start-up, else at transform and imports', () => {
    const byFile = new Map(startupReport(run, 10).files.map((f) => [f.file, f]));

    expect(byFile.get('src/setup.test.ts')).toMatchObject({
      setupFilesMs: 1_500,
      advice: 'setup files take 1.50 s: trim setupFiles/setupFilesAfterEnv or load their helpers lazily',
    });
    expect(byFile.get('src/heavy.test.ts')?.advice).toBe(IMPORT_ADVICE);
    expect(byFile.get('src/light.test.ts')).toMatchObject({ setupFilesMs: null, advice: IMPORT_ADVICE });
  });

  it('gives transform advice that fits any transformer, ts-jest only as the one case it names', () => {
    expect(IMPORT_ADVICE).toBe(
      'transform and module loading: use a faster transformer such as @swc/jest (with ts-jest, `isolatedModules: true`); mock or lazy-load heavy imports',
    );
  });

  it('lists nothing for a run without files', () => {
    expect(startupReport(makeRun({ tests: [], files: [] }), 10)).toEqual({ totalMs: 0, runtimeMs: 0, files: [] });
  });
});
