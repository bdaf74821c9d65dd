import type { RunFile } from '@jest-perf/core';
import { buildBaseline } from '../buildBaseline';
import { gateContext, overallRatio } from '../gateContext';
import { gateSeries } from '../gateSeries';
import { load, withFiles } from './helpers/files';
import { makeRun, makeRuns } from './helpers/runs';

const config = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 }, slowTestMs: 30_000 };
const baseline = buildBaseline(
  makeRuns(3, { 'a.test.ts › t': 1000 }).map((run) => withFiles(run)),
  config,
);
const options = { suiteThreshold: 0.15, confirmed: false };

function now(ms: number, extra: Partial<RunFile> = {}): RunFile {
  return { ...withFiles(makeRun('now', [['a.test.ts › t', ms]])), ...extra };
}

function contextOf(runs: RunFile[], opts = options, base = baseline) {
  return gateContext(base, runs, gateSeries(runs), opts);
}

describe('gateContext', () => {
  it('trusts wall time on a quiet machine of the baseline’s testbed, with nothing to note', () => {
    const context = contextOf([now(1000, { load: load(false) })]);
    expect(context).toMatchObject({
      testbed: { same: true },
      busy: { busy: false, how: 'measured', othersCpuShare: 0.05 },
      wallTrusted: true,
      confirmed: false,
      baselineRuns: 3,
      notes: [],
    });
  });

  it('takes a busy machine from the run’s measured load and says how busy', () => {
    const context = contextOf([now(1000, { load: load(true, 0.62) })]);
    expect(context.busy).toEqual({ busy: true, how: 'measured', othersCpuShare: 0.62 });
    expect(context.wallTrusted).toBe(false);
    expect(context.notes).toEqual([
      expect.stringContaining('busy during the run (other processes used 62 % of the CPU)'),
    ]);
  });

  it('does not infer a busy machine from one slowed file: it could be the file', () => {
    expect(contextOf([now(1300)]).busy).toEqual({ busy: false, how: 'unknown', othersCpuShare: null });
    expect(overallRatio(baseline, gateSeries([now(1300)]))).toBeNull();
  });

  it('infers a busy machine from the median file ratio when the run does not say', () => {
    const stats = (median: number) => ({ median, mad: 0, samples: 3, min: median, max: median });
    const files = { a: 100, b: 200, c: 400, d: 800 };
    const base = {
      ...baseline,
      files: Object.fromEntries(
        Object.entries(files).map(([p, ms]) => [p, { runtimeMs: ms, samples: 3, runtime: stats(ms) }]),
      ),
    };
    const seriesOf = (factors: number[]) =>
      ({
        files: new Map(
          Object.entries(files).map(([p, ms], i) => [p, { runtime: Float64Array.of(ms * (factors[i] ?? 1)) }]),
        ),
        total: Float64Array.of(Number.NaN),
      }) as unknown as ReturnType<typeof gateSeries>;
    // Every file 30 % slower: the machine. One file 3× slower: that file, not the machine.
    expect(overallRatio(base, seriesOf([1.3, 1.3, 1.3, 1.3]))).toBeCloseTo(1.3, 10);
    expect(overallRatio(base, seriesOf([3, 1, 1, 1]))).toBeCloseTo(1, 10);
  });

  it('infers from the whole run when the baseline has no file statistics', () => {
    const noFiles = {
      ...baseline,
      files: undefined,
      run: { totalMs: { median: 1050, mad: 0, samples: 3, min: 1050, max: 1050 } },
    };
    const series = { files: new Map(), total: Float64Array.of(1350) } as unknown as ReturnType<typeof gateSeries>;
    expect(overallRatio(noFiles, series)).toBeCloseTo(1350 / 1050, 10);
  });

  it('knows nothing of the load when the baseline has no whole-run total', () => {
    const testsOnly = buildBaseline(makeRuns(3, { 'a.test.ts › t': 1000 }), config);
    const context = contextOf([now(2000)], options, testsOnly);
    expect(context.busy).toEqual({ busy: false, how: 'unknown', othersCpuShare: null });
    expect(overallRatio(testsOnly, gateSeries([now(2000)]))).toBeNull();
  });

  it('does not trust wall time from another testbed, and says so', () => {
    const other = now(1000, { load: load(false) });
    other.machine = { ...other.machine, cpuModel: 'faster cpu', cores: 8 };
    const context = contextOf([other]);
    expect(context.testbed).toMatchObject({ same: false, current: { cpuModel: 'faster cpu', cores: 8 } });
    expect(context.wallTrusted).toBe(false);
    expect(context.notes).toEqual([expect.stringContaining('Baseline from another testbed (cpu, 2 cores')]);
  });

  it('trusts an older baseline without a testbed, asking to rebuild it', () => {
    const { testbed: _testbed, ...older } = baseline;
    const context = contextOf([now(1000, { load: load(false) })], options, older);
    expect(context.testbed).toMatchObject({ baseline: null, same: true });
    expect(context.wallTrusted).toBe(true);
    expect(context.notes).toEqual([expect.stringContaining('rebuild it to record its testbed')]);
  });

  it('notes a baseline of too few runs to judge single tests', () => {
    const short = buildBaseline([withFiles(makeRun('only', [['a.test.ts › t', 1000]]))], config);
    const context = contextOf([now(1000, { load: load(false) })], options, short);
    expect(context.baselineRuns).toBe(1);
    expect(context.notes).toEqual([expect.stringContaining('from 1 run(s): too few to judge single tests')]);
  });

  it('judges confirming reruns by their own load, not by the run they re-measure', () => {
    const quietReruns = contextOf([now(1000, { load: load(true) }), now(1000, { load: load(false) })], {
      ...options,
      confirmed: true,
    });
    expect(quietReruns).toMatchObject({ wallTrusted: true, confirmed: true });
    expect(quietReruns.notes).toContain(
      'Current values are the fastest of the run and its reruns (noise only adds time).',
    );
    const busyReruns = contextOf([now(1000, { load: load(false) }), now(1000, { load: load(true) })], {
      ...options,
      confirmed: true,
    });
    expect(busyReruns).toMatchObject({ wallTrusted: false, confirmed: true });
  });
});
