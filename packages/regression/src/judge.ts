import type { DurationStats } from '@jest-perf/core';
import { MIN_OWN_SAMPLES, type NoiseFloor } from './noiseFloor';
import { finite, MAD_TO_SD, median, medianVarianceFactor } from './stats';
import type { Evidence, Measurement, UnconfirmedReason, Verdict } from './types';

/** A test whose baseline spends at least this share of its wall time on the CPU "computes"; below, it waits. */
export const COMPUTES_SHARE = 0.5;

/** One time (wall or CPU) of one thing: its baseline statistics and its current samples. */
export interface TimeSeries {
  base: DurationStats;
  current: ArrayLike<number>;
}

/** How one time is compared: the scale of the current machine and how the noise is estimated. */
export interface TimeRule {
  /** Expected current = baseline median × speed (the machine's speed across the board; 1 = as measured). */
  speed: number;
  floor: NoiseFloor;
  /** Whether a large change in this time can fail the check. */
  trusted: boolean;
  /** Why it cannot, when not trusted. */
  distrust: UnconfirmedReason;
  /**
   * How many times its baseline this time may grow on the current machine with the code unchanged (a busy
   * machine: shared cores and caches make the same work cost more CPU); growth within it is no evidence and
   * leaves the judgement to the other time. 1 (or absent): any growth beyond noise counts.
   */
  contention?: number;
}

/** Everything a judgement depends on besides the data. */
export interface JudgeParams {
  threshold: number;
  minImpactMs: number;
  noiseK: number;
  assumedCv: number;
  /** Current values are one run and its confirming reruns: take the minimum (noise only adds time). */
  confirmed: boolean;
  /** Below {@link MIN_OWN_SAMPLES} baseline runs, say `unjudged` instead of judging (tests: their file is). */
  judgeFewRuns: boolean;
  wall: TimeRule;
  cpu: TimeRule;
}

/** The comparison of one time, before any verdict. */
interface Compared {
  evidence: Evidence;
  baselineMs: number;
  currentMs: number;
  deltaMs: number;
  change: number;
  noiseMs: number;
  currentSamples: number;
  /** Slower by the threshold and the minimum impact. */
  large: boolean;
  /** Slower beyond the noise. */
  beyondNoise: boolean;
}

function compare(series: TimeSeries, rule: TimeRule, params: JudgeParams, evidence: Evidence): Compared | null {
  const current = finite(series.current);
  if (current.length === 0) return null;
  const currentMs = params.confirmed ? Math.min(...current) : median(current);
  const baselineMs = series.base.median * rule.speed;
  const own =
    series.base.samples >= MIN_OWN_SAMPLES ? MAD_TO_SD * series.base.mad * rule.speed : params.assumedCv * baselineMs;
  // One run's spread: its own robust spread, never below the pooled floor of its size nor a millisecond
  // (Jest reports whole milliseconds).
  const oneRun = Math.max(own, rule.floor.cvAt(series.base.median) * baselineMs, 1);
  const spread =
    params.noiseK *
    oneRun *
    Math.sqrt(medianVarianceFactor(series.base.samples) + medianVarianceFactor(current.length));
  // A single run can hit a stall as large as those its kind saw in the baseline; a run's minimum over
  // confirming reruns, or a median of several, cannot.
  const single = current.length === 1 && !params.confirmed;
  const noiseMs = single ? Math.max(spread, rule.floor.stallAt(series.base.median) * rule.speed) : spread;
  const deltaMs = currentMs - baselineMs;
  const change = baselineMs > 0 ? deltaMs / baselineMs : currentMs > 0 ? Number.POSITIVE_INFINITY : 0;
  return {
    evidence,
    baselineMs,
    currentMs,
    deltaMs,
    change,
    noiseMs,
    currentSamples: current.length,
    large: deltaMs >= params.minImpactMs && change > params.threshold,
    beyondNoise: deltaMs > noiseMs,
  };
}

function measurement(c: Compared, base: DurationStats, threshold: number, cpuShare: number | null): Measurement {
  return {
    baselineMs: c.baselineMs,
    currentMs: c.currentMs,
    change: c.change,
    deltaMs: c.deltaMs,
    threshold,
    noiseMs: c.noiseMs,
    baselineSamples: base.samples,
    currentSamples: c.currentSamples,
    evidence: c.evidence,
    cpuShare,
  };
}

/**
 * Judges one thing (a test, a hook, a file's start-up…) on impact: it regresses only when it adds at least
 * `minImpactMs`, more than `threshold` of its baseline and more than its noise, on evidence the check trusts.
 * A thing that mostly computes (CPU time measured on both sides, ≥ {@link COMPUTES_SHARE} of its wall time)
 * is judged on CPU time, which a busy machine barely moves; one that mostly waits, on wall time. See
 * {@link VerdictKind} for every outcome.
 */
export function judge(wall: TimeSeries | undefined, cpu: TimeSeries | undefined, params: JudgeParams): Verdict | null {
  if (!wall) return null;
  const w = compare(wall, params.wall, params, 'wall');
  if (!w) return { kind: 'missing', baselineMs: wall.base.median, baselineSamples: wall.base.samples };
  const c = cpu && cpu.base.samples > 0 ? compare(cpu, params.cpu, params, 'cpu') : null;
  const cpuShare = cpu && wall.base.median > 0 ? Math.min(1, cpu.base.median / wall.base.median) : null;
  const computes = c !== null && cpuShare !== null && cpuShare >= COMPUTES_SHARE;
  const wallResult = measurement(w, wall.base, params.threshold, cpuShare);
  if (wall.base.samples < MIN_OWN_SAMPLES && !params.judgeFewRuns) return { kind: 'unjudged', ...wallResult };
  const beyondContention = c !== null && c.currentMs > c.baselineMs * (params.cpu.contention ?? 1);
  // Process CPU time also counts GC and compiler threads, and on a busy VM time the host took away: one run
  // of a thing that mostly waits can show a stall as CPU time (seen: a 1 ms test at 1.76 s of CPU). One run
  // is evidence only for a thing that computes, whose CPU time dwarfs such extras; others need a second sample.
  const cpuSampledEnough = c !== null && (computes || params.confirmed || c.currentSamples > 1);
  if (c && cpu && c.large && c.beyondNoise && beyondContention && cpuSampledEnough && params.cpu.trusted) {
    return { kind: 'regressed', ...measurement(c, cpu.base, params.threshold, cpuShare) };
  }
  if (w.large) {
    if (!w.beyondNoise) return { kind: 'unconfirmed', reason: 'noise', ...wallResult };
    if (!params.wall.trusted) return { kind: 'unconfirmed', reason: params.wall.distrust, ...wallResult };
    // One run's wall time can hold a stall of any size (a worker descheduled for a second while the test
    // waits): it takes a second sample — confirming reruns or several runs — to fail the check.
    if (w.currentSamples === 1 && !params.confirmed) return { kind: 'unconfirmed', reason: 'one-run', ...wallResult };
    // A computing thing whose CPU time did not move was slowed by something else (a stall, the machine).
    if (computes && !params.confirmed) return { kind: 'unconfirmed', reason: 'cpu-unchanged', ...wallResult };
    return { kind: 'regressed', ...wallResult };
  }
  if (w.change > params.threshold && w.beyondNoise) return { kind: 'minor', ...wallResult };
  const faster = -w.deltaMs >= params.minImpactMs && -w.change > params.threshold / (1 + params.threshold);
  if (faster && -w.deltaMs > w.noiseMs) return { kind: 'improved', ...wallResult };
  return { kind: 'unchanged', ...wallResult };
}
