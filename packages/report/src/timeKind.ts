import { DEFAULT_CONFIG } from '@jest-perf/core';
import { COMPUTES_SHARE, formatDuration } from '@jest-perf/regression';

/** What a test's time is spent on: the CPU (it computes) or something else (it waits), with the fix for each. */
export interface TimeKind {
  kind: 'computes' | 'waits';
  /** CPU time when it computes, wall time minus CPU time when it waits. */
  ms: number;
  /** The wall time it is part of. */
  ofMs: number;
  /** CPU time over wall time (can pass 1 when the code runs threads). */
  cpuShare: number;
  advice: string;
}

export const WAIT_ADVICE = 'mock or fake the wait (timers, network, child processes)';
export const COMPUTE_ADVICE = "cache the work or widen the fixture's scope";

/**
 * The kind of a test's time, by the regression gate's own rule ({@link COMPUTES_SHARE}); null when its CPU
 * time was not measured or it took no time.
 */
export function timeKind(wallMs: number, cpuMs: number | undefined): TimeKind | null {
  if (cpuMs === undefined || wallMs <= 0) return null;
  const cpuShare = cpuMs / wallMs;
  if (cpuShare >= COMPUTES_SHARE) {
    return { kind: 'computes', ms: Math.min(cpuMs, wallMs), ofMs: wallMs, cpuShare, advice: COMPUTE_ADVICE };
  }
  return { kind: 'waits', ms: wallMs - cpuMs, ofMs: wallMs, cpuShare, advice: WAIT_ADVICE };
}

/**
 * Tests shorter than this get the split without advice: a fix would save less than the regression gate's
 * default minimum impact (`thresholds.minAbsoluteMs`), and in a short test the CPU share is mostly Jest's and
 * Node's own start-up work (the first test of a worker runs beside its compiler and GC threads).
 */
export const ADVICE_MIN_MS = DEFAULT_CONFIG.thresholds.minAbsoluteMs;

/** `waits 9.80 s of 10.00 s: mock or fake the wait (…)`; without the advice under {@link ADVICE_MIN_MS}. */
export function formatTimeKind(time: TimeKind): string {
  const split = `${time.kind} ${formatDuration(time.ms)} of ${formatDuration(time.ofMs)}`;
  return time.ofMs >= ADVICE_MIN_MS ? `${split}: ${time.advice}` : split;
}
