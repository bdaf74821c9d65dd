import { makeFile, makeHook, makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { mergeLaneRuns } from '../analysis/mergeLaneRuns';

describe('mergeLaneRuns', () => {
  const parallel = makeRun({
    runId: 'parallel',
    minute: 0,
    tests: [
      makeTest({ file: 'a.test.ts', title: 'safe', durationMs: 100 }),
      makeTest({ file: 'a.test.ts', title: 'shared port', durationMs: 0, status: 'skipped' }),
    ],
    files: [
      makeFile({ path: 'a.test.ts', runtimeMs: 300, hooks: [makeHook({ type: 'beforeAll', calls: 1, totalMs: 40 })] }),
    ],
    counters: { cache: { hits: 2 } },
  });
  const serial = makeRun({
    runId: 'serial',
    minute: 1,
    tests: [
      makeTest({ file: 'a.test.ts', title: 'safe', durationMs: 0, status: 'skipped' }),
      makeTest({ file: 'a.test.ts', title: 'shared port', durationMs: 250, status: 'failed' }),
      makeTest({ file: 'b.test.ts', title: 'chdir', durationMs: 50 }),
    ],
    files: [
      makeFile({ path: 'a.test.ts', runtimeMs: 400, hooks: [makeHook({ type: 'beforeAll', calls: 1, totalMs: 60 })] }),
      makeFile({ path: 'b.test.ts', runtimeMs: 90 }),
    ],
    counters: { cache: { hits: 1, misses: 1 } },
  });

  it('keeps each test once: the lane that ran it wins over the lane that skipped it', () => {
    const merged = mergeLaneRuns([parallel, serial]);
    expect(merged.tests.map((t) => [t.title, t.status, t.durationMs])).toEqual([
      ['safe', 'passed', 100],
      ['shared port', 'failed', 250],
      ['chdir', 'passed', 50],
    ]);
    expect(merged.summary).toMatchObject({ total: 3, passed: 2, failed: 1, skipped: 0, totalDurationMs: 400 });
  });

  it('adds up a file seen by both lanes, and the lanes’ wall times and counters', () => {
    const merged = mergeLaneRuns([parallel, serial]);
    const a = merged.files.find((f) => f.path === 'a.test.ts');
    expect(a?.runtimeMs).toBe(700);
    expect(a?.hooks.map((h) => h.totalMs)).toEqual([40, 60]);
    expect(merged.files).toHaveLength(2);
    expect(merged.summary.wallMs).toBe(parallel.summary.wallMs + serial.summary.wallMs);
    expect(merged.counters).toEqual({ cache: { hits: 3, misses: 1 } });
    expect(merged.startedAt).toBe(parallel.startedAt);
    expect(merged.endedAt).toBe(serial.endedAt);
  });

  it('is incomplete when a lane was', () => {
    const broken = makeRun({ runId: 'serial', tests: [], incompleteReasons: ['worker 1 was killed'] });
    const merged = mergeLaneRuns([parallel, broken]);
    expect(merged.incomplete).toBe(true);
    expect(merged.incompleteReasons).toEqual(['worker 1 was killed']);
  });

  it('says how to get run files when no lane tracked', () => {
    expect(() => mergeLaneRuns([])).toThrow('no lane produced a run file');
  });
});
