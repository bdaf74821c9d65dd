import { type Baseline, type RunFile, sameTestbed, testbedOf } from '@jest-perf/core';
import { type GateSeries, gateSeries } from './gateSeries';
import { MIN_OWN_SAMPLES } from './noiseFloor';
import { median } from './stats';
import type { GateContext } from './types';

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** How busy the current runs' machine was: measured by the runs, or inferred from a run slower across the board. */
function busyOf(runs: readonly RunFile[], overallRatio: number | null, suiteThreshold: number): GateContext['busy'] {
  const measured = runs.filter((run) => run.load);
  if (measured.length > 0) {
    const shares = measured.map((run) => run.load?.othersCpuShare).filter((s): s is number => typeof s === 'number');
    return {
      busy: measured.some((run) => run.load?.busy),
      how: 'measured',
      othersCpuShare: shares.length > 0 ? Math.max(...shares) : null,
    };
  }
  if (overallRatio === null) return { busy: false, how: 'unknown', othersCpuShare: null };
  return { busy: overallRatio > 1 + suiteThreshold, how: 'inferred', othersCpuShare: null };
}

/** Files a machine-wide slowdown is inferred from: with fewer, one slowed file would pass for the machine. */
const MIN_FILES_FOR_RATIO = 3;

/**
 * How much longer the current runs' files took than the same files in the baseline: the median over files
 * of current / baseline runtime, so one really slower file does not pass for a busy machine. With too few
 * files to say (reruns of one or two files), the runs' totals when the baseline has no file statistics, else
 * null.
 */
export function overallRatio(baseline: Baseline, series: GateSeries): number | null {
  const ratios: number[] = [];
  for (const [path, file] of series.files) {
    const before = baseline.files?.[path]?.runtime?.median;
    const now = median(file.runtime);
    if (before !== undefined && before > 0 && Number.isFinite(now)) ratios.push(now / before);
  }
  if (ratios.length >= MIN_FILES_FOR_RATIO) return median(ratios);
  if (baseline.files && Object.values(baseline.files).some((f) => f.runtime)) return null;
  const total = baseline.run?.totalMs.median;
  const now = median(series.total);
  return total && total > 0 && Number.isFinite(now) ? now / total : null;
}

/**
 * What the check compares with what: the two testbeds, how busy the machine was, and whether wall time can
 * fail the check (same or unrecorded testbed and a quiet machine, or confirming reruns).
 */
export function gateContext(
  baseline: Baseline,
  runs: readonly RunFile[],
  series: GateSeries,
  options: { suiteThreshold: number; confirmed: boolean },
): GateContext {
  const newest = runs[runs.length - 1] as RunFile;
  const current = testbedOf(newest);
  const base = baseline.testbed ?? null;
  const same = base === null || sameTestbed(base, current);
  const ratio = overallRatio(baseline, series);
  // Confirming reruns are judged by their own load (measured, or inferred from the files they reran): the
  // first run is the one they re-measure.
  const reruns = runs.slice(1);
  const busy = options.confirmed
    ? busyOf(reruns, overallRatio(baseline, gateSeries(reruns)), options.suiteThreshold)
    : busyOf(runs, ratio, options.suiteThreshold);
  const wallTrusted = same && !busy.busy;
  const baselineRuns = baseline.source.runIds.length;
  const notes: string[] = [];
  if (base === null) {
    notes.push(
      'The baseline does not say which machine it came from (built by an older jest-perf): rebuild it to record its testbed.',
    );
  } else if (!same) {
    notes.push(
      `Baseline from another testbed (${base.key}); this run: ${current.key}. Wall time alone does not fail the check; CPU time, and reruns confirmed on a quiet machine (--confirm), do.`,
    );
  }
  if (busy.busy && busy.how === 'measured') {
    const share =
      busy.othersCpuShare === null ? '' : ` (other processes used ${percent(busy.othersCpuShare)} of the CPU)`;
    notes.push(
      `The machine was busy during the run${share}: wall time alone does not fail the check, nor CPU time that grew less than twofold (contention for cores and caches); larger CPU growth, and reruns confirmed on a quiet machine (--confirm), do.`,
    );
  } else if (busy.busy && ratio !== null) {
    notes.push(
      `The whole run took ${ratio.toFixed(2)}× the baseline's time and the run file does not say how busy the machine was: taken as a busy machine, so wall time alone does not fail the check.`,
    );
  }
  if (baselineRuns < MIN_OWN_SAMPLES) {
    notes.push(
      `The baseline comes from ${baselineRuns} run(s): too few to judge single tests, so tests are judged through their files (build it from 3 or more runs).`,
    );
  }
  if (options.confirmed) notes.push('Current values are the fastest of the run and its reruns (noise only adds time).');
  return {
    testbed: { baseline: base, current, same },
    busy,
    wallTrusted,
    confirmed: options.confirmed,
    baselineRuns,
    notes,
  };
}
